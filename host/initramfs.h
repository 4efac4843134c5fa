/*
 * initramfs.h - the Provium part of the guest's initramfs: busybox, the
 * agent, provium.ko and the virtio modules the kernel needs.
 */
#ifndef PROVIUM_INITRAMFS_H
#define PROVIUM_INITRAMFS_H

#include "kernel.h"
#include "vm.h"

/*
 * Build (or find in the cache) the initramfs for @k. @module is the
 * provium.ko for this kernel or NULL. Writes its path to @out.
 */
int initramfs_prepare(const struct kernel *k, const char *module, char *out,
		      size_t outlen, struct error *e);

/*
 * Write @out: the user's initramfs (kept as it is, may be compressed), then
 * Provium's, then a segment with the injected @files.
 */
int initramfs_compose(const char *out, const char *user_initrd, const char *base,
		      const struct vm_file *files, size_t nfiles, struct error *e);

/*
 * Add to @c the modules @names need (dependencies first, compressed or
 * not as the kernel can load them) and their load list @listname, for the
 * agent's provium_agent.modules= (rootfs.c's extra segment).
 */
struct cpio;
int initramfs_modules_segment(struct cpio *c, const struct kernel *k,
			      const char *const *names, const char *listname, struct error *e);

/* Modules (paths under k->moddir) needed for @names, dependencies first. */
int modules_resolve(const char *moddir, const char *const *names, char ***paths,
		    size_t *count, struct error *e);

#endif
