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
	char config[512];	/* its .config, "" if none was found */
};

/*
 * Newest /boot/vmlinuz-* with a matching /lib/modules/<ver>/build (under
 * $PROVIUM_SYSROOT if set: tests stand in another machine's kernels).
 */
int kernel_find_default(struct kernel *k, struct error *e);
/*
 * The newest kernel whose release matches the glob @pattern, installed in
 * /boot or unpacked into <cache>/kernels/<release>/ (tools/debian-kernel.sh).
 */
int kernel_find_release(const char *pattern, struct kernel *k, struct error *e);
/* A built kernel tree: its bzImage (else vmlinux), release, .config; kbuild = tree. */
int kernel_from_tree(const char *tree, struct kernel *k, struct error *e);
/* Find k->config if unset: config-<release> beside the image, the image's tree, kbuild. */
void kernel_locate_config(struct kernel *k);
/*
 * The kernel's configuration text (malloc'd): k->config, else the one
 * built into the vmlinux (CONFIG_IKCONFIG); NULL if none. @from says which.
 */
char *kernel_config_read(const struct kernel *k, char *from, size_t fromlen);
/* @option ("CONFIG_X") in config text: 'y', 'm', 'v' (another value) or 0 (not set). */
int kconfig_value(const char *config, const char *option);
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

/*
 * Is @config (text, read from @from) a kernel Provium can boot? The
 * options the guest needs, built in or (drivers) as modules @moddir has
 * (NULL: not known, modules count as there; "": there are none);
 * an error names the missing one. A *@microvm boot the kernel cannot do
 * (no PVH entry, no virtio-mmio) becomes q35 (*@microvm = 0) if @can_q35
 * (a bzImage) and the kernel has virtio-pci.
 */
int kernel_check_config(const char *config, const char *from, const char *moddir,
			int *microvm, int can_q35, size_t ndisks, struct error *e);
/*
 * The kernel (its @config text) decompresses modules in @format itself:
 * CONFIG_MODULE_DECOMPRESS and that format's CONFIG_MODULE_COMPRESS_*.
 */
int kernel_decompresses(const char *config, const char *format);

/* Drop an appended module signature; returns the new length. */
size_t module_strip_signature(const uint8_t *data, size_t len);
/* The vermagic release of a .ko ("" if none). */
void module_vermagic(const uint8_t *data, size_t len, char *out, size_t outlen);

/* Host TSC frequency in kHz, 0 if unknown. */
unsigned long host_tsc_khz(void);
/* The host's TSC runs at a constant rate and through sleep states. */
int host_tsc_stable(void);

#endif
