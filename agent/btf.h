/*
 * btf.h - kernel functions' return classes (PROVIUM_RET_*) from BTF.
 */
#ifndef PROVIUM_BTF_H
#define PROVIUM_BTF_H

#include <stddef.h>
#include <stdint.h>

struct btf_func {
	const char *name;	/* into the BTF's strings */
	int ret;		/* PROVIUM_RET_* */
};

struct btf {
	const struct btf *base;	/* vmlinux, for a module's split BTF */
	const char *strs;
	uint32_t str_len;
	uint32_t first_id;	/* id of types[0] */
	size_t ntypes_own;
	size_t ntypes;		/* ids 1..ntypes, the base's included */
	const uint8_t **types;
	struct btf_func *funcs;	/* one per name */
	size_t nfuncs;
	uint32_t *slots;	/* hash index: 1 + index into funcs, 0 = empty */
	size_t nslots;		/* a power of two */
};

/*
 * Parse @len bytes at @data (kept: @b points into them) on top of @base
 * (NULL for vmlinux). 0, or -1 with why in @err.
 */
int btf_parse(struct btf *b, const uint8_t *data, size_t len, const struct btf *base,
	      char *err, size_t errlen);
void btf_free(struct btf *b);
/* PROVIUM_RET_* of function @name, or -1 if the BTF does not know it. */
int btf_func_ret(const struct btf *b, const char *name);

#endif
