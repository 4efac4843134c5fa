/*
 * warm_key.h - what shapes a booted guest, as text and as a key: two boots
 * with the same inputs reach the same ready state, so the second can
 * restore the first's snapshot. Pure functions over files' metadata and
 * contents, unit tested.
 */
#ifndef PROVIUM_WARM_KEY_H
#define PROVIUM_WARM_KEY_H

#include "vm.h"

/*
 * The inputs of a boot of @cfg (settled: machine and accelerator decided)
 * as "in.NAME value" lines, and their hash in @key. @cmdline is the kernel
 * command line, @initramfs Provium's image (its name is a hash of what it
 * holds), @qemu the QEMU binary. Caller frees.
 */
char *warm_key_inputs(const struct vm_config *cfg, const char *cmdline,
		      const char *initramfs, const char *qemu, unsigned long long *key);

/*
 * The names (comma separated) of the inputs that differ between two texts
 * holding "in.NAME value" lines, "" if none; caller frees. @count gets how
 * many differ.
 */
char *warm_key_diff(const char *a, const char *b, int *count);

#endif
