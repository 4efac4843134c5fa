/*
 * agent.h - the guest agent: one static binary that sets the guest up (as
 * PID 1) and serves the host's requests over the virtio-serial channel.
 */
#ifndef PROVIUM_AGENT_H
#define PROVIUM_AGENT_H

#include <stddef.h>
#include <stdint.h>
#include <poll.h>
#include <sys/types.h>

#include "../proto/proto.h"

struct provium_call;

/* channel.c: framing over the port (or a worker's socket) */
struct channel {
	int fd;
	int is_socket;		/* send with MSG_NOSIGNAL */
	int broken;		/* a send failed: the peer is gone */
	uint8_t *in;		/* bytes received, not yet consumed */
	size_t in_len, in_cap;
	struct proto_buf out;	/* the reply being built */
	uint8_t *q;		/* queued frames, not yet sent (non-blocking fds) */
	size_t q_off, q_len, q_cap;
};

int channel_open(struct channel *ch, int fd);
void channel_close(struct channel *ch);
/* Read what is available; 0 = ok, -1 = channel closed or failed. */
int channel_fill(struct channel *ch);
/* Next complete frame, if any: 1 = got one, 0 = need more, -1 = malformed. */
int channel_next(struct channel *ch, struct proto_msg *m, char *err, size_t errlen);
void channel_consume(struct channel *ch, const struct proto_msg *m);
int channel_send(struct channel *ch, struct proto_buf *b);
void channel_reply_error(struct channel *ch, const struct proto_msg *req,
			 int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * For a non-blocking fd: queue @len bytes and send what the peer takes now;
 * channel_flush sends more when it is writable. -1 = the peer is gone.
 */
int channel_queue(struct channel *ch, const void *data, size_t len);
int channel_flush(struct channel *ch);
static inline int channel_queued(const struct channel *ch)
{
	return ch->q_len > ch->q_off;
}

/* guest.c: PID 1 duties and discovery */
void guest_mount_basics(void);
void guest_load_modules(char *module_err, size_t errlen);
int guest_finit_module(int fd, const char *path, const char *params);
void guest_agent_param(const char *key, char *out, size_t outlen);
int guest_switch_root(const char *dev, const char *fstype);
int guest_find_port(const char *name, int timeout_ms);
void guest_power_off(void);

/* rootfs.c: provium_agent.rootfs=host switches to the host's root */
int rootfs_setup(void);

/* module_info.c: provium.ko capabilities through its generic netlink family */
int module_query_info(uint32_t *dispatch, char *err, size_t errlen);

/* ops_*.c: one function per request, decode -> act -> reply */
void op_exec(struct channel *ch, const struct proto_msg *m);
void op_call(struct channel *ch, const struct proto_msg *m);
void op_write_file(struct channel *ch, const struct proto_msg *m);
void op_read_file(struct channel *ch, const struct proto_msg *m);
void op_insmod(struct channel *ch, const struct proto_msg *m);
void file_init(void);		/* a forked worker forgets its parent's open stream */
void file_fini(void);		/* a thread worker closes its own */
void op_job_start(struct channel *ch, const struct proto_msg *m);
void op_job_wait(struct channel *ch, const struct proto_msg *m);
void op_job_kill(struct channel *ch, const struct proto_msg *m);
/* ops_resume.c: a restored guest takes the host's clock and fresh entropy */
void op_resume(struct channel *ch, const struct proto_msg *m);

/* ops_call.c: per serving thread */
void call_init(void);
void call_fini(void);
/*
 * A request that blocks the serving thread (CALL, files, INSMOD) without a
 * TIMEOUT_MS (or with 0) gets this one: the host always sends one, and
 * nothing may stop the agent answering for good.
 */
#define AGENT_TIMEOUT_MS	60000
/* this thread's request timer: AGENT_SIGNAL interrupts a blocked syscall */
void arm_timeout(uint32_t ms);
int call_module_available(void);

/* signals.c: what the agent needs of signals, put back after each test's change */
#define AGENT_SIGNAL		63	/* SIGRTMAX - 1: call timers, stopping threads */
#define AGENT_TIMER_COOKIE	0x70726f76	/* sigev_value of every call timer */
void signals_assert(void);
void signals_after_call(uint64_t nr);
void signals_for_child(void);

/* serve.c: the request loop, shared by the agent and its workers */
void serve(struct channel *ch, int sigfd, int eventfd);
int dispatch_request(struct channel *ch, const struct proto_msg *m);

/* trace.c: TRACE (vm:set_trace), and a call's errno origin and graph */
void op_trace(struct channel *ch, const struct proto_msg *m);
void trace_before_call(const struct provium_call *c);
void trace_after_call(struct proto_buf *out, int provium_fd, const struct provium_call *c);
void trace_fini(void);
/* this thread's /dev/provium, or -1 */
int call_module_fd(void);

/* genl_events.c: provium.ko's reports, per serving thread */
int genl_events_open(void);		/* subscribe; its fd, or -1 */
void genl_events_close(void);
int genl_events_fd(void);
void genl_events_drain(struct channel *ch);	/* forward every report waiting */
/* after a call: forward (main thread) and keep that call's reports... */
void genl_events_after_call(struct channel *ch, const struct provium_call *c);
/* ...which go into its reply as SPLAT frames */
void genl_events_put_splats(struct proto_buf *out);

/* kmsg.c: the next record's text from a non-blocking /dev/kmsg fd */
const char *kmsg_next(int fd, char *rec, size_t cap, size_t *len);

/* events.c: kernel splats reported to the host as they happen */
int events_open(void);
void events_drain(struct channel *ch);

/* workers.c: forked or threaded copies of the serving loop */
void op_spawn(struct channel *ch, const struct proto_msg *m);
void op_worker_kill(struct channel *ch, const struct proto_msg *m);
int workers_forward(struct channel *ch, const struct proto_msg *m);
int workers_poll_fds(struct pollfd *pfd, int max);
void workers_handle(struct channel *ch, const struct pollfd *pfd, int n);
void workers_reaped(struct channel *ch, pid_t pid, int status);
void workers_close_all(void);
extern __thread int in_worker;

/* exec children are tracked until they exit and their pipes drain */
void exec_init(void);
int exec_poll_fds(struct pollfd *pfd, int max);	/* add pipe fds */
void exec_handle(struct channel *ch, const struct pollfd *pfd, int n);
/* reap every exited child of this thread (PID 1: orphans too, workers) */
void exec_reap(struct channel *ch);
int exec_exited(pid_t pid, int status);
/* a process a call left running (a successful execve): reaped when it exits */
void exec_adopt(pid_t pid);
int exec_next_deadline_ms(void);		/* -1 = none */
void exec_check_deadlines(struct channel *ch);
void exec_kill_all(void);

/* the user-space executor, also used when the module refuses a call */
void user_execute(struct provium_call *c);
/* 0, or ETIMEDOUT: the child outlived @timeout_ms (0 = none) and was killed */
int user_execute_in_child(struct provium_call *c, uint32_t timeout_ms);

uint64_t now_ns(void);
/* kmsg record text of the largest size the kernel formats (CONSOLE_EXT_LOG_MAX) */
#define KMSG_RECORD_MAX	8192
#include <signal.h>
extern __thread volatile sig_atomic_t call_timed_out;	/* set by the call timer */
void agent_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
