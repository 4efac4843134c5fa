/*
 * proto.h - framing and attribute codec of the host <-> agent channel,
 * generated from proto.def. Pure C, no I/O: both sides wrap it.
 */
#ifndef PROVIUM_PROTO_H
#define PROVIUM_PROTO_H

#include <stddef.h>
#include <stdint.h>

#define PROTO_VERSION		1
#define PROTO_HDR_LEN		12
#define PROTO_MAX_PAYLOAD	(80U << 20)	/* a 64 MiB description and slack */
#define PROTO_F_ERROR		0x1		/* reply: the request failed */

enum proto_kind { PROTO_U32 = 1, PROTO_U64, PROTO_STR, PROTO_BYTES };

enum proto_msg_type {
#define PROTO_MSG(name, code) PROTO_MSG_##name = code,
#define PROTO_ATTR(name, code, kind)
#include "proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};

enum proto_attr_type {
#define PROTO_MSG(name, code)
#define PROTO_ATTR(name, code, kind) PROTO_A_##name = code,
#include "proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};

/*
 * The highest codes, whatever order proto.def lists them in: a union of
 * one array per entry, each as long as its code, is as large as the
 * largest.
 */
union proto_msg_bound {
#define PROTO_MSG(name, code) char m_##name[code + 1];
#define PROTO_ATTR(name, code, kind)
#include "proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};
union proto_attr_bound {
#define PROTO_MSG(name, code)
#define PROTO_ATTR(name, code, kind) char a_##name[code + 1];
#include "proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};
#define PROTO_MSG__END	((int)sizeof(union proto_msg_bound))
#define PROTO_A_MAX	((int)sizeof(union proto_attr_bound) - 1)

struct proto_hdr {
	uint32_t len;		/* payload bytes after the header */
	uint32_t id;
	uint16_t type;
	uint16_t flags;
};

/* A decoded frame: first occurrence of each attribute, plus the payload. */
struct proto_msg {
	struct proto_hdr hdr;
	const uint8_t *payload;
	const uint8_t *attr[PROTO_A_MAX + 1];
	uint32_t attr_len[PROTO_A_MAX + 1];
};

/* A frame being built; grows as needed. */
struct proto_buf {
	uint8_t *data;
	size_t len, cap;
	int oom;		/* an allocation failed: proto_finish fails */
};

const char *proto_msg_name(unsigned int type);
const char *proto_attr_name(unsigned int type);

/* Header codec; proto_hdr_decode returns -1 for an impossible header. */
void proto_hdr_encode(uint8_t out[PROTO_HDR_LEN], const struct proto_hdr *h);
int proto_hdr_decode(const uint8_t in[PROTO_HDR_LEN], struct proto_hdr *h);

/*
 * Decode a payload against the schema. Returns 0, or -1 with a reason in
 * @err (truncated attribute, unknown type, wrong size for its kind).
 */
int proto_decode(const struct proto_hdr *h, const uint8_t *payload,
		 struct proto_msg *m, char *err, size_t errlen);

/* Iterate over every attribute of @type (repeated attributes). */
int proto_next(const struct proto_msg *m, unsigned int type, size_t *pos,
	       const uint8_t **val, uint32_t *len);

int proto_has(const struct proto_msg *m, unsigned int type);
uint32_t proto_u32(const struct proto_msg *m, unsigned int type, uint32_t dflt);
uint64_t proto_u64(const struct proto_msg *m, unsigned int type, uint64_t dflt);
/* Copy of a string attribute, NUL-terminated, or NULL; caller frees. */
char *proto_strdup(const struct proto_msg *m, unsigned int type);

void proto_begin(struct proto_buf *b, unsigned int type, uint32_t id,
		 unsigned int flags);
void proto_put(struct proto_buf *b, unsigned int type, const void *v,
	       size_t len);
void proto_put_u32(struct proto_buf *b, unsigned int type, uint32_t v);
void proto_put_u64(struct proto_buf *b, unsigned int type, uint64_t v);
void proto_put_str(struct proto_buf *b, unsigned int type, const char *s);
/* Reserve @len bytes of a new attribute and return where to write them. */
uint8_t *proto_reserve(struct proto_buf *b, unsigned int type, size_t len);
/* Shorten the last attribute, whose value starts at @value, to @len bytes. */
void proto_trim(struct proto_buf *b, uint8_t *value, size_t len);
/* Fix up the header length; -1 if the frame is too large or out of memory. */
int proto_finish(struct proto_buf *b);
void proto_buf_free(struct proto_buf *b);

#endif
