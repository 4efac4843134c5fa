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
#include "kernel.h"
#include "rootfs.h"

#define ROOTFS_LAYOUT	2	/* bump when the segment's layout changes */

/* what the guest needs to mount a 9p share and lay an overlay on it */
static const struct {
	const char *module, *option;
} hostfs_needs[] = {
	{ "9pnet_virtio", "CONFIG_NET_9P_VIRTIO" },
	{ "9p", "CONFIG_9P_FS" },
	{ "overlay", "CONFIG_OVERLAY_FS" },
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

/*
 * The segment: the modules of hostfs_needs the kernel has as modules (those
 * built in need none; one it lacks is an error naming it, as far as its
 * configuration is known), and their load list provium/modules.hostfs.
 */
static int build_segment(const struct kernel *k, struct cpio *c, struct error *e)
{
	const size_t nneeds = sizeof(hostfs_needs) / sizeof(hostfs_needs[0]);
	const char *mods[sizeof(hostfs_needs) / sizeof(hostfs_needs[0]) + 1];
	char from[600];
	char *config = kernel_config_read(k, from, sizeof(from));
	size_t i, n = 0;
	int rc = -1;

	for (i = 0; i < nneeds; i++) {
		int v = config ? kconfig_value(config, hostfs_needs[i].option) : 'm';

		if (v == 'y')
			continue;
		if (v != 'm') {
			errorf(e, "rootfs = \"host\": the kernel lacks %s (the host's root is a "
			       "9p share under an overlay), according to %s",
			       hostfs_needs[i].option, from);
			goto out;
		}
		mods[n++] = hostfs_needs[i].module;
	}
	mods[n] = NULL;
	if (n && !k->moddir[0]) {
		errorf(e, "rootfs = \"host\" needs the kernel's modules (%s%s): no modules "
		       "directory for kernel %s", mods[0], n > 1 ? " and more" : "", k->release);
		goto out;
	}
	if (initramfs_modules_segment(c, k, mods, "provium/modules.hostfs", e))
		goto out;
	cpio_dir(c, "provium/host", 0755);
	cpio_dir(c, "provium/rw", 0755);
	cpio_dir(c, "newroot", 0755);
	cpio_finish(c);
	rc = 0;
out:
	free(config);
	return rc;
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
