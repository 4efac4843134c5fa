/*
 * runner.c - "provium run" and "provium test". Each test file runs in its
 * own process with its own Lua state and VMs; the parent schedules files
 * in parallel, collects per-test events through a pipe and reports.
 */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>

#include "lstate.h"
#include "runner.h"
#include "util.h"

int runner_run_script(int argc, char **argv)
{
	char err[8192];
	lua_State *L;
	int rc = 0;

	if (argc < 1) {
		fputs("usage: provium run <script.lua> [args]\n", stderr);
		return 2;
	}
	if (access(argv[0], R_OK)) {
		fprintf(stderr, "provium: cannot read %s: %s\n", argv[0], strerror(errno));
		return 2;
	}
	L = lstate_new();
	if (!L)
		return 2;
	lstate_catch_signals(L);
	if (lstate_run_file(L, argv[0], argc - 1, argv + 1, err, sizeof(err))) {
		fprintf(stderr, "provium: %s\n", err);
		rc = 1;
	}
	lua_close(L);	/* closes every VM the script left running */
	return rc;
}

struct test_file {
	char *path;
	pid_t pid;
	int events;		/* read end of the child's event pipe */
	char *buf;		/* event text received */
	size_t len;
	char log[512];		/* the child's stdout/stderr */
	uint64_t start_ns, end_ns;
	int status;		/* wait status */
	int done;
};

struct test_opts {
	int jobs;
	const char *filters[32];
	int nfilters;
	int fail_fast;
	int timeout_s;
	int shard_k, shard_n;
	int rerun_failed;
};

static void add_file(char ***files, size_t *n, const char *path)
{
	*files = xrealloc(*files, (*n + 1) * sizeof(char *));
	(*files)[(*n)++] = xstrdup(path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* *.lua below @path, skipping fixtures/ directories. */
static void discover(const char *path, char ***files, size_t *n)
{
	struct stat st;
	struct dirent *de;
	DIR *d;

	if (stat(path, &st))
		return;
	if (!S_ISDIR(st.st_mode)) {
		add_file(files, n, path);
		return;
	}
	d = opendir(path);
	if (!d)
		return;
	while ((de = readdir(d))) {
		char *sub;
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.' || !strcmp(de->d_name, "fixtures"))
			continue;
		sub = xasprintf("%s/%s", path, de->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			discover(sub, files, n);
		else if (len > 4 && !strcmp(de->d_name + len - 4, ".lua"))
			add_file(files, n, sub);
		free(sub);
	}
	closedir(d);
}

static const char *rerun_path(void)
{
	static char path[600];

	snprintf(path, sizeof(path), "%s/last-failed", cache_dir());
	return path;
}

static int matches(const struct test_opts *o, const char *path)
{
	int i;

	if (!o->nfilters)
		return 1;
	for (i = 0; i < o->nfilters; i++)
		if (strstr(path, o->filters[i]) || !fnmatch(o->filters[i], path, 0))
			return 1;
	return 0;
}

/* In the child: run one file, events to @fd. */
static void run_child(struct test_file *t, int fd, const struct test_opts *o)
{
	char err[16384], env[32];
	lua_State *L;
	FILE *ev;
	int rc;

	snprintf(env, sizeof(env), "%d", fd);
	setenv("PROVIUM_EVENT_FD", env, 1);
	if (o->timeout_s)
		alarm(o->timeout_s);	/* default SIGALRM ends the file; the parent reports */
	L = lstate_new();
	if (!L)
		_exit(2);
	lstate_catch_signals(L);
	rc = lstate_run_file(L, t->path, 0, NULL, err, sizeof(err));
	ev = fdopen(fd, "w");
	if (rc) {
		char *p;

		for (p = err; *p; p++)
			if (*p == '\n')
				*p = '\v';	/* one event per line */
		fprintf(ev, "error\t%s\n", err);
	}
	fflush(ev);
	/* run the framework's end-of-file hook: close VMs, then exit */
	lua_close(L);
	fprintf(ev, "end\n");
	fclose(ev);
	_exit(rc ? 1 : 0);
}

static int start(struct test_file *t, const struct test_opts *o, const char *logdir, int idx)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC))
		return -1;
	snprintf(t->log, sizeof(t->log), "%s/%03d.log", logdir, idx);
	t->start_ns = mono_ns();
	t->pid = fork();
	if (t->pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (t->pid == 0) {
		int out = open(t->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(p[0]);
		if (out >= 0) {
			dup2(out, 1);
			dup2(out, 2);
			close(out);
		}
		fcntl(p[1], F_SETFD, 0);
		setenv("PROVIUM_LOG_DIR", logdir, 1);
		run_child(t, p[1], o);
	}
	close(p[1]);
	t->events = p[0];
	return 0;
}

struct totals {
	int passed, failed, skipped;
};

static void print_tail(const char *path, int lines)
{
	size_t len;
	uint8_t *d = read_whole_file(path, &len);
	size_t i = len;
	int seen = 0;

	if (!d || !len) {
		free(d);
		return;
	}
	while (i > 0 && seen <= lines)
		if (d[--i] == '\n')
			seen++;
	printf("    --- output (%s) ---\n", path);
	fwrite(d + (i ? i + 1 : 0), 1, len - (i ? i + 1 : 0), stdout);
	if (d[len - 1] != '\n')
		putchar('\n');
	free(d);
}

static void print_message(const char *msg)
{
	const char *p = msg;

	while (*p) {
		size_t n = strcspn(p, "\v");

		printf("      %.*s\n", (int)n, p);
		p += n;
		if (*p)
			p++;
	}
}

/* Print one finished file's report; returns 1 if it failed. */
static int report(struct test_file *t, struct totals *tot)
{
	char *line, *save;
	int failed = 0, subtests = 0, ended = 0;
	double secs = (t->end_ns - t->start_ns) / 1e9;
	char *buf = t->buf ? t->buf : xstrdup("");
	char *error = NULL;

	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[5] = { 0 };
		int n = 0;
		char *tok = line;

		while (n < 5 && tok) {
			f[n++] = tok;
			tok = strchr(tok, '\t');
			if (tok)
				*tok++ = '\0';
		}
		if (!strcmp(f[0], "test") && n >= 4) {
			subtests++;
			if (!strcmp(f[1], "ok")) {
				tot->passed++;
				printf("  ok    %s (%.2fs)\n", f[3], atof(f[2]));
			} else if (!strcmp(f[1], "todo") || !strcmp(f[1], "skip")) {
				tot->skipped++;
				printf("  %-5s %s%s%s\n", f[1], f[3], f[4] ? ": " : "",
				       f[4] ? f[4] : "");
			} else {
				tot->failed++;
				failed = 1;
				printf("  FAIL  %s (%.2fs)\n", f[3], atof(f[2]));
				if (f[4])
					print_message(f[4]);
			}
		} else if (!strcmp(f[0], "error") && n >= 2) {
			error = f[1];
		} else if (!strcmp(f[0], "end")) {
			ended = 1;
		}
	}
	if (error || !ended || !WIFEXITED(t->status)) {
		tot->failed++;
		failed = 1;
		printf("  FAIL  %s: ", t->path);
		if (error) {
			printf("error outside a test\n");
			print_message(error);
		} else if (WIFSIGNALED(t->status) && WTERMSIG(t->status) == SIGALRM) {
			printf("timed out\n");
		} else if (WIFSIGNALED(t->status)) {
			printf("killed by signal %d\n", WTERMSIG(t->status));
		} else {
			printf("exited before finishing\n");
		}
	} else if (!subtests) {
		tot->passed++;	/* a script without test() counts as one test */
	}
	printf("%s %s (%.2fs)\n", failed ? "FAIL" : "PASS", t->path, secs);
	if (failed)
		print_tail(t->log, 30);
	fflush(stdout);
	free(buf);
	t->buf = NULL;
	return failed;
}

static volatile sig_atomic_t stop_requested;

static void on_stop(int sig)
{
	stop_requested = sig;
}

static int parse_opts(int argc, char **argv, struct test_opts *o, char ***paths, int *npaths)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->jobs = 1;
	*paths = xcalloc(argc + 1, sizeof(char *));
	*npaths = 0;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if ((!strcmp(a, "-p") || !strcmp(a, "--jobs")) && i + 1 < argc) {
			o->jobs = atoi(argv[++i]);
			if (o->jobs < 1 || o->jobs > 256) {
				fprintf(stderr, "provium test: -p %s: want 1..256\n", argv[i]);
				return -1;
			}
		} else if ((!strcmp(a, "-f") || !strcmp(a, "--filter")) && i + 1 < argc) {
			if (o->nfilters < 32)
				o->filters[o->nfilters++] = argv[++i];
		} else if (!strcmp(a, "--fail-fast")) {
			o->fail_fast = 1;
		} else if (!strcmp(a, "--rerun-failed")) {
			o->rerun_failed = 1;
		} else if (!strcmp(a, "--timeout") && i + 1 < argc) {
			o->timeout_s = atoi(argv[++i]);
			if (o->timeout_s < 1) {
				fprintf(stderr, "provium test: --timeout %s: want seconds >= 1\n",
					argv[i]);
				return -1;
			}
		} else if (!strcmp(a, "--shard") && i + 1 < argc) {
			if (sscanf(argv[++i], "%d/%d", &o->shard_k, &o->shard_n) != 2 ||
			    o->shard_n < 1 || o->shard_k < 1 || o->shard_k > o->shard_n) {
				fprintf(stderr, "provium test: --shard %s: want K/N with 1 <= K <= N\n",
					argv[i]);
				return -1;
			}
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return 1;
		} else if (a[0] == '-') {
			fprintf(stderr, "provium test: unknown option %s\n", a);
			return -1;
		} else {
			(*paths)[(*npaths)++] = argv[i];
		}
	}
	return 0;
}

static void test_usage(FILE *f)
{
	fputs("usage: provium test [options] <paths...>\n"
	      "  -p N             run N files at once (default 1)\n"
	      "  -f PATTERN       only files whose path contains or matches PATTERN\n"
	      "  --fail-fast      stop after the first failing file\n"
	      "  --rerun-failed   run only the files that failed last time\n"
	      "  --timeout S      fail a file that runs longer than S seconds\n"
	      "  --shard K/N      run the K-th of N deterministic slices\n", f);
}

int runner_test(int argc, char **argv)
{
	struct test_opts o;
	char **paths, **files = NULL, logdir[300];
	int npaths, i, rc, failed_files = 0;
	size_t nfiles = 0, next = 0, running = 0, k;
	struct test_file *tf;
	struct totals tot = { 0, 0, 0 };
	FILE *rerun = NULL;

	rc = parse_opts(argc, argv, &o, &paths, &npaths);
	if (rc) {
		test_usage(rc > 0 ? stdout : stderr);
		free(paths);
		return rc > 0 ? 0 : 2;
	}
	if (o.rerun_failed) {
		size_t len;
		char *list = (char *)read_whole_file(rerun_path(), &len), *line, *save;

		for (line = list ? strtok_r(list, "\n", &save) : NULL; line;
		     line = strtok_r(NULL, "\n", &save))
			add_file(&files, &nfiles, line);
		free(list);
	} else {
		for (i = 0; i < npaths; i++) {
			struct stat st;

			if (stat(paths[i], &st)) {
				fprintf(stderr, "provium test: %s: %s\n", paths[i], strerror(errno));
				free(paths);
				return 2;
			}
			discover(paths[i], &files, &nfiles);
		}
		qsort(files, nfiles, sizeof(char *), cmp_str);
	}
	free(paths);
	tf = xcalloc(nfiles ? nfiles : 1, sizeof(*tf));
	for (k = 0, i = 0; k < nfiles; k++) {
		if (!matches(&o, files[k]))
			continue;
		/* shard by position in the sorted list: stable across machines */
		if (o.shard_n && (int)(k % o.shard_n) != o.shard_k - 1)
			continue;
		tf[i++].path = files[k];
	}
	nfiles = i;
	if (!nfiles) {
		fprintf(stderr, "provium test: no test files found\n");
		return 2;
	}

	snprintf(logdir, sizeof(logdir), "%s/provium-test-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(logdir)) {
		fprintf(stderr, "provium test: cannot create a log directory: %s\n", strerror(errno));
		return 2;
	}
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	rerun = fopen(rerun_path(), "w");

	while (next < nfiles || running) {
		struct pollfd pfd[256];
		size_t map[256];
		int np = 0;

		while (running < (size_t)o.jobs && next < nfiles && !stop_requested &&
		       !(o.fail_fast && failed_files)) {
			if (start(&tf[next], &o, logdir, (int)next) == 0)
				running++;
			else
				tf[next].done = 1;
			next++;
		}
		if (!running)
			break;
		for (k = 0; k < next && np < 256; k++) {
			if (tf[k].done || tf[k].events < 0 || !tf[k].pid)
				continue;
			pfd[np] = (struct pollfd){ tf[k].events, POLLIN, 0 };
			map[np++] = k;
		}
		if (poll(pfd, np, -1) < 0) {
			if (errno == EINTR && stop_requested) {
				for (k = 0; k < next; k++)
					if (!tf[k].done && tf[k].pid > 0)
						kill(tf[k].pid, SIGTERM);
				continue;
			}
			continue;
		}
		for (i = 0; i < np; i++) {
			struct test_file *t = &tf[map[i]];
			char chunk[4096];
			ssize_t n;

			if (!pfd[i].revents)
				continue;
			n = read(t->events, chunk, sizeof(chunk));
			if (n > 0) {
				t->buf = xrealloc(t->buf, t->len + n + 1);
				memcpy(t->buf + t->len, chunk, n);
				t->len += n;
				t->buf[t->len] = '\0';
				continue;
			}
			if (n < 0 && errno == EINTR)
				continue;
			close(t->events);
			t->events = -1;
			while (waitpid(t->pid, &t->status, 0) < 0 && errno == EINTR)
				;
			t->end_ns = mono_ns();
			t->done = 1;
			running--;
			if (report(t, &tot)) {
				failed_files++;
				if (rerun)
					fprintf(rerun, "%s\n", t->path);
			}
		}
	}
	if (rerun)
		fclose(rerun);
	if (!failed_files && !getenv("PROVIUM_KEEP_LOGS"))
		rm_rf(logdir);
	else
		printf("logs: %s\n", logdir);
	for (k = 0; k < nfiles; k++)
		if (!tf[k].pid && !tf[k].done)
			tot.skipped++;	/* not started: --fail-fast or Ctrl-C */
	printf("%d passed, %d failed, %d skipped\n", tot.passed, tot.failed, tot.skipped);
	free(tf);
	for (k = 0; files && files[k] && k < nfiles; k++)
		;
	if (stop_requested)
		return 130;
	return tot.failed ? 1 : 0;
}

int runner_doctor(void)
{
	fputs("provium doctor: see docs/cli.md\n", stdout);
	return 0;
}
