/*
 * kconfig.c - provium kconfig: the configuration fragment a test kernel
 * needs (docs/own-kernel.md), and --check for a .config against it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"
#include "kernel.h"

static const char fragment[] =
	"# Provium: what a guest kernel needs (provium kconfig). In a configured tree:\n"
	"#   provium kconfig > provium.config\n"
	"#   scripts/kconfig/merge_config.sh -m .config provium.config && make olddefconfig\n"
	"\n"
	"# the console and the agent's channel: a virtio-serial port\n"
	"CONFIG_TTY=y\n"
	"CONFIG_SERIAL_8250=y\n"
	"CONFIG_SERIAL_8250_CONSOLE=y\n"
	"CONFIG_VIRTIO_MENU=y\n"
	"CONFIG_VIRTIO=y\n"
	"CONFIG_VIRTIO_CONSOLE=y\n"
	"# microvm: virtio over MMIO (devices from ACPI or the command line)\n"
	"CONFIG_ACPI=y\n"
	"CONFIG_VIRTIO_MMIO=y\n"
	"CONFIG_VIRTIO_MMIO_CMDLINE_DEVICES=y\n"
	"# q35: virtio over PCI\n"
	"CONFIG_PCI=y\n"
	"CONFIG_VIRTIO_PCI=y\n"
	"# disks (vm disks = ...)\n"
	"CONFIG_BLK_DEV=y\n"
	"CONFIG_VIRTIO_BLK=y\n"
	"\n"
	"# the agent, PID 1 from the initramfs\n"
	"CONFIG_BLK_DEV_INITRD=y\n"
	"CONFIG_BINFMT_ELF=y\n"
	"CONFIG_BINFMT_SCRIPT=y\n"
	"CONFIG_DEVTMPFS=y\n"
	"CONFIG_DEVTMPFS_MOUNT=y\n"
	"CONFIG_PROC_FS=y\n"
	"CONFIG_SYSFS=y\n"
	"CONFIG_TMPFS=y\n"
	"CONFIG_MULTIUSER=y\n"
	"CONFIG_EPOLL=y\n"
	"CONFIG_SIGNALFD=y\n"
	"CONFIG_TIMERFD=y\n"
	"CONFIG_EVENTFD=y\n"
	"CONFIG_PRINTK=y\n"
	"CONFIG_UNIX=y\n"
	"\n"
	"# provium.ko (leave CONFIG_MODULES out for the user-space executor only):\n"
	"# a kprobe finds kallsyms_lookup_name, which must see sys_call_table (data)\n"
	"CONFIG_MODULES=y\n"
	"CONFIG_MODULE_UNLOAD=y\n"
	"CONFIG_KPROBES=y\n"
	"CONFIG_KALLSYMS=y\n"
	"CONFIG_KALLSYMS_ALL=y\n"
	"CONFIG_NET=y\n"
	"\n"
	"# rootfs = \"host\" (kselftests): the host's root over 9p under an overlay\n"
	"CONFIG_NET_9P=y\n"
	"CONFIG_NET_9P_VIRTIO=y\n"
	"CONFIG_9P_FS=y\n"
	"CONFIG_OVERLAY_FS=y\n"
	"# vm:set_trace: errno origins (ftrace) and per-call function graphs\n"
	"CONFIG_FTRACE=y\n"
	"CONFIG_FUNCTION_TRACER=y\n"
	"CONFIG_FUNCTION_GRAPH_TRACER=y\n"
	"CONFIG_DYNAMIC_FTRACE=y\n"
	"\n"
	"# fast boot: an ELF vmlinux boots directly on microvm through its PVH entry\n"
	"CONFIG_HYPERVISOR_GUEST=y\n"
	"CONFIG_PARAVIRT=y\n"
	"CONFIG_KVM_GUEST=y\n"
	"CONFIG_PVH=y\n"
	"# the configuration travels in the image: Provium checks it before booting\n"
	"CONFIG_IKCONFIG=y\n"
	"CONFIG_IKCONFIG_PROC=y\n"
	"# a test VM has no such devices: a smaller kernel, built and booted faster\n"
	"# CONFIG_DRM is not set\n"
	"# CONFIG_SOUND is not set\n"
	"# CONFIG_USB_SUPPORT is not set\n"
	"# CONFIG_WLAN is not set\n"
	"# CONFIG_WIRELESS is not set\n"
	"# CONFIG_AGP is not set\n";

const char *kconfig_fragment(void)
{
	return fragment;
}

static int check(const char *path)
{
	size_t n;
	uint8_t *d = read_whole_file(path, &n);
	struct error e;
	int microvm = 1, rc;

	if (!d) {
		fprintf(stderr, "provium kconfig: cannot read %s: %m\n", path);
		return 2;
	}
	d = xrealloc(d, n + 1);
	d[n] = '\0';
	rc = kernel_check_config((char *)d, path, NULL, &microvm, 1, 1, &e);
	free(d);
	if (rc) {
		fprintf(stderr, "provium kconfig: %s\n", e.msg);
		return 1;
	}
	printf("%s: Provium can boot it on %s\n", path, microvm ? "microvm (fast) and q35" :
	       "q35 only (microvm needs CONFIG_PVH and CONFIG_VIRTIO_MMIO)");
	return 0;
}

int kconfig_main(int argc, char **argv)
{
	if (argc == 0) {
		fputs(fragment, stdout);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[0], "--check"))
		return check(argv[1]);
	fprintf(stderr, "usage: provium kconfig             print the fragment a test kernel needs\n"
		"       provium kconfig --check .config   can Provium boot a kernel so configured?\n");
	return 2;
}
