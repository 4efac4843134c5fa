/*
 * console.c - the guest's serial console, captured by the host: QEMU
 * writes it to a socket and a thread of this process drains it into
 * console.log, bounded by logcap (its first and latest bytes). QEMU's own
 * "-serial file:" grows without limit, and a console nobody drains stalls
 * the guest, so the thread reads whatever the script is doing.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "console.h"
#include "logcap.h"
#include "util.h"

struct console {
	int fd;			/* QEMU's end of the serial line */
	int wake[2];		/* console_stop: drain what is left, then end */
	pthread_t thread;
	pthread_mutex_t lock;	/* the log, between the thread and readers */
	struct logcap log;
};

/* Move what the socket holds now into the log; under c->lock. -1 at its end. */
static int take(struct console *c, int wait)
{
	char buf[65536];

	for (;;) {
		ssize_t n = recv(c->fd, buf, sizeof(buf), wait ? 0 : MSG_DONTWAIT);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return 0;
		if (n <= 0)
			return -1;
		logcap_write(&c->log, buf, (size_t)n);
		wait = 0;
	}
}

static void *drain(void *arg)
{
	struct console *c = arg;
	int rc;

	for (;;) {
		struct pollfd p[2] = { { c->fd, POLLIN, 0 }, { c->wake[0], POLLIN, 0 } };

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		pthread_mutex_lock(&c->lock);
		rc = take(c, 0);
		pthread_mutex_unlock(&c->lock);
		/* stopping: QEMU has exited, what it wrote was just taken */
		if (rc || p[1].revents)
			break;
	}
	return NULL;
}

int console_start(struct console **out, int fd, const char *path, uint64_t max,
		  struct error *e)
{
	struct console *c = xcalloc(1, sizeof(*c));
	sigset_t all, old;
	int rc;

	c->fd = fd;
	c->wake[0] = c->wake[1] = -1;
	pthread_mutex_init(&c->lock, NULL);
	if (logcap_open(&c->log, path, max)) {
		errorf(e, "cannot open %s: %s", path, strerror(errno));
		goto fail;
	}
	if (pipe2(c->wake, O_CLOEXEC)) {
		errorf(e, "pipe: %s", strerror(errno));
		goto fail;
	}
	/* signals (Ctrl-C, SIGTERM) are for the thread running the script */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&c->thread, NULL, drain, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		errorf(e, "cannot start the console thread: %s", strerror(rc));
		goto fail;
	}
	*out = c;
	return 0;
fail:
	if (c->wake[0] >= 0) {
		close(c->wake[0]);
		close(c->wake[1]);
	}
	logcap_close(&c->log);
	pthread_mutex_destroy(&c->lock);
	close(fd);
	free(c);
	return -1;
}

void console_stop(struct console *c, struct logcap *final)
{
	if (!c)
		return;
	if (write(c->wake[1], "", 1) < 0)
		shutdown(c->fd, SHUT_RDWR);	/* cannot happen; do not hang on it */
	pthread_join(c->thread, NULL);
	close(c->wake[0]);
	close(c->wake[1]);
	close(c->fd);
	logcap_close(&c->log);
	if (final)
		*final = c->log;
	pthread_mutex_destroy(&c->lock);
	free(c);
}

/*
 * Readers first take what QEMU has already written: a guest's console
 * write is done when the command that made it returns, and the thread may
 * not have run since.
 */
uint64_t console_size(struct console *c)
{
	uint64_t n;

	pthread_mutex_lock(&c->lock);
	take(c, 0);
	n = c->log.total;
	pthread_mutex_unlock(&c->lock);
	return n;
}

char *console_since(struct console *c, uint64_t from, size_t max, size_t *len)
{
	uint64_t start, end;
	char *out;
	ssize_t n;

	pthread_mutex_lock(&c->lock);
	take(c, 0);
	start = logcap_file_offset(&c->log, from);
	end = c->log.size;
	if (end - start > max)
		start = end - max;
	out = xmalloc((size_t)(end - start) + 1);
	n = pread(c->log.fd, out, (size_t)(end - start), (off_t)start);
	pthread_mutex_unlock(&c->lock);
	*len = n > 0 ? (size_t)n : 0;
	out[*len] = '\0';
	return out;
}
