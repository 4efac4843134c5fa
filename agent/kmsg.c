/*
 * kmsg.c - read /dev/kmsg records: "prio,seq,time,flags;text\n" plus
 * continuation lines. Shared by the call log and the splat watcher.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"

/*
 * The text of the next record of non-blocking @fd, NUL-terminated in @rec
 * (@cap > KMSG_RECORD_MAX: a read smaller than the formatted record fails
 * with EINVAL), with its length in @len; NULL when nothing is left. Records
 * overwritten before we read them are skipped. A record that still does
 * not fit (a kernel with a larger limit) is skipped too: kernels before
 * 5.10 do not move past it on EINVAL, so the reader jumps to the end
 * rather than stall on it for good.
 */
const char *kmsg_next(int fd, char *rec, size_t cap, size_t *len)
{
	for (;;) {
		ssize_t n = read(fd, rec, cap - 1);
		char *msg;

		if (n < 0 && (errno == EPIPE || errno == EINTR))
			continue;
		if (n < 0 && errno == EINVAL) {
			agent_log("skipping kernel log records longer than %zu bytes", cap - 1);
			lseek(fd, 0, SEEK_END);
			return NULL;
		}
		if (n <= 0)
			return NULL;
		rec[n] = '\0';
		msg = strchr(rec, ';');
		if (!msg)
			continue;
		msg++;
		*len = strcspn(msg, "\n");
		msg[*len] = '\0';
		return msg;
	}
}
