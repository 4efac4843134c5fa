/*
 * shell.c - "provium shell [profile]": boot a VM with its serial console on
 * this terminal and run an interactive shell on it; the VM goes away when
 * the shell exits.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "config.h"
#include "shell.h"

int shell_run(int argc, char **argv)
{
	const char *profile = argc > 0 ? argv[0] : config_default_profile();
	struct vm_config cfg;
	struct error e;
	struct vm vm;
	static const char *const sh[] = {
		"/bin/sh", "-c",
		/* the agent made this a session leader: opening the tty makes it ours */
		"exec /bin/sh -i <>/dev/ttyS0 >&0 2>&0"
	};
	struct client_cmd cmd = { .argv = sh, .argc = 3 };
	struct client c = { .vm = &vm };
	struct client_exit x;

	if (!isatty(0)) {
		fputs("provium shell: standard input is not a terminal\n", stderr);
		return 2;
	}
	if (config_profile(profile, NULL, &cfg, &e)) {
		fprintf(stderr, "provium shell: %s\n", e.msg);
		return 2;
	}
	cfg.interactive = 1;
	if (vm_boot(&vm, &cfg, &e)) {
		fprintf(stderr, "provium shell: %s\n", e.msg);
		return 1;
	}
	fprintf(stderr, "provium: guest %s ready (%s); exit the shell to stop the VM\r\n",
		vm.release, vm.accel);
	/* no time limit: the shell runs until the user exits it */
	if (client_exec(&c, &cmd, 0, &x, &e))
		fprintf(stderr, "provium shell: %s\r\n", e.msg);
	vm_shutdown(&vm, &e);
	return 0;
}
