/*
 * tables.h - syscall numbers and errno values of a guest kernel, from its
 * build tree's headers.
 */
#ifndef PROVIUM_TABLES_H
#define PROVIUM_TABLES_H

#include "kernel.h"

/* The directory with nr.lua and errno.lua for @k (built once); -1 if it has no headers. */
int tables_for_kernel(const struct kernel *k, char *out, size_t len);
/* The same for the kernel provium.create() boots in this run (--profile). */
int tables_for_run(char *out, size_t len);

#endif
