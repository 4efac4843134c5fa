/*
 * ops_call.c - CALL: run a described system call through provium.ko, or
 * through the user-space executor when the module is absent, refuses the
 * call, or the host asks for it. Captures what the kernel logged meanwhile.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../kmod/provium_desc.h"
#include "agent.h"

#define CALL_LOG_MAX	16384	/* bytes of log lines in one reply */

/* per serving thread: workers have their own */
static __thread int provium_fd = -1;
static __thread int kmsg_fd = -1;	/* its own read position */
static __thread uint8_t *desc;		/* reused for every call: no per-call malloc */
static __thread size_t desc_cap;
static __thread timer_t call_timer;
static __thread int have_timer;

/* (Re)open this thread's devices; a forked worker must not share offsets. */
void call_init(void)
{
	struct sigevent sev = { .sigev_notify = SIGEV_THREAD_ID, .sigev_signo = AGENT_SIGNAL };

	if (provium_fd >= 0)
		close(provium_fd);
	if (kmsg_fd >= 0)
		close(kmsg_fd);
	provium_fd = open(PROVIUM_DEVICE, O_RDWR | O_CLOEXEC);
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	/* the timeout signal goes to the thread whose call it interrupts */
	sev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
	sev.sigev_value.sival_int = AGENT_TIMER_COOKIE;
	if (have_timer)
		timer_delete(call_timer);
	have_timer = timer_create(CLOCK_MONOTONIC, &sev, &call_timer) == 0;
	if (provium_fd >= 0)
		genl_events_open();
}

void call_fini(void)
{
	if (provium_fd >= 0)
		close(provium_fd);
	if (kmsg_fd >= 0)
		close(kmsg_fd);
	if (have_timer)
		timer_delete(call_timer);
	genl_events_close();
	trace_fini();
	free(desc);
	desc = NULL;
	desc_cap = 0;
	provium_fd = kmsg_fd = -1;
	have_timer = 0;
}

int call_module_available(void)
{
	return provium_fd >= 0;
}

int call_module_fd(void)
{
	return provium_fd;
}

/*
 * Append the text of every /dev/kmsg record since the last seek: the first
 * CALL_LOG_MAX bytes of lines, then how many more were dropped (a call
 * that floods the log reads the whole backlog, but sends a bounded reply).
 */
static void collect_log(struct proto_buf *b)
{
	static __thread char rec[KMSG_RECORD_MAX + 1];	/* thread workers log concurrently */
	char text[CALL_LOG_MAX + 64];
	size_t used = 0, len, dropped = 0;
	const char *msg;

	while ((msg = kmsg_next(kmsg_fd, rec, sizeof(rec), &len))) {
		if (dropped || used + len + 1 > CALL_LOG_MAX) {
			dropped++;
			continue;
		}
		memcpy(text + used, msg, len);
		used += len;
		text[used++] = '\n';
	}
	if (dropped)
		used += snprintf(text + used, sizeof(text) - used,
				 "[provium: %zu more lines dropped]\n", dropped);
	if (used)
		proto_put(b, PROTO_A_LOG, text, used);
}

/* Arm (ms > 0) or disarm (0) the call's timer; call_timed_out says if it fired. */
void arm_timeout(uint32_t ms)
{
	struct itimerspec it = { { 0, 0 }, { ms / 1000, (long)(ms % 1000) * 1000000 } };

	if (ms)
		call_timed_out = 0;
	if (have_timer)
		timer_settime(call_timer, 0, &it, NULL);
}

void op_call(struct channel *ch, const struct proto_msg *m)
{
	uint32_t executor = proto_u32(m, PROTO_A_EXECUTOR, 0);
	uint32_t timeout_ms = proto_u32(m, PROTO_A_TIMEOUT_MS, 0) ?: AGENT_TIMEOUT_MS;
	uint32_t len = m->attr_len[PROTO_A_DESC];
	const struct provium_buf *b;
	struct provium_call *c;
	int err;
	uint32_t i;

	if (!proto_has(m, PROTO_A_DESC) || len < sizeof(*c)) {
		channel_reply_error(ch, m, EINVAL, "CALL without a call description");
		return;
	}
	if (executor == PROVIUM_EXEC_MODULE && provium_fd < 0) {
		channel_reply_error(ch, m, ENODEV, "the module executor was requested "
				    "but provium.ko is not loaded");
		return;
	}
	if (desc_cap < len) {
		uint8_t *p = realloc(desc, len);

		if (!p) {
			channel_reply_error(ch, m, ENOMEM, "no memory for a %u-byte call", len);
			return;
		}
		desc = p;
		desc_cap = len;
	}
	memcpy(desc, m->attr[PROTO_A_DESC], len);
	c = (struct provium_call *)desc;
	if (c->size != len) {
		channel_reply_error(ch, m, EINVAL, "description size %u != attribute size %u",
				    c->size, len);
		return;
	}

	if (kmsg_fd >= 0)
		lseek(kmsg_fd, 0, SEEK_END);
	c->status = PROVIUM_STATUS_REFUSED;
	if (provium_fd >= 0 && executor != PROVIUM_EXEC_USER) {
		trace_before_call(c);
		if (timeout_ms)
			arm_timeout(timeout_ms);
		err = ioctl(provium_fd, PROVIUM_IOC_CALL, c) ? errno : 0;
		if (timeout_ms)
			arm_timeout(0);
		signals_after_call(c->nr);
		/*
		 * A caller that gave up CAP_SYS_ADMIN (a worker after setuid) may
		 * not use the module: the user-space executor serves it.
		 */
		if (err && !(err == EPERM && executor != PROVIUM_EXEC_MODULE)) {
			channel_reply_error(ch, m, err, "provium.ko rejected the call "
					    "description: %s", strerror(err));
			return;
		}
		if (err)
			c->status = PROVIUM_STATUS_REFUSED;
	}
	if (c->status == PROVIUM_STATUS_REFUSED) {
		err = -provium_desc_check(c);
		if (err) {
			channel_reply_error(ch, m, err, "invalid call description: %s",
					    strerror(err));
			return;
		}
		if (provium_call_needs_frame(c->nr)) {
			/* its own deadline: the child is killed, not interrupted */
			if (user_execute_in_child(c, timeout_ms) == ETIMEDOUT) {
				channel_reply_error(ch, m, ETIMEDOUT, "system call %llu ran in a "
						    "throw-away child (it needs its own process) "
						    "that was still running at the call's timeout "
						    "of %u ms: killed it and what it started",
						    (unsigned long long)c->nr, timeout_ms);
				return;
			}
		} else {
			if (timeout_ms)
				arm_timeout(timeout_ms);
			user_execute(c);
			if (timeout_ms)
				arm_timeout(0);
			signals_after_call(c->nr);
		}
	}

	/* the module sent the call's reports before the ioctl returned */
	genl_events_after_call(ch, c);
	proto_begin(&ch->out, PROTO_MSG_CALL, m->hdr.id, 0);
	proto_put(&ch->out, PROTO_A_RESULT, c, sizeof(*c));
	b = provium_desc_bufs(c);
	for (i = 0; i < c->nbufs; i++)
		if (b[i].flags & PROVIUM_BUF_OUT)
			proto_put(&ch->out, PROTO_A_OUTBUF, desc + b[i].offset, b[i].len);
	if (kmsg_fd >= 0)
		collect_log(&ch->out);
	if (timeout_ms && call_timed_out)
		proto_put_u32(&ch->out, PROTO_A_TIMED_OUT, 1);
	trace_after_call(&ch->out, provium_fd, c);
	genl_events_put_splats(&ch->out);
	channel_send(ch, &ch->out);
}
