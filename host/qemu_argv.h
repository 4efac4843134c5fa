/*
 * qemu_argv.h - what QEMU is started with for a VM: its argument vector
 * (machine, memory, devices, sockets, restore), the guest's command line
 * (vm_cmdline) and disk formats (vm_disk_format), both declared in vm.h.
 */
#ifndef PROVIUM_QEMU_ARGV_H
#define PROVIUM_QEMU_ARGV_H

#include "vm.h"

/* QEMU's argument vector, grown as needed (16 disks take 32 entries). */
struct argv {
	char **v;
	int n, cap;
};

/*
 * QEMU's arguments for @vm (its cfg, accel and run directory set): the
 * initramfs @initrd, the agent's socket @sock, QMP's @qmp, the console's
 * @con (unused for an interactive console).
 */
void qemu_argv_build(const struct vm *vm, const char *initrd, const char *sock,
		     const char *qmp, const char *con, struct argv *a);
void qemu_argv_free(struct argv *a);

#endif
