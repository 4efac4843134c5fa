/*
 * proto.c - the channel codec: header, attribute encoding and the
 * schema-checked decoder shared by host and agent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"

static const struct {
	const char *name;
	unsigned char kind;
} attr_schema[PROTO_A_MAX + 1] = {
#define PROTO_MSG(name, code)
#define PROTO_ATTR(name, code, kind) [code] = { #name, kind },
#include "proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};

static const char *const msg_names[PROTO_MSG__END] = {
#define PROTO_MSG(name, code) [code] = #name,
#define PROTO_ATTR(name, code, kind)
#include "proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};

const char *proto_msg_name(unsigned int type)
{
	if (type < PROTO_MSG__END && msg_names[type])
		return msg_names[type];
	return "?";
}

const char *proto_attr_name(unsigned int type)
{
	if (type <= PROTO_A_MAX && attr_schema[type].name)
		return attr_schema[type].name;
	return "?";
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static uint32_t get_le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_le64(const uint8_t *p)
{
	return get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

void proto_hdr_encode(uint8_t out[PROTO_HDR_LEN], const struct proto_hdr *h)
{
	put_le32(out, h->len);
	put_le32(out + 4, h->id);
	out[8] = h->type;
	out[9] = h->type >> 8;
	out[10] = h->flags;
	out[11] = h->flags >> 8;
}

int proto_hdr_decode(const uint8_t in[PROTO_HDR_LEN], struct proto_hdr *h)
{
	h->len = get_le32(in);
	h->id = get_le32(in + 4);
	h->type = in[8] | in[9] << 8;
	h->flags = in[10] | in[11] << 8;
	if (h->len > PROTO_MAX_PAYLOAD || h->len % 4)
		return -1;
	if (h->type == 0 || h->type >= PROTO_MSG__END || !msg_names[h->type])
		return -1;
	return 0;
}

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

int proto_decode(const struct proto_hdr *h, const uint8_t *payload,
		 struct proto_msg *m, char *err, size_t errlen)
{
	size_t pos = 0;

	memset(m, 0, sizeof(*m));
	m->hdr = *h;
	m->payload = payload;
	while (pos < h->len) {
		unsigned int type, kind;
		uint32_t len;

		if (h->len - pos < 8) {
			snprintf(err, errlen, "truncated attribute header at %zu", pos);
			return -1;
		}
		type = payload[pos] | payload[pos + 1] << 8;
		len = get_le32(payload + pos + 4);
		if (payload[pos + 2] || payload[pos + 3]) {
			snprintf(err, errlen, "attribute at %zu: reserved bytes set", pos);
			return -1;
		}
		if (len > h->len - pos - 8) {
			snprintf(err, errlen, "attribute %s: length %u past the frame end",
				 proto_attr_name(type), len);
			return -1;
		}
		if (type == 0 || type > PROTO_A_MAX || !attr_schema[type].name) {
			snprintf(err, errlen, "unknown attribute type %u", type);
			return -1;
		}
		kind = attr_schema[type].kind;
		if ((kind == PROTO_U32 && len != 4) || (kind == PROTO_U64 && len != 8)) {
			snprintf(err, errlen, "attribute %s: %u bytes for a %s",
				 attr_schema[type].name, len,
				 kind == PROTO_U32 ? "u32" : "u64");
			return -1;
		}
		if (!m->attr[type]) {
			m->attr[type] = payload + pos + 8;
			m->attr_len[type] = len;
		}
		pos += 8 + pad4(len);
	}
	return 0;
}

int proto_next(const struct proto_msg *m, unsigned int type, size_t *pos,
	       const uint8_t **val, uint32_t *len)
{
	/* The frame was validated by proto_decode, so only walk it. */
	while (*pos < m->hdr.len) {
		const uint8_t *a = m->payload + *pos;
		unsigned int t = a[0] | a[1] << 8;
		uint32_t l = get_le32(a + 4);

		*pos += 8 + pad4(l);
		if (t == type) {
			*val = a + 8;
			*len = l;
			return 1;
		}
	}
	return 0;
}

int proto_has(const struct proto_msg *m, unsigned int type)
{
	return type <= PROTO_A_MAX && m->attr[type] != NULL;
}

uint32_t proto_u32(const struct proto_msg *m, unsigned int type, uint32_t dflt)
{
	return proto_has(m, type) ? get_le32(m->attr[type]) : dflt;
}

uint64_t proto_u64(const struct proto_msg *m, unsigned int type, uint64_t dflt)
{
	return proto_has(m, type) ? get_le64(m->attr[type]) : dflt;
}

char *proto_strdup(const struct proto_msg *m, unsigned int type)
{
	char *s;

	if (!proto_has(m, type))
		return NULL;
	s = malloc(m->attr_len[type] + 1);
	if (s) {
		memcpy(s, m->attr[type], m->attr_len[type]);
		s[m->attr_len[type]] = '\0';
	}
	return s;
}

static int grow(struct proto_buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;
	uint8_t *p;

	if (b->oom)
		return -1;
	if (b->len + need <= b->cap)
		return 0;
	while (cap < b->len + need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void proto_begin(struct proto_buf *b, unsigned int type, uint32_t id,
		 unsigned int flags)
{
	struct proto_hdr h = { 0, id, type, flags };

	b->len = 0;
	b->oom = 0;
	if (grow(b, PROTO_HDR_LEN))
		return;
	proto_hdr_encode(b->data, &h);
	b->len = PROTO_HDR_LEN;
}

uint8_t *proto_reserve(struct proto_buf *b, unsigned int type, size_t len)
{
	uint8_t *a;

	if (len > PROTO_MAX_PAYLOAD || grow(b, 8 + pad4(len))) {
		b->oom = 1;
		return NULL;
	}
	a = b->data + b->len;
	a[0] = type;
	a[1] = type >> 8;
	a[2] = a[3] = 0;
	put_le32(a + 4, len);
	memset(a + 8 + len, 0, pad4(len) - len);
	b->len += 8 + pad4(len);
	return a + 8;
}

void proto_put(struct proto_buf *b, unsigned int type, const void *v, size_t len)
{
	uint8_t *dst = proto_reserve(b, type, len);

	if (dst && len)
		memcpy(dst, v, len);
}

void proto_put_u32(struct proto_buf *b, unsigned int type, uint32_t v)
{
	uint8_t le[4];

	put_le32(le, v);
	proto_put(b, type, le, 4);
}

void proto_put_u64(struct proto_buf *b, unsigned int type, uint64_t v)
{
	uint8_t le[8];

	put_le32(le, (uint32_t)v);
	put_le32(le + 4, (uint32_t)(v >> 32));
	proto_put(b, type, le, 8);
}

void proto_put_str(struct proto_buf *b, unsigned int type, const char *s)
{
	proto_put(b, type, s, strlen(s));
}

void proto_trim(struct proto_buf *b, uint8_t *value, size_t len)
{
	size_t old = get_le32(value - 4);

	if (len > old)
		return;
	put_le32(value - 4, (uint32_t)len);
	memset(value + len, 0, pad4(len) - len);
	b->len -= pad4(old) - pad4(len);
}

int proto_finish(struct proto_buf *b)
{
	if (b->oom || b->len < PROTO_HDR_LEN ||
	    b->len - PROTO_HDR_LEN > PROTO_MAX_PAYLOAD)
		return -1;
	put_le32(b->data, (uint32_t)(b->len - PROTO_HDR_LEN));
	return 0;
}

void proto_buf_free(struct proto_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
