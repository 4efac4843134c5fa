/*
 * init.c - "provium init": a starter provium.toml and tests/example.lua in
 * the current directory, so a new project runs 'provium test tests/' at
 * once. Nothing is overwritten: if either file exists, neither is written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "init.h"
#include "util.h"

static const char toml[] =
	"# provium.toml: the guests this project's tests boot (see provium-toml.md\n"
	"# in provium's documentation). provium.create() with no name boots the\n"
	"# built-in \"default\" profile: the newest installed kernel that has\n"
	"# headers, 512M, 1 CPU; a [profile.default] here would replace it.\n"
	"\n"
	"# provium.create(\"small\"): the default kernel in a smaller guest\n"
	"[profile.small]\n"
	"memory = \"256M\"\n"
	"cpus = 1\n"
	"\n"
	"# a kernel you built (paths are relative to this file):\n"
	"# [profile.mine]\n"
	"# kernel = \"../linux/arch/x86/boot/bzImage\"\n"
	"# kbuild = \"../linux\"\n"
	"# memory = \"1G\"\n"
	"# cpus = 2\n";

static const char example[] =
	"-- tests/example.lua, written by 'provium init'. Run it with:\n"
	"--   provium test tests/\n"
	"-- One VM for the whole file, one test() per behaviour.\n"
	"local NR, E = provium.nr, provium.errno\n"
	"local vm = provium.create()\n"
	"vm:boot()\n"
	"\n"
	"test(\"openat of a missing file is ENOENT\", function()\n"
	"  local fd = vm:syscall_buf(NR.openat, 1, \"/no/such/file\\0\", -100, 0, 0)\n"
	"  assert_eq(-E.ENOENT, fd)\n"
	"end)\n"
	"\n"
	"test(\"the guest runs the kernel it booted\", function()\n"
	"  local r = vm:exec(\"uname -r\")\n"
	"  assert(r.ok, r.stderr.value)\n"
	"  assert_eq(vm:info().release, r.stdout:trim())\n"
	"end)\n"
	"\n"
	"test(\"system calls go through the helper module\", function()\n"
	"  assert(vm:syscall(NR.getpid) > 0)\n"
	"  assert_eq(\"module\", vm:last_call().executor, vm:info().module_error)\n"
	"end)\n"
	"\n"
	"vm:shutdown()\n";

static int write_new(const char *path, const char *text)
{
	size_t len = strlen(text), off = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

	if (fd < 0)
		return -1;
	while (off < len) {
		ssize_t n = write(fd, text + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (close(fd) || off != len)
		return -1;
	return 0;
}

int init_run(int argc, char **argv)
{
	static const char *const files[] = { "provium.toml", "tests/example.lua" };
	struct stat st;
	size_t i;

	if (argc > 0) {
		if (strcmp(argv[0], "-h") && strcmp(argv[0], "--help")) {
			fprintf(stderr, "provium init: takes no arguments\n");
			return 2;
		}
		puts("usage: provium init\n"
		     "  write provium.toml and tests/example.lua into the current directory;\n"
		     "  nothing is written if either exists");
		return 0;
	}
	for (i = 0; i < 2; i++) {
		if (lstat(files[i], &st) == 0 || errno != ENOENT) {
			fprintf(stderr, "provium init: %s already exists: nothing written\n",
				files[i]);
			return 2;
		}
	}
	if (mkdir("tests", 0755) && errno != EEXIST) {
		fprintf(stderr, "provium init: cannot create tests/: %s\n", strerror(errno));
		return 2;
	}
	for (i = 0; i < 2; i++) {
		if (write_new(files[i], i ? example : toml)) {
			fprintf(stderr, "provium init: cannot write %s: %s\n", files[i],
				strerror(errno));
			return 2;
		}
		printf("wrote %s\n", files[i]);
	}
	puts("next: provium test tests/");
	return 0;
}
