/*
 * channel.c - frames over the virtio-serial port: buffered reads, whole
 * writes, error replies.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"

int channel_open(struct channel *ch, int fd)
{
	memset(ch, 0, sizeof(*ch));
	ch->fd = fd;
	ch->in_cap = 1 << 16;
	ch->in = malloc(ch->in_cap);
	return ch->in ? 0 : -1;
}

int channel_fill(struct channel *ch)
{
	ssize_t n;

	if (ch->in_cap - ch->in_len < 4096) {
		size_t cap = ch->in_cap * 2;
		uint8_t *p = realloc(ch->in, cap);

		if (!p)
			return -1;
		ch->in = p;
		ch->in_cap = cap;
	}
	n = read(ch->fd, ch->in + ch->in_len, ch->in_cap - ch->in_len);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0)
		return -1;
	ch->in_len += n;
	return 0;
}

int channel_next(struct channel *ch, struct proto_msg *m, char *err, size_t errlen)
{
	struct proto_hdr h;

	if (ch->in_len < PROTO_HDR_LEN)
		return 0;
	if (proto_hdr_decode(ch->in, &h)) {
		snprintf(err, errlen, "bad frame header");
		return -1;
	}
	if (ch->in_len < PROTO_HDR_LEN + (size_t)h.len) {
		/* make room for the whole frame at once */
		if (ch->in_cap < PROTO_HDR_LEN + (size_t)h.len) {
			uint8_t *p = realloc(ch->in, PROTO_HDR_LEN + h.len);

			if (!p) {
				snprintf(err, errlen, "out of memory for a %u-byte frame", h.len);
				return -1;
			}
			ch->in = p;
			ch->in_cap = PROTO_HDR_LEN + h.len;
		}
		return 0;
	}
	if (proto_decode(&h, ch->in + PROTO_HDR_LEN, m, err, errlen))
		return -1;
	return 1;
}

void channel_consume(struct channel *ch, const struct proto_msg *m)
{
	size_t used = PROTO_HDR_LEN + m->hdr.len;

	memmove(ch->in, ch->in + used, ch->in_len - used);
	ch->in_len -= used;
	/* give back the room a large frame needed */
	if (ch->in_cap > (1 << 20) && ch->in_len < (1 << 16)) {
		uint8_t *p = realloc(ch->in, 1 << 16);

		if (p) {
			ch->in = p;
			ch->in_cap = 1 << 16;
		}
	}
}

int channel_send(struct channel *ch, struct proto_buf *b)
{
	size_t off = 0;

	if (proto_finish(b)) {
		agent_log("dropping a reply that could not be built");
		return -1;
	}
	while (off < b->len) {
		ssize_t n = write(ch->fd, b->data + off, b->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += n;
	}
	return 0;
}

void channel_reply_error(struct channel *ch, const struct proto_msg *req,
			 int err, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	proto_begin(&ch->out, req->hdr.type, req->hdr.id, PROTO_F_ERROR);
	proto_put_u32(&ch->out, PROTO_A_ERRNO, err);
	proto_put_str(&ch->out, PROTO_A_MESSAGE, msg);
	channel_send(ch, &ch->out);
}
