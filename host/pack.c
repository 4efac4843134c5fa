/*
 * pack.c - the binary packing behind provium.pack and provium.unpack.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "pack.h"

static const struct pack_field types[] = {
	{ 1, 0, "u8" }, { 2, 0, "u16" }, { 2, 1, "i16" }, { 4, 0, "u32" },
	{ 4, 1, "i32" }, { 8, 0, "u64" }, { 8, 1, "i64" },
};

int pack_parse(const char *fmt, struct pack_field *f, int max, char *err, size_t errlen)
{
	const char *p = fmt;
	int n = 0;

	for (;;) {
		size_t len, i;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		len = strcspn(p, " \t");
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strlen(types[i].name) == len && !strncmp(p, types[i].name, len))
				break;
		if (i == sizeof(types) / sizeof(types[0])) {
			snprintf(err, errlen, "unknown field type '%.*s' at field %d "
				 "(known: u8 u16 i16 u32 i32 u64 i64)", (int)len, p, n + 1);
			return -1;
		}
		if (n == max) {
			snprintf(err, errlen, "more than %d fields", max);
			return -1;
		}
		f[n++] = types[i];
		p += len;
	}
	return n;
}

size_t pack_size(const struct pack_field *f, int n)
{
	size_t total = 0;

	while (n--)
		total += f[n].size;
	return total;
}

int pack_check(const struct pack_field *f, int64_t v, char *err, size_t errlen)
{
	int64_t lo, hi;

	if (f->size == 8)
		return 0;
	if (f->is_signed) {
		hi = ((int64_t)1 << (f->size * 8 - 1)) - 1;
		lo = -hi - 1;
	} else {
		hi = ((int64_t)1 << (f->size * 8)) - 1;
		lo = 0;
	}
	if (v < lo || v > hi) {
		snprintf(err, errlen, "value %" PRId64 " out of range %" PRId64 "..%" PRId64,
			 v, lo, hi);
		return -1;
	}
	return 0;
}

void pack_put(const struct pack_field *f, int64_t v, uint8_t *out)
{
	uint64_t u = (uint64_t)v;
	int i;

	for (i = 0; i < f->size; i++)
		out[i] = (uint8_t)(u >> (8 * i));
}

int64_t pack_get(const struct pack_field *f, const uint8_t *in)
{
	uint64_t u = 0;
	int i;

	for (i = 0; i < f->size; i++)
		u |= (uint64_t)in[i] << (8 * i);
	if (f->is_signed && f->size < 8 && (u >> (f->size * 8 - 1)) & 1)
		u |= ~(uint64_t)0 << (f->size * 8);
	return (int64_t)u;
}
