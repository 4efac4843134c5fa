/*
 * kernel.h - the guest kernel: finding Debian's default one, extracting
 * an uncompressed vmlinux for fast direct boot, and its modules.
 */
#ifndef PROVIUM_KERNEL_H
#define PROVIUM_KERNEL_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct kernel {
	char release[128];	/* uname -r of the guest */
	char image[512];	/* bzImage or vmlinux as configured */
	char vmlinux[512];	/* uncompressed ELF for microvm, "" if none */
	char moddir[512];	/* /lib/modules/<release>, "" if unknown */
	char kbuild[512];	/* build dir for provium.ko, "" = no module */
};

/* Newest /boot/vmlinuz-* with a matching /lib/modules/<ver>/build. */
int kernel_find_default(struct kernel *k, struct error *e);
/* Fill k->vmlinux from k->image, extracting once into the cache. */
int kernel_prepare_vmlinux(struct kernel *k, struct error *e);
/* Decompress bzImage @image's payload into the ELF @dst (atomically). */
int kernel_extract_vmlinux(const char *image, const char *dst, struct error *e);
/* Release string embedded in a bzImage (from its setup header). */
int kernel_image_release(const char *image, char *out, size_t len);

/*
 * Compressed data (kernel payloads, .ko.xz/.ko.zst/.ko.gz modules): the
 * format by its magic ("xz", "zstd", "gzip", "lz4", "bzip2", "lzma",
 * "lzo"; NULL if none), and the data decompressed by its tool (malloc'd).
 */
const char *compression_of(const uint8_t *data, size_t len);
uint8_t *decompress(const uint8_t *data, size_t len, size_t *outlen, struct error *e);

/* Drop an appended module signature; returns the new length. */
size_t module_strip_signature(const uint8_t *data, size_t len);
/* The vermagic release of a .ko ("" if none). */
void module_vermagic(const uint8_t *data, size_t len, char *out, size_t outlen);

/* Host TSC frequency in kHz, 0 if unknown. */
unsigned long host_tsc_khz(void);
/* The host's TSC runs at a constant rate and through sleep states. */
int host_tsc_stable(void);

#endif
