/*
 * initramfs.c - build the Provium initramfs once per set of inputs and
 * keep it in the cache; parallel VMs share the same read-only file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "cpio.h"
#include "initramfs.h"
#include "layout.h"

#define LAYOUT_VERSION	6	/* bump when the image's layout changes */

/* what each machine type needs to reach the agent's port */
static const char *const mmio_modules[] = { "virtio_mmio", "virtio_console", NULL };
static const char *const pci_modules[] = { "virtio_pci", "virtio_console", NULL };
/* loaded only when the VM has disks */
static const char *const blk_modules[] = { "virtio_blk", NULL };
/*
 * A profile's rootfs: the disk and ext2/3/4 (file systems the kernel has
 * built in work too). crc32c is loaded ahead: ext4 and jbd2 ask the crypto
 * API for it, and there is no modprobe to load it on demand.
 */
static const char *const rootfs_modules[] = {
	"virtio_blk", "crc32c_generic", "crc32c_intel", "ext4", NULL
};

struct dep {
	char *path;		/* relative to moddir */
	char *deps;		/* space separated, as in modules.dep */
};

static int name_matches(const char *path, const char *name)
{
	const char *base = strrchr(path, '/');
	size_t n = strlen(name), i;

	base = base ? base + 1 : path;
	for (i = 0; i < n; i++) {
		char c = base[i] == '-' ? '_' : base[i];

		if (c != name[i])
			return 0;
	}
	return !strncmp(base + n, ".ko", 3);
}

static void add_once(char ***paths, size_t *count, const char *p)
{
	size_t i;

	for (i = 0; i < *count; i++)
		if (!strcmp((*paths)[i], p))
			return;
	*paths = xrealloc(*paths, (*count + 1) * sizeof(char *));
	(*paths)[(*count)++] = xstrdup(p);
}

/* Depth-first: dependencies land before the modules using them. */
static void add_with_deps(struct dep *deps, size_t ndeps, const char *path,
			  char ***paths, size_t *count, int depth)
{
	size_t i;

	if (depth > 32)
		return;
	for (i = 0; i < ndeps; i++) {
		char *copy, *tok, *save;

		if (strcmp(deps[i].path, path))
			continue;
		copy = xstrdup(deps[i].deps);
		for (tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
			add_with_deps(deps, ndeps, tok, paths, count, depth + 1);
		free(copy);
		break;
	}
	add_once(paths, count, path);
}

int modules_resolve(const char *moddir, const char *const *names, char ***paths,
		    size_t *count, struct error *e)
{
	char *file = xasprintf("%s/modules.dep", moddir), *line, *save;
	struct dep *deps = NULL;
	size_t len, ndeps = 0, i;
	uint8_t *text = read_whole_file(file, &len);

	*paths = NULL;
	*count = 0;
	if (!text) {
		errorf(e, "cannot read %s: %s", file, strerror(errno));
		free(file);
		return -1;
	}
	free(file);
	for (line = strtok_r((char *)text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *colon = strchr(line, ':');

		if (!colon)
			continue;
		*colon = '\0';
		deps = xrealloc(deps, (ndeps + 1) * sizeof(*deps));
		deps[ndeps].path = line;
		deps[ndeps].deps = colon + 1;
		ndeps++;
	}
	for (; *names; names++) {
		for (i = 0; i < ndeps; i++)
			if (name_matches(deps[i].path, *names))
				break;
		/* absent from modules.dep: built in, nothing to load */
		if (i < ndeps)
			add_with_deps(deps, ndeps, deps[i].path, paths, count, 0);
	}
	free(deps);
	free(text);
	return 0;
}

static void add_busybox(struct cpio *c, const uint8_t *bb, size_t bblen)
{
	char *argv[] = { "/bin/busybox", "--list-full", NULL };
	char tmpl[] = "/tmp/provium-bb-XXXXXX";
	int fd = mkstemp(tmpl);
	uint8_t *list;
	size_t len;
	char *line, *save;

	cpio_file(c, "bin/busybox", 0755, bb, bblen);
	if (fd < 0)
		return;
	unlink(tmpl);
	run_command(argv, fd);
	lseek(fd, 0, SEEK_SET);
	len = lseek(fd, 0, SEEK_END);
	lseek(fd, 0, SEEK_SET);
	list = xmalloc(len + 1);
	len = read(fd, list, len) > 0 ? len : 0;
	list[len] = '\0';
	close(fd);
	for (line = strtok_r((char *)list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char target[256];
		int depth = 0;
		const char *p;

		/* an init of the user's own (/sbin/init) must not be busybox's */
		if (!strcmp(line, "bin/busybox") || !strcmp(line, "sbin/init"))
			continue;
		for (p = line; *p; p++)
			depth += *p == '/';
		snprintf(target, sizeof(target), "%s", depth > 1 ? "../../bin/busybox" : "../bin/busybox");
		cpio_symlink(c, line, target);
	}
	free(list);
}

static int add_file_from(struct cpio *c, const char *dst, const char *src, mode_t mode,
			 int strip_sig, struct error *e)
{
	size_t len;
	uint8_t *d = read_whole_file(src, &len);

	if (!d)
		return errorf(e, "cannot read %s: %s", src, strerror(errno));
	if (strip_sig)
		len = module_strip_signature(d, len);
	cpio_file(c, dst, mode, d, len);
	free(d);
	return 0;
}

/* "virtio_blk.ko.xz" -> "virtio_blk.ko" */
static char *strip_compression_suffix(const char *base)
{
	char *name = xstrdup(base), *ko = strstr(name, ".ko.");

	if (ko)
		ko[3] = '\0';
	return name;
}

/*
 * Module @src into the image as provium/modules.d/<name>: as it is if the
 * kernel decompresses its format (the agent asks it to), else decompressed
 * here; signatures stripped from what is not compressed. Its guest path
 * goes to @dst.
 */
static int add_module(struct cpio *c, const char *src, const char *config, char **dst,
		      struct error *e)
{
	const char *base = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
	size_t len, plain_len;
	uint8_t *d = read_whole_file(src, &len), *plain;
	const char *fmt;
	char *name;

	*dst = NULL;
	if (!d)
		return errorf(e, "cannot read %s: %s", src, strerror(errno));
	fmt = compression_of(d, len);
	if (fmt && kernel_decompresses(config, fmt)) {
		*dst = xasprintf("provium/modules.d/%s", base);
	} else if (fmt) {
		struct error inner;

		plain = decompress(d, len, &plain_len, &inner);
		free(d);
		if (!plain)
			return errorf(e, "module %s: %s", src, inner.msg);
		d = plain;
		len = plain_len;
		name = strip_compression_suffix(base);
		*dst = xasprintf("provium/modules.d/%s", name);
		free(name);
	} else {
		*dst = xasprintf("provium/modules.d/%s", base);
	}
	if (!fmt || !kernel_decompresses(config, fmt))
		len = module_strip_signature(d, len);
	/* both lists may name a module: store it once */
	if (!memmem(c->data, c->len, *dst, strlen(*dst) + 1))
		cpio_file(c, *dst, 0644, d, len);
	free(d);
	return 0;
}

/* Add the modules for @names and write their load list to @listname. */
static int add_modules(struct cpio *c, const struct kernel *k, const char *config,
		       const char *const *names, const char *module, const char *listname,
		       struct error *e)
{
	char **mods = NULL, *list = NULL;
	size_t nmods = 0, i, listlen = 0;
	int rc = -1;

	if (k->moddir[0] && modules_resolve(k->moddir, names, &mods, &nmods, e))
		return -1;
	for (i = 0; i < nmods; i++) {
		char *src = xasprintf("%s/%s", k->moddir, mods[i]), *dst;
		int bad = add_module(c, src, config, &dst, e);

		free(src);
		if (bad)
			goto out;
		list = xrealloc(list, listlen + strlen(dst) + 3);
		listlen += sprintf(list + listlen, "/%s\n", dst);
		free(dst);
	}
	if (module) {
		list = xrealloc(list, listlen + 40);
		listlen += sprintf(list + listlen, "/provium/modules.d/provium.ko\n");
	}
	cpio_file(c, listname, 0644, list ? list : "", listlen);
	rc = 0;
out:
	for (i = 0; i < nmods; i++)
		free(mods[i]);
	free(mods);
	free(list);
	return rc;
}

static int build(const struct kernel *k, const char *module, const char *agent,
		 const char *out, struct error *e)
{
	static const char *const dirs[] = {
		"bin", "sbin", "usr", "usr/bin", "usr/sbin", "dev", "proc", "sys", "tmp",
		"run", "root", "etc", "mnt", "provium", "provium/modules.d", NULL
	};
	size_t i, bblen;
	uint8_t *bb;
	struct cpio c;
	char from[600];
	char *config = kernel_config_read(k, from, sizeof(from));
	int rc = -1;

	bb = read_whole_file("/bin/busybox", &bblen);
	if (!bb) {
		free(config);
		return errorf(e, "no /bin/busybox: run 'apt-get install busybox-static'");
	}
	cpio_init(&c);
	for (i = 0; dirs[i]; i++)
		cpio_dir(&c, dirs[i], 0755);
	cpio_chardev(&c, "dev/console", 0600, 5, 1);
	cpio_chardev(&c, "dev/null", 0666, 1, 3);
	add_busybox(&c, bb, bblen);
	if (add_file_from(&c, "provium/agent", agent, 0755, 0, e))
		goto out;
	if (module && add_file_from(&c, "provium/modules.d/provium.ko", module, 0644, 1, e))
		goto out;
	if (add_modules(&c, k, config, mmio_modules, module, "provium/modules.mmio", e) ||
	    add_modules(&c, k, config, pci_modules, module, "provium/modules.pci", e) ||
	    add_modules(&c, k, config, blk_modules, NULL, "provium/modules.blk", e) ||
	    add_modules(&c, k, config, rootfs_modules, NULL, "provium/modules.rootfs", e))
		goto out;
	cpio_finish(&c);
	if (write_whole_file(out, c.data, c.len)) {
		errorf(e, "cannot write %s: %s", out, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	cpio_free(&c);
	free(bb);
	free(config);
	return rc;
}

#define PRUNE_AFTER_S (7 * 24 * 3600)

/*
 * Every agent or module rebuild makes a new image; drop the ones nobody
 * has booted for a week (a boot touches the image it uses).
 */
static void prune_old_images(const char *keep)
{
	DIR *d = opendir(cache_dir());
	struct dirent *de;
	time_t now = time(NULL);

	if (!d)
		return;
	while ((de = readdir(d))) {
		struct stat st;
		char *p;

		if (strncmp(de->d_name, "initramfs-", 10))
			continue;
		p = xasprintf("%s/%s", cache_dir(), de->d_name);
		if (strcmp(p, keep) && stat(p, &st) == 0 && now - st.st_mtime > PRUNE_AFTER_S)
			unlink(p);
		free(p);
	}
	closedir(d);
}

int initramfs_prepare(const struct kernel *k, const char *module, char *out,
		      size_t outlen, struct error *e)
{
	char *agent = xstrdup(layout()->agent);
	uint64_t h = HASH_INIT;
	int version = LAYOUT_VERSION;
	int rc = 0;

	if (access(agent, R_OK)) {
		errorf(e, "no guest agent at %s (%s): %s", agent, layout_origin(),
		       layout()->kind == LAYOUT_INSTALLED ? "reinstall provium" : "run 'make'");
		free(agent);
		return -1;
	}
	h = hash_bytes(h, &version, sizeof(version));
	h = hash_file_meta(h, agent);
	h = hash_file_meta(h, "/bin/busybox");
	h = hash_str(h, k->moddir);
	if (k->moddir[0]) {
		char *dep = xasprintf("%s/modules.dep", k->moddir);

		h = hash_file_meta(h, dep);
		free(dep);
	}
	if (module)
		h = hash_file_meta(h, module);
	/* which compressed modules stay compressed depends on it */
	h = hash_file_meta(h, k->config);
	snprintf(out, outlen, "%s/initramfs-%016llx.cpio", cache_dir(), (unsigned long long)h);
	if (access(out, R_OK)) {
		rc = build(k, module, agent, out, e);
		if (!rc)
			prune_old_images(out);
	} else {
		utimes(out, NULL);	/* in use: keep it from being pruned */
	}
	free(agent);
	return rc;
}

static int append_file(FILE *out, const char *path, struct error *e)
{
	size_t len;
	uint8_t *d = read_whole_file(path, &len);
	int rc = 0;

	if (!d)
		return errorf(e, "cannot read %s: %s", path, strerror(errno));
	if (fwrite(d, 1, len, out) != len)
		rc = errorf(e, "cannot write the initramfs: %s", strerror(errno));
	/* the next archive starts on a 4-byte boundary */
	while (!rc && len++ % 4)
		fputc(0, out);
	free(d);
	return rc;
}

int initramfs_compose(const char *out, const char *user_initrd, const char *base,
		      const struct vm_file *files, size_t nfiles, struct error *e)
{
	FILE *f = fopen(out, "we");
	struct cpio c;
	size_t i;
	int rc = 0;

	if (!f)
		return errorf(e, "cannot create %s: %s", out, strerror(errno));
	if (user_initrd && user_initrd[0])
		rc = append_file(f, user_initrd, e);
	if (!rc)
		rc = append_file(f, base, e);
	cpio_init(&c);
	for (i = 0; !rc && i < nfiles; i++) {
		const char *g = files[i].guest;
		struct stat st;
		size_t len;
		uint8_t *d;
		char dir[512];

		if (g[0] != '/' || strstr(g, "/../") || strlen(g) >= sizeof(dir)) {
			rc = errorf(e, "files: guest path '%s' must be absolute and plain", g);
			break;
		}
		/* parent directories first, like mkdir -p */
		for (const char *p = strchr(g + 1, '/'); p; p = strchr(p + 1, '/')) {
			snprintf(dir, sizeof(dir), "%.*s", (int)(p - g - 1), g + 1);
			cpio_dir(&c, dir, 0755);
		}
		d = read_whole_file(files[i].host, &len);
		if (!d || stat(files[i].host, &st)) {
			rc = errorf(e, "files: cannot read %s: %s", files[i].host, strerror(errno));
			free(d);
			break;
		}
		cpio_file(&c, g + 1, st.st_mode & 07777, d, len);
		free(d);
	}
	if (!rc && nfiles) {
		cpio_finish(&c);
		if (fwrite(c.data, 1, c.len, f) != c.len)
			rc = errorf(e, "cannot write the initramfs: %s", strerror(errno));
	}
	cpio_free(&c);
	if (fclose(f) && !rc)
		rc = errorf(e, "cannot write %s: %s", out, strerror(errno));
	return rc;
}

int initramfs_modules_segment(struct cpio *c, const struct kernel *k,
			      const char *const *names, const char *listname, struct error *e)
{
	char from[600];
	char *config = kernel_config_read(k, from, sizeof(from));
	int rc = add_modules(c, k, config, names, NULL, listname, e);

	free(config);
	return rc;
}
