/*
 * rootfs.h - rootfs = "host": the host's root file system, read-only over
 * virtio-9p under a tmpfs overlay, as the guest's root.
 */
#ifndef PROVIUM_ROOTFS_H
#define PROVIUM_ROOTFS_H

#include "vm.h"

#define ROOTFS_HOST		"host"
/* the 9p share's tag; agent/rootfs.c mounts it */
#define ROOTFS_TAG		"provium-root"

/*
 * vm:boot's rootfs option: "" (the profile's) or "host"; anything else is
 * an error naming it. (A profile's rootfs may also be a disk image.)
 */
int rootfs_check(const char *value, struct error *e);
int rootfs_is_host(const struct vm_config *cfg);
/*
 * The initramfs for a host-root guest: @base (the Provium image) followed
 * by a segment with the 9p and overlay modules, built once into the cache.
 */
int rootfs_initramfs(const struct kernel *k, const char *base, char *out, size_t outlen,
		     struct error *e);

#endif
