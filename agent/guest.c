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
