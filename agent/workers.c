/*
 * workers.c - SPAWN: a copy of the serving loop in a forked process or in
 * a thread (its own credentials in the kernel, the agent's fd table). The
 * agent forwards every request carrying WORKER to that worker's socket and
 * every frame coming back to the host; if a worker dies with a request
 * outstanding, the agent answers it with an error.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

__thread int in_worker;

struct worker {
	struct worker *next;
	uint32_t id;
	pid_t pid;		/* process worker, or the thread's tid */
	int is_thread;
	pthread_t thread;
	int thread_sock;	/* the thread's end, closed when it is joined */
	struct channel link;	/* our end: frames coming back */
	uint32_t pending_id;	/* request forwarded, not yet answered */
	uint16_t pending_type;
};

static struct worker *workers;
static uint32_t next_worker_id;

static struct worker *find(uint32_t id)
{
	struct worker *w;

	for (w = workers; w; w = w->next)
		if (w->id == id)
			return w;
	return NULL;
}

static void *thread_main(void *arg)
{
	struct worker *w = arg;
	struct channel ch;
	sigset_t set;

	in_worker = 1;
	/* the thread gets SIGALRM (its call timer) and SIGUSR2 (stop) */
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	if (channel_open(&ch, w->thread_sock) == 0) {
		call_init();
		serve(&ch, -1, -1);
		exec_kill_all();
		call_fini();
		free(ch.in);
		proto_buf_free(&ch.out);
	}
	return NULL;
}

static void process_main(struct channel *host, int sock)
{
	struct channel ch;
	struct worker *w;

	in_worker = 1;
	close(host->fd);
	for (w = workers; w; w = w->next)
		close(w->link.fd);
	exec_init();		/* the parent's children are not ours */
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
	channel_open(&w->link, sv[0]);
	w->next = workers;
	workers = w;
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	proto_put_u32(&ch->out, PROTO_A_WORKER_ID, w->id);
	proto_put_u32(&ch->out, PROTO_A_PID, (uint32_t)(thread ? 0 : w->pid));
	channel_send(ch, &ch->out);
}

/* Forward a request for a worker; 1 if it was one (answered either way). */
int workers_forward(struct channel *ch, const struct proto_msg *m)
{
	struct worker *w;
	size_t off = 0, len = PROTO_HDR_LEN + m->hdr.len;
	const uint8_t *frame = m->payload - PROTO_HDR_LEN;

	if (!proto_has(m, PROTO_A_WORKER))
		return 0;
	w = find(proto_u32(m, PROTO_A_WORKER, 0));
	if (!w) {
		channel_reply_error(ch, m, ESRCH, "no worker %u (killed?)",
				    proto_u32(m, PROTO_A_WORKER, 0));
		return 1;
	}
	w->pending_id = m->hdr.id;
	w->pending_type = m->hdr.type;
	while (off < len) {
		ssize_t n = send(w->link.fd, frame + off, len - off, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			w->pending_id = 0;
			channel_reply_error(ch, m, EPIPE, "worker %u is gone", w->id);
			return 1;
		}
		off += n;
	}
	return 1;
}

int workers_poll_fds(struct pollfd *pfd, int max)
{
	struct worker *w;
	int n = 0;

	for (w = workers; w && n < max; w = w->next)
		pfd[n++] = (struct pollfd){ w->link.fd, POLLIN, 0 };
	return n;
}

/* Stop a worker and free it; an outstanding request gets an error. */
static void reap(struct channel *ch, struct worker *w, const char *why)
{
	struct worker **pp;

	if (w->pending_id) {
		proto_begin(&ch->out, w->pending_type, w->pending_id, PROTO_F_ERROR);
		proto_put_u32(&ch->out, PROTO_A_ERRNO, EPIPE);
		proto_put_str(&ch->out, PROTO_A_MESSAGE, why);
		channel_send(ch, &ch->out);
	}
	shutdown(w->link.fd, SHUT_RDWR);
	if (w->is_thread) {
		struct timespec limit;

		/* interrupt whatever it is blocked in; it then sees the socket closed */
		pthread_kill(w->thread, SIGUSR2);
		clock_gettime(CLOCK_REALTIME, &limit);
		limit.tv_sec += 5;
		if (pthread_timedjoin_np(w->thread, NULL, &limit) == 0)
			close(w->thread_sock);
		else
			agent_log("worker thread %u did not stop", w->id);
	} else if (w->pid > 0) {
		/* it sees its socket closed and kills its own jobs; force it after 2 s */
		int pidfd = (int)syscall(SYS_pidfd_open, w->pid, 0);
		struct pollfd p = { pidfd, POLLIN, 0 };

		if (pidfd < 0 || poll(&p, 1, 2000) <= 0)
			kill(w->pid, SIGKILL);
		if (pidfd >= 0)
			close(pidfd);
		waitpid(w->pid, NULL, 0);
	}
	close(w->link.fd);
	free(w->link.in);
	proto_buf_free(&w->link.out);
	for (pp = &workers; *pp; pp = &(*pp)->next)
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	free(w);
}

void workers_handle(struct channel *ch, const struct pollfd *pfd, int n)
{
	struct proto_msg m;
	char err[256];
	int i;

	for (i = 0; i < n; i++) {
		struct worker *w;
		int rc;

		if (!pfd[i].revents)
			continue;
		for (w = workers; w && w->link.fd != pfd[i].fd; w = w->next)
			;
		if (!w)
			continue;
		if (channel_fill(&w->link)) {
			reap(ch, w, "the worker exited or crashed");
			continue;
		}
		while ((rc = channel_next(&w->link, &m, err, sizeof(err))) == 1) {
			size_t len = PROTO_HDR_LEN + m.hdr.len, off = 0;

			if (m.hdr.id == w->pending_id)
				w->pending_id = 0;
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
		if (rc < 0)
			reap(ch, w, err);
	}
}

void workers_reaped(struct channel *ch, pid_t pid)
{
	struct worker *w;

	for (w = workers; w; w = w->next)
		if (!w->is_thread && w->pid == pid) {
			w->pid = 0;	/* already waited for */
			reap(ch, w, "the worker process died");
			return;
		}
}

void op_worker_kill(struct channel *ch, const struct proto_msg *m)
{
	struct worker *w = find(proto_u32(m, PROTO_A_WORKER_ID, 0));

	if (!w) {
		channel_reply_error(ch, m, ESRCH, "no worker %u",
				    proto_u32(m, PROTO_A_WORKER_ID, 0));
		return;
	}
	reap(ch, w, "the worker was killed");
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	channel_send(ch, &ch->out);
}

void workers_close_all(void)
{
	while (workers) {
		struct channel none = { .fd = -1 };

		workers->pending_id = 0;
		reap(&none, workers, "shutting down");
	}
}
