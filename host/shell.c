/*
 * shell.c - "provium shell [profile]": boot a VM with its serial console on
 * this terminal and run an interactive shell on it; the VM goes away when
 * the shell exits.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "shell.h"

int shell_run(int argc, char **argv)
{
	const char *profile = argc > 0 ? argv[0] : "default";
	struct vm_config cfg;
	struct proto_msg m;
	struct error e;
	struct vm vm;
	static const char *const sh[] = {
		"/bin/sh", "-c",
		/* the agent made this a session leader: opening the tty makes it ours */
		"exec /bin/sh -i <>/dev/ttyS0 >&0 2>&0", NULL
	};
	int i;

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
	vm_begin(&vm, PROTO_MSG_EXEC);
	for (i = 0; sh[i]; i++)
		proto_put_str(&vm.out, PROTO_A_ARGV, sh[i]);
	if (vm_request(&vm, 0, &m, &e))
		fprintf(stderr, "provium shell: %s\r\n", e.msg);
	vm_shutdown(&vm, &e);
	return 0;
}
