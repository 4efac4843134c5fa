/*
 * ksft_build.c - "provium kselftest --build SRC_TREE TARGET...": the
 * kernel's selftests built and installed into the cache, as the kernel's
 * documentation says (make headers, then make -C tools/testing/selftests
 * TARGETS=... install). SRC_TREE is a kernel tree, or a source tarball
 * such as Debian's /usr/src/linux-source-6.1.tar.xz, unpacked once into
 * the cache. The install is keyed by the tree, the targets and the
 * default kernel; a second --build of the same finds it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel.h"
#include "kselftest.h"
#include "util.h"

/* not needed to build selftests, and most of an unpacked tree */
static const char *const skipped_dirs[] = {
	"Documentation", "drivers", "sound", "arch/alpha", "arch/arc", "arch/arm",
	"arch/arm64", "arch/csky", "arch/hexagon", "arch/ia64", "arch/loongarch",
	"arch/m68k", "arch/microblaze", "arch/mips", "arch/nios2", "arch/openrisc",
	"arch/parisc", "arch/powerpc", "arch/riscv", "arch/s390", "arch/sh", "arch/sparc",
	"arch/um", "arch/xtensa", NULL
};

/* Run @argv with its output appended to @log; its exit status, -1 if it could not run. */
static int run_logged(char *const argv[], const char *log)
{
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644), rc, i;
	FILE *f = fdopen(dup(fd), "a");

	if (fd < 0)
		return -1;
	if (f) {
		fputs("$", f);
		for (i = 0; argv[i]; i++)
			fprintf(f, " %s", argv[i]);
		fputc('\n', f);
		fclose(f);
	}
	/* run_command sends stderr to /dev/null unless -v: the log wants both */
	{
		pid_t pid = fork();
		int status;

		if (pid < 0) {
			close(fd);
			return -1;
		}
		if (pid == 0) {
			int null = open("/dev/null", O_RDONLY);

			dup2(null, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			execvp(argv[0], argv);
			_exit(127);
		}
		close(fd);
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR)
				return -1;
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	}
	return rc;
}

/* The last lines of @log on stderr. */
static void show_tail(const char *log)
{
	size_t len;
	uint8_t *d = read_whole_file(log, &len);
	size_t start = len, lines = 0;

	if (!d)
		return;
	while (start > 0 && lines < 25)
		if (d[--start] == '\n')
			lines++;
	fprintf(stderr, "%.*s", (int)(len - start), (char *)d + start);
	free(d);
}

static int is_tarball(const char *p)
{
	static const char *const ext[] = { ".tar.xz", ".tar.gz", ".tgz", ".tar.bz2", ".tar", NULL };
	size_t n = strlen(p), i;

	for (i = 0; ext[i]; i++)
		if (n > strlen(ext[i]) && !strcmp(p + n - strlen(ext[i]), ext[i]))
			return 1;
	return 0;
}

/* A tarball unpacked once into <cache>/kselftest-src-<hash>; its path in @out. */
static int unpack(const char *tarball, char *out, size_t outlen)
{
	char *stamp, *tmp, *log, *argv[64];
	uint64_t h = hash_file_meta(HASH_INIT, tarball);
	int argc = 0, rc, i;

	snprintf(out, outlen, "%s/kselftest-src-%016llx", cache_dir(), (unsigned long long)h);
	stamp = xasprintf("%s/.provium-unpacked", out);
	if (access(stamp, F_OK) == 0) {
		free(stamp);
		return 0;
	}
	tmp = xasprintf("%s.tmp.%d", out, (int)getpid());
	log = xasprintf("%s.log", out);
	rm_rf(tmp);
	mkdir_p(tmp, 0755);
	fprintf(stderr, "provium kselftest: unpacking %s into the cache (once; about a minute)\n",
		tarball);
	argv[argc++] = "tar";
	argv[argc++] = "-xf";
	argv[argc++] = (char *)tarball;
	argv[argc++] = "-C";
	argv[argc++] = tmp;
	argv[argc++] = "--strip-components=1";
	argv[argc++] = "--anchored";
	argv[argc++] = "--no-wildcards-match-slash";
	for (i = 0; skipped_dirs[i]; i++)
		argv[argc++] = xasprintf("--exclude=*/%s", skipped_dirs[i]);
	argv[argc] = NULL;
	unlink(log);
	rc = run_logged(argv, log);
	for (i = 8; i < argc; i++)
		free(argv[i]);
	if (rc == 0) {
		rm_rf(out);
		if (rename(tmp, out) || write_whole_file(stamp, "", 0))
			rc = -1;
	}
	if (rc) {
		fprintf(stderr, "provium kselftest: unpacking %s failed (log: %s):\n", tarball, log);
		show_tail(log);
		rm_rf(tmp);
	}
	free(stamp);
	free(tmp);
	free(log);
	return rc ? -1 : 0;
}

/* "6.1" of a release or version string such as "6.1.0-57-amd64" */
static void major_minor(const char *v, char *out, size_t len)
{
	int a = 0, b = 0;

	if (sscanf(v, "%d.%d", &a, &b) == 2)
		snprintf(out, len, "%d.%d", a, b);
	else
		snprintf(out, len, "?");
}

/* The tree's version from its top Makefile (VERSION, PATCHLEVEL), "?" if unknown. */
static void tree_version(const char *src, char *out, size_t len)
{
	char *mk = xasprintf("%s/Makefile", src), line[256];
	FILE *f = fopen(mk, "re");
	int v = -1, p = -1;

	free(mk);
	while (f && fgets(line, sizeof(line), f) && (v < 0 || p < 0)) {
		sscanf(line, "VERSION = %d", &v);
		sscanf(line, "PATCHLEVEL = %d", &p);
	}
	if (f)
		fclose(f);
	if (v >= 0 && p >= 0)
		snprintf(out, len, "%d.%d", v, p);
	else
		snprintf(out, len, "?");
}

int ksft_build(int argc, char **argv)
{
	char src[PATH_MAX], out[PATH_MAX], want[32], have[32], *real, *targets, *log, *list, *lock;
	char *mk_argv[12];
	struct kernel k;
	struct error e;
	uint64_t h;
	int i, rc, lockfd;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);

	if (argc < 2) {
		fputs("usage: provium kselftest --build SRC_TREE TARGET...\n"
		      "  SRC_TREE: a kernel tree, or a source tarball (/usr/src/linux-source-6.1.tar.xz)\n"
		      "  TARGET:   directories of tools/testing/selftests (kcmp, splice, ...)\n", stderr);
		return 2;
	}
	if (kernel_find_default(&k, &e)) {
		fprintf(stderr, "provium kselftest --build: %s\n", e.msg);
		return 2;
	}
	real = realpath(argv[0], NULL);
	if (!real) {
		fprintf(stderr, "provium kselftest --build: %s: %s\n", argv[0], strerror(errno));
		return 2;
	}
	if (is_tarball(real)) {
		rc = unpack(real, src, sizeof(src));
		free(real);
		if (rc)
			return 2;
	} else {
		copy_str(src, sizeof(src), real);
		free(real);
	}
	list = xasprintf("%s/tools/testing/selftests/Makefile", src);
	if (access(list, R_OK)) {
		fprintf(stderr, "provium kselftest --build: %s is not a kernel source tree (no "
			"tools/testing/selftests/Makefile)\n", src);
		free(list);
		return 2;
	}
	free(list);
	major_minor(k.release, want, sizeof(want));
	tree_version(src, have, sizeof(have));
	if (strcmp(want, have))
		fprintf(stderr, "provium kselftest --build: warning: the tree is Linux %s, the "
			"default kernel %s\n", have, k.release);
	targets = xstrdup("");
	h = hash_str(HASH_INIT, src);
	h = hash_str(h, k.release);
	for (i = 1; i < argc; i++) {
		if (!argv[i][0] || strpbrk(argv[i], " \t\n'\"$`\\;")) {
			fprintf(stderr, "provium kselftest --build: bad target '%s'\n", argv[i]);
			free(targets);
			return 2;
		}
		xappendf(&targets, "%s%s", i > 1 ? " " : "", argv[i]);
		h = hash_str(h, argv[i]);
	}
	{
		char *mk = xasprintf("%s/Makefile", src);

		h = hash_file_meta(h, mk);
		free(mk);
	}
	snprintf(out, sizeof(out), "%s/kselftest-%s-%016llx", cache_dir(), k.release,
		 (unsigned long long)h);
	log = xasprintf("%s.log", out);
	lock = xasprintf("%s.lock", out);
	list = xasprintf("%s/kselftest-list.txt", out);
	/* concurrent builds of the same install: one builds, the others wait and find it */
	lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (lockfd >= 0)
		while (flock(lockfd, LOCK_EX) && errno == EINTR)
			;
	rc = 0;
	if (access(list, R_OK)) {
		char *jflag = xasprintf("-j%ld", jobs > 0 ? jobs : 1);
		char *tflag = xasprintf("TARGETS=%s", targets);
		char *iflag = xasprintf("INSTALL_PATH=%s", out);
		char *sub = xasprintf("%s/tools/testing/selftests", src);

		fprintf(stderr, "provium kselftest: building %s from %s (log: %s)\n", targets, src,
			log);
		unlink(log);
		rm_rf(out);
		mk_argv[0] = "make";
		mk_argv[1] = "-C";
		mk_argv[2] = src;
		mk_argv[3] = "headers";
		mk_argv[4] = jflag;
		mk_argv[5] = NULL;
		rc = run_logged(mk_argv, log);
		if (rc == 0) {
			mk_argv[2] = sub;
			mk_argv[3] = tflag;
			mk_argv[4] = "install";
			mk_argv[5] = iflag;
			mk_argv[6] = jflag;
			mk_argv[7] = NULL;
			rc = run_logged(mk_argv, log);
		}
		if (rc || access(list, R_OK)) {
			fprintf(stderr, "provium kselftest --build: building %s failed (status %d; "
				"log: %s):\n", targets, rc, log);
			show_tail(log);
			rm_rf(out);
			rc = 2;
		}
		free(jflag);
		free(tflag);
		free(iflag);
		free(sub);
	}
	if (lockfd >= 0)
		close(lockfd);
	if (rc == 0) {
		fprintf(stderr, "provium kselftest: %s installed; run them with: provium kselftest "
			"%s\n", targets, out);
		printf("%s\n", out);
	}
	free(targets);
	free(log);
	free(lock);
	free(list);
	return rc;
}
