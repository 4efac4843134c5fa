/*
 * module.h - provium.ko for a guest kernel: the one 'make' built, or one
 * built into the cache against the kernel's build tree.
 */
#ifndef PROVIUM_MODULE_H
#define PROVIUM_MODULE_H

#include "kernel.h"

/*
 * The provium.ko for @k into @out: kmod/provium.ko if 'make' built it for
 * this kernel's tree, else built (once, cached) against k->kbuild. No
 * module is not an error: @out is "" and @why says why (no kbuild, no
 * CONFIG_MODULES). A build that fails is, with the compiler's errors.
 */
int module_for_kernel(const struct kernel *k, char *out, size_t len, char *why,
		      size_t whylen, struct error *e);
enum module_state {
	MODULE_NONE,		/* none for this kernel; @out says why */
	MODULE_MADE,		/* kmod/provium.ko, as 'make' built it */
	MODULE_CACHED,		/* built into the cache already */
	MODULE_TO_BUILD,	/* built into @out at the first boot */
};
/* Where provium.ko for @k comes from, without building it (provium doctor). */
enum module_state module_lookup(const struct kernel *k, char *out, size_t len);
/*
 * Build provium.ko against @kbuild into <cache>/module-<key>/ (key: every
 * kmod/ source, the tree's path, .config, release and Module.symvers).
 */
int module_build(const char *kbuild, char *out, size_t len, struct error *e);

#endif
