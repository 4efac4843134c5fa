/*
 * test_select.c - which files "provium test" runs: *.lua found below the
 * paths given, narrowed by -f, --rerun-failed and --shard, sorted; and the
 * record of failed files that --rerun-failed reads next time.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_select.h"
#include "util.h"

static void add_file(char ***files, size_t *n, const char *path)
{
	*files = xrealloc(*files, (*n + 1) * sizeof(char *));
	(*files)[(*n)++] = xstrdup(path);
}

static void free_files(char **files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* *.lua below @path, skipping fixtures/ and hidden directories; errors printed. */
static int discover(const char *path, char ***files, size_t *n)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (stat(path, &st))
		goto fail;
	if (!S_ISDIR(st.st_mode)) {
		if (access(path, R_OK))
			goto fail;
		add_file(files, n, path);
		return 0;
	}
	d = opendir(path);
	if (!d)
		goto fail;
	while ((de = readdir(d))) {
		char *sub;
		size_t len = strlen(de->d_name);

		/* fixtures/ holds VM states, lib/ shared test code: not tests */
		if (de->d_name[0] == '.' || !strcmp(de->d_name, "fixtures") ||
		    !strcmp(de->d_name, "lib"))
			continue;
		sub = xasprintf("%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
				de->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (discover(sub, files, n))
				rc = -1;
		} else if (len > 4 && !strcmp(de->d_name + len - 4, ".lua")) {
			add_file(files, n, sub);
		}
		free(sub);
	}
	closedir(d);
	return rc;
fail:
	fprintf(stderr, "provium test: %s: %s\n", path, strerror(errno));
	return -1;
}

static char rerun_file[PATH_MAX];

/*
 * The project a run belongs to: the directory of the provium.toml above
 * the first path given (or above the working directory), else the working
 * directory. Resolved, so any spelling of it agrees.
 */
static char *project_root(char **paths, int npaths)
{
	const char *env = getenv("PROVIUM_CONFIG");
	char *start, *dir, *slash;
	struct stat st;

	if (env && *env && (start = realpath(env, NULL))) {
		slash = strrchr(start, '/');
		if (slash && slash != start)
			*slash = '\0';
		return start;
	}
	start = realpath(npaths ? paths[0] : ".", NULL);
	if (start && stat(start, &st) == 0 && !S_ISDIR(st.st_mode) &&
	    (slash = strrchr(start, '/')) && slash != start)
		*slash = '\0';
	for (dir = start; dir;) {
		char *toml = xasprintf("%s/provium.toml", dir);
		int found = access(toml, R_OK) == 0;

		free(toml);
		if (found)
			return dir;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	free(start);
	start = realpath(".", NULL);
	return start ? start : xstrdup(".");
}

static char *project;	/* of this run, set when its files are selected */

/* Failed files are remembered per project: runs of two projects never mix. */
static const char *rerun_path(void)
{
	snprintf(rerun_file, sizeof(rerun_file), "%s/last-failed-%016llx", cache_dir(),
		 (unsigned long long)hash_str(HASH_INIT, project ? project : "."));
	return rerun_file;
}

static void set_project(char **paths, int npaths)
{
	free(project);
	project = project_root(paths, npaths);
	if (verbose)	/* cache_dir() is settled on first use: not before it is needed */
		logv("failed files of project %s are recorded in %s", project, rerun_path());
}

/* The path as the user sees it: relative to the working directory if below it. */
static char *display_path(const char *abs)
{
	char cwd[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof(cwd))) {
		n = strlen(cwd);
		if (!strncmp(abs, cwd, n) && abs[n] == '/')
			return xstrdup(abs + n + 1);
	}
	return xstrdup(abs);
}

static char *absolute_path(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	if (!strncmp(path, "./", 2))
		path += 2;
	return xasprintf("%s/%s", cwd, path);
}

/*
 * -f: a pattern without '/' is matched against the file name, as the
 * original Provium did (a substring, or a glob over the name); one with a
 * '/' against the whole path (a substring, or a glob where '*' crosses '/').
 */
static int matches(const struct test_opts *o, const char *path)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int i;

	if (!o->nfilters)
		return 1;
	for (i = 0; i < o->nfilters; i++) {
		const char *f = o->filters[i];
		const char *s = strchr(f, '/') ? path : name;

		if (strstr(s, f) || !fnmatch(f, s, 0))
			return 1;
	}
	return 0;
}

/* The files of this run, sorted, filtered and sharded; NULL + *n = 0 if none. */
int test_select_files(const struct test_opts *o, char **paths, int npaths,
		      struct test_file **out, size_t *out_n, int *empty_record)
{
	char **files = NULL, **rec = NULL;
	size_t nfiles = 0, nrec = 0, k, sel = 0, i;
	struct test_file *tf;
	int p;

	*empty_record = 0;
	set_project(paths, npaths);
	for (p = 0; p < npaths; p++) {
		char *arg = xstrdup(paths[p]);
		size_t len = strlen(arg);

		while (len > 1 && arg[len - 1] == '/')
			arg[--len] = '\0';
		if (discover(arg, &files, &nfiles)) {
			free(arg);
			free_files(files, nfiles);
			return -1;
		}
		free(arg);
	}
	if (o->rerun_failed) {
		size_t len;
		char *list = (char *)read_whole_file(rerun_path(), &len), *line, *save;

		if (!list) {
			fprintf(stderr, "provium test: --rerun-failed: no failed tests recorded "
				"(%s does not exist: run 'provium test' first)\n", rerun_path());
			free_files(files, nfiles);
			return -1;
		}
		for (line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char *shown = display_path(line);

			if (access(line, R_OK))
				fprintf(stderr, "provium test: --rerun-failed: %s is gone, skipping it\n",
					shown);
			else
				add_file(&rec, &nrec, shown);
			free(shown);
		}
		free(list);
		if (npaths) {
			/* only the recorded files below the paths given */
			char **keep = NULL;
			size_t nkeep = 0;

			for (i = 0; i < nrec; i++) {
				char *a = absolute_path(rec[i]);

				for (k = 0; k < nfiles; k++) {
					char *b = absolute_path(files[k]);
					int same = !strcmp(a, b);

					free(b);
					if (same) {
						add_file(&keep, &nkeep, rec[i]);
						break;
					}
				}
				free(a);
			}
			free_files(rec, nrec);
			rec = keep;
			nrec = nkeep;
		}
		free_files(files, nfiles);
		files = rec;
		nfiles = nrec;
		if (!nfiles) {
			*empty_record = 1;
			fprintf(stderr, "provium test: --rerun-failed: no failed tests recorded: "
				"the last complete run passed\n");
		}
	}
	if (nfiles)	/* qsort wants an array, even of nothing */
		qsort(files, nfiles, sizeof(char *), cmp_str);
	tf = xcalloc(nfiles ? nfiles : 1, sizeof(*tf));
	for (k = 0, i = 0; k < nfiles; k++) {
		if (k && !strcmp(files[k], files[k - 1]))
			continue;	/* named twice */
		if (!matches(o, files[k]))
			continue;
		/* shard by position in the sorted selection: stable across machines */
		if (o->shard_n && (int)(i++ % o->shard_n) != o->shard_k - 1)
			continue;
		tf[sel].path = xstrdup(files[k]);
		tf[sel].idx = (int)sel;
		tf[sel].events = -1;
		tf[sel].pool_fd = -1;
		sel++;
	}
	free_files(files, nfiles);
	*out = tf;
	*out_n = sel;
	return 0;
}

void test_select_record(const struct test_run *r)
{
	char *text = xstrdup("");
	size_t k;

	for (k = 0; k < r->n; k++) {
		if (r->tf[k].state == TEST_DONE && r->tf[k].failed) {
			char *abs = absolute_path(r->tf[k].path);

			xappendf(&text, "%s\n", abs);
			free(abs);
		}
	}
	if (write_whole_file(rerun_path(), text, strlen(text)))
		fprintf(stderr, "provium test: cannot write %s: %s\n", rerun_path(),
			strerror(errno));
	free(text);
}

void test_select_print(FILE *f, const struct test_file *tf, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		fprintf(f, "%s\n", tf[k].path);
}
