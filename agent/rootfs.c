/*
 * rootfs.c - rootfs = "host": the host's root file system, shared read-only
 * over virtio-9p, becomes the guest's root under a writable tmpfs overlay,
 * so the host's dynamically linked programs, shells and interpreters run.
 * The agent switches root before it serves and stays PID 1; the initramfs
 * stays reachable at /provium and the plain host tree at /provium/host.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent.h"

#define NEWROOT		"/newroot"
#define ROOT_TAG	"provium-root"

static int mount_logged(const char *src, const char *dst, const char *type,
			unsigned long flags, const char *data)
{
	mkdir(dst, 0755);
	if (mount(src, dst, type, flags, data) == 0)
		return 0;
	agent_log("rootfs=host: mount %s on %s (%s): %s", src, dst, type ? type : "bind",
		  strerror(errno));
	return -1;
}

/*
 * What a booted Debian has and tests expect: POSIX shared memory,
 * pseudo-terminals, debugfs and tracefs, cgroup v2, and the /dev/fd links
 * udev makes (a script run through execveat(fd) is /dev/fd/N/name to its
 * interpreter).
 */
static void mount_extras(void)
{
	static const char *const links[][2] = {
		{ "/proc/self/fd", "/dev/fd" }, { "/proc/self/fd/0", "/dev/stdin" },
		{ "/proc/self/fd/1", "/dev/stdout" }, { "/proc/self/fd/2", "/dev/stderr" },
	};
	size_t i;

	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (symlink(links[i][0], links[i][1]) && errno != EEXIST)
			agent_log("rootfs=host: %s: %s", links[i][1], strerror(errno));
	mount_logged("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	mount_logged("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
		     "gid=5,mode=620,ptmxmode=666");
	mount_logged("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
	mount_logged("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL);
	mount_logged("cgroup2", "/sys/fs/cgroup", "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		     NULL);
}

/*
 * The share on /provium/host, tmpfs on /provium/rw, the overlay of both on
 * /newroot; the initramfs's mounts move into it, /provium is bound into
 * it, and it becomes "/" (an initramfs cannot be pivot_root'ed away).
 */
static int switch_to_host_root(void)
{
	static const char *const moved[] = { "/dev", "/proc", "/sys", "/tmp", "/run" };
	size_t i;

	/*
	 * cache=loose: the share is read-only and the host does not change
	 * it under a test, so the guest may keep what it read.
	 */
	if (mount_logged(ROOT_TAG, "/provium/host", "9p", MS_RDONLY,
			 "trans=virtio,version=9p2000.L,msize=512000,cache=loose") ||
	    mount_logged("tmpfs", "/provium/rw", "tmpfs", 0, "mode=0755"))
		return -1;
	mkdir("/provium/rw/upper", 0755);
	mkdir("/provium/rw/work", 0755);
	if (mount_logged("overlay", NEWROOT, "overlay", 0,
			 "lowerdir=/provium/host,upperdir=/provium/rw/upper,"
			 "workdir=/provium/rw/work"))
		return -1;
	for (i = 0; i < sizeof(moved) / sizeof(moved[0]); i++) {
		char dst[64];

		snprintf(dst, sizeof(dst), NEWROOT "%s", moved[i]);
		if (mount_logged(moved[i], dst, NULL, MS_MOVE, NULL))
			return -1;
	}
	/* the initramfs (agent, busybox, modules) and the plain host tree */
	if (mount_logged("/provium", NEWROOT "/provium", NULL, MS_BIND | MS_REC, NULL))
		return -1;
	if (chdir(NEWROOT) || mount(".", "/", NULL, MS_MOVE, NULL) || chroot(".") ||
	    chdir("/")) {
		agent_log("rootfs=host: switching root: %s", strerror(errno));
		return -1;
	}
	mount_extras();
	return 0;
}

/*
 * Called once the modules are loaded (9p, 9pnet_virtio, overlay come from
 * modules.hostfs). A guest asked for the host's root never runs without
 * it: any failure is logged on the console and powers the guest off, so
 * the boot fails with that line in its console tail. Returns 1 once on the
 * host's root, 0 when not asked to.
 */
int rootfs_setup(void)
{
	char val[64];

	guest_agent_param("rootfs", val, sizeof(val));
	if (!val[0])
		return 0;
	if (strcmp(val, "host")) {
		agent_log("rootfs=%s: unknown root file system", val);
		guest_power_off();
	}
	if (switch_to_host_root())
		guest_power_off();
	return 1;
}
