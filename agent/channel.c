/*
 * channel.c - frames over the virtio-serial port or a worker's socket:
 * buffered reads, whole writes, error replies, and for the agent's end of a
 * worker's socket a send queue that never blocks.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent.h"

int channel_open(struct channel *ch, int fd)
{
	struct stat st;

	memset(ch, 0, sizeof(*ch));
	ch->fd = fd;
	ch->is_socket = fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
	ch->in_cap = 1 << 16;
	ch->in = malloc(ch->in_cap);
	return ch->in ? 0 : -1;
}

void channel_close(struct channel *ch)
{
	if (ch->fd >= 0)
		close(ch->fd);
	ch->fd = -1;
	free(ch->in);
	free(ch->q);
	proto_buf_free(&ch->out);
	ch->in = ch->q = NULL;
	ch->in_len = ch->in_cap = ch->q_off = ch->q_len = ch->q_cap = 0;
}

/* write(), but a socket whose peer is gone gives EPIPE, never SIGPIPE */
static ssize_t send_some(struct channel *ch, const void *p, size_t len)
{
	if (ch->is_socket)
		return send(ch->fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
	return write(ch->fd, p, len);
}

int channel_flush(struct channel *ch)
{
	while (channel_queued(ch)) {
		ssize_t n = send_some(ch, ch->q + ch->q_off, ch->q_len - ch->q_off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		if (n <= 0) {
			ch->broken = 1;
			return -1;
		}
		ch->q_off += n;
	}
	ch->q_off = ch->q_len = 0;
	/* give back the room a large frame needed */
	if (ch->q_cap > (1 << 20)) {
		free(ch->q);
		ch->q = NULL;
		ch->q_cap = 0;
	}
	return 0;
}

int channel_queue(struct channel *ch, const void *data, size_t len)
{
	const uint8_t *p = data;

	if (ch->broken)
		return -1;
	/* nothing waiting: send straight away, queue only what does not fit */
	while (!channel_queued(ch) && len) {
		ssize_t n = send_some(ch, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n <= 0) {
			ch->broken = 1;
			return -1;
		}
		p += n;
		len -= n;
	}
	if (!len)
		return 0;
	if (ch->q_len + len > ch->q_cap) {
		size_t cap = ch->q_cap ? ch->q_cap : 1 << 16;
		uint8_t *q;

		/* reclaim what was sent before growing */
		if (ch->q_off) {
			memmove(ch->q, ch->q + ch->q_off, ch->q_len - ch->q_off);
			ch->q_len -= ch->q_off;
			ch->q_off = 0;
		}
		while (cap < ch->q_len + len)
			cap *= 2;
		if (cap > ch->q_cap) {
			q = realloc(ch->q, cap);
			if (!q) {
				ch->broken = 1;	/* a frame cut short: the stream is lost */
				return -1;
			}
			ch->q = q;
			ch->q_cap = cap;
		}
	}
	memcpy(ch->q + ch->q_len, p, len);
	ch->q_len += len;
	return 0;
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
	if (ch->fd < 0 || ch->broken)
		return -1;
	while (off < b->len) {
		ssize_t n = ch->is_socket ?
			send(ch->fd, b->data + off, b->len - off, MSG_NOSIGNAL) :
			write(ch->fd, b->data + off, b->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ch->broken = 1;
			return -1;
		}
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
