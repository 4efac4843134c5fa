/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fuzz_desc.h - random call descriptions for the fuzzers: the guest-side
 * one (selftests/provium_fuzz.c, straight to /dev/provium) and the agent's
 * (tests/fuzz/agent_frames.c, inside CALL frames). Mostly well-built
 * descriptions with one thing wrong, some random bytes; the syscall is
 * always one of the caller's harmless numbers, and arguments that are not
 * buffers are never a mapped address (below 64 KiB or above 2^47).
 */
#ifndef PROVIUM_FUZZ_DESC_H
#define PROVIUM_FUZZ_DESC_H

#include <stdint.h>
#include <string.h>

#include "provium_uapi.h"

struct fuzz_rng {
	uint64_t s;
};

static inline uint64_t fuzz_next(struct fuzz_rng *r)
{
	/* xorshift64* */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* 0 .. n-1 */
static inline uint32_t fuzz_below(struct fuzz_rng *r, uint32_t n)
{
	return n ? (uint32_t)(fuzz_next(r) % n) : 0;
}

static inline int fuzz_chance(struct fuzz_rng *r, unsigned int percent)
{
	return fuzz_below(r, 100) < percent;
}

/* an integer that, as a pointer, is never mapped */
static inline uint64_t fuzz_safe_int(struct fuzz_rng *r)
{
	static const uint64_t edge[] = { 0, 1, 2, 3, 8, 16, 4095, 65535, ~0ULL, ~0ULL - 4095,
					 1ULL << 63, (1ULL << 63) - 1, 1ULL << 47 };

	switch (fuzz_below(r, 3)) {
	case 0:
		return edge[fuzz_below(r, sizeof(edge) / sizeof(edge[0]))];
	case 1:
		return fuzz_below(r, 65536);
	default:
		return (1ULL << 47) | fuzz_next(r) >> 17;
	}
}

static inline uint32_t fuzz_len(struct fuzz_rng *r)
{
	static const uint32_t edge[] = { 0, 1, 7, 8, 9, 16, 4095, 4096, 4097, 65536,
					 PROVIUM_MAX_BUF_LEN, PROVIUM_MAX_BUF_LEN + 1,
					 0x7fffffff, 0xffffffff };

	if (fuzz_chance(r, 15))
		return edge[fuzz_below(r, sizeof(edge) / sizeof(edge[0]))];
	return fuzz_below(r, fuzz_chance(r, 80) ? 64 : 600);
}

/*
 * Write a random description into @blob (@cap bytes, at least 4096) with
 * its syscall one of @nrs; returns its size.
 */
static inline size_t fuzz_desc(struct fuzz_rng *r, uint8_t *blob, size_t cap,
			       const uint64_t *nrs, unsigned int nnrs)
{
	struct provium_call *c = (struct provium_call *)blob;
	struct provium_buf *b;
	struct provium_patch *p;
	uint32_t nbufs, npatches, i, data, size;
	size_t tables;

	memset(blob, 0, sizeof(*c));
	if (fuzz_chance(r, 8)) {
		/* bytes, with a header that mostly says how long they are */
		size = fuzz_below(r, 512);
		for (i = sizeof(*c); i < size; i++)
			blob[i] = fuzz_next(r);
		c->size = fuzz_chance(r, 70) ? size : (uint32_t)fuzz_next(r);
		c->version = PROVIUM_UAPI_VERSION;
		c->nbufs = fuzz_below(r, 70);
		c->npatches = fuzz_below(r, 70);
		c->nr = nrs[fuzz_below(r, nnrs)];
		return size < sizeof(*c) ? sizeof(*c) : size;
	}
	nbufs = fuzz_chance(r, 5) ? fuzz_below(r, 80) : fuzz_below(r, 6);
	npatches = fuzz_chance(r, 5) ? fuzz_below(r, 80) : fuzz_below(r, nbufs + 2);
	tables = sizeof(*c) + nbufs * sizeof(*b) + npatches * sizeof(*p);
	if (tables + 8 > cap) {
		nbufs = 1;
		npatches = 0;
		tables = sizeof(*c) + sizeof(*b);
	}
	b = (struct provium_buf *)(blob + sizeof(*c));
	p = (struct provium_patch *)(b + nbufs);
	data = (uint32_t)tables;
	for (i = 0; i < nbufs; i++) {
		uint32_t len = fuzz_len(r), room = (uint32_t)(cap - data);

		/* the bytes in the blob: as long as the buffer unless it is huge */
		b[i].offset = fuzz_chance(r, 5) ? (uint32_t)fuzz_next(r) : data;
		b[i].len = len;
		b[i].flags = fuzz_chance(r, 5) ? (uint32_t)fuzz_next(r) :
			     (fuzz_chance(r, 50) ? PROVIUM_BUF_OUT : 0);
		b[i].arg = fuzz_chance(r, 10) ? (int32_t)fuzz_next(r) :
			   (i == 0 || fuzz_chance(r, 30) ? (int32_t)fuzz_below(r, 6) :
			    PROVIUM_ARG_NONE);
		if (len > room || len > 65536)
			len = room < 64 ? room : fuzz_below(r, 64);
		memset(blob + data, fuzz_next(r) & 0xff, len);
		data += (len + 7) & ~7U;
		if (data > cap - 8)
			data = (uint32_t)cap - 8;
	}
	for (i = 0; i < npatches; i++) {
		p[i].buf = fuzz_chance(r, 5) ? (uint32_t)fuzz_next(r) : fuzz_below(r, nbufs + 1);
		p[i].target = fuzz_chance(r, 5) ? (uint32_t)fuzz_next(r) : fuzz_below(r, nbufs + 1);
		p[i].offset = fuzz_chance(r, 5) ? (uint32_t)fuzz_next(r) :
			      fuzz_below(r, 8) * 8 + (fuzz_chance(r, 5) ? fuzz_below(r, 8) : 0);
		p[i].reserved = fuzz_chance(r, 3) ? (uint32_t)fuzz_next(r) : 0;
	}
	c->size = fuzz_chance(r, 90) ? data : (uint32_t)fuzz_safe_int(r);
	c->version = fuzz_chance(r, 95) ? PROVIUM_UAPI_VERSION : (uint16_t)fuzz_next(r);
	c->flags = fuzz_chance(r, 95) ? 0 : (uint16_t)fuzz_next(r);
	c->nbufs = nbufs;
	c->npatches = npatches;
	c->nr = nrs[fuzz_below(r, nnrs)];
	for (i = 0; i < PROVIUM_NARGS; i++)
		c->args[i] = fuzz_safe_int(r);
	/* results are the executor's to write: garbage in them changes nothing */
	if (fuzz_chance(r, 20))
		c->ret = (int64_t)fuzz_next(r);
	/* a few flipped bits past the header, where the tables and bytes are */
	for (i = fuzz_below(r, 3); i > 0 && data > sizeof(*c); i--)
		blob[sizeof(*c) + fuzz_below(r, data - sizeof(*c))] ^= 1U << fuzz_below(r, 8);
	return data;
}

#endif
