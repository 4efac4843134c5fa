/*
 * ops_file.c - WRITE_FILE, READ_FILE and INSMOD: whole-request file
 * operations. Large files are moved by the host in chunks (OFFSET/APPEND).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "agent.h"

#define READ_CHUNK_MAX	(8U << 20)

/* strerror, but an interruption by the request's timer says so */
static const char *why(int err)
{
	return err == EINTR && call_timed_out ? "timed out (the request's timeout expired)" :
						strerror(err);
}

static void reply_empty(struct channel *ch, const struct proto_msg *m)
{
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	channel_send(ch, &ch->out);
}

void op_write_file(struct channel *ch, const struct proto_msg *m)
{
	char *path = proto_strdup(m, PROTO_A_PATH);
	uint32_t mode = proto_u32(m, PROTO_A_MODE, 0644);
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC;
	const uint8_t *data = m->attr[PROTO_A_DATA];
	size_t len = m->attr_len[PROTO_A_DATA], off = 0;
	int fd, err = 0;

	if (!path) {
		channel_reply_error(ch, m, EINVAL, "write_file: no path");
		return;
	}
	flags |= proto_u32(m, PROTO_A_APPEND, 0) ? O_APPEND : O_TRUNC;
	fd = open(path, flags, mode);
	if (fd < 0) {
		channel_reply_error(ch, m, errno, "write_file %s: %s", path, why(errno));
		free(path);
		return;
	}
	while (off < len && !err) {
		ssize_t n;

		/* the timer fires once: writing on after it could block for good */
		if (call_timed_out) {
			err = EINTR;
			break;
		}
		n = write(fd, data + off, len - off);
		if (n > 0)
			off += n;
		else if (n == 0 || errno != EINTR)
			err = n ? errno : EIO;
	}
	if (err) {
		channel_reply_error(ch, m, err, "write_file %s: %s", path, why(err));
		close(fd);
		free(path);
		return;
	}
	if (close(fd))
		channel_reply_error(ch, m, errno, "write_file %s: %s", path, why(errno));
	else
		reply_empty(ch, m);
	free(path);
}

void op_read_file(struct channel *ch, const struct proto_msg *m)
{
	char *path = proto_strdup(m, PROTO_A_PATH);
	uint64_t offset = proto_u64(m, PROTO_A_OFFSET, 0);
	uint64_t want = proto_u64(m, PROTO_A_LENGTH, READ_CHUNK_MAX);
	size_t got = 0;
	uint8_t *dst;
	int fd;

	if (!path) {
		channel_reply_error(ch, m, EINVAL, "read_file: no path");
		return;
	}
	if (want > READ_CHUNK_MAX)
		want = READ_CHUNK_MAX;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		channel_reply_error(ch, m, errno, "read_file %s: %s", path, why(errno));
		free(path);
		return;
	}
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	dst = proto_reserve(&ch->out, PROTO_A_DATA, want);
	while (dst && got < want) {
		/* small reads: procfs allocates a kernel buffer the size of the request */
		size_t step = want - got < 65536 ? want - got : 65536;
		ssize_t n = call_timed_out ? -1 : pread(fd, dst + got, step, offset + got);
		int err = n < 0 ? (call_timed_out ? EINTR : errno) : 0;

		/* retrying after the timer fired would block for good: it fires once */
		if (err == EINTR && !call_timed_out)
			continue;
		if (err) {
			channel_reply_error(ch, m, err, "read_file %s: %s", path, why(err));
			goto out;
		}
		if (n == 0)
			break;
		got += n;
	}
	if (!dst) {
		channel_reply_error(ch, m, ENOMEM, "read_file %s: out of memory", path);
		goto out;
	}
	proto_trim(&ch->out, dst, got);
	proto_put_u32(&ch->out, PROTO_A_EOF, got < want);
	channel_send(ch, &ch->out);
out:
	close(fd);
	free(path);
}

void op_insmod(struct channel *ch, const struct proto_msg *m)
{
	char *path = proto_strdup(m, PROTO_A_PATH);
	char *params = proto_strdup(m, PROTO_A_PARAMS);
	int fd;

	if (!path) {
		channel_reply_error(ch, m, EINVAL, "insmod: no path");
		free(params);
		return;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || guest_finit_module(fd, path, params ? params : ""))
		channel_reply_error(ch, m, errno, "insmod %s: %s", path, why(errno));
	else
		reply_empty(ch, m);
	if (fd >= 0)
		close(fd);
	free(path);
	free(params);
}
