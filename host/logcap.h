/*
 * logcap.h - a log file bounded to its first and latest bytes, with a
 * counted "N more bytes dropped" marker between them. Not thread-safe: a
 * reader in another thread takes the writer's lock.
 */
#ifndef PROVIUM_LOGCAP_H
#define PROVIUM_LOGCAP_H

#include <stddef.h>
#include <stdint.h>

#define LOGCAP_MIN	4096	/* smaller limits are raised to this */

/*
 * The file is the first head_max bytes written, then (once something was
 * dropped) a marker line, then the latest tail_max to 2 * tail_max bytes:
 * never more than the limit it was opened with, plus the marker.
 */
struct logcap {
	int fd;
	uint64_t head_max, tail_max;
	uint64_t total;		/* bytes written, kept or not */
	uint64_t dropped;	/* bytes between the head and the tail */
	uint64_t size;		/* of the file */
	uint64_t marker_len;	/* of the marker in the file; 0 = none yet */
};

/* Open (create, or append to) @path, keeping about @max bytes; -1 + errno. */
int logcap_open(struct logcap *l, const char *path, uint64_t max);
/* Append @n bytes, dropping the middle when it grows too long; -1 on error. */
int logcap_write(struct logcap *l, const void *p, size_t n);
/*
 * Where byte @at of everything written is in the file now: itself in the
 * head, the marker if it was dropped, its place in the tail otherwise.
 */
uint64_t logcap_file_offset(const struct logcap *l, uint64_t at);
void logcap_close(struct logcap *l);

#endif
