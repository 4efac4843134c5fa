/*
 * logcap.c - a log file that cannot grow without bound: it keeps the first
 * bytes written and the latest, and between them one line saying how many
 * were dropped. Used for the guest console and the runner's per-file logs,
 * which a guest or a script can fill at any rate.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logcap.h"

int logcap_open(struct logcap *l, const char *path, uint64_t max)
{
	struct stat st;

	memset(l, 0, sizeof(*l));
	if (max < LOGCAP_MIN)
		max = LOGCAP_MIN;
	l->head_max = max / 4;
	l->tail_max = max * 3 / 8;
	/* appending: what is there already counts as written (a seeded console) */
	l->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (l->fd < 0)
		return -1;
	if (fstat(l->fd, &st) == 0)
		l->size = l->total = (uint64_t)st.st_size;
	return 0;
}

static int write_at(int fd, const void *p, size_t n, uint64_t off)
{
	while (n) {
		ssize_t w = pwrite(fd, p, n, (off_t)off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p = (const char *)p + w;
		n -= (size_t)w;
		off += (uint64_t)w;
	}
	return 0;
}

/*
 * Keep the head and the last tail_max bytes: move those down to just after
 * a new marker (always towards the start, so a forward copy is safe) and
 * cut the file there.
 */
static int compact(struct logcap *l)
{
	uint64_t src = l->size - l->tail_max, dst, done;
	char marker[160], buf[65536];
	int len;

	l->dropped += src - (l->head_max + l->marker_len);
	len = snprintf(marker, sizeof(marker),
		       "\n[provium: %" PRIu64 " more bytes dropped here: the first %" PRIu64
		       " and the latest are kept]\n", l->dropped, l->head_max);
	dst = l->head_max + (uint64_t)len;
	for (done = 0; done < l->tail_max; ) {
		size_t step = l->tail_max - done < sizeof(buf) ? l->tail_max - done : sizeof(buf);
		ssize_t n = pread(l->fd, buf, step, (off_t)(src + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || write_at(l->fd, buf, (size_t)n, dst + done))
			return -1;
		done += (uint64_t)n;
	}
	if (write_at(l->fd, marker, (size_t)len, l->head_max) ||
	    ftruncate(l->fd, (off_t)(dst + l->tail_max)))
		return -1;
	l->marker_len = (uint64_t)len;
	l->size = dst + l->tail_max;
	return 0;
}

int logcap_write(struct logcap *l, const void *p, size_t n)
{
	if (l->fd < 0)
		return -1;
	if (write_at(l->fd, p, n, l->size))
		return -1;
	l->size += n;
	l->total += n;
	/* compacting only once the tail has doubled keeps the copying linear */
	if (l->size > l->head_max + l->marker_len + 2 * l->tail_max)
		return compact(l);
	return 0;
}

uint64_t logcap_file_offset(const struct logcap *l, uint64_t at)
{
	if (!l->dropped || at < l->head_max)
		return at < l->size ? at : l->size;
	if (at < l->head_max + l->dropped)
		return l->head_max;	/* in what was dropped: from the marker on */
	at = at - l->dropped + l->marker_len;
	return at < l->size ? at : l->size;
}

void logcap_close(struct logcap *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}
