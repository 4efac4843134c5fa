/*
 * guest.c - what the agent does as PID 1 before serving: mount the basic
 * file systems, load modules like modprobe would, find the channel port.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

/* Create @path with @text unless it exists (PID 1 setting up its guest). */
static void write_new(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

	if (fd < 0)
		return;
	if (write(fd, text, strlen(text)) < 0)
		agent_log("writing %s: %s", path, strerror(errno));
	close(fd);
}

void guest_mount_basics(void)
{
	static const struct {
		const char *src, *dst, *type;
		unsigned long flags;
	} m[] = {
		{ "devtmpfs", "/dev", "devtmpfs", MS_NOSUID },
		{ "proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC },
		{ "sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC },
		{ "tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV },
		{ "tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV },
	};
	size_t i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		mkdir(m[i].dst, 0755);
		if (mount(m[i].src, m[i].dst, m[i].type, m[i].flags, NULL) &&
		    errno != EBUSY)
			agent_log("mount %s: %s", m[i].dst, strerror(errno));
	}
	/* whoami, id, ls -l: a user database unless the user's image has one */
	write_new("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
	write_new("/etc/group", "root:x:0:\n");
}

/* Mount @dev on @dir as @fstype, or as each block file system the kernel has. */
static int mount_any(const char *dev, const char *dir, const char *fstype)
{
	char line[128], type[64];
	int err = ENODEV;
	FILE *f;

	if (fstype && fstype[0]) {
		if (mount(dev, dir, fstype, 0, NULL) == 0)
			return 0;
		if (errno != EROFS && errno != EACCES)
			return -1;
		return mount(dev, dir, fstype, MS_RDONLY, NULL);
	}
	/* ext4 first: ext2 and ext3 come first in the list and say why they cannot */
	if (mount(dev, dir, "ext4", 0, NULL) == 0 ||
	    ((errno == EROFS || errno == EACCES) && mount(dev, dir, "ext4", MS_RDONLY, NULL) == 0))
		return 0;
	f = fopen("/proc/filesystems", "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		/* "nodev\tproc" is not on a device; "\text4" is */
		if (!strncmp(line, "nodev", 5) || sscanf(line, " %63s", type) != 1 ||
		    !strcmp(type, "ext4"))
			continue;
		if (mount(dev, dir, type, 0, NULL) == 0 ||
		    ((errno == EROFS || errno == EACCES) &&
		     mount(dev, dir, type, MS_RDONLY, NULL) == 0)) {
			fclose(f);
			return 0;
		}
		if (errno != EINVAL && errno != ENODEV)
			err = errno;	/* a real failure beats "not this type" */
	}
	fclose(f);
	errno = err;
	return -1;
}

/*
 * The profile's rootfs: mount block device @dev and make it the root, as an
 * initramfs's switch_root does, with /dev, /proc, /sys, /tmp and /run moved
 * along. The initramfs stays underneath (this process runs from it).
 */
int guest_switch_root(const char *dev, const char *fstype)
{
	static const char *const moved[] = { "/dev", "/proc", "/sys", "/tmp", "/run" };
	struct timespec tick = { 0, 1000 * 1000 };
	uint64_t end = now_ns() + 5000ull * 1000000;
	char dst[64];
	size_t i;

	/* devtmpfs creates the node when virtio_blk has probed the disk */
	while (access(dev, F_OK) && now_ns() < end)
		nanosleep(&tick, NULL);
	mkdir("/newroot", 0755);
	if (mount_any(dev, "/newroot", fstype)) {
		agent_log("cannot mount the root file system %s: %s", dev, strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof(moved) / sizeof(moved[0]); i++) {
		snprintf(dst, sizeof(dst), "/newroot%s", moved[i]);
		mkdir(dst, 0755);
		if (mount(moved[i], dst, NULL, MS_MOVE, NULL)) {
			agent_log("rootfs: cannot move %s (%s): it stays in the initramfs",
				  moved[i], strerror(errno));
			umount2(moved[i], MNT_DETACH);
		}
	}
	if (chdir("/newroot") || mount(".", "/", NULL, MS_MOVE, NULL) || chroot(".") ||
	    chdir("/")) {
		agent_log("rootfs: cannot switch to %s: %s", dev, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Parameters for module @name from the kernel command line ("name.p=v"),
 * the way modprobe passes them: built-in parsing never sees loadable ones.
 */
static void cmdline_params(const char *name, char *out, size_t outlen)
{
	char cmdline[4096], *tok, *save;
	size_t nlen = strlen(name), used = 0;
	int fd = open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	ssize_t n;

	out[0] = '\0';
	if (fd < 0)
		return;
	n = read(fd, cmdline, sizeof(cmdline) - 1);
	close(fd);
	if (n <= 0)
		return;
	cmdline[n] = '\0';
	for (tok = strtok_r(cmdline, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save)) {
		size_t tlen;

		if (strncmp(tok, name, nlen) || tok[nlen] != '.')
			continue;
		tlen = strlen(tok + nlen + 1);
		if (used + tlen + 2 > outlen)
			break;
		if (used)
			out[used++] = ' ';
		memcpy(out + used, tok + nlen + 1, tlen + 1);
		used += tlen;
	}
}

static void module_name(const char *path, char *name, size_t len)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; i + 1 < len && base[i]; i++)
		name[i] = base[i];
	name[i] = '\0';
	for (i = 0; name[i]; i++) {
		if (name[i] == '-')
			name[i] = '_';
		if (name[i] == '.') {
			name[i] = '\0';
			break;
		}
	}
}

/* The value of provium_agent.<key>= on the kernel command line, or "". */
void guest_agent_param(const char *key, char *out, size_t outlen)
{
	char params[1024], *tok, *save;
	size_t klen = strlen(key);

	out[0] = '\0';
	cmdline_params("provium_agent", params, sizeof(params));
	for (tok = strtok_r(params, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		if (!strncmp(tok, key, klen) && tok[klen] == '=')
			snprintf(out, outlen, "%s", tok + klen + 1);
}

#ifndef MODULE_INIT_COMPRESSED_FILE
#define MODULE_INIT_COMPRESSED_FILE	4	/* Linux 5.17 */
#endif

/*
 * finit_module(), asking the kernel to decompress a .ko.xz, .ko.zst or
 * .ko.gz: the host leaves a module compressed only for a kernel that
 * decompresses that format (CONFIG_MODULE_DECOMPRESS), else unpacks it.
 */
int guest_finit_module(int fd, const char *path, const char *params)
{
	static const char *const ext[] = { ".ko.xz", ".ko.zst", ".ko.gz" };
	size_t n = strlen(path), i;
	unsigned int flags = 0;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (n > strlen(ext[i]) && !strcmp(path + n - strlen(ext[i]), ext[i]))
			flags = MODULE_INIT_COMPRESSED_FILE;
	return (int)syscall(SYS_finit_module, fd, params, flags);
}

static void load_list(const char *list, char *module_err, size_t errlen)
{
	char path[512], name[128], params[1024];
	FILE *f = fopen(list, "re");

	if (!f) {
		snprintf(module_err, errlen, "no module list %s", list);
		return;
	}
	while (fgets(path, sizeof(path), f)) {
		int fd;

		path[strcspn(path, "\n")] = '\0';
		if (!path[0])
			continue;
		module_name(path, name, sizeof(name));
		cmdline_params(name, params, sizeof(params));
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || guest_finit_module(fd, path, params)) {
			int e = errno;

			if (e != EEXIST) {
				agent_log("loading %s: %s", path, strerror(e));
				if (!strcmp(name, "provium"))
					snprintf(module_err, errlen, "loading provium.ko: %s",
						 strerror(e));
			}
		}
		if (fd >= 0)
			close(fd);
	}
	fclose(f);
}

/*
 * Load the modules of every list named by provium_agent.modules= (comma
 * separated; the host picks them for its machine type), in order.
 */
void guest_load_modules(char *module_err, size_t errlen)
{
	char lists[512], *tok, *save;

	module_err[0] = '\0';
	guest_agent_param("modules", lists, sizeof(lists));
	for (tok = strtok_r(lists, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		load_list(tok, module_err, errlen);
}

static int read_line(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static int find_port_once(const char *name)
{
	char path[300], val[128];
	struct dirent *de;
	DIR *d = opendir("/sys/class/virtio-ports");
	int fd = -1;

	if (!d)
		return -1;
	while (fd < 0 && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/class/virtio-ports/%s/name", de->d_name);
		if (read_line(path, val, sizeof(val)) || strcmp(val, name))
			continue;
		snprintf(path, sizeof(path), "/dev/%s", de->d_name);
		fd = open(path, O_RDWR | O_CLOEXEC);
	}
	closedir(d);
	return fd;
}

/*
 * The port's name arrives from the host through virtio-console's control
 * queue some time after the driver binds; there is no udev to tell us.
 */
int guest_find_port(const char *name, int timeout_ms)
{
	struct timespec tick = { 0, 500 * 1000 };
	uint64_t end = now_ns() + (uint64_t)timeout_ms * 1000000;
	int fd;

	while ((fd = find_port_once(name)) < 0 && now_ns() < end)
		nanosleep(&tick, NULL);
	return fd;
}

void guest_power_off(void)
{
	sync();
	/* with reboot=t and QEMU's -no-reboot a reset ends the VM at once */
	reboot(RB_AUTOBOOT);
	reboot(RB_POWER_OFF);
	_exit(0);
}
