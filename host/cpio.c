/*
 * cpio.c - "newc" cpio writer (see the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cpio.h"
#include "util.h"

void cpio_init(struct cpio *c)
{
	memset(c, 0, sizeof(*c));
	c->ino = 1000;
}

static void put(struct cpio *c, const void *p, size_t n)
{
	if (c->len + n > c->cap) {
		size_t cap = c->cap ? c->cap : 1 << 16;

		while (cap < c->len + n)
			cap *= 2;
		c->data = xrealloc(c->data, cap);
		c->cap = cap;
	}
	memcpy(c->data + c->len, p, n);
	c->len += n;
}

static void pad4(struct cpio *c)
{
	static const uint8_t zero[4];

	put(c, zero, (4 - c->len % 4) % 4);
}

static void entry(struct cpio *c, const char *path, mode_t mode, const void *data,
		  size_t len, unsigned int rmaj, unsigned int rmin)
{
	char hdr[128];
	size_t namelen = strlen(path) + 1;

	/* magic ino mode uid gid nlink mtime filesize devmaj devmin rdevmaj rdevmin namesize check */
	snprintf(hdr, sizeof(hdr),
		 "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
		 c->ino++, (unsigned int)mode, 0u, 0u, 1u, 0u, len, 0u, 0u, rmaj, rmin,
		 namelen, 0u);
	put(c, hdr, 110);
	put(c, path, namelen);
	pad4(c);
	if (len)
		put(c, data, len);
	pad4(c);
}

void cpio_dir(struct cpio *c, const char *path, mode_t perm)
{
	entry(c, path, S_IFDIR | perm, NULL, 0, 0, 0);
}

void cpio_file(struct cpio *c, const char *path, mode_t perm, const void *data, size_t len)
{
	entry(c, path, S_IFREG | perm, data, len, 0, 0);
}

void cpio_symlink(struct cpio *c, const char *path, const char *target)
{
	entry(c, path, S_IFLNK | 0777, target, strlen(target), 0, 0);
}

void cpio_chardev(struct cpio *c, const char *path, mode_t perm, unsigned int major,
		  unsigned int minor)
{
	entry(c, path, S_IFCHR | perm, NULL, 0, major, minor);
}

void cpio_finish(struct cpio *c)
{
	static const uint8_t zero[512];

	entry(c, "TRAILER!!!", 0, NULL, 0, 0, 0);
	put(c, zero, (512 - c->len % 512) % 512);
}

void cpio_free(struct cpio *c)
{
	free(c->data);
	memset(c, 0, sizeof(*c));
}
