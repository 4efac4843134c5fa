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

/*
 * A file that cannot be read at an offset (a pipe, a tty, trace_pipe) is
 * read in order, and kept open between the host's chunks: the request for
 * the same path at the offset the last one reached goes on from there.
 * One per serving thread; any other READ_FILE closes it, and so does one
 * of LENGTH 0 (the host's "done") or reaching end of file.
 */
static __thread struct {
	char *path;
	int fd;
	uint64_t pos;
} stream = { NULL, -1, 0 };

static void stream_close(void)
{
	if (stream.fd >= 0)
		close(stream.fd);
	free(stream.path);
	stream.path = NULL;
	stream.fd = -1;
	stream.pos = 0;
}

void file_fini(void)
{
	stream_close();
}

/* A forked worker starts with its parent's stream: forget it. */
void file_init(void)
{
	if (stream.fd >= 0)
		close(stream.fd);
	stream.fd = -1;
	stream.path = NULL;	/* the parent's allocation, not ours to free */
	stream.pos = 0;
}

/* Read up to @want bytes at @offset (in order for a stream); -errno on failure. */
static ssize_t read_at(int fd, int in_order, uint8_t *dst, size_t want, uint64_t offset)
{
	size_t got = 0;

	while (got < want) {
		/* small reads: procfs allocates a kernel buffer the size of the request */
		size_t step = want - got < 65536 ? want - got : 65536;
		ssize_t n;

		/* retrying after the timer fired would block for good: it fires once */
		if (call_timed_out)
			return -EINTR;
		n = in_order ? read(fd, dst + got, step) : pread(fd, dst + got, step, offset + got);
		if (n < 0 && errno == EINTR && !call_timed_out)
			continue;
		if (n < 0)
			return call_timed_out ? -EINTR : -errno;
		if (n == 0)
			break;
		got += n;
	}
	return got;
}

void op_read_file(struct channel *ch, const struct proto_msg *m)
{
	char *path = proto_strdup(m, PROTO_A_PATH);
	uint64_t offset = proto_u64(m, PROTO_A_OFFSET, 0);
	uint64_t want = proto_u64(m, PROTO_A_LENGTH, READ_CHUNK_MAX);
	int in_order = 0, fd = -1;
	struct stat st = { 0 };
	uint8_t *dst;
	ssize_t got;

	if (!path) {
		channel_reply_error(ch, m, EINVAL, "read_file: no path");
		return;
	}
	if (want > READ_CHUNK_MAX)
		want = READ_CHUNK_MAX;
	if (stream.fd >= 0 && !strcmp(stream.path, path) && stream.pos == offset) {
		fd = stream.fd;
		in_order = 1;
	} else {
		stream_close();
	}
	if (in_order && !want) {
		stream_close();	/* the host is done with it */
		fd = -1;
	} else if (fd < 0) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			channel_reply_error(ch, m, errno, "read_file %s: %s", path, why(errno));
			free(path);
			return;
		}
		/* pipes, sockets and ttys have no offsets (pread fails with ESPIPE) */
		in_order = fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
						   lseek(fd, 0, SEEK_CUR) < 0);
		if (in_order && offset) {
			channel_reply_error(ch, m, ESPIPE, "read_file %s: cannot read from offset "
					    "%llu: it can only be read in order (a pipe or a stream)",
					    path, (unsigned long long)offset);
			close(fd);
			free(path);
			return;
		}
	}
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	dst = proto_reserve(&ch->out, PROTO_A_DATA, want);
	if (!dst) {
		channel_reply_error(ch, m, ENOMEM, "read_file %s: out of memory", path);
		goto out;
	}
	got = fd >= 0 ? read_at(fd, in_order, dst, want, offset) : 0;
	if (got < 0) {
		channel_reply_error(ch, m, (int)-got, "read_file %s: %s", path, why((int)-got));
		goto out;
	}
	proto_trim(&ch->out, dst, got);
	proto_put_u32(&ch->out, PROTO_A_EOF, (uint64_t)got < want || !want);
	/* a regular file's size lets the host refuse a file over its limit at once */
	if (fd >= 0 && !in_order && S_ISREG(st.st_mode))
		proto_put_u64(&ch->out, PROTO_A_SIZE, st.st_size);
	if (in_order && (uint64_t)got == want && want) {
		proto_put_u32(&ch->out, PROTO_A_STREAM, 1);
		if (fd != stream.fd) {
			stream.path = path;
			stream.fd = fd;
			path = NULL;
		}
		stream.pos = offset + got;
		fd = -1;	/* kept */
	}
	channel_send(ch, &ch->out);
out:
	if (fd >= 0 && fd == stream.fd)
		stream_close();
	else if (fd >= 0)
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
