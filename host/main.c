/*
 * main.c - the provium command: run, test, shell, cache, init, junit-merge, doctor,
 * version.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "cache.h"
#include "doctor.h"
#include "init.h"
#include "junit_merge.h"
#include "kconfig.h"
#include "kselftest.h"
#include "lprovium.h"
#include "runner.h"
#include "shell.h"
#include "util.h"

static void usage(FILE *f)
{
	fputs("usage: provium [-v] <command> [args]\n"
	      "  run <script.lua> [args]   run one script, print what it prints\n"
	      "  test [options] <paths>    run test files (see 'provium test -h')\n"
	      "  shell [profile]           boot a VM and open an interactive shell on it\n"
	      "  init                      write a starter provium.toml and tests/example.lua here\n"
	      "  junit-merge OUT IN...     merge JUnit files (the shards of a CI matrix) into OUT\n"
	      "  kselftest [options] DIR   run an installed kselftest tree in fresh VMs\n"
	      "                            (see 'provium kselftest -h')\n"
	      "  cache [list|clear [WHAT]] list the cache (snapshots, fixtures, images,\n"
	      "                            modules) with sizes, or clear it\n"
	      "  doctor                    check QEMU, KVM, kernel, headers and the build;\n"
	      "                            print the command that fixes what is missing\n"
	      "  kconfig [--check .config] print the kernel configuration a test kernel needs\n"
	      "  version                   print the version\n", f);
}

int main(int argc, char **argv)
{
	int i = 1;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
			verbose = 1;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
		i++;
	}
	if (getenv("PROVIUM_VERBOSE"))
		verbose = 1;
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[i], "version")) {
		printf("provium %s\n", PROVIUM_VERSION);
		return 0;
	}
	if (!strcmp(argv[i], "run"))
		return runner_run_script(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "test"))
		return runner_test(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "init"))
		return init_run(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "junit-merge"))
		return junit_merge_run(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "kconfig"))
		return kconfig_main(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "kselftest"))
		return kselftest_main(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "cache"))
		return cache_command(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "shell"))
		return shell_run(argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "doctor")) {
		if (i + 1 < argc) {
			fprintf(stderr, "provium doctor: takes no arguments\n");
			return 2;
		}
		return doctor_run();
	}
	fprintf(stderr, "provium: unknown command '%s'\n", argv[i]);
	usage(stderr);
	return 2;
}
