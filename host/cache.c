/*
 * cache.c - "provium cache [list]" and "provium cache clear [WHAT...]".
 * Sizes are what the files take on disk: a saved RAM file is as large as
 * the guest's memory but mostly holes. Saved guests being restored or built
 * right now (their lock is held) are left alone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "snapshot.h"

enum kind { K_SNAPSHOTS, K_FIXTURES, K_IMAGES, K_MODULES, K_LOGS, K_OTHER, K_N };

static const char *const kind_name[K_N] = {
	"snapshots", "fixtures", "images", "modules", "logs", "other"
};
static const char *const kind_what[K_N] = {
	"ready guests saved by warm start (warm-*)",
	"saved fixture states (fixture-*)",
	"initramfs images and extracted kernels",
	"provium.ko built for profiles' kbuild trees",
	"consoles of VMs that died under provium run",
	"KVM verdicts, kselftest headers, the rerun record",
};

static enum kind kind_of(const char *name)
{
	if (!strncmp(name, "warm-", 5) || !strncmp(name, "own-", 4))
		return K_SNAPSHOTS;
	if (!strncmp(name, "fixture-", 8))
		return K_FIXTURES;
	if (!strncmp(name, "initramfs-", 10) || !strncmp(name, "vmlinux-", 8))
		return K_IMAGES;
	if (!strncmp(name, "module-", 7))
		return K_MODULES;
	if (!strcmp(name, "logs"))
		return K_LOGS;
	return K_OTHER;
}

/* Bytes on disk under @path (a file or a directory tree). */
static unsigned long long disk_usage(const char *path)
{
	struct stat st;
	unsigned long long sum;
	struct dirent *de;
	DIR *d;

	if (lstat(path, &st))
		return 0;
	sum = (unsigned long long)st.st_blocks * 512;
	if (!S_ISDIR(st.st_mode) || !(d = opendir(path)))
		return sum;
	while ((de = readdir(d))) {
		char *p;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		p = xasprintf("%s/%s", path, de->d_name);
		sum += disk_usage(p);
		free(p);
	}
	closedir(d);
	return sum;
}

static void human_size(unsigned long long n, char *out, size_t len)
{
	if (n >= 1ull << 30)
		snprintf(out, len, "%.1f GiB", n / (double)(1ull << 30));
	else if (n >= 1ull << 20)
		snprintf(out, len, "%.1f MiB", n / (double)(1ull << 20));
	else
		snprintf(out, len, "%.1f KiB", n / 1024.0);
}

static void human_age(time_t then, char *out, size_t len)
{
	long s = (long)(time(NULL) - then);

	if (s < 120)
		snprintf(out, len, "%ld s ago", s < 0 ? 0 : s);
	else if (s < 7200)
		snprintf(out, len, "%ld min ago", s / 60);
	else if (s < 172800)
		snprintf(out, len, "%ld h ago", s / 3600);
	else
		snprintf(out, len, "%ld days ago", s / 86400);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* One line per saved guest of @prefix ("warm-", "fixture-"): size, use, what. */
static void list_saved(const char *dir, const char *prefix)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, by_name), i;

	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);

		if (!strncmp(name, prefix, strlen(prefix)) && len > 5 &&
		    !strcmp(name + len - 5, ".meta")) {
			struct snapshot s = { .lock_fd = -1 };
			char size[32], age[32], *release, *memory, *cpus, *accel, *vmlinux, *meta;
			unsigned long long bytes = 0;
			struct stat st;
			int j;

			snprintf(s.base, sizeof(s.base), "%s/%.*s", dir, (int)(len - 5), name);
			for (j = 0; j < n; j++)
				if (!strncmp(names[j]->d_name, name, len - 4)) {
					char *p = xasprintf("%s/%s", dir, names[j]->d_name);

					bytes += disk_usage(p);
					free(p);
				}
			release = snapshot_meta(&s, "release");
			memory = snapshot_meta(&s, "memory");
			cpus = snapshot_meta(&s, "cpus");
			accel = snapshot_meta(&s, "accel");
			vmlinux = snapshot_meta(&s, "vmlinux");
			human_size(bytes, size, sizeof(size));
			meta = xasprintf("%s.meta", s.base);
			if (stat(meta, &st))
				st.st_mtime = 0;
			free(meta);
			human_age(st.st_mtime, age, sizeof(age));
			printf("  %-25.*s %10s  used %-12s %s, %s, %sM, %s CPU%s, %s\n",
			       (int)(len - 5), name, size, age, release, vmlinux[0] ? "microvm" : "q35",
			       memory, cpus, strcmp(cpus, "1") ? "s" : "", accel);
			free(release);
			free(memory);
			free(cpus);
			free(accel);
			free(vmlinux);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	if (n >= 0)
		free(names);
}

static int list(void)
{
	const char *dir = cache_dir();
	unsigned long long size[K_N] = { 0 }, total = 0;
	int count[K_N] = { 0 }, k;
	struct dirent *de;
	DIR *d = opendir(dir);
	char h[32];

	if (!d) {
		fprintf(stderr, "provium cache: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		enum kind k2;
		char *p;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		k2 = kind_of(de->d_name);
		p = xasprintf("%s/%s", dir, de->d_name);
		size[k2] += disk_usage(p);
		free(p);
		/* one saved guest is several files: count its meta */
		if ((k2 != K_SNAPSHOTS && k2 != K_FIXTURES) ||
		    (len > 5 && !strcmp(de->d_name + len - 5, ".meta")))
			count[k2]++;
	}
	closedir(d);
	printf("cache %s\n", dir);
	for (k = 0; k < K_N; k++) {
		human_size(size[k], h, sizeof(h));
		total += size[k];
		printf("%-10s %4d %10s  %s\n", kind_name[k], count[k], h, kind_what[k]);
		if (k == K_SNAPSHOTS)
			list_saved(dir, "warm-");
		else if (k == K_FIXTURES)
			list_saved(dir, "fixture-");
	}
	human_size(total, h, sizeof(h));
	printf("%-15s %10s  ('provium cache clear [snapshots|fixtures|images|modules|logs|all]')\n",
	       "total", h);
	return 0;
}

/* Delete the saved guest whose meta is @meta, unless someone holds its lock. */
static int clear_saved(const char *dir, const char *meta)
{
	struct snapshot s = { .lock_fd = -1 };
	struct error e;
	size_t len = strlen(meta);

	snprintf(s.base, sizeof(s.base), "%s/%.*s", dir, (int)(len - 5), meta);
	if (snapshot_lock(&s, LOCK_EX | LOCK_NB, &e)) {
		printf("  kept %.*s: in use right now\n", (int)(len - 5), meta);
		return 0;
	}
	snapshot_remove(&s);
	snapshot_unlock(&s);
	return 1;
}

static int clear(int want[K_N])
{
	const char *dir = cache_dir();
	unsigned long long before = disk_usage(dir), after;
	int removed = 0;
	struct dirent *de;
	DIR *d = opendir(dir);
	char h[32];

	if (!d) {
		fprintf(stderr, "provium cache: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d))) {
		enum kind k = kind_of(de->d_name);
		size_t len = strlen(de->d_name);
		char *p;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") || !want[k])
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (k == K_SNAPSHOTS || k == K_FIXTURES) {
			if (len > 5 && !strcmp(de->d_name + len - 5, ".meta"))
				removed += clear_saved(dir, de->d_name);
			else if (strstr(de->d_name, ".cold"))
				removed += unlink(p) == 0;
		} else {
			removed += rm_rf(p) == 0;
		}
		free(p);
	}
	closedir(d);
	after = disk_usage(dir);
	human_size(before > after ? before - after : 0, h, sizeof(h));
	printf("removed %d entr%s, freed %s\n", removed, removed == 1 ? "y" : "ies", h);
	return 0;
}

static void usage(FILE *f)
{
	fputs("usage: provium cache [list]\n"
	      "       provium cache clear [snapshots|fixtures|images|modules|logs|all]...\n"
	      "  list   what the cache holds, by kind, with sizes on disk (the default)\n"
	      "  clear  delete those kinds (default: all of them); saved guests in use\n"
	      "         are kept\n", f);
}

int cache_command(int argc, char **argv)
{
	int want[K_N] = { 0 }, i, k;

	if (argc == 0 || (argc == 1 && !strcmp(argv[0], "list")))
		return list();
	if (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help")) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[0], "clear")) {
		usage(stderr);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		int found = 0;

		for (k = 0; k < K_LOGS + 1; k++)
			if (!strcmp(argv[i], kind_name[k]) || !strcmp(argv[i], "all"))
				want[k] = found = 1;
		if (!found) {
			fprintf(stderr, "provium cache clear: unknown kind '%s'\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (argc == 1)
		for (k = 0; k < K_LOGS + 1; k++)
			want[k] = 1;
	return clear(want);
}
