/*
 * call.c - call descriptions on the host side. call_check is the host's
 * one check of a description: it mirrors provium_desc_check() (which
 * call_encode runs too, to catch pointer cycles and any disagreement) but
 * says which buffer or pointer is wrong, in the caller's words.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kmod/provium_desc.h"
#include "call.h"

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static size_t desc_size(const struct call_spec *s)
{
	size_t n = sizeof(struct provium_call) + s->nbufs * sizeof(struct provium_buf) +
		   s->npatches * sizeof(struct provium_patch);
	unsigned int i;

	for (i = 0; i < s->nbufs; i++)
		n = align8(n) + s->bufs[i].len;
	return n;
}

/* How errors name buffer @i (0-based): its own name, or "buffer N". */
static const char *buf_name(const struct call_spec *s, unsigned int i, char *tmp, size_t len)
{
	if (s->bufs[i].name)
		return s->bufs[i].name;
	snprintf(tmp, len, "buffer %u", i + 1);
	return tmp;
}

static const char *patch_name(const struct call_spec *s, unsigned int i, char *tmp,
			      size_t len)
{
	if (s->patches[i].name)
		return s->patches[i].name;
	snprintf(tmp, len, "pointer %u", i + 1);
	return tmp;
}

int call_check(const struct call_spec *s, char *err, size_t errlen)
{
	unsigned int i, j, reached[PROVIUM_MAX_BUFS] = { 0 };
	char n1[32], n2[32];

	if (s->flags & ~PROVIUM_CALL_FLAGS) {
		snprintf(err, errlen, "unknown call flags 0x%x", s->flags);
		return -1;
	}
	if (s->nbufs > PROVIUM_MAX_BUFS) {
		snprintf(err, errlen, "%u buffers, the limit is %u", s->nbufs, PROVIUM_MAX_BUFS);
		return -1;
	}
	if (s->npatches > PROVIUM_MAX_PATCHES) {
		snprintf(err, errlen, "%u pointers, the limit is %u", s->npatches,
			 PROVIUM_MAX_PATCHES);
		return -1;
	}
	for (i = 0; i < s->nbufs; i++) {
		const struct call_buf *b = &s->bufs[i];
		const char *name = buf_name(s, i, n1, sizeof(n1));

		if (b->len > PROVIUM_MAX_BUF_LEN) {
			snprintf(err, errlen, "%s is %zu bytes, the limit is %u", name, b->len,
				 PROVIUM_MAX_BUF_LEN);
			return -1;
		}
		if (b->data_len > b->len) {
			snprintf(err, errlen, "%s: %zu bytes of data do not fit its length %zu",
				 name, b->data_len, b->len);
			return -1;
		}
		if (b->arg < -1 || b->arg >= PROVIUM_NARGS) {
			snprintf(err, errlen, "%s: argument index %d outside 0-5", name, b->arg);
			return -1;
		}
		for (j = 0; j < i; j++)
			if (b->arg >= 0 && s->bufs[j].arg == b->arg) {
				snprintf(err, errlen, "two buffers for argument %d", b->arg);
				return -1;
			}
	}
	for (i = 0; i < s->npatches; i++) {
		const struct call_patch *p = &s->patches[i];
		const char *name = patch_name(s, i, n1, sizeof(n1));

		if (p->buf >= s->nbufs || p->target >= s->nbufs) {
			snprintf(err, errlen, "%s refers to a missing buffer", name);
			return -1;
		}
		if (p->offset % 8) {
			snprintf(err, errlen, "%s: offset %zu is not 8-byte aligned", name,
				 p->offset);
			return -1;
		}
		/* written so that a huge offset cannot wrap around */
		if (s->bufs[p->buf].len < 8 || p->offset > s->bufs[p->buf].len - 8) {
			snprintf(err, errlen, "%s: offset %zu + 8 does not fit in its %zu-byte "
				 "buffer", name, p->offset, s->bufs[p->buf].len);
			return -1;
		}
		for (j = 0; j < i; j++)
			if (s->patches[j].buf == p->buf && s->patches[j].offset == p->offset) {
				snprintf(err, errlen, "%s and %s patch the same offset %zu",
					 patch_name(s, j, n2, sizeof(n2)), name, p->offset);
				return -1;
			}
		if (s->bufs[p->target].arg >= 0 || reached[p->target]++) {
			snprintf(err, errlen, "%s: %s is already reached by an argument or "
				 "another pointer", name, buf_name(s, p->target, n2, sizeof(n2)));
			return -1;
		}
	}
	for (i = 0; i < s->nbufs; i++)
		if (s->bufs[i].arg < 0 && !reached[i]) {
			snprintf(err, errlen, "%s is reached by no argument and no pointer",
				 buf_name(s, i, n1, sizeof(n1)));
			return -1;
		}
	if (desc_size(s) > PROVIUM_MAX_DESC_LEN) {
		snprintf(err, errlen, "buffers total %zu bytes, the limit is %u", desc_size(s),
			 PROVIUM_MAX_DESC_LEN);
		return -1;
	}
	return 0;
}

int call_encode(const struct call_spec *s, struct proto_buf *b, char *err, size_t errlen)
{
	size_t size = desc_size(s), at;
	struct provium_call *c;
	struct provium_buf *tb;
	struct provium_patch *tp;
	unsigned int i;
	uint8_t *d, *dst;
	int rc;

	if (call_check(s, err, errlen))
		return -1;
	/* built aside: in the frame the value is only 4-byte aligned */
	d = calloc(1, size);
	if (!d) {
		snprintf(err, errlen, "out of memory for a %zu-byte call", size);
		return -1;
	}
	c = (struct provium_call *)d;
	c->size = size;
	c->version = PROVIUM_UAPI_VERSION;
	c->flags = s->flags;
	c->nbufs = s->nbufs;
	c->npatches = s->npatches;
	c->nr = s->nr;
	memcpy(c->args, s->args, sizeof(c->args));
	tb = (struct provium_buf *)(c + 1);
	tp = (struct provium_patch *)(tb + s->nbufs);
	at = (uint8_t *)(tp + s->npatches) - d;
	for (i = 0; i < s->nbufs; i++) {
		at = align8(at);
		tb[i].offset = at;
		tb[i].len = s->bufs[i].len;
		tb[i].flags = s->bufs[i].out ? PROVIUM_BUF_OUT : 0;
		tb[i].arg = s->bufs[i].arg;
		if (s->bufs[i].data_len)
			memcpy(d + at, s->bufs[i].data, s->bufs[i].data_len);
		at += s->bufs[i].len;
	}
	for (i = 0; i < s->npatches; i++) {
		tp[i].buf = s->patches[i].buf;
		tp[i].offset = s->patches[i].offset;
		tp[i].target = s->patches[i].target;
	}
	/* the guest applies exactly this check: catch any disagreement here */
	rc = provium_desc_check(c);
	if (rc) {
		snprintf(err, errlen, "call description rejected: %s%s", strerror(-rc),
			 rc == -ELOOP ? " (pointer cycle)" : "");
		free(d);
		return -1;
	}
	dst = proto_reserve(b, PROTO_A_DESC, size);
	if (dst)
		memcpy(dst, d, size);
	else
		snprintf(err, errlen, "out of memory for a %zu-byte call", size);
	free(d);
	return dst ? 0 : -1;
}

int call_decode(const struct call_spec *s, const struct proto_msg *m, struct call_result *r,
		char *err, size_t errlen)
{
	struct provium_call c;
	unsigned int i;
	size_t pos = 0;

	memset(r, 0, sizeof(*r));
	if (!proto_has(m, PROTO_A_RESULT) || m->attr_len[PROTO_A_RESULT] != sizeof(c)) {
		snprintf(err, errlen, "CALL reply without a result");
		return -1;
	}
	memcpy(&c, m->attr[PROTO_A_RESULT], sizeof(c));
	r->ret = c.ret;
	r->kernel_ret = c.kernel_ret;
	r->time_ns = c.time_ns;
	r->executor = c.executor;
	for (i = 0; i < s->nbufs; i++) {
		uint32_t len;

		if (!s->bufs[i].out)
			continue;
		if (!proto_next(m, PROTO_A_OUTBUF, &pos, &r->out[i], &len) ||
		    len != s->bufs[i].len) {
			snprintf(err, errlen, "CALL reply lacks output buffer %u", i + 1);
			return -1;
		}
		r->out_len[i] = len;
	}
	r->timed_out = proto_u32(m, PROTO_A_TIMED_OUT, 0) != 0;
	r->reply = *m;
	if (proto_has(m, PROTO_A_LOG)) {
		r->log = m->attr[PROTO_A_LOG];
		r->log_len = m->attr_len[PROTO_A_LOG];
	}
	return 0;
}
