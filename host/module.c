/*
 * module.c - provium.ko for a guest kernel: the kmod/provium.ko that 'make'
 * built when it is for that very kernel, else one built once into the
 * cache against the kernel's build tree, from every source in kmod/.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "module.h"

static uint64_t hash_contents(uint64_t h, const char *path)
{
	size_t len;
	uint8_t *d = read_whole_file(path, &len);

	h = hash_str(h, path);
	if (d) {
		h = hash_bytes(h, d, len);
		free(d);
	}
	return h;
}

static int is_source(const char *name)
{
	size_t n = strlen(name);

	/* kmod/Kbuild says which objects make provium.ko */
	if (!strcmp(name, "Kbuild"))
		return 1;
	return n > 2 && name[0] != '.' && name[n - 2] == '.' &&
	       (name[n - 1] == 'c' || name[n - 1] == 'h') && strcmp(name, "provium.mod.c");
}

/* The module's sources: kmod/Kbuild, the .c and .h files, sorted, NULL-terminated. */
static int module_sources(char ***names)
{
	char *dir = xasprintf("%s/kmod", provium_home());
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort), i, count = 0;

	free(dir);
	*names = NULL;
	if (n < 0)
		return 0;
	*names = xcalloc((size_t)n + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		if (is_source(list[i]->d_name))
			(*names)[count++] = xstrdup(list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return count;
}

static void module_sources_free(char **names)
{
	for (char **p = names; p && *p; p++)
		free(*p);
	free(names);
}

/*
 * The cache key: every module source, and what identifies the build tree —
 * where it is, its configuration, its release and its exported symbols.
 */
static uint64_t module_key(const char *kbuild, char **srcs)
{
	char real[PATH_MAX], *p;
	uint64_t h;

	/* the same tree by another path (a symlink) is the same module */
	if (realpath(kbuild, real))
		kbuild = real;
	h = hash_str(HASH_INIT, kbuild);

	for (; *srcs; srcs++) {
		p = xasprintf("%s/kmod/%s", provium_home(), *srcs);
		h = hash_contents(hash_str(h, *srcs), p);
		free(p);
	}
	p = xasprintf("%s/.config", kbuild);
	h = hash_contents(h, p);
	free(p);
	p = xasprintf("%s/include/config/kernel.release", kbuild);
	h = hash_contents(h, p);
	free(p);
	p = xasprintf("%s/Module.symvers", kbuild);
	h = hash_file_meta(h, p);
	free(p);
	return h;
}

/* What the compiler said: the lines with "error", else the log's tail. */
static char *build_errors(const char *log)
{
	size_t len, n = 0, cap = 1200;
	uint8_t *d = read_whole_file(log, &len);
	char *out = xmalloc(cap), *line, *save;

	out[0] = '\0';
	if (!d)
		return out;
	d = xrealloc(d, len + 1);
	d[len] = '\0';
	for (line = strtok_r((char *)d, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (strstr(line, "error") || strstr(line, "Error") || strstr(line, "not found"))
			n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "  %s\n", line);
	if (!out[0]) {
		/* no error line: the last lines, whatever they are */
		const char *tail = (char *)d + (len > 800 ? len - 800 : 0);

		snprintf(out, cap, "%s", tail);
	}
	if (n >= cap)
		memcpy(out + cap - 5, "...\n", 5);
	free(d);
	return out;
}

static int copy_file(const char *src, const char *dst)
{
	size_t n;
	uint8_t *d = read_whole_file(src, &n);
	int rc = d ? write_whole_file(dst, d, n) : -1;

	free(d);
	return rc;
}

/* @name from @from to @to/@name, atomically (a reader never sees half a file). */
static int install_file(const char *from, const char *to, const char *name)
{
	char *src = xasprintf("%s/%s", from, name), *tmp = xasprintf("%s/.%s.tmp", to, name);
	char *dst = xasprintf("%s/%s", to, name);
	int rc = copy_file(src, tmp) || rename(tmp, dst) ? -1 : 0;

	if (rc)
		unlink(tmp);
	free(src);
	free(tmp);
	free(dst);
	return rc;
}

/*
 * Build in a private /tmp directory (kbuild cannot take an M= path with
 * spaces, which a cache path may have), then install provium.ko and its
 * Module.symvers (what modules using its symbols link against) into @dir.
 */
static int build(const char *kbuild, const char *dir, char **srcs, const char *out,
		 struct error *e)
{
	char work[] = "/tmp/provium-kbuild-XXXXXX";
	char *log = xasprintf("%s/build.log", dir), *mflag;
	int fd, rc = 0;

	(void)out;
	if (!mkdtemp(work)) {
		free(log);
		return errorf(e, "cannot create a build directory in /tmp: %s", strerror(errno));
	}
	mflag = xasprintf("M=%s", work);
	for (char **s = srcs; *s && !rc; s++) {
		char *src = xasprintf("%s/kmod/%s", provium_home(), *s);
		char *dst = xasprintf("%s/%s", work, *s);

		if (copy_file(src, dst))
			rc = errorf(e, "cannot copy %s to %s: %s", src, work, strerror(errno));
		free(src);
		free(dst);
	}
	fd = rc ? -1 : open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (!rc && fd < 0)
		rc = errorf(e, "cannot write %s: %s", log, strerror(errno));
	if (!rc) {
		char *argv[] = { "make", "-C", (char *)kbuild, mflag, "modules", NULL };
		int status;

		logv("building provium.ko against %s (log: %s)", kbuild, log);
		status = run_command_io(argv, -1, fd, fd);
		close(fd);
		if (status == 0 && !install_file(work, dir, "Module.symvers") &&
		    !install_file(work, dir, "provium.ko")) {
			rc = 0;
		} else {
			char *why = build_errors(log);

			rc = errorf(e, "building provium.ko against %s failed (make exited "
				    "with %d):\n%s(the whole log: %s)", kbuild, status, why, log);
			free(why);
		}
	}
	rm_rf(work);
	free(log);
	free(mflag);
	return rc;
}

/* <cache>/module-<key>/provium.ko for @kbuild and today's sources; -1 if too long. */
static int cache_path(const char *kbuild, char **srcs, char *out, size_t len)
{
	uint64_t h = module_key(kbuild, srcs);

	return snprintf(out, len, "%s/module-%016llx/provium.ko", cache_dir(),
			(unsigned long long)h) >= (int)len ? -1 : 0;
}

int module_build(const char *kbuild, char *out, size_t len, struct error *e)
{
	char **srcs, *dir, *lock;
	int n = module_sources(&srcs), fd, rc = 0;

	if (n == 0) {
		module_sources_free(srcs);
		return errorf(e, "no module sources in %s/kmod", provium_home());
	}
	if (cache_path(kbuild, srcs, out, len)) {
		module_sources_free(srcs);
		return errorf(e, "cache path too long");
	}
	if (access(out, R_OK) == 0)
		goto done;
	dir = xstrdup(out);
	*strrchr(dir, '/') = '\0';
	/* one builder at a time: parallel test files ask for the same module */
	mkdir_p(dir, 0755);
	lock = xasprintf("%s/.lock", dir);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	free(lock);
	while (fd >= 0 && flock(fd, LOCK_EX) && errno == EINTR && !provium_interrupted)
		;
	if (access(out, R_OK))
		rc = build(kbuild, dir, srcs, out, e);
	if (fd >= 0)
		close(fd);
	free(dir);
done:
	module_sources_free(srcs);
	return rc;
}

/* kmod/provium.ko, if 'make' built it for exactly this kernel's tree. */
static int made_module_fits(const struct kernel *k, char *out, size_t len)
{
	char *path = xasprintf("%s/kmod/provium.ko", provium_home());
	char magic[256], a[PATH_MAX], b[PATH_MAX];
	struct kernel dflt;
	struct error ignored;
	size_t n;
	uint8_t *ko = read_whole_file(path, &n);
	int fits = 0;

	if (ko) {
		module_vermagic(ko, n, magic, sizeof(magic));
		free(ko);
		fits = !strcmp(magic, k->release) && kernel_find_default(&dflt, &ignored) == 0 &&
		       realpath(dflt.kbuild, a) && realpath(k->kbuild, b) && !strcmp(a, b);
	}
	if (fits)
		fits = !copy_str(out, len, path);
	free(path);
	return fits;
}

/* No module for @k at all: why, else "" and 0. */
static int no_module(const struct kernel *k, char *why, size_t whylen)
{
	char from[600];
	char *config;

	why[0] = '\0';
	if (!k->kbuild[0]) {
		snprintf(why, whylen, "no kernel build tree (kbuild) for this kernel: "
			 "provium.ko is not built");
		return 1;
	}
	config = kernel_config_read(k, from, sizeof(from));
	if (config && !kconfig_value(config, "CONFIG_MODULES")) {
		snprintf(why, whylen, "the kernel is built without CONFIG_MODULES (%s)", from);
		free(config);
		return 1;
	}
	free(config);
	return 0;
}

int module_for_kernel(const struct kernel *k, char *out, size_t len, char *why,
		      size_t whylen, struct error *e)
{
	out[0] = '\0';
	if (no_module(k, why, whylen) || made_module_fits(k, out, len))
		return 0;
	return module_build(k->kbuild, out, len, e);
}

enum module_state module_lookup(const struct kernel *k, char *out, size_t len)
{
	char **srcs;
	int rc;

	if (no_module(k, out, len))
		return MODULE_NONE;
	if (made_module_fits(k, out, len))
		return MODULE_MADE;
	module_sources(&srcs);
	rc = cache_path(k->kbuild, srcs, out, len);
	module_sources_free(srcs);
	if (rc)
		return MODULE_TO_BUILD;
	return access(out, R_OK) == 0 ? MODULE_CACHED : MODULE_TO_BUILD;
}
