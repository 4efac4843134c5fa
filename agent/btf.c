/*
 * btf.c - what each kernel function returns, from the kernel's BTF
 * (/sys/kernel/btf/vmlinux, and a module's split BTF on top of it), as the
 * class provium.ko judges a return by: void, bool and anything narrower
 * than 32 bits never fail; 32- and 64-bit integers fail with -4095..-1;
 * pointers fail with NULL or an ERR_PTR. Pure parsing, no I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kmod/provium_uapi.h"
#include "btf.h"

#define BTF_MAGIC	0xeB9F

enum {
	KIND_INT = 1, KIND_PTR, KIND_ARRAY, KIND_STRUCT, KIND_UNION, KIND_ENUM,
	KIND_FWD, KIND_TYPEDEF, KIND_VOLATILE, KIND_CONST, KIND_RESTRICT,
	KIND_FUNC, KIND_FUNC_PROTO, KIND_VAR, KIND_DATASEC, KIND_FLOAT,
	KIND_DECL_TAG, KIND_TYPE_TAG, KIND_ENUM64,
};

#define INT_BOOL	4	/* BTF_INT_BOOL, in the INT's encoding bits */

struct btf_hdr {
	uint16_t magic;
	uint8_t version, flags;
	uint32_t hdr_len, type_off, type_len, str_off, str_len;
};

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);	/* BTF is in the guest's (little-endian) order */
	return v;
}

/* Bytes a type record takes after its 12-byte head; -1 for an unknown kind. */
static long extra_bytes(unsigned int kind, unsigned int vlen)
{
	switch (kind) {
	case KIND_INT: case KIND_VAR: case KIND_DECL_TAG:
		return 4;
	case KIND_ARRAY:
		return 12;
	case KIND_STRUCT: case KIND_UNION: case KIND_DATASEC: case KIND_ENUM64:
		return 12L * vlen;
	case KIND_ENUM: case KIND_FUNC_PROTO:
		return 8L * vlen;
	case KIND_PTR: case KIND_FWD: case KIND_TYPEDEF: case KIND_VOLATILE:
	case KIND_CONST: case KIND_RESTRICT: case KIND_FUNC: case KIND_FLOAT:
	case KIND_TYPE_TAG:
		return 0;
	}
	return -1;
}

void btf_free(struct btf *b)
{
	free(b->types);
	free(b->funcs);
	free(b->slots);
	memset(b, 0, sizeof(*b));
}

/* The record of type @id (1..), across the base and this BTF; NULL if none. */
static const uint8_t *type_at(const struct btf *b, uint32_t id)
{
	if (b->base && id <= b->base->ntypes)
		return type_at(b->base, id);
	if (!id || id - b->first_id >= b->ntypes_own)
		return NULL;
	return b->types[id - b->first_id];
}

static const char *str_at(const struct btf *b, uint32_t off)
{
	if (b->base) {
		if (off < b->base->str_len)
			return str_at(b->base, off);
		off -= b->base->str_len;
	}
	if (off >= b->str_len)
		return NULL;
	return b->strs + off;
}

/* The class of what type @id is, as a return value. */
static int ret_class(const struct btf *b, uint32_t id)
{
	int hops;

	for (hops = 0; hops < 32; hops++) {
		const uint8_t *t = id ? type_at(b, id) : NULL;
		uint32_t info, size;
		unsigned int kind;

		if (!t)
			return PROVIUM_RET_NONE;	/* void, or unknown */
		info = rd32(t + 4);
		size = rd32(t + 8);
		kind = (info >> 24) & 0x1f;
		switch (kind) {
		case KIND_TYPEDEF: case KIND_VOLATILE: case KIND_CONST:
		case KIND_RESTRICT: case KIND_TYPE_TAG:
			id = size;	/* the "type" of a modifier */
			continue;
		case KIND_PTR:
			return PROVIUM_RET_PTR;
		case KIND_INT:
			if ((rd32(t + 12) >> 24) & INT_BOOL)
				return PROVIUM_RET_NONE;
			/* fallthrough */
		case KIND_ENUM: case KIND_ENUM64:
			if (size == 4)
				return PROVIUM_RET_INT;
			if (size == 8)
				return PROVIUM_RET_LONG;
			return PROVIUM_RET_NONE;
		default:
			return PROVIUM_RET_NONE;
		}
	}
	return PROVIUM_RET_NONE;
}

static uint32_t hash_name(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

/* The slot of @name in the hash index: its entry, or the empty one it would take. */
static uint32_t *slot_of(const struct btf *b, const char *name)
{
	uint32_t i = hash_name(name) & (uint32_t)(b->nslots - 1);

	while (b->slots[i] && strcmp(b->funcs[b->slots[i] - 1].name, name))
		i = (i + 1) & (uint32_t)(b->nslots - 1);
	return &b->slots[i];
}

int btf_parse(struct btf *b, const uint8_t *data, size_t len, const struct btf *base,
	      char *err, size_t errlen)
{
	struct btf_hdr h;
	const uint8_t *p, *end;
	size_t cap = 0, i, n;

	memset(b, 0, sizeof(*b));
	b->base = base;
	if (len < sizeof(h)) {
		snprintf(err, errlen, "BTF: %zu bytes, shorter than its header", len);
		return -1;
	}
	memcpy(&h, data, sizeof(h));
	if (h.magic != BTF_MAGIC || h.version != 1 || h.hdr_len < sizeof(h) ||
	    (uint64_t)h.hdr_len + h.type_off + h.type_len > len ||
	    (uint64_t)h.hdr_len + h.str_off + h.str_len > len || !h.str_len ||
	    data[h.hdr_len + h.str_off + h.str_len - 1]) {
		snprintf(err, errlen, "BTF: bad header (magic 0x%x, version %u)", h.magic,
			 h.version);
		return -1;
	}
	b->strs = (const char *)data + h.hdr_len + h.str_off;
	b->str_len = h.str_len;
	b->first_id = base ? base->ntypes + 1 : 1;
	p = data + h.hdr_len + h.type_off;
	end = p + h.type_len;
	while (p < end) {
		uint32_t info;
		long extra;

		if (end - p < 12)
			goto bad;
		info = rd32(p + 4);
		extra = extra_bytes((info >> 24) & 0x1f, info & 0xffff);
		if (extra < 0 || end - p - 12 < extra)
			goto bad;
		if (b->ntypes_own == cap) {
			cap = cap ? 2 * cap : 4096;
			b->types = realloc(b->types, cap * sizeof(*b->types));
			if (!b->types)
				goto oom;
		}
		b->types[b->ntypes_own++] = p;
		p += 12 + extra;
	}
	b->ntypes = b->first_id - 1 + b->ntypes_own;

	/* every FUNC by name (a hash index), with what its prototype returns */
	for (i = 0, n = 0; i < b->ntypes_own; i++)
		if (((rd32(b->types[i] + 4) >> 24) & 0x1f) == KIND_FUNC)
			n++;
	for (b->nslots = 16; b->nslots < 2 * n; b->nslots *= 2)
		;
	b->funcs = calloc(n ? n : 1, sizeof(*b->funcs));
	b->slots = calloc(b->nslots, sizeof(*b->slots));
	if (!b->funcs || !b->slots)
		goto oom;
	for (i = 0; i < b->ntypes_own; i++) {
		const uint8_t *t = b->types[i], *proto;
		const char *name;
		uint32_t *slot;
		int ret;

		if (((rd32(t + 4) >> 24) & 0x1f) != KIND_FUNC)
			continue;
		name = str_at(b, rd32(t));
		proto = type_at(b, rd32(t + 8));
		if (!name || !*name || !proto || ((rd32(proto + 4) >> 24) & 0x1f) != KIND_FUNC_PROTO)
			continue;
		ret = ret_class(b, rd32(proto + 8));
		slot = slot_of(b, name);
		if (*slot) {
			/* static functions of one name: one that can fail wins */
			if (b->funcs[*slot - 1].ret < ret)
				b->funcs[*slot - 1].ret = ret;
			continue;
		}
		b->funcs[b->nfuncs].name = name;
		b->funcs[b->nfuncs].ret = ret;
		*slot = (uint32_t)++b->nfuncs;
	}
	return 0;

bad:
	snprintf(err, errlen, "BTF: malformed type %zu", b->first_id + b->ntypes_own);
	btf_free(b);
	return -1;
oom:
	snprintf(err, errlen, "BTF: out of memory");
	btf_free(b);
	return -1;
}

int btf_func_ret(const struct btf *b, const char *name)
{
	uint32_t *slot = b->nslots ? slot_of(b, name) : NULL;

	if (slot && *slot)
		return b->funcs[*slot - 1].ret;
	if (b->base)
		return btf_func_ret(b->base, name);
	return -1;
}
