/*
 * qmp.c - the QMP client used to snapshot and restore fixtures: stop,
 * migrate to a file, query-migrate, query-status, cont.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "qmp.h"

/* Next JSON line into @line; -1 on timeout or a closed socket. */
static int read_line(struct qmp *q, char *line, size_t len, int timeout_ms,
		     struct error *e)
{
	uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000;

	for (;;) {
		char *nl = memchr(q->buf, '\n', q->len);
		struct pollfd p = { q->fd, POLLIN, 0 };
		uint64_t now;
		ssize_t n;

		if (nl) {
			size_t l = nl - q->buf + 1;

			snprintf(line, len, "%.*s", (int)(l - 1), q->buf);
			memmove(q->buf, q->buf + l, q->len - l);
			q->len -= l;
			return 0;
		}
		if (q->len == sizeof(q->buf))
			return errorf(e, "QMP: a reply longer than %zu bytes", sizeof(q->buf));
		now = mono_ns();
		if (now >= deadline)
			return errorf(e, "QMP: no reply within %d ms", timeout_ms);
		if (poll(&p, 1, (int)((deadline - now) / 1000000) + 1) < 0) {
			if (errno != EINTR)
				return errorf(e, "QMP: poll: %s", strerror(errno));
			if (provium_interrupted)
				return errorf(e, "interrupted");
		}
		if (!p.revents)
			continue;
		n = read(q->fd, q->buf + q->len, sizeof(q->buf) - q->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return errorf(e, "QMP: QEMU closed the monitor");
		q->len += n;
	}
}

int qmp_open(struct qmp *q, int fd, int timeout_ms, struct error *e)
{
	char line[4096];

	if (q->ready && q->fd == fd)
		return 0;	/* a restored VM's monitor is open already */
	q->fd = fd;
	q->len = 0;
	if (read_line(q, line, sizeof(line), timeout_ms, e))
		return -1;
	if (!strstr(line, "\"QMP\""))
		return errorf(e, "QMP: unexpected greeting: %.200s", line);
	if (qmp_command(q, "{\"execute\":\"qmp_capabilities\"}", timeout_ms, NULL, 0, e))
		return -1;
	q->ready = 1;
	return 0;
}

int qmp_command(struct qmp *q, const char *cmd, int timeout_ms, char *reply,
		size_t replylen, struct error *e)
{
	char line[8192];
	size_t off = 0, len = strlen(cmd);

	while (off < len) {
		ssize_t n = send(q->fd, cmd + off, len - off, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return errorf(e, "QMP: cannot send %.60s: %s", cmd, strerror(errno));
		off += n;
	}
	if (send(q->fd, "\n", 1, MSG_NOSIGNAL) != 1)
		return errorf(e, "QMP: cannot send: %s", strerror(errno));
	for (;;) {
		if (read_line(q, line, sizeof(line), timeout_ms, e))
			return -1;
		if (strstr(line, "\"event\""))
			continue;
		if (strstr(line, "\"error\""))
			return errorf(e, "QMP: %.80s failed: %.300s", cmd, line);
		if (strstr(line, "\"return\"")) {
			if (reply)
				snprintf(reply, replylen, "%s", line);
			return 0;
		}
	}
}

void qmp_close(struct qmp *q)
{
	if (q->fd >= 0)
		close(q->fd);
	q->fd = -1;
	q->ready = 0;
}
