/*
 * ksyms.h - the kernel's traceable functions with their addresses: ftrace's
 * available_filter_functions (what can be hooked) matched against
 * /proc/kallsyms (where each one starts), and globs over their names.
 */
#ifndef PROVIUM_KSYMS_H
#define PROVIUM_KSYMS_H

#include <stddef.h>
#include <stdint.h>

struct ksym {
	const char *name;
	const char *mod;	/* NULL: vmlinux */
	uint64_t addr;		/* 0: no kallsyms symbol of that name in that place */
};

struct ksyms {
	struct ksym *funcs;	/* traceable, in available_filter_functions order */
	size_t nfuncs;
	struct ksym *syms;	/* kallsyms text symbols: vmlinux, then by module; by address */
	size_t nsyms;
};

/*
 * Parse both files' text (modified in place and kept: the names point into
 * them). 0, or -1 with why in @err.
 */
int ksyms_parse(struct ksyms *k, char *kallsyms, size_t klen, char *filter, size_t flen,
		char *err, size_t errlen);
void ksyms_free(struct ksyms *k);
/* Does @name match the glob @pat (*, ? and [...])? */
int ksyms_glob(const char *pat, const char *name);
/* Is @name a text symbol in kallsyms (traceable or not)? */
int ksyms_known(const struct ksyms *k, const char *name);

#endif
