/*
 * kernel.c - the guest kernel: default kernel discovery, vmlinux
 * extraction (bzImage payload, see Documentation/x86/boot.rst), module
 * signature stripping and vermagic.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernel.h"

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int kernel_find_default(struct kernel *k, struct error *e)
{
	char best[128] = "", path[512];
	struct dirent *de;
	DIR *d = opendir("/boot");

	memset(k, 0, sizeof(*k));
	if (!d)
		return errorf(e, "no /boot directory: install a kernel with "
			      "'apt-get install linux-image-amd64 linux-headers-amd64'");
	while ((de = readdir(d))) {
		const char *ver;

		if (strncmp(de->d_name, "vmlinuz-", 8))
			continue;
		ver = de->d_name + 8;
		snprintf(path, sizeof(path), "/lib/modules/%s/build", ver);
		if (!is_dir(path))
			continue;
		if (!best[0] || strverscmp(ver, best) > 0)
			snprintf(best, sizeof(best), "%s", ver);
	}
	closedir(d);
	if (!best[0])
		return errorf(e, "no /boot/vmlinuz-* with matching headers in "
			      "/lib/modules/<ver>/build: run 'apt-get install "
			      "linux-image-amd64 linux-headers-amd64' (or 'make deps')");
	snprintf(k->release, sizeof(k->release), "%s", best);
	snprintf(k->image, sizeof(k->image), "/boot/vmlinuz-%s", best);
	snprintf(k->moddir, sizeof(k->moddir), "/lib/modules/%s", best);
	snprintf(k->kbuild, sizeof(k->kbuild), "/lib/modules/%s/build", best);
	return 0;
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int is_bzimage(const uint8_t *d, size_t len)
{
	return len > 0x260 && !memcmp(d + 0x202, "HdrS", 4);
}

int kernel_image_release(const char *image, char *out, size_t len)
{
	size_t n;
	uint8_t *d = read_whole_file(image, &n);
	uint32_t off;
	int rc = -1;

	out[0] = '\0';
	if (!d)
		return -1;
	if (is_bzimage(d, n)) {
		/* kernel_version: pointer to "6.1.0-... (builder) #1 ..." minus 0x200 */
		off = (d[0x20e] | d[0x20f] << 8) + 0x200;
		if (off < n) {
			size_t i;

			for (i = 0; i + 1 < len && off + i < n && d[off + i] > ' '; i++)
				out[i] = d[off + i];
			out[i] = '\0';
			rc = out[0] ? 0 : -1;
		}
	}
	free(d);
	return rc;
}

static const struct {
	const uint8_t magic[6];
	size_t mlen;
	const char *tool[5];
} decompressors[] = {
	{ { 0xfd, '7', 'z', 'X', 'Z', 0 }, 6, { "xz", "-dc", "--single-stream", NULL } },
	{ { 0x1f, 0x8b }, 2, { "gzip", "-dc", NULL } },
	{ { 0x28, 0xb5, 0x2f, 0xfd }, 4, { "zstd", "-dcq", NULL } },
	{ { 0x02, 0x21, 0x4c, 0x18 }, 4, { "lz4", "-dcq", NULL } },
	{ { 'B', 'Z', 'h' }, 3, { "bzip2", "-dc", NULL } },
	{ { 0x5d, 0, 0 }, 3, { "xz", "--format=lzma", "-dc", NULL } },
};

/* Decompress the bzImage payload to @dst with the matching tool. */
static int extract_payload(const uint8_t *d, size_t n, const char *dst, struct error *e)
{
	unsigned int setup_sects = d[0x1f1] ? d[0x1f1] : 4;
	size_t pm = (setup_sects + 1) * 512;
	size_t off = pm + le32(d + 0x248), plen = le32(d + 0x24c);
	char tmp[600], src[600];
	size_t i;
	int out, rc;

	if (off + plen > n || plen < 8)
		return errorf(e, "bzImage payload out of range");
	for (i = 0; i < sizeof(decompressors) / sizeof(decompressors[0]); i++)
		if (!memcmp(d + off, decompressors[i].magic, decompressors[i].mlen))
			break;
	if (i == sizeof(decompressors) / sizeof(decompressors[0]))
		return errorf(e, "unknown kernel compression (payload starts %02x %02x)",
			      d[off], d[off + 1]);

	snprintf(src, sizeof(src), "%s.payload.%d", dst, (int)getpid());
	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", dst, (int)getpid());
	if (write_whole_file(src, d + off, plen))
		return errorf(e, "cannot write %s", src);
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		unlink(src);
		return errorf(e, "cannot write %s", tmp);
	}
	{
		char *argv[8];
		int a = 0;

		while (decompressors[i].tool[a]) {
			argv[a] = (char *)decompressors[i].tool[a];
			a++;
		}
		argv[a++] = src;
		argv[a] = NULL;
		rc = run_command(argv, out);
	}
	close(out);
	unlink(src);
	/* gzip/lz4 warn (exit 2) about the size word after the stream */
	if (rc < 0 || rc == 127 || rc == 1) {
		unlink(tmp);
		return errorf(e, "decompressing the kernel with %s failed (is it installed?)",
			      decompressors[i].tool[0]);
	}
	if (rename(tmp, dst)) {
		unlink(tmp);
		return errorf(e, "cannot create %s", dst);
	}
	return 0;
}

int kernel_prepare_vmlinux(struct kernel *k, struct error *e)
{
	uint8_t *d;
	size_t n;
	char path[512];

	d = read_whole_file(k->image, &n);
	if (!d)
		return errorf(e, "cannot read kernel %s: %m", k->image);
	if (n > 4 && !memcmp(d, "\x7f" "ELF", 4)) {
		snprintf(k->vmlinux, sizeof(k->vmlinux), "%s", k->image);
		free(d);
		return 0;
	}
	if (!is_bzimage(d, n)) {
		free(d);
		return errorf(e, "%s is neither a bzImage nor an ELF vmlinux", k->image);
	}
	snprintf(path, sizeof(path), "%s/vmlinux-%016llx", cache_dir(),
		 (unsigned long long)hash_file_meta(HASH_INIT, k->image));
	if (access(path, R_OK) && extract_payload(d, n, path, e)) {
		free(d);
		return -1;
	}
	free(d);
	snprintf(k->vmlinux, sizeof(k->vmlinux), "%s", path);
	return 0;
}

#define SIG_MAGIC "~Module signature appended~\n"

size_t module_strip_signature(const uint8_t *d, size_t len)
{
	size_t mlen = sizeof(SIG_MAGIC) - 1, siglen;
	const uint8_t *info;

	/* struct module_signature is 12 bytes, sig_len big-endian at +8 */
	if (len < mlen + 12 || memcmp(d + len - mlen, SIG_MAGIC, mlen))
		return len;
	info = d + len - mlen - 12;
	siglen = (size_t)info[8] << 24 | info[9] << 16 | info[10] << 8 | info[11];
	if (siglen + mlen + 12 > len)
		return len;
	return len - mlen - 12 - siglen;
}

void module_vermagic(const uint8_t *d, size_t len, char *out, size_t outlen)
{
	const uint8_t *p = memmem(d, len, "vermagic=", 9);
	size_t i = 0;

	if (p) {
		p += 9;
		while (i + 1 < outlen && p + i < d + len && p[i] > ' ')
			out[i] = p[i], i++;
	}
	out[i] = '\0';
}

/* The first line of the host's /proc/cpuinfo starting with @key, into @line. */
static int cpuinfo_line(const char *key, char *line, size_t len)
{
	FILE *f = fopen("/proc/cpuinfo", "re");
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, (int)len, f))
		found = !strncmp(line, key, strlen(key));
	fclose(f);
	return found;
}

unsigned long host_tsc_khz(void)
{
	char line[256];
	double mhz = 0;

	if (cpuinfo_line("cpu MHz", line, sizeof(line)))
		sscanf(line, "cpu MHz : %lf", &mhz);
	return (unsigned long)(mhz * 1000);
}

int host_tsc_stable(void)
{
	char line[8192];

	return cpuinfo_line("flags", line, sizeof(line)) && strstr(line, " constant_tsc") &&
	       strstr(line, " nonstop_tsc");
}
