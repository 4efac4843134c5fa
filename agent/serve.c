/*
 * serve.c - the request loop: one per channel. The agent runs it on the
 * host's port; every worker runs it on its own socket to the agent.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "agent.h"

#define MAX_POLL 512

/* Returns 1 when the loop should end (SHUTDOWN). */
int dispatch_request(struct channel *ch, const struct proto_msg *m)
{
	switch (m->hdr.type) {
	case PROTO_MSG_PING:
		proto_begin(&ch->out, PROTO_MSG_PING, m->hdr.id, 0);
		channel_send(ch, &ch->out);
		return 0;
	case PROTO_MSG_EXEC:
		op_exec(ch, m);
		return 0;
	case PROTO_MSG_CALL:
		op_call(ch, m);
		return 0;
	case PROTO_MSG_WRITE_FILE:
	case PROTO_MSG_READ_FILE:
	case PROTO_MSG_INSMOD:
		/* a FIFO without a reader or a stuck driver must not hang the agent */
		call_timed_out = 0;	/* not left over from an earlier request */
		arm_timeout(proto_u32(m, PROTO_A_TIMEOUT_MS, 0) ?: AGENT_TIMEOUT_MS);
		if (m->hdr.type == PROTO_MSG_WRITE_FILE)
			op_write_file(ch, m);
		else if (m->hdr.type == PROTO_MSG_READ_FILE)
			op_read_file(ch, m);
		else
			op_insmod(ch, m);
		arm_timeout(0);
		return 0;
	case PROTO_MSG_JOB_START:
		op_job_start(ch, m);
		return 0;
	case PROTO_MSG_JOB_WAIT:
		op_job_wait(ch, m);
		return 0;
	case PROTO_MSG_JOB_KILL:
		op_job_kill(ch, m);
		return 0;
	case PROTO_MSG_SPAWN:
	case PROTO_MSG_WORKER_KILL:
	case PROTO_MSG_SHUTDOWN:
	case PROTO_MSG_TRACE:
	case PROTO_MSG_RESUME:
		if (in_worker)
			break;
		if (m->hdr.type == PROTO_MSG_TRACE) {
			op_trace(ch, m);
			return 0;
		}
		if (m->hdr.type == PROTO_MSG_RESUME) {
			op_resume(ch, m);
			return 0;
		}
		if (m->hdr.type == PROTO_MSG_SPAWN) {
			op_spawn(ch, m);
			return 0;
		}
		if (m->hdr.type == PROTO_MSG_WORKER_KILL) {
			op_worker_kill(ch, m);
			return 0;
		}
		proto_begin(&ch->out, PROTO_MSG_SHUTDOWN, m->hdr.id, 0);
		channel_send(ch, &ch->out);
		return 1;
	}
	channel_reply_error(ch, m, ENOSYS, "the %s does not serve %s requests",
			    in_worker ? "worker" : "agent", proto_msg_name(m->hdr.type));
	return 0;
}

/*
 * @sigfd: SIGCHLD, which wakes PID 1 to reap orphans and worker processes;
 * @eventfd: the kernel log watched for splats. Both -1 in workers. Every
 * turn reaps whatever child has exited, woken or not: a test may have
 * unblocked SIGCHLD for a moment, and a worker has no signalfd at all.
 */
void serve(struct channel *ch, int sigfd, int eventfd)
{
	struct pollfd pfd[MAX_POLL];
	struct proto_msg m;
	char err[256];

	for (;;) {
		int n = 3, nexec, nwork, rc;

		pfd[0] = (struct pollfd){ ch->fd, POLLIN, 0 };
		pfd[1] = (struct pollfd){ sigfd, POLLIN, 0 };
		pfd[2] = (struct pollfd){ eventfd, POLLIN, 0 };
		nexec = exec_poll_fds(pfd + n, MAX_POLL - n);
		n += nexec;
		nwork = in_worker ? 0 : workers_poll_fds(pfd + n, MAX_POLL - n);
		n += nwork;
		if (poll(pfd, n, exec_next_deadline_ms()) < 0 && errno != EINTR)
			return;
		/* splats first: they may stem from a request answered earlier */
		if (eventfd >= 0 && pfd[2].revents)
			events_drain(ch);
		exec_check_deadlines(ch);
		if (sigfd >= 0 && pfd[1].revents) {
			struct signalfd_siginfo si;

			while (read(sigfd, &si, sizeof(si)) == sizeof(si))
				;
		}
		exec_handle(ch, pfd + 3, nexec);
		exec_reap(ch);
		if (nwork)
			workers_handle(ch, pfd + 3 + nexec, nwork);
		if (!(pfd[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)))
			continue;
		if (channel_fill(ch))
			return;
		while ((rc = channel_next(ch, &m, err, sizeof(err))) == 1) {
			if (!in_worker && workers_forward(ch, &m)) {
				channel_consume(ch, &m);
				continue;
			}
			if (dispatch_request(ch, &m))
				return;
			channel_consume(ch, &m);
			/* a worker whose agent hung up stops before its next request */
			if (in_worker && ch->broken)
				return;
		}
		if (rc < 0) {
			agent_log("malformed frame: %s", err);
			return;
		}
	}
}
