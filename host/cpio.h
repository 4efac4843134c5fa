/*
 * cpio.h - write "newc" cpio archives, the format the kernel unpacks as
 * an initramfs. Several archives may be concatenated.
 */
#ifndef PROVIUM_CPIO_H
#define PROVIUM_CPIO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct cpio {
	uint8_t *data;
	size_t len, cap;
	uint32_t ino;
};

void cpio_init(struct cpio *c);
void cpio_dir(struct cpio *c, const char *path, mode_t perm);
void cpio_file(struct cpio *c, const char *path, mode_t perm, const void *data, size_t len);
void cpio_symlink(struct cpio *c, const char *path, const char *target);
void cpio_chardev(struct cpio *c, const char *path, mode_t perm, unsigned int major,
		  unsigned int minor);
void cpio_finish(struct cpio *c);	/* TRAILER!!! and padding to 512 */
void cpio_free(struct cpio *c);

#endif
