/*
 * workers.c - SPAWN: a copy of the serving loop in a forked process or in
 * a thread (its own credentials in the kernel, the agent's fd table). The
 * agent forwards every request carrying WORKER to that worker's socket and
 * every frame coming back to the host. Forwarding never blocks the agent:
 * what a busy worker does not read yet waits in that worker's queue. The
 * agent keeps the id of every request a worker has not answered; if the
 * worker dies they all fail at once, with how it died.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

__thread int in_worker;

struct pending {
	uint32_t id;
	uint16_t type;
};

struct worker {
	struct worker *next;
	uint32_t id;
	pid_t pid;		/* process worker, or 0 */
	int is_thread;
	pthread_t thread;
	int thread_sock;	/* the thread's end, closed when it is joined */
	struct channel link;	/* our end: frames both ways, sends queued */
	struct pending *pending;	/* forwarded, not answered yet, in order */
	size_t npending, pending_cap;
};

static struct worker *workers;
static uint32_t next_worker_id;

/* why recent workers went away, for requests that arrive after that */
#define GONE_KEPT 16
static struct {
	uint32_t id;
	char why[160];
} gone[GONE_KEPT];
static unsigned int ngone;

static struct worker *find(uint32_t id)
{
	struct worker *w;

	for (w = workers; w; w = w->next)
		if (w->id == id)
			return w;
	return NULL;
}

static const char *gone_reason(uint32_t id)
{
	unsigned int i;

	for (i = 0; i < GONE_KEPT && i < ngone; i++)
		if (gone[i].id == id)
			return gone[i].why;
	return NULL;
}

static void *thread_main(void *arg)
{
	struct worker *w = arg;
	struct channel ch;

	in_worker = 1;
	signals_assert();	/* this thread's mask: AGENT_SIGNAL open */
	if (channel_open(&ch, w->thread_sock) == 0) {
		call_init();
		serve(&ch, -1, -1);
		exec_kill_all();
		call_fini();
		file_fini();
		/* the agent sees it hang up, joins the thread and closes the fd */
		shutdown(ch.fd, SHUT_RDWR);
		ch.fd = -1;
		channel_close(&ch);
	}
	return NULL;
}

static void process_main(struct channel *host, int sock)
{
	struct channel ch;
	struct worker *w;

	in_worker = 1;
	close(host->fd);
	for (w = workers; w; w = w->next) {
		close(w->link.fd);
		if (w->is_thread)
			close(w->thread_sock);
	}
	exec_init();		/* the parent's children are not ours */
	file_init();
	call_init();
	if (channel_open(&ch, sock))
		_exit(1);
	serve(&ch, -1, -1);
	exec_kill_all();
	_exit(0);
}

void op_spawn(struct channel *ch, const struct proto_msg *m)
{
	int thread = proto_u32(m, PROTO_A_THREAD, 0) != 0;
	struct worker *w = calloc(1, sizeof(*w));
	int sv[2];

	if (!w || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
		channel_reply_error(ch, m, errno ? errno : ENOMEM, "spawn: %s", strerror(errno));
		free(w);
		return;
	}
	w->id = ++next_worker_id;
	w->is_thread = thread;
	if (thread) {
		w->thread_sock = sv[1];
		if ((errno = pthread_create(&w->thread, NULL, thread_main, w))) {
			channel_reply_error(ch, m, errno, "spawn: thread: %s", strerror(errno));
			close(sv[0]);
			close(sv[1]);
			free(w);
			return;
		}
	} else {
		w->pid = fork();
		if (w->pid < 0) {
			channel_reply_error(ch, m, errno, "spawn: fork: %s", strerror(errno));
			close(sv[0]);
			close(sv[1]);
			free(w);
			return;
		}
		if (w->pid == 0) {
			close(sv[0]);
			process_main(ch, sv[1]);
		}
		close(sv[1]);
	}
	/* our end never blocks: a worker that does not read gets a queue */
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	channel_open(&w->link, sv[0]);
	w->next = workers;
	workers = w;
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	proto_put_u32(&ch->out, PROTO_A_WORKER_ID, w->id);
	proto_put_u32(&ch->out, PROTO_A_PID, (uint32_t)(thread ? 0 : w->pid));
	channel_send(ch, &ch->out);
}

static int pending_add(struct worker *w, const struct proto_msg *m)
{
	if (w->npending == w->pending_cap) {
		size_t cap = w->pending_cap ? 2 * w->pending_cap : 64;
		struct pending *p = realloc(w->pending, cap * sizeof(*p));

		if (!p)
			return -1;
		w->pending = p;
		w->pending_cap = cap;
	}
	w->pending[w->npending].id = m->hdr.id;
	w->pending[w->npending].type = m->hdr.type;
	w->npending++;
	return 0;
}

/* The worker answered @id: it is no longer outstanding. */
static void pending_done(struct worker *w, uint32_t id)
{
	size_t i;

	for (i = 0; i < w->npending; i++)
		if (w->pending[i].id == id) {
			memmove(w->pending + i, w->pending + i + 1,
				(w->npending - i - 1) * sizeof(*w->pending));
			w->npending--;
			return;
		}
}

/* Every request still outstanding fails, in the order it was sent. */
static void pending_fail(struct channel *ch, struct worker *w, const char *why)
{
	size_t i;

	for (i = 0; i < w->npending; i++) {
		proto_begin(&ch->out, w->pending[i].type, w->pending[i].id, PROTO_F_ERROR);
		proto_put_u32(&ch->out, PROTO_A_ERRNO, EPIPE);
		proto_put_str(&ch->out, PROTO_A_MESSAGE, why);
		channel_send(ch, &ch->out);
	}
	w->npending = 0;
}

static void describe_status(char *out, size_t len, uint32_t id, pid_t pid, int status)
{
	if (WIFSIGNALED(status))
		snprintf(out, len, "worker %u (pid %d) died: killed by signal %d (%s)",
			 id, pid, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(out, len, "worker %u (pid %d) died: exited with status %d",
			 id, pid, WEXITSTATUS(status));
}

/*
 * Wait for a process worker that is going away: it sees its socket closed
 * and kills its own jobs; one that does not exit within 2 s is killed.
 * Returns its wait status.
 */
static int wait_process(pid_t pid)
{
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	struct pollfd p = { pidfd, POLLIN, 0 };
	uint64_t end = now_ns() + 2000000000ull;
	int status = 0, rc = -1;

	while (pidfd >= 0) {
		uint64_t now = now_ns();

		rc = poll(&p, 1, now < end ? (int)((end - now) / 1000000) : 0);
		if (rc >= 0 || errno != EINTR)
			break;
	}
	if (rc <= 0)
		kill(pid, SIGKILL);
	if (pidfd >= 0)
		close(pidfd);
	while (waitpid(pid, &status, __WALL) < 0 && errno == EINTR)
		;
	return status;
}

/* Stop a thread worker: interrupt what it is blocked in until it returns. */
static void stop_thread(struct worker *w)
{
	int tries;

	for (tries = 0; tries < 50; tries++) {
		struct timespec limit;

		pthread_kill(w->thread, AGENT_SIGNAL);
		clock_gettime(CLOCK_REALTIME, &limit);
		limit.tv_nsec += 100 * 1000000;
		if (limit.tv_nsec >= 1000000000) {
			limit.tv_sec++;
			limit.tv_nsec -= 1000000000;
		}
		if (pthread_timedjoin_np(w->thread, NULL, &limit) == 0) {
			close(w->thread_sock);
			return;
		}
	}
	agent_log("worker thread %u did not stop", w->id);
}

/*
 * Stop a worker and free it; its outstanding requests fail with @why, or
 * with how its process died. @status: its wait status if already reaped,
 * else -1.
 */
static void reap(struct channel *ch, struct worker *w, const char *why, int status)
{
	struct worker **pp;
	char died[160];

	shutdown(w->link.fd, SHUT_RDWR);
	if (w->is_thread) {
		stop_thread(w);
	} else if (w->pid > 0) {
		if (status < 0)
			status = wait_process(w->pid);
		/* unless the agent stopped it, how it ended is the reason */
		if (!why) {
			describe_status(died, sizeof(died), w->id, w->pid, status);
			why = died;
		}
	}
	if (!why)
		why = "the worker stopped serving";
	pending_fail(ch, w, why);
	gone[ngone % GONE_KEPT].id = w->id;
	snprintf(gone[ngone % GONE_KEPT].why, sizeof(gone[0].why), "%s", why);
	ngone++;
	channel_close(&w->link);
	free(w->pending);
	for (pp = &workers; *pp; pp = &(*pp)->next)
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	free(w);
}

/* Forward a request for a worker; 1 if it was one (answered either way). */
int workers_forward(struct channel *ch, const struct proto_msg *m)
{
	uint32_t id;
	struct worker *w;
	const char *why;

	if (!proto_has(m, PROTO_A_WORKER))
		return 0;
	id = proto_u32(m, PROTO_A_WORKER, 0);
	w = find(id);
	if (!w) {
		why = gone_reason(id);
		if (why)
			channel_reply_error(ch, m, EPIPE, "%s", why);
		else
			channel_reply_error(ch, m, ESRCH, "no worker %u", id);
		return 1;
	}
	if (pending_add(w, m)) {
		channel_reply_error(ch, m, ENOMEM, "worker %u: out of memory", w->id);
		return 1;
	}
	/* a worker that is gone is noticed by the loop: its socket hangs up */
	channel_queue(&w->link, m->payload - PROTO_HDR_LEN, PROTO_HDR_LEN + m->hdr.len);
	return 1;
}

int workers_poll_fds(struct pollfd *pfd, int max)
{
	struct worker *w;
	int n = 0;

	for (w = workers; w && n < max; w = w->next)
		pfd[n++] = (struct pollfd){ w->link.fd,
			POLLIN | (channel_queued(&w->link) ? POLLOUT : 0), 0 };
	return n;
}

/*
 * Frames from a worker go to the host as they are: 1 if some arrived, 0 if
 * none were waiting, -1 if it is gone.
 */
static int relay(struct channel *ch, struct worker *w, char *err, size_t errlen)
{
	size_t had = w->link.in_len;
	struct proto_msg m;
	int rc;

	if (channel_fill(&w->link))
		return -1;
	if (w->link.in_len == had)
		return 0;
	while ((rc = channel_next(&w->link, &m, err, errlen)) == 1) {
		size_t len = PROTO_HDR_LEN + m.hdr.len, off = 0;

		pending_done(w, m.hdr.id);
		while (off < len) {
			ssize_t k = write(ch->fd, w->link.in + off, len - off);

			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				break;
			off += k;
		}
		channel_consume(&w->link, &m);
	}
	return rc < 0 ? -1 : 1;
}

void workers_handle(struct channel *ch, const struct pollfd *pfd, int n)
{
	char err[256];
	int i;

	for (i = 0; i < n; i++) {
		struct worker *w;

		if (!pfd[i].revents)
			continue;
		for (w = workers; w && w->link.fd != pfd[i].fd; w = w->next)
			;
		if (!w)
			continue;
		err[0] = '\0';
		/* read first: replies sent before it went away still count */
		if ((pfd[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    relay(ch, w, err, sizeof(err)) < 0) {
			char why[320];

			snprintf(why, sizeof(why), "worker %u sent a malformed frame: %s",
				 w->id, err);
			reap(ch, w, err[0] ? why : NULL, -1);
			continue;
		}
		if ((pfd[i].revents & POLLOUT) && channel_flush(&w->link))
			reap(ch, w, NULL, -1);
	}
}

void workers_reaped(struct channel *ch, pid_t pid, int status)
{
	struct worker *w;

	for (w = workers; w; w = w->next)
		if (!w->is_thread && w->pid == pid) {
			char err[256] = "";

			/* what it wrote before it died is still in its socket */
			while (relay(ch, w, err, sizeof(err)) > 0)
				;
			reap(ch, w, NULL, status);
			return;
		}
}

void op_worker_kill(struct channel *ch, const struct proto_msg *m)
{
	struct worker *w = find(proto_u32(m, PROTO_A_WORKER_ID, 0));
	char why[64];

	if (!w) {
		channel_reply_error(ch, m, ESRCH, "no worker %u",
				    proto_u32(m, PROTO_A_WORKER_ID, 0));
		return;
	}
	snprintf(why, sizeof(why), "worker %u was killed (worker:kill)", w->id);
	reap(ch, w, why, -1);
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	channel_send(ch, &ch->out);
}

void workers_close_all(void)
{
	while (workers) {
		struct channel none = { .fd = -1 };

		workers->npending = 0;
		reap(&none, workers, "shutting down", -1);
	}
}
