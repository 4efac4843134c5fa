/*
 * doctor.c - "provium doctor": is everything needed to boot a VM here
 * (QEMU, KVM, a kernel with headers, a static busybox, what 'make'
 * builds)? Prints one line per item and the command that fixes what is
 * missing.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "doctor.h"
#include "kernel.h"
#include "layout.h"
#include "lprovium.h"
#include "module.h"
#include "util.h"

static int doctor_missing_needed;

static void check(int ok, int needed, const char *what, const char *detail, const char *fix)
{
	printf("%-8s %s", ok ? "OK" : "MISSING", what);
	if (detail && *detail)
		printf(": %s", detail);
	if (!ok && !needed)
		printf(" (not needed to boot)");
	putchar('\n');
	if (!ok && fix)
		printf("         fix: %s\n", fix);
	if (!ok && needed)
		doctor_missing_needed = 1;
}

static int find_on_path(const char *name, char *out, size_t len)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save;
	int found = 0;

	copy = xstrdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
	for (dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		snprintf(out, len, "%s/%s", *dir ? dir : ".", name);
		found = access(out, X_OK) == 0;
	}
	free(copy);
	return found;
}

/* First line of "@prog --version". */
static void program_version(const char *prog, char *out, size_t len)
{
	char *cmd = xasprintf("'%s' --version 2>/dev/null", prog);
	FILE *p = popen(cmd, "r");

	out[0] = '\0';
	free(cmd);
	if (!p)
		return;
	if (fgets(out, (int)len, p))
		out[strcspn(out, "\n")] = '\0';
	pclose(p);
}

/* Does this ELF file ask for a program interpreter (is it dynamically linked)? */
static int elf_is_dynamic(const uint8_t *d, size_t len)
{
	uint64_t phoff;
	uint16_t phentsize, phnum, i;

	if (len < 64 || memcmp(d, "\x7f" "ELF", 4) || d[4] != 2 /* ELFCLASS64 */)
		return 0;
	memcpy(&phoff, d + 32, 8);
	memcpy(&phentsize, d + 54, 2);
	memcpy(&phnum, d + 56, 2);
	for (i = 0; i < phnum; i++) {
		uint32_t type;

		if (phoff + (uint64_t)(i + 1) * phentsize > len || phentsize < 4)
			break;
		memcpy(&type, d + phoff + (uint64_t)i * phentsize, 4);
		if (type == 3 /* PT_INTERP */)
			return 1;
	}
	return 0;
}

/* Newest accel-* verdict in the cache: "kvm (file)" or "". */
static void cached_accel(char *out, size_t len)
{
	char *pattern = xasprintf("%s/accel-*", cache_dir());
	time_t best = 0;
	glob_t g;
	size_t i;

	out[0] = '\0';
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			struct stat st;
			size_t n;
			uint8_t *d;

			if (stat(g.gl_pathv[i], &st) || (out[0] && st.st_mtime < best))
				continue;
			d = read_whole_file(g.gl_pathv[i], &n);
			if (!d)
				continue;
			best = st.st_mtime;
			snprintf(out, len, "%.16s (%s)", (char *)d, g.gl_pathv[i]);
			free(d);
		}
		globfree(&g);
	}
	free(pattern);
}

/* "path (origin)" */
static const char *from(const char *path)
{
	static char buf[PATH_MAX * 4];

	snprintf(buf, sizeof(buf), "%s (%s)", path, layout_origin());
	return buf;
}

/*
 * The program, its Lua library, agent, tables and module sources: each
 * with where it was found. An installation is fixed by installing again, a
 * tree by 'make'.
 */
static void parts_check(const struct kernel *k)
{
	const struct layout *l = layout();
	char path[PATH_MAX * 2], fix[PATH_MAX + 64], detail[PATH_MAX * 3];
	char where[PATH_MAX];
	struct kernel mine;

	if (l->kind == LAYOUT_INSTALLED)
		snprintf(fix, sizeof(fix), "install provium again (apt-get install --reinstall "
			 "provium, or 'make install' from its sources)");
	else
		snprintf(fix, sizeof(fix), "make -C %s", l->root);
	snprintf(detail, sizeof(detail), "%s %s", l->exe, PROVIUM_VERSION);
	check(1, 1, "provium", from(detail), NULL);
	snprintf(path, sizeof(path), "%s/lua/provium/init.lua", l->home);
	check(access(path, R_OK) == 0, 1, "Lua library", from(path), fix);
	check(access(l->agent, R_OK) == 0, 1, "guest agent", from(l->agent), fix);
	snprintf(path, sizeof(path), "%s/provium/nr.lua", l->tables);
	check(access(path, R_OK) == 0, 1, "syscall tables", from(path), fix);
	snprintf(path, sizeof(path), "%s/kmod/provium_main.c", l->home);
	check(access(path, R_OK) == 0, 0, "module sources", from(path), fix);
	snprintf(path, sizeof(path), "%s/provium.lua", l->meta);
	check(access(path, R_OK) == 0, 0, "editor stubs", from(path), fix);

	/* provium.ko for the default kernel, found as provium.create() finds it */
	if (!k)
		return;
	mine = *k;
	kernel_locate_config(&mine);
	switch (module_lookup(&mine, where, sizeof(where))) {
	case MODULE_NONE:
		check(0, 0, "helper module", where, NULL);
		break;
	case MODULE_MADE:
		snprintf(detail, sizeof(detail), "%s, built by make for %s", where, k->release);
		check(1, 0, "helper module", detail, NULL);
		break;
	case MODULE_CACHED:
		snprintf(detail, sizeof(detail), "%s, built for %s from %s/kmod (kept for the "
			 "next boots)", where, k->release, l->home);
		check(1, 0, "helper module", detail, NULL);
		break;
	case MODULE_TO_BUILD:
		snprintf(detail, sizeof(detail), "built for %s from %s/kmod against %s into %s "
			 "at the first boot (kept there for the next ones)", k->release, l->home,
			 k->kbuild, where);
		check(1, 0, "helper module", detail, NULL);
		break;
	}
}

int doctor_run(void)
{
	char path[PATH_MAX], detail[PATH_MAX + 512], fix[PATH_MAX + 256], version[256];
	const char *home = provium_home();
	struct kernel k;
	struct error e;
	int have_kernel, fd;
	uint8_t *d;
	size_t len;

	doctor_missing_needed = 0;

	/* QEMU */
	if (find_on_path("qemu-system-x86_64", path, sizeof(path))) {
		program_version(path, version, sizeof(version));
		snprintf(detail, sizeof(detail), "%s (%s)", path, version[0] ? version : "version unknown");
		check(1, 1, "qemu-system-x86_64", detail, NULL);
	} else {
		check(0, 1, "qemu-system-x86_64", "not on PATH",
		      "apt-get install qemu-system-x86");
	}

	/* KVM */
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd >= 0) {
		char verdict[PATH_MAX + 32];

		close(fd);
		cached_accel(verdict, sizeof(verdict));
		snprintf(detail, sizeof(detail),
			 "openable; whether KVM is usable is decided by a probe at first boot%s%s",
			 verdict[0] ? "; cached verdict: " : " (no cached verdict yet)", verdict);
		check(1, 0, "/dev/kvm", detail, NULL);
	} else {
		int err = errno;

		snprintf(detail, sizeof(detail), "%s; VMs fall back to TCG (much slower)",
			 strerror(err));
		check(0, 0, "/dev/kvm", detail,
		      err == ENOENT ? "modprobe kvm_intel (or kvm_amd); inside a VM, enable "
				      "nested virtualization on its host"
				    : "usermod -aG kvm $USER, then log in again");
	}

	/* the default kernel and its headers */
	have_kernel = kernel_find_default(&k, &e) == 0;
	if (have_kernel) {
		if (access(k.image, R_OK)) {
			snprintf(detail, sizeof(detail), "%s is not readable: %s", k.image,
				 strerror(errno));
			snprintf(fix, sizeof(fix), "chmod 0644 %s", k.image);
			check(0, 1, "default kernel", detail, fix);
		} else {
			snprintf(detail, sizeof(detail), "%s (%s)", k.release, k.image);
			check(1, 1, "default kernel", detail, NULL);
		}
		snprintf(path, sizeof(path), "%s/Makefile", k.kbuild);
		snprintf(fix, sizeof(fix), "apt-get install linux-headers-%s", k.release);
		check(access(path, R_OK) == 0, 0, "kernel headers", k.kbuild, fix);
	} else {
		/* no kernel with headers: is there a kernel at all? */
		char best[128] = "";
		struct dirent *de;
		DIR *dir = opendir("/boot");

		while (dir && (de = readdir(dir)))
			if (!strncmp(de->d_name, "vmlinuz-", 8) &&
			    (!best[0] || strverscmp(de->d_name + 8, best) > 0))
				snprintf(best, sizeof(best), "%s", de->d_name + 8);
		if (dir)
			closedir(dir);
		if (best[0]) {
			snprintf(detail, sizeof(detail), "%s (/boot/vmlinuz-%s)", best, best);
			check(1, 1, "default kernel", detail, NULL);
			snprintf(detail, sizeof(detail), "no /lib/modules/%s/build", best);
			snprintf(fix, sizeof(fix), "apt-get install linux-headers-%s", best);
			check(0, 1, "kernel headers", detail, fix);
		} else {
			check(0, 1, "default kernel", "no /boot/vmlinuz-*",
			      "apt-get install linux-image-amd64 linux-headers-amd64");
			check(0, 1, "kernel headers", "no kernel",
			      "apt-get install linux-image-amd64 linux-headers-amd64");
		}
	}

	/* busybox, copied into every initramfs: must be static */
	d = read_whole_file("/bin/busybox", &len);
	if (!d)
		check(0, 1, "busybox", "no /bin/busybox", "apt-get install busybox-static");
	else if (elf_is_dynamic(d, len))
		check(0, 1, "busybox", "/bin/busybox is dynamically linked",
		      "apt-get install busybox-static");
	else
		check(1, 1, "busybox", "/bin/busybox (static)", NULL);
	free(d);

	/* provium's own parts, and where they came from */
	parts_check(have_kernel ? &k : NULL);

	/* needed to build the agent, and the kselftest harness */
	check(access("/usr/lib/x86_64-linux-gnu/libnl-genl-3.a", R_OK) == 0 &&
	      access("/usr/lib/x86_64-linux-gnu/libnl-3.a", R_OK) == 0, 0,
	      "libnl static libraries", "/usr/lib/x86_64-linux-gnu/libnl-genl-3.a",
	      "apt-get install libnl-genl-3-dev");
	snprintf(path, sizeof(path), "%s/kselftest/kselftest_harness.h", cache_dir());
	snprintf(fix, sizeof(fix), "make -C %s selftests", layout()->kind == LAYOUT_INSTALLED ?
		 "<a provium source tree>" : home);
	check(access(path, R_OK) == 0, 0, "kselftest headers", path, fix);

	if (doctor_missing_needed)
		puts("provium cannot boot a VM yet: run the fixes above marked MISSING");
	else
		puts("everything needed to boot is present");
	return doctor_missing_needed ? 2 : 0;
}
