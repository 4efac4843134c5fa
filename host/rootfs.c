/*
 * rootfs.c - rootfs = "host": the guest's root is the host's, shared
 * read-only over virtio-9p with a tmpfs overlay on top (agent/rootfs.c
 * switches to it). Here: the initramfs that carries the 9p and overlay
 * modules (the Provium image plus one more segment, cached), and what
 * QEMU and the kernel command line get.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "cpio.h"
#include "initramfs.h"
#include "rootfs.h"

#define ROOTFS_LAYOUT	2	/* bump when the segment's layout changes */

/* what the guest needs to mount a 9p share and lay an overlay on it */
static const char *const hostfs_modules[] = {
	"9pnet_virtio", "9p", "overlay", NULL
};

int rootfs_check(const char *value, struct error *e)
{
	if (!value[0] || !strcmp(value, ROOTFS_HOST))
		return 0;
	return errorf(e, "rootfs '%s': only \"host\" is supported here (the host's root "
		      "file system, read-only, under a writable overlay); a disk image as the "
		      "root is a profile's rootfs key", value);
}

int rootfs_is_host(const struct vm_config *cfg)
{
	return !strcmp(cfg->rootfs, ROOTFS_HOST);
}

/* The segment: the modules and their load list provium/modules.hostfs. */
static int build_segment(const struct kernel *k, struct cpio *c, struct error *e)
{
	if (!k->moddir[0])
		return errorf(e, "rootfs = \"host\" needs the kernel's modules (9p, overlay): "
			      "no modules directory for kernel %s", k->release);
	if (initramfs_modules_segment(c, k, hostfs_modules, "provium/modules.hostfs", e))
		return -1;
	cpio_dir(c, "provium/host", 0755);
	cpio_dir(c, "provium/rw", 0755);
	cpio_dir(c, "newroot", 0755);
	cpio_finish(c);
	return 0;
}

int rootfs_initramfs(const struct kernel *k, const char *base, char *out, size_t outlen,
		     struct error *e)
{
	int version = ROOTFS_LAYOUT;
	uint64_t h = hash_str(HASH_INIT, base);	/* its name hashes all it holds */
	char *src = xstrdup(base);	/* @out may be @base */
	struct cpio c;
	uint8_t *d;
	size_t len;
	int rc;

	h = hash_bytes(h, &version, sizeof(version));
	snprintf(out, outlen, "%s/initramfs-host-%016llx.cpio", cache_dir(),
		 (unsigned long long)h);
	if (access(out, R_OK) == 0) {
		utimes(out, NULL);	/* in use: keep it from being pruned */
		free(src);
		return 0;
	}
	d = read_whole_file(src, &len);
	if (!d) {
		errorf(e, "cannot read %s: %s", src, strerror(errno));
		free(src);
		return -1;
	}
	cpio_init(&c);
	rc = build_segment(k, &c, e);
	if (!rc) {
		/* the base image as it is, then the segment on a 4-byte boundary */
		size_t pad = (4 - len % 4) % 4;
		uint8_t *all = xcalloc(1, len + pad + c.len);

		memcpy(all, d, len);
		memcpy(all + len + pad, c.data, c.len);
		if (write_whole_file(out, all, len + pad + c.len))
			rc = errorf(e, "cannot write %s: %s", out, strerror(errno));
		free(all);
	}
	cpio_free(&c);
	free(d);
	free(src);
	return rc;
}
