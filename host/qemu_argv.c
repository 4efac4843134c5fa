/*
 * qemu_argv.c - what QEMU is started with for a VM: the argument vector,
 * the guest kernel's command line and the format of each disk.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernel.h"
#include "qemu_argv.h"
#include "rootfs.h"

#define PORT_NAME "org.provium.agent"

static void arg(struct argv *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void arg(struct argv *a, const char *fmt, ...)
{
	va_list ap;

	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	va_start(ap, fmt);
	a->v[a->n] = xvasprintf(fmt, ap);
	va_end(ap);
	a->v[++a->n] = NULL;
}

void qemu_argv_free(struct argv *a)
{
	while (a->n)
		free(a->v[--a->n]);
	free(a->v);
	a->v = NULL;
	a->cap = 0;
}

const char *vm_disk_format(const char *path, const char *asked, struct error *e)
{
	static const char qcow2_magic[4] = { 'Q', 'F', 'I', (char)0xfb };
	const char *fmt;
	char head[4];
	ssize_t n;
	int fd;

	if (!asked)
		fmt = strstr(path, ".qcow2") ? "qcow2" : "raw";
	else if (!strcmp(asked, "raw"))
		fmt = "raw";
	else if (!strcmp(asked, "qcow2"))
		fmt = "qcow2";
	else {
		errorf(e, "format '%s': want \"raw\" or \"qcow2\"", asked);
		return NULL;
	}
	if (strcmp(fmt, "qcow2"))
		return fmt;
	/* QEMU's own message for a raw file opened as qcow2 is obscure */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		errorf(e, "%s: %s", path, strerror(errno));
		return NULL;
	}
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n != (ssize_t)sizeof(head) || memcmp(head, qcow2_magic, sizeof(head))) {
		errorf(e, "%s is not a qcow2 image (%s; create one with qemu-img create -f "
		       "qcow2, or say format = \"raw\")", path,
		       asked ? "format = \"qcow2\"" : "its name says .qcow2");
		return NULL;
	}
	return fmt;
}

/*
 * microvm + uncompressed vmlinux is the fast path; a kernel that is only a
 * bzImage boots on q35 with virtio-pci.
 */
char *vm_cmdline(const struct vm_config *c)
{
	int microvm = c->kernel.vmlinux[0] != '\0';
	unsigned long khz = host_tsc_khz();
	char tsc[80] = "";
	char *cmdline;

	/* a known TSC rate spares the calibration some boots hang in */
	/*
	 * Under load the clocksource watchdog sees a long read-back delay
	 * between its reads (a preempted vCPU), marks the TSC unstable and
	 * falls back to jiffies; a TSC the host keeps constant needs no watch.
	 */
	if (khz)
		snprintf(tsc, sizeof(tsc), " tsc_early_khz=%lu%s", khz,
			 host_tsc_stable() ? " tsc=reliable" : "");
	cmdline = xasprintf("console=ttyS0 %s panic=-1 reboot=t rdinit=/provium/agent "
			    "provium.enable=1%s no_timer_check noreplace-smp cryptomgr.notests "
			    "random.trust_cpu=on provium_agent.modules=/provium/modules.%s",
			    c->probe_silence_ms ? "earlyprintk=serial" : "quiet loglevel=4", tsc,
			    microvm ? "mmio" : "pci");
	if (c->ndisks)
		xappendf(&cmdline, ",/provium/modules.blk");
	if (rootfs_is_host(c))
		xappendf(&cmdline, ",/provium/modules.hostfs provium_agent.rootfs=host");
	/*
	 * A rootfs is /dev/vda. Without a user initrd the agent makes it the
	 * root; with one, root= tells the user's init, as a real initramfs.
	 */
	if (c->rootfs[0] && !rootfs_is_host(c))
		xappendf(&cmdline, ",/provium/modules.rootfs root=/dev/vda%s",
			 c->initrd[0] ? "" : " provium_agent.root=/dev/vda");
	if (c->init[0])
		xappendf(&cmdline, " provium_agent.init=%s", c->init);
	if (microvm)
		xappendf(&cmdline, " pci=off");
	if (c->append[0])
		xappendf(&cmdline, " %s", c->append);
	if (getenv("PROVIUM_APPEND"))
		xappendf(&cmdline, " %s", getenv("PROVIUM_APPEND"));
	return cmdline;
}

void qemu_argv_build(const struct vm *vm, const char *initrd, const char *sock,
		     const char *qmp, const char *con, struct argv *a)
{
	const struct vm_config *c = &vm->cfg;
	int microvm = c->kernel.vmlinux[0] != '\0';
	char *esc;

	arg(a, "qemu-system-x86_64");
	arg(a, "-M");
	arg(a, "%s%s", microvm ? "microvm,x-option-roms=off,pit=off,pic=off" : "q35",
	    c->ram_file ? ",memory-backend=ram" : "");
	arg(a, "-nodefaults");
	/* names the run directory on QEMU's command line (ps, pgrep) */
	arg(a, "-pidfile");
	arg(a, "%s/qemu.pid", vm->rundir);
	arg(a, "-no-user-config");
	arg(a, "-nographic");
	arg(a, "-no-reboot");
	arg(a, "-accel");
	arg(a, "%s", vm->accel);
	arg(a, "-cpu");
	arg(a, "%s", getenv("PROVIUM_CPU") ? getenv("PROVIUM_CPU") : strcmp(vm->accel, "kvm") ? "max" : "host");
	arg(a, "-m");
	arg(a, "%uM", c->memory_mb);
	if (c->ram_file) {
		/*
		 * share=on: the guest writes the file, which then is the saved
		 * RAM; share=off: MAP_PRIVATE, pages are read from the saved
		 * file when touched and copied when written.
		 */
		esc = qemu_opt_escape(c->ram_file);
		arg(a, "-object");
		arg(a, "memory-backend-file,id=ram,size=%uM,mem-path=%s,share=%s", c->memory_mb,
		    esc, c->ram_shared ? "on" : "off");
		free(esc);
	}
	arg(a, "-smp");
	arg(a, "%u", c->cpus);
	/*
	 * A restored microvm needs no kernel: its firmware reads the kernel
	 * and initrd over fw_cfg at boot only. q35 keeps them: -kernel adds
	 * the linuxboot option ROM, a RAM block the saved state names.
	 */
	if (!c->restore || !microvm) {
		arg(a, "-kernel");
		arg(a, "%s", microvm ? c->kernel.vmlinux : c->kernel.image);
		arg(a, "-initrd");
		arg(a, "%s", initrd);
		arg(a, "-append");
		esc = vm_cmdline(c);
		arg(a, "%s", esc);
		free(esc);
	}
	if (c->rootfs[0] && !rootfs_is_host(c)) {
		/* snapshot=on: the guest writes to a temporary overlay, never the image */
		char *file = qemu_opt_escape(c->rootfs);

		arg(a, "-drive");
		arg(a, "file=%s,if=none,id=root,format=%s,snapshot=on", file,
		    strstr(c->rootfs, ".qcow2") ? "qcow2" : "raw");
		free(file);
		arg(a, "-device");
		arg(a, "%s,drive=root", microvm ? "virtio-blk-device" : "virtio-blk-pci");
	}
	for (size_t i = 0; i < c->ndisks; i++) {
		char *file = qemu_opt_escape(c->disks[i].path);

		arg(a, "-drive");
		arg(a, "file=%s,if=none,id=disk%zu,format=%s%s%s", file, i,
		    c->disks[i].format ? c->disks[i].format :
		    strstr(c->disks[i].path, ".qcow2") ? "qcow2" : "raw",
		    c->disks[i].readonly ? ",readonly=on" : "",
		    c->disks[i].overlay ? ",snapshot=on" : "");
		free(file);
		arg(a, "-device");
		arg(a, "%s,drive=disk%zu", microvm ? "virtio-blk-device" : "virtio-blk-pci", i);
	}
	if (rootfs_is_host(c)) {
		/* the host's root, read-only; remap keeps inodes of submounts apart */
		arg(a, "-fsdev");
		arg(a, "local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap");
		arg(a, "-device");
		arg(a, "%s,fsdev=hostroot,mount_tag=%s", microvm ? "virtio-9p-device" : "virtio-9p-pci",
		    ROOTFS_TAG);
	}
	if (c->interactive) {
		/* Ctrl-C goes to the guest; QEMU puts the terminal in raw mode */
		arg(a, "-chardev");
		arg(a, "stdio,id=con,signal=off");
		arg(a, "-serial");
		arg(a, "chardev:con");
	} else {
		/* drained by a thread of ours into a bounded console.log (console.c) */
		esc = qemu_opt_escape(con);
		arg(a, "-chardev");
		arg(a, "socket,id=con,path=%s", esc);
		free(esc);
		arg(a, "-serial");
		arg(a, "chardev:con");
	}
	arg(a, "-device");
	arg(a, microvm ? "virtio-serial-device" : "virtio-serial-pci");
	esc = qemu_opt_escape(sock);
	arg(a, "-chardev");
	arg(a, "socket,id=agent,path=%s", esc);
	free(esc);
	arg(a, "-device");
	arg(a, "virtserialport,chardev=agent,name=%s", PORT_NAME);
	/* the monitor connects to us too, after the agent's channel */
	esc = qemu_opt_escape(qmp);
	arg(a, "-chardev");
	arg(a, "socket,id=qmp,path=%s", esc);
	free(esc);
	arg(a, "-mon");
	arg(a, "chardev=qmp,mode=control");
	if (c->restore) {
		/* the capability must be set before the state is read: over QMP */
		arg(a, "-incoming");
		arg(a, "defer");
	}
}
