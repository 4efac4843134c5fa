/*
 * pack.h - provium.pack/unpack formats: "u8 u16 i16 u32 i32 u64 i64",
 * little-endian, space separated. Pure C, no Lua state.
 */
#ifndef PROVIUM_PACK_H
#define PROVIUM_PACK_H

#include <stddef.h>
#include <stdint.h>

#define PACK_MAX_FIELDS 256

struct pack_field {
	unsigned char size;	/* bytes */
	unsigned char is_signed;
	char name[4];		/* "u32" */
};

/* Parse @fmt; returns the field count or -1 with @err set. */
int pack_parse(const char *fmt, struct pack_field *f, int max, char *err, size_t errlen);
/* Total bytes of the parsed fields. */
size_t pack_size(const struct pack_field *f, int n);
/*
 * Check @v fits field @f. u64 takes any integer as its 64-bit pattern
 * (Lua integers are signed); returns 0 or -1 with the range in @err.
 */
int pack_check(const struct pack_field *f, int64_t v, char *err, size_t errlen);
void pack_put(const struct pack_field *f, int64_t v, uint8_t *out);
/* Read a field: sign-extended for signed types, the bit pattern for u64. */
int64_t pack_get(const struct pack_field *f, const uint8_t *in);

#endif
