/*
 * events.c - tell the host about kernel splats (WARN, BUG/oops, lockdep,
 * KASAN/UBSAN, hung tasks) as they happen, so it can fail the test that
 * caused them: provium.ko's reports (genl_events.c) where it sends them,
 * else what this file scrapes from the kernel log. The serving loop drains this before reading
 * requests, so a splat caused by one request reaches the host before the
 * reply to any later one.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"

#define SPLAT_LINES 40	/* lines kept after the one that matched */

static int kmsg = -1;

static const struct {
	const char *marker;
	const char *kind;
} markers[] = {
	{ "WARNING:", "warning" },
	{ "BUG:", "bug" },
	{ "kernel BUG at", "bug" },
	{ "Oops", "bug" },
	{ "general protection fault", "bug" },
	{ "possible circular locking", "lockdep" },
	{ "possible recursive locking", "lockdep" },
	{ "inconsistent lock state", "lockdep" },
	{ "KASAN:", "sanitizer" },
	{ "UBSAN:", "sanitizer" },
	{ "soft lockup", "hang" },
	{ "blocked for more than", "hang" },
	{ "rcu_sched detected stalls", "hang" },
};

static int from_module;	/* provium.ko's events group, not /dev/kmsg */

/* The main thread's subscription to provium.ko's reports, else /dev/kmsg. */
int events_open(void)
{
	int fd = genl_events_fd();

	if (fd >= 0) {
		from_module = 1;
		return fd;
	}
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg >= 0)
		lseek(kmsg, 0, SEEK_END);	/* only what happens from now on */
	return kmsg;
}

static const char *kind_of(const char *text)
{
	size_t i;

	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		if (strstr(text, markers[i].marker))
			return markers[i].kind;
	return NULL;
}

static void send_event(struct channel *ch, const char *kind, const char *text, size_t len)
{
	proto_begin(&ch->out, PROTO_MSG_EVENT, 0, 0);
	proto_put_str(&ch->out, PROTO_A_EVENT_KIND, kind);
	proto_put_str(&ch->out, PROTO_A_EVENT_SOURCE, "kmsg");
	proto_put(&ch->out, PROTO_A_MESSAGE, text, len);
	channel_send(ch, &ch->out);
}

void events_drain(struct channel *ch)
{
	static char rec[KMSG_RECORD_MAX + 1];
	char text[KMSG_RECORD_MAX];
	const char *kind = NULL;
	size_t used = 0;
	int lines = 0;
	const char *msg;
	size_t len;

	if (from_module) {
		genl_events_drain(ch);
		return;
	}
	if (kmsg < 0)
		return;
	while ((msg = kmsg_next(kmsg, rec, sizeof(rec), &len))) {
		if (!kind) {
			kind = kind_of(msg);
			if (!kind)
				continue;
		} else if (kind_of(msg) && lines > 2) {
			/* a new splat: send the one collected so far */
			send_event(ch, kind, text, used);
			kind = kind_of(msg);
			used = 0;
			lines = 0;
		}
		if (lines++ < SPLAT_LINES && used + len + 1 < sizeof(text)) {
			memcpy(text + used, msg, len);
			used += len;
			text[used++] = '\n';
		}
	}
	if (kind)
		send_event(ch, kind, text, used);
}
