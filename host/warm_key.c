/*
 * warm_key.c - the inputs of a boot, one "in.NAME value" line each, and
 * their key. Files are named by what the guest gets from them: the kernel by
 * path, size and modification time; a user initrd or a boot file by its
 * contents (a test's temporary copy of the same bytes is the same input;
 * past 64 MiB by path, size and time); a disk by its shape only (format,
 * read-only, size), because a restored guest re-reads its disks (warm.c).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warm_key.h"

/* a boot file bigger than this is known by its metadata, not hashed */
#define HASH_FILES_UP_TO (64u << 20)

static void add(char **text, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add(char **text, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *v, *both;

	va_start(ap, fmt);
	v = xvasprintf(fmt, ap);
	va_end(ap);
	/* one line per input: a newline inside a value would end it */
	for (char *p = v; *p; p++)
		if (*p == '\n')
			*p = ' ';
	both = xasprintf("%sin.%s %s\n", *text, name, v);
	free(v);
	free(*text);
	*text = both;
}

static char *file_meta(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return xasprintf("%s (missing)", path);
	return xasprintf("%s %lld %lld.%09ld %llu", path, (long long)st.st_size,
			 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
			 (unsigned long long)st.st_ino);
}

static char *file_contents(const char *path)
{
	struct stat st;
	uint8_t *d;
	size_t len;
	uint64_t h;

	if (stat(path, &st))
		return xasprintf("missing");
	if ((unsigned long long)st.st_size > HASH_FILES_UP_TO)
		return file_meta(path);
	d = read_whole_file(path, &len);
	h = hash_bytes(HASH_INIT, d ? d : (uint8_t *)"", d ? len : 0);
	free(d);
	return xasprintf("%016llx:%o", (unsigned long long)h, st.st_mode & 07777);
}

/* What the guest sees as the disk's size: a qcow2 image says it in its header. */
static long long disk_size(const char *path)
{
	uint8_t h[32];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	long long size = -1;

	if (fd < 0)
		return -1;
	if (pread(fd, h, sizeof(h), 0) == (ssize_t)sizeof(h) && !memcmp(h, "QFI\xfb", 4)) {
		size = 0;
		for (int i = 24; i < 32; i++)
			size = size << 8 | h[i];
	} else if (fstat(fd, &st) == 0) {
		size = st.st_size;
	}
	close(fd);
	return size;
}

/* The host CPU, which a KVM guest sees and a saved one depends on. */
static unsigned long long host_cpu(void)
{
	size_t len;
	char *info = (char *)read_whole_file("/proc/cpuinfo", &len), *end;
	uint64_t h = HASH_INIT;

	if (!info)
		return 0;
	/* the first CPU's block: model and flags */
	end = strstr(info, "\n\n");
	h = hash_bytes(h, info, end ? (size_t)(end - info) : len);
	free(info);
	return (unsigned long long)h;
}

char *warm_key_inputs(const struct vm_config *cfg, const char *cmdline,
		      const char *initramfs, const char *qemu, unsigned long long *key)
{
	char *text = xstrdup(""), *v;
	const char *cpu = getenv("PROVIUM_CPU");
	size_t i;

	v = file_meta(cfg->kernel.image);
	add(&text, "kernel", "%s", v);
	free(v);
	if (cfg->kernel.vmlinux[0])
		add(&text, "machine", "microvm %s", cfg->kernel.vmlinux);
	else
		add(&text, "machine", "q35");
	add(&text, "initramfs", "%s", initramfs);
	v = cfg->initrd[0] ? file_contents(cfg->initrd) : xstrdup("none");
	add(&text, "initrd", "%s", v);
	free(v);
	v = xasprintf("%zu", cfg->nfiles);
	for (i = 0; i < cfg->nfiles; i++) {
		char *c = file_contents(cfg->files[i].host), *more;

		more = xasprintf("%s %s=%s", v, cfg->files[i].guest, c);
		free(c);
		free(v);
		v = more;
	}
	add(&text, "files", "%s", v);
	free(v);
	add(&text, "cmdline", "%s", cmdline);
	add(&text, "memory", "%uM", cfg->memory_mb);
	add(&text, "cpus", "%u", cfg->cpus);
	v = xasprintf("%zu", cfg->ndisks);
	for (i = 0; i < cfg->ndisks; i++) {
		const struct vm_disk *d = &cfg->disks[i];
		char *more = xasprintf("%s %s:%s:%lld", v, d->format ? d->format :
				       strstr(d->path, ".qcow2") ? "qcow2" : "raw",
				       d->readonly ? "ro" : "rw", disk_size(d->path));

		free(v);
		v = more;
	}
	add(&text, "disks", "%s", v);
	free(v);
	add(&text, "accel", "%s", cfg->accel ? cfg->accel : "?");
	add(&text, "cpu", "%s", cpu ? cpu : "default");
	if (cfg->accel && !strcmp(cfg->accel, "kvm"))
		add(&text, "host_cpu", "%016llx", host_cpu());
	v = file_meta(qemu);
	add(&text, "qemu", "%s", v);
	free(v);
	*key = (unsigned long long)hash_str(HASH_INIT, text);
	return text;
}

/* The value of line "in.NAME " in @text, its length in @len; NULL if none. */
static const char *find(const char *text, const char *name, size_t nlen, size_t *len)
{
	const char *p = text;

	while ((p = strstr(p, "in.")) != NULL) {
		if ((p == text || p[-1] == '\n') && !strncmp(p + 3, name, nlen) &&
		    p[3 + nlen] == ' ') {
			p += 4 + nlen;
			*len = strcspn(p, "\n");
			return p;
		}
		p += 3;
	}
	return NULL;
}

char *warm_key_diff(const char *a, const char *b, int *count)
{
	char *out = xstrdup("");
	const char *texts[2] = { a, b };
	int t;

	*count = 0;
	/* every name of a, then names only b has */
	for (t = 0; t < 2; t++) {
		const char *p = texts[t];

		while ((p = strstr(p, "in.")) != NULL) {
			size_t nlen, la, lb;
			const char *va, *vb;

			if (p != texts[t] && p[-1] != '\n') {
				p += 3;
				continue;
			}
			p += 3;
			nlen = strcspn(p, " \n");
			va = find(a, p, nlen, &la);
			vb = find(b, p, nlen, &lb);
			if ((t == 0 || !va) && (!va || !vb || la != lb || memcmp(va, vb, la))) {
				char *more = xasprintf("%s%s%.*s", out, *out ? ", " : "", (int)nlen, p);

				free(out);
				out = more;
				++*count;
			}
			p += nlen;
		}
	}
	return out;
}
