/*
 * kernel.c - the guest kernel: default kernel discovery, vmlinux
 * extraction (bzImage payload, see Documentation/x86/boot.rst), module
 * signature stripping and vermagic.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernel.h"

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where the machine's kernels are: "/" unless PROVIUM_SYSROOT says otherwise (tests). */
static const char *sysroot(void)
{
	const char *r = getenv("PROVIUM_SYSROOT");

	return r && *r ? r : "";
}

/* Fill @k for @rel installed under @root (boot/vmlinuz-<rel>, lib/modules/<rel>). */
static void fill_installed(struct kernel *k, const char *root, const char *rel)
{
	char path[600];

	memset(k, 0, sizeof(*k));
	snprintf(k->release, sizeof(k->release), "%s", rel);
	snprintf(k->image, sizeof(k->image), "%s/boot/vmlinuz-%s", root, rel);
	snprintf(path, sizeof(path), "%s/lib/modules/%s/modules.dep", root, rel);
	if (access(path, R_OK) == 0)
		snprintf(k->moddir, sizeof(k->moddir), "%s/lib/modules/%s", root, rel);
	snprintf(path, sizeof(path), "%s/lib/modules/%s/build", root, rel);
	if (is_dir(path))
		copy_str(k->kbuild, sizeof(k->kbuild), path);
	snprintf(path, sizeof(path), "%s/boot/config-%s", root, rel);
	if (access(path, R_OK) == 0)
		copy_str(k->config, sizeof(k->config), path);
}

/*
 * The newest release under @root/boot matching @pattern (NULL: any) into
 * @best, if newer than what it holds; @need_build: only with a build tree.
 */
static void scan_boot(const char *root, const char *pattern, int need_build, char *best,
		      size_t bestlen, char *best_root, size_t rootlen)
{
	char path[600];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "%s/boot", root);
	d = opendir(path);
	if (!d)
		return;
	while ((de = readdir(d))) {
		const char *ver;

		if (strncmp(de->d_name, "vmlinuz-", 8))
			continue;
		ver = de->d_name + 8;
		if (pattern && fnmatch(pattern, ver, 0))
			continue;
		snprintf(path, sizeof(path), "%s/lib/modules/%s/build", root, ver);
		if (need_build && !is_dir(path))
			continue;
		if (!best[0] || strverscmp(ver, best) > 0) {
			snprintf(best, bestlen, "%s", ver);
			snprintf(best_root, rootlen, "%s", root);
		}
	}
	closedir(d);
}

int kernel_find_default(struct kernel *k, struct error *e)
{
	char best[128] = "", root[512] = "";

	memset(k, 0, sizeof(*k));
	scan_boot(sysroot(), NULL, 1, best, sizeof(best), root, sizeof(root));
	if (!best[0])
		return errorf(e, "no %s/boot/vmlinuz-* with matching headers in "
			      "%s/lib/modules/<ver>/build: run 'apt-get install "
			      "linux-image-amd64 linux-headers-amd64' (or 'make deps')",
			      sysroot(), sysroot());
	fill_installed(k, root, best);
	return 0;
}

int kernel_find_release(const char *pattern, struct kernel *k, struct error *e)
{
	char best[128] = "", root[600] = "", dir[600];
	struct dirent *de;
	DIR *d;

	memset(k, 0, sizeof(*k));
	scan_boot(sysroot()[0] ? sysroot() : "", pattern, 0, best, sizeof(best), root,
		  sizeof(root));
	snprintf(dir, sizeof(dir), "%s/kernels", cache_dir());
	d = opendir(dir);
	while (d && (de = readdir(d))) {
		char *r;

		if (de->d_name[0] == '.')
			continue;
		r = xasprintf("%s/%s", dir, de->d_name);
		scan_boot(r, pattern, 0, best, sizeof(best), root, sizeof(root));
		free(r);
	}
	if (d)
		closedir(d);
	if (!best[0])
		return errorf(e, "no kernel release matches '%s' in %s/boot or %s (Debian "
			      "kernels go there with tools/debian-kernel.sh VERSION)", pattern,
			      sysroot(), dir);
	fill_installed(k, root, best);
	return 0;
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int kernel_from_tree(const char *tree, struct kernel *k, struct error *e)
{
	char path[600];
	size_t n;
	uint8_t *rel;

	memset(k, 0, sizeof(*k));
	snprintf(path, sizeof(path), "%s/arch/x86/boot/bzImage", tree);
	if (is_file(path)) {
		copy_str(k->image, sizeof(k->image), path);
	} else {
		snprintf(path, sizeof(path), "%s/vmlinux", tree);
		if (!is_file(path))
			return errorf(e, "kernel tree %s has neither arch/x86/boot/bzImage nor "
				      "vmlinux: build it first ('make -j$(nproc)')", tree);
		copy_str(k->image, sizeof(k->image), path);
	}
	snprintf(path, sizeof(path), "%s/include/config/kernel.release", tree);
	rel = read_whole_file(path, &n);
	if (rel) {
		while (n && (rel[n - 1] == '\n' || rel[n - 1] == ' '))
			n--;
		snprintf(k->release, sizeof(k->release), "%.*s", (int)n, (char *)rel);
		free(rel);
	}
	snprintf(path, sizeof(path), "%s/.config", tree);
	if (is_file(path))
		copy_str(k->config, sizeof(k->config), path);
	snprintf(k->kbuild, sizeof(k->kbuild), "%s", tree);
	return 0;
}

void kernel_locate_config(struct kernel *k)
{
	char path[1200], dir[512], *slash;
	static const char *const tails[] = { "/arch/x86/boot/bzImage", "/vmlinux" };
	size_t i, n = strlen(k->image);

	if (k->config[0])
		return;
	/* Debian's layout: config-<release> beside vmlinuz-<release> */
	snprintf(dir, sizeof(dir), "%s", k->image);
	slash = strrchr(dir, '/');
	if (slash && k->release[0]) {
		*slash = '\0';
		snprintf(path, sizeof(path), "%s/config-%s", dir, k->release);
		if (is_file(path))
			goto found;
	}
	/* an image inside its build tree */
	for (i = 0; i < 2; i++) {
		size_t t = strlen(tails[i]);

		if (n > t && !strcmp(k->image + n - t, tails[i])) {
			snprintf(path, sizeof(path), "%.*s/.config", (int)(n - t), k->image);
			if (is_file(path))
				goto found;
		}
	}
	if (k->kbuild[0]) {
		snprintf(path, sizeof(path), "%s/.config", k->kbuild);
		if (is_file(path))
			goto found;
	}
	return;
found:
	copy_str(k->config, sizeof(k->config), path);
}

/* CONFIG_IKCONFIG: the .config, gzip'ed between two markers in the image. */
static char *ikconfig(const char *elf)
{
	size_t n, len;
	uint8_t *d = read_whole_file(elf, &n), *st, *ed, *text = NULL;
	struct error ignored;

	if (!d)
		return NULL;
	st = memmem(d, n, "IKCFG_ST", 8);
	ed = st ? memmem(st, n - (size_t)(st - d), "IKCFG_ED", 8) : NULL;
	if (st && ed && ed > st + 8) {
		text = decompress(st + 8, (size_t)(ed - st - 8), &len, &ignored);
		if (text) {
			text = xrealloc(text, len + 1);
			text[len] = '\0';
		}
	}
	free(d);
	return (char *)text;
}

char *kernel_config_read(const struct kernel *k, char *from, size_t fromlen)
{
	size_t n;
	uint8_t *d;

	if (k->config[0] && (d = read_whole_file(k->config, &n))) {
		d = xrealloc(d, n + 1);
		d[n] = '\0';
		snprintf(from, fromlen, "%s", k->config);
		return (char *)d;
	}
	if (k->vmlinux[0]) {
		char *text = ikconfig(k->vmlinux);

		if (text) {
			snprintf(from, fromlen, "the configuration built into %s", k->image);
			return text;
		}
	}
	return NULL;
}

int kconfig_value(const char *config, const char *option)
{
	size_t n = strlen(option);
	const char *p = config;

	while ((p = strstr(p, option))) {
		int line_start = p == config || p[-1] == '\n';

		if (line_start && p[n] == '=')
			return p[n + 1] == 'y' || p[n + 1] == 'm' ? p[n + 1] : 'v';
		p += n;
	}
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

/* What the kernel compresses its payload and its modules with. */
static const struct codec {
	const char *name;
	uint8_t magic[9];
	size_t mlen;
	const char *tool[5];	/* decompresses stdin to stdout */
} codecs[] = {
	{ "xz", { 0xfd, '7', 'z', 'X', 'Z', 0 }, 6, { "xz", "-dc", "--single-stream", NULL } },
	{ "gzip", { 0x1f, 0x8b }, 2, { "gzip", "-dc", NULL } },
	{ "zstd", { 0x28, 0xb5, 0x2f, 0xfd }, 4, { "zstd", "-dcq", NULL } },
	{ "lz4", { 0x02, 0x21, 0x4c, 0x18 }, 4, { "lz4", "-dcq", NULL } },
	{ "bzip2", { 'B', 'Z', 'h' }, 3, { "bzip2", "-dc", NULL } },
	{ "lzma", { 0x5d, 0, 0 }, 3, { "xz", "--format=lzma", "-dc", NULL } },
	{ "lzo", { 0x89, 'L', 'Z', 'O', 0, 0x0d, 0x0a, 0x1a, 0x0a }, 9, { "lzop", "-dc", NULL } },
};

static const struct codec *codec_of(const uint8_t *d, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(codecs) / sizeof(codecs[0]); i++)
		if (n >= codecs[i].mlen && !memcmp(d, codecs[i].magic, codecs[i].mlen))
			return &codecs[i];
	return NULL;
}

const char *compression_of(const uint8_t *d, size_t n)
{
	const struct codec *c = codec_of(d, n);

	return c ? c->name : NULL;
}

/* Decompress @n bytes with @c's tool, appending to @out_fd; the tool's exit status. */
static int run_codec(const struct codec *c, const uint8_t *d, size_t n, int out_fd)
{
	int in = memfd_create("provium-compressed", MFD_CLOEXEC), rc;
	size_t done = 0;

	if (in < 0)
		return -1;
	while (done < n) {
		ssize_t w = write(in, d + done, n - done);

		if (w <= 0) {
			close(in);
			return -1;
		}
		done += (size_t)w;
	}
	lseek(in, 0, SEEK_SET);
	rc = run_command_io((char *const *)c->tool, in, out_fd, -1);
	close(in);
	return rc;
}

uint8_t *decompress(const uint8_t *d, size_t n, size_t *outlen, struct error *e)
{
	const struct codec *c = codec_of(d, n);
	int out, rc;
	off_t len;
	uint8_t *buf;

	if (!c) {
		errorf(e, "not compressed in a known format");
		return NULL;
	}
	out = memfd_create("provium-decompressed", MFD_CLOEXEC);
	if (out < 0) {
		errorf(e, "memfd_create: %s", strerror(errno));
		return NULL;
	}
	rc = run_codec(c, d, n, out);
	len = lseek(out, 0, SEEK_END);
	if (rc != 0 || len <= 0) {
		close(out);
		errorf(e, "decompressing %s data with %s failed%s", c->name, c->tool[0],
		       rc == 127 ? " (is it installed?)" : "");
		return NULL;
	}
	buf = xmalloc((size_t)len);
	if (pread(out, buf, (size_t)len, 0) != len) {
		close(out);
		free(buf);
		errorf(e, "reading the decompressed data: %s", strerror(errno));
		return NULL;
	}
	close(out);
	*outlen = (size_t)len;
	return buf;
}

/*
 * Decompress the bzImage payload to @dst. The kernel's build appends the
 * uncompressed size as a little-endian u32 to every payload (size_append
 * in scripts/Makefile.lib; for gzip it is the stream's own ISIZE). Only
 * gzip reads it as part of its stream: for the others it is cut off
 * (zstd, for one, rejects it as trailing garbage), and for all it checks
 * the result.
 */
static int extract_payload(const uint8_t *d, size_t n, const char *dst, struct error *e)
{
	unsigned int setup_sects = d[0x1f1] ? d[0x1f1] : 4;
	size_t pm = (setup_sects + 1) * 512;
	size_t off = pm + le32(d + 0x248), plen = le32(d + 0x24c), body;
	const struct codec *c;
	uint32_t want;
	char tmp[600];
	off_t got;
	int out, rc;

	if (off + plen > n || plen < 8)
		return errorf(e, "bzImage payload out of range");
	c = codec_of(d + off, plen);
	if (!c)
		return errorf(e, "unknown kernel compression (payload starts %02x %02x)",
			      d[off], d[off + 1]);
	want = le32(d + off + plen - 4);
	body = strcmp(c->name, "gzip") ? plen - 4 : plen;
	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", dst, (int)getpid());
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0)
		return errorf(e, "cannot write %s: %s", tmp, strerror(errno));
	rc = run_codec(c, d + off, body, out);
	got = lseek(out, 0, SEEK_END);
	close(out);
	if (rc != 0) {
		unlink(tmp);
		return errorf(e, "decompressing the %s kernel with %s failed%s", c->name,
			      c->tool[0], rc == 127 ? " (is it installed?)" : "");
	}
	if ((uint32_t)got != want) {
		unlink(tmp);
		return errorf(e, "decompressing the %s kernel gave %lld bytes, its image "
			      "says %u", c->name, (long long)got, want);
	}
	if (rename(tmp, dst)) {
		unlink(tmp);
		return errorf(e, "cannot create %s: %s", dst, strerror(errno));
	}
	return 0;
}

int kernel_extract_vmlinux(const char *image, const char *dst, struct error *e)
{
	size_t n;
	uint8_t *d = read_whole_file(image, &n);
	int rc;

	if (!d)
		return errorf(e, "cannot read kernel %s: %s", image, strerror(errno));
	if (!is_bzimage(d, n))
		rc = errorf(e, "%s is not a bzImage", image);
	else
		rc = extract_payload(d, n, dst, e);
	free(d);
	return rc;
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

/* modules.dep in @moddir lists module @name (dashes and underscores alike). */
static int moddir_has(const char *moddir, const char *name)
{
	char *dep;
	size_t n, nlen = strlen(name);
	uint8_t *d;
	const char *p;
	int found = 0;

	if (!moddir || !moddir[0])
		return 0;
	dep = xasprintf("%s/modules.dep", moddir);
	d = read_whole_file(dep, &n);
	free(dep);
	if (!d)
		return 0;
	d = xrealloc(d, n + 1);
	d[n] = '\0';
	for (p = (char *)d; !found && (p = strstr(p, ".ko")); p += 3) {
		const char *b = p;
		size_t i;

		while (b > (char *)d && b[-1] != '/' && b[-1] != '\n' && b[-1] != ' ')
			b--;
		if ((size_t)(p - b) != nlen)
			continue;
		for (i = 0; i < nlen && (b[i] == name[i] || (b[i] == '-' && name[i] == '_')); i++)
			;
		found = i == nlen;
	}
	free(d);
	return found;
}

/* @opt is built in, or a module the modules directory has (NULL: unknown, taken as there). */
static int have(const char *config, const char *opt, const char *moddir, const char *mod)
{
	int v = kconfig_value(config, opt);

	return v == 'y' || (v == 'm' && mod && (!moddir || moddir_has(moddir, mod)));
}

int kernel_check_config(const char *config, const char *from, const char *moddir,
			int *microvm, int can_q35, size_t ndisks, struct error *e)
{
	static const struct {
		const char *opt, *module, *why;
	} needs[] = {
		{ "CONFIG_BLK_DEV_INITRD", NULL, "Provium boots from an initramfs" },
		{ "CONFIG_BINFMT_ELF", NULL, "the agent is an ELF program" },
		{ "CONFIG_DEVTMPFS", NULL, "the agent mounts devtmpfs on /dev" },
		{ "CONFIG_PROC_FS", NULL, "the agent reads /proc" },
		{ "CONFIG_SYSFS", NULL, "the agent finds its port in /sys" },
		{ "CONFIG_SIGNALFD", NULL, "the agent waits for its children with a signalfd" },
		{ "CONFIG_VIRTIO_CONSOLE", "virtio_console",
		  "the agent's channel is a virtio-serial port" },
	};
	const char *mod_hint = moddir && moddir[0] ? moddir : "no modules directory";
	size_t i;

	for (i = 0; i < sizeof(needs) / sizeof(needs[0]); i++) {
		if (have(config, needs[i].opt, moddir, needs[i].module))
			continue;
		if (kconfig_value(config, needs[i].opt) == 'm')
			return errorf(e, "the kernel has %s=m but its module %s is not in the "
				      "modules directory (%s): set modules = \"...\" in the "
				      "profile, or build it in (=y)", needs[i].opt,
				      needs[i].module, mod_hint);
		return errorf(e, "the kernel lacks %s (%s), according to %s: add it, "
			      "'provium kconfig' prints what a test kernel needs",
			      needs[i].opt, needs[i].why, from);
	}
	if (*microvm && !(kconfig_value(config, "CONFIG_PVH") == 'y' &&
			  have(config, "CONFIG_VIRTIO_MMIO", moddir, "virtio_mmio"))) {
		if (!can_q35 || !have(config, "CONFIG_VIRTIO_PCI", moddir, "virtio_pci"))
			return errorf(e, "the kernel can boot neither on microvm (it needs "
				      "CONFIG_PVH and CONFIG_VIRTIO_MMIO) nor on q35 (it needs "
				      "CONFIG_VIRTIO_PCI and a bzImage), according to %s", from);
		*microvm = 0;
	}
	if (!*microvm && !have(config, "CONFIG_VIRTIO_PCI", moddir, "virtio_pci"))
		return errorf(e, "the kernel lacks CONFIG_VIRTIO_PCI (virtio on the q35 "
			      "machine), according to %s: add it, 'provium kconfig' prints "
			      "what a test kernel needs", from);
	if (ndisks && !have(config, "CONFIG_VIRTIO_BLK", moddir, "virtio_blk"))
		return errorf(e, "the kernel lacks CONFIG_VIRTIO_BLK (the VM has disks), "
			      "according to %s (%s)", from, mod_hint);
	return 0;
}

int kernel_decompresses(const char *config, const char *format)
{
	static const char *const opts[][2] = {
		{ "xz", "CONFIG_MODULE_COMPRESS_XZ" },
		{ "zstd", "CONFIG_MODULE_COMPRESS_ZSTD" },
		{ "gzip", "CONFIG_MODULE_COMPRESS_GZIP" },
	};
	size_t i;

	if (!config || !format || kconfig_value(config, "CONFIG_MODULE_DECOMPRESS") != 'y')
		return 0;
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (!strcmp(format, opts[i][0]))
			return kconfig_value(config, opts[i][1]) == 'y';
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
