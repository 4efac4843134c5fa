/*
 * ops_exec.c - EXEC and jobs: run a command, feed its stdin, collect
 * stdout and stderr, reply when it has exited and both pipes are drained.
 * An EXEC replies to its own request; a job (JOB_START) replies at once
 * with its id and keeps its result for JOB_WAIT. Each serving thread owns
 * its children: they are watched through pidfds, not SIGCHLD.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "agent.h"

#define EXEC_MAX_ARGS		256
#define EXEC_MAX_OUTPUT		(32U << 20)	/* per stream; the rest is dropped */

/* A command's output: at most @max bytes kept, the rest counted. */
struct bytes {
	uint8_t *data;
	size_t len, cap, max;
	uint64_t dropped;
};

struct exec_child {
	struct exec_child *next;
	uint32_t id;		/* EXEC request, or 0 for a job */
	uint32_t job_id;	/* 0 for a plain EXEC */
	uint32_t waiter;	/* JOB_WAIT request waiting for it, 0 = none */
	uint64_t wait_deadline;	/* of that JOB_WAIT, 0 = none */
	pid_t pid;
	int pidfd;
	int in_fd, out_fd, err_fd;
	uint8_t *in_data;
	size_t in_len, in_off;
	struct bytes out, err;
	int exited, status;
	uint64_t deadline_ns;	/* EXEC timeout, 0 = none */
	int timed_out;
	int adopted;		/* left running by a call: reaped, never reported */
};

static __thread struct exec_child *children;
static __thread uint32_t next_job_id;

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void child_free(struct exec_child *c)
{
	close_fd(&c->in_fd);
	close_fd(&c->out_fd);
	close_fd(&c->err_fd);
	close_fd(&c->pidfd);
	free(c->in_data);
	free(c->out.data);
	free(c->err.data);
	free(c);
}

/* A forked worker starts with its parent's list: drop it, touching nothing. */
void exec_init(void)
{
	while (children) {
		struct exec_child *c = children;

		children = c->next;
		child_free(c);
	}
	next_job_id = 0;
}

static void bytes_add(struct bytes *b, const uint8_t *p, size_t n)
{
	size_t keep = b->len + n > b->max ? b->max - b->len : n;

	if (b->len + keep > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		uint8_t *d;

		while (cap < b->len + keep)
			cap *= 2;
		d = realloc(b->data, cap);
		if (d) {
			b->data = d;
			b->cap = cap;
		} else {
			keep = 0;	/* out of memory: dropped, and counted */
		}
	}
	if (keep)
		memcpy(b->data + b->len, p, keep);
	b->len += keep;
	b->dropped += n - keep;
}

static void spawn_failed(struct channel *ch, const struct proto_msg *m, int fds[3][2],
			 const char *what)
{
	int e = errno, i;

	for (i = 0; i < 3; i++) {
		if (fds[i][0] >= 0)
			close(fds[i][0]);
		if (fds[i][1] >= 0)
			close(fds[i][1]);
	}
	channel_reply_error(ch, m, e, "exec: %s: %s", what, strerror(e));
}

/* Fork and exec the request's ARGV; NULL (reply sent) on failure. */
static struct exec_child *spawn(struct channel *ch, const struct proto_msg *m)
{
	char *argv[EXEC_MAX_ARGS + 1];
	char *envp[] = { "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root",
			 "TERM=dumb", NULL };
	int fds[3][2] = { { -1, -1 }, { -1, -1 }, { -1, -1 } };
	struct exec_child *c = NULL;
	const uint8_t *v;
	uint32_t vlen;
	size_t pos = 0;
	int argc = 0, i;
	pid_t pid;

	while (argc < EXEC_MAX_ARGS && proto_next(m, PROTO_A_ARGV, &pos, &v, &vlen)) {
		argv[argc] = strndup((const char *)v, vlen);
		if (!argv[argc])
			break;
		argc++;
	}
	argv[argc] = NULL;
	if (!argc) {
		channel_reply_error(ch, m, EINVAL, "exec: no command");
		return NULL;
	}
	for (i = 0; i < 3; i++)
		if (pipe2(fds[i], O_CLOEXEC)) {
			spawn_failed(ch, m, fds, "pipe");
			goto out;
		}
	pid = fork();
	if (pid < 0) {
		spawn_failed(ch, m, fds, "fork");
		goto out;
	}
	if (pid == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		setsid();
		dup2(fds[0][0], 0);
		dup2(fds[1][1], 1);
		dup2(fds[2][1], 2);
		if (chdir("/"))
			_exit(127);
		/* argv tables like {"ls", "-l"} are looked up in PATH */
		environ = envp;
		execvp(argv[0], argv);
		fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[0][0]);
	close(fds[1][1]);
	close(fds[2][1]);
	c = calloc(1, sizeof(*c));
	if (!c) {
		kill(pid, SIGKILL);
		channel_reply_error(ch, m, ENOMEM, "exec: out of memory");
		close(fds[0][1]);
		close(fds[1][0]);
		close(fds[2][0]);
		goto out;
	}
	c->pid = pid;
	c->pidfd = syscall(SYS_pidfd_open, pid, 0);
	c->out.max = c->err.max = proto_has(m, PROTO_A_OUTPUT_MAX) &&
		proto_u32(m, PROTO_A_OUTPUT_MAX, 0) < EXEC_MAX_OUTPUT ?
		proto_u32(m, PROTO_A_OUTPUT_MAX, 0) : EXEC_MAX_OUTPUT;
	c->in_fd = fds[0][1];
	c->out_fd = fds[1][0];
	c->err_fd = fds[2][0];
	fcntl(c->in_fd, F_SETFL, O_NONBLOCK);
	if (proto_has(m, PROTO_A_STDIN) && m->attr_len[PROTO_A_STDIN]) {
		c->in_len = m->attr_len[PROTO_A_STDIN];
		c->in_data = malloc(c->in_len);
		if (c->in_data)
			memcpy(c->in_data, m->attr[PROTO_A_STDIN], c->in_len);
		else
			c->in_len = 0;
	}
	if (!c->in_len)
		close_fd(&c->in_fd);
	c->next = children;
	children = c;
out:
	for (i = 0; i < argc; i++)
		free(argv[i]);
	return c;
}

void exec_adopt(pid_t pid)
{
	struct exec_child *c = calloc(1, sizeof(*c));

	if (!c)
		return;		/* the loop's waitpid sweep still reaps it */
	c->pid = pid;
	c->pidfd = syscall(SYS_pidfd_open, pid, 0);
	c->in_fd = c->out_fd = c->err_fd = -1;
	c->adopted = 1;
	c->next = children;
	children = c;
}

void op_exec(struct channel *ch, const struct proto_msg *m)
{
	uint32_t timeout_ms = proto_u32(m, PROTO_A_TIMEOUT_MS, 0);
	struct exec_child *c = spawn(ch, m);

	if (!c)
		return;
	c->id = m->hdr.id;
	if (timeout_ms)
		c->deadline_ns = now_ns() + (uint64_t)timeout_ms * 1000000;
}

void op_job_start(struct channel *ch, const struct proto_msg *m)
{
	struct exec_child *c = spawn(ch, m);

	if (!c)
		return;
	c->job_id = ++next_job_id;
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	proto_put_u32(&ch->out, PROTO_A_JOB_ID, c->job_id);
	proto_put_u32(&ch->out, PROTO_A_PID, (uint32_t)c->pid);
	channel_send(ch, &ch->out);
}

static struct exec_child *find_job(uint32_t job_id)
{
	struct exec_child *c;

	for (c = children; c; c = c->next)
		if (c->job_id && c->job_id == job_id)
			return c;
	return NULL;
}

static void reply_result(struct channel *ch, struct exec_child *c, unsigned int type,
			 uint32_t id)
{
	struct proto_buf *b = &ch->out;

	proto_begin(b, type, id, 0);
	if (WIFSIGNALED(c->status)) {
		proto_put_u32(b, PROTO_A_EXIT_CODE, 128 + WTERMSIG(c->status));
		proto_put_u32(b, PROTO_A_SIGNAL, WTERMSIG(c->status));
	} else {
		proto_put_u32(b, PROTO_A_EXIT_CODE, WEXITSTATUS(c->status));
	}
	if (c->timed_out)
		proto_put_u32(b, PROTO_A_TIMED_OUT, 1);
	proto_put(b, PROTO_A_STDOUT, c->out.data, c->out.len);
	proto_put(b, PROTO_A_STDERR, c->err.data, c->err.len);
	if (c->out.dropped)
		proto_put_u64(b, PROTO_A_STDOUT_DROPPED, c->out.dropped);
	if (c->err.dropped)
		proto_put_u64(b, PROTO_A_STDERR_DROPPED, c->err.dropped);
	channel_send(ch, b);
}

/* Reply for, and forget, every child that is done and has someone to tell. */
static void finish_ready(struct channel *ch)
{
	struct exec_child **pp = &children;
	uint64_t now = now_ns();

	while (*pp) {
		struct exec_child *c = *pp;
		int done = c->exited && c->out_fd < 0 && c->err_fd < 0;

		if (done && c->adopted) {
			/* nobody to tell */
		} else if (done && !c->job_id) {
			reply_result(ch, c, PROTO_MSG_EXEC, c->id);
		} else if (done && c->waiter) {
			reply_result(ch, c, PROTO_MSG_JOB_WAIT, c->waiter);
		} else {
			if (c->waiter && c->wait_deadline && now >= c->wait_deadline) {
				proto_begin(&ch->out, PROTO_MSG_JOB_WAIT, c->waiter, 0);
				proto_put_u32(&ch->out, PROTO_A_TIMED_OUT, 1);
				channel_send(ch, &ch->out);
				c->waiter = 0;
				c->wait_deadline = 0;
			}
			pp = &c->next;
			continue;
		}
		*pp = c->next;
		child_free(c);
	}
}

void op_job_wait(struct channel *ch, const struct proto_msg *m)
{
	uint32_t timeout_ms = proto_u32(m, PROTO_A_TIMEOUT_MS, 0);
	struct exec_child *c = find_job(proto_u32(m, PROTO_A_JOB_ID, 0));

	if (!c) {
		channel_reply_error(ch, m, ESRCH, "job_wait: no job %u (already waited for?)",
				    proto_u32(m, PROTO_A_JOB_ID, 0));
		return;
	}
	if (c->waiter) {
		channel_reply_error(ch, m, EBUSY, "job_wait: job %u is already waited for",
				    c->job_id);
		return;
	}
	c->waiter = m->hdr.id;
	c->wait_deadline = timeout_ms ? now_ns() + (uint64_t)timeout_ms * 1000000 : 0;
	finish_ready(ch);
}

void op_job_kill(struct channel *ch, const struct proto_msg *m)
{
	struct exec_child *c = find_job(proto_u32(m, PROTO_A_JOB_ID, 0));
	int sig = (int)proto_u32(m, PROTO_A_SIGNAL, SIGKILL);

	if (!c) {
		channel_reply_error(ch, m, ESRCH, "job_kill: no job %u",
				    proto_u32(m, PROTO_A_JOB_ID, 0));
		return;
	}
	/* the whole session: a shell's children go too */
	if (!c->exited && kill(-c->pid, sig) && kill(c->pid, sig)) {
		channel_reply_error(ch, m, errno, "job_kill: %s", strerror(errno));
		return;
	}
	proto_begin(&ch->out, m->hdr.type, m->hdr.id, 0);
	channel_send(ch, &ch->out);
}

int exec_poll_fds(struct pollfd *pfd, int max)
{
	struct exec_child *c;
	int n = 0;

	for (c = children; c; c = c->next) {
		if (c->in_fd >= 0 && n < max)
			pfd[n++] = (struct pollfd){ c->in_fd, POLLOUT, 0 };
		if (c->out_fd >= 0 && n < max)
			pfd[n++] = (struct pollfd){ c->out_fd, POLLIN, 0 };
		if (c->err_fd >= 0 && n < max)
			pfd[n++] = (struct pollfd){ c->err_fd, POLLIN, 0 };
		if (c->pidfd >= 0 && !c->exited && n < max)
			pfd[n++] = (struct pollfd){ c->pidfd, POLLIN, 0 };
	}
	return n;
}

static void drain(int *fd, struct bytes *b)
{
	uint8_t buf[65536];
	ssize_t n = read(*fd, buf, sizeof(buf));

	if (n > 0)
		bytes_add(b, buf, n);
	else if (n == 0 || errno != EINTR)
		close_fd(fd);
}

static void feed(struct exec_child *c)
{
	ssize_t n = write(c->in_fd, c->in_data + c->in_off, c->in_len - c->in_off);

	if (n > 0)
		c->in_off += n;
	if ((n < 0 && errno != EAGAIN && errno != EINTR) || c->in_off == c->in_len)
		close_fd(&c->in_fd);
}

/* Record @pid's exit if it is one of this thread's children; 1 if it was. */
int exec_exited(pid_t pid, int status)
{
	struct exec_child *c;

	for (c = children; c; c = c->next) {
		if (c->pid == pid) {
			c->exited = 1;
			c->status = status;
			close_fd(&c->in_fd);
			close_fd(&c->pidfd);
			return 1;
		}
	}
	return 0;
}

void exec_handle(struct channel *ch, const struct pollfd *pfd, int n)
{
	struct exec_child *c;
	int i, status;

	for (i = 0; i < n; i++) {
		if (!pfd[i].revents)
			continue;
		for (c = children; c; c = c->next) {
			if (pfd[i].fd == c->in_fd)
				feed(c);
			else if (pfd[i].fd == c->out_fd)
				drain(&c->out_fd, &c->out);
			else if (pfd[i].fd == c->err_fd)
				drain(&c->err_fd, &c->err);
			else if (pfd[i].fd == c->pidfd &&
				 waitpid(c->pid, &status, WNOHANG | __WALL | __WNOTHREAD) == c->pid)
				exec_exited(c->pid, status);
			else
				continue;
			break;
		}
	}
	finish_ready(ch);
}

/*
 * Reap every child of this thread that has exited: commands, processes
 * calls left behind (any exit signal), worker processes, and for PID 1 the
 * orphans it inherits. Nothing stays a zombie until someone asks.
 */
void exec_reap(struct channel *ch)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | __WALL | __WNOTHREAD)) > 0)
		if (!exec_exited(pid, status) && !in_worker)
			workers_reaped(ch, pid, status);
	finish_ready(ch);
}

int exec_next_deadline_ms(void)
{
	uint64_t now = now_ns(), best = 0;
	struct exec_child *c;

	for (c = children; c; c = c->next) {
		if (c->deadline_ns && !c->exited && (!best || c->deadline_ns < best))
			best = c->deadline_ns;
		if (c->wait_deadline && (!best || c->wait_deadline < best))
			best = c->wait_deadline;
	}
	if (!best)
		return -1;
	return best <= now ? 0 : (int)((best - now) / 1000000 + 1);
}

void exec_check_deadlines(struct channel *ch)
{
	uint64_t now = now_ns();
	struct exec_child *c;

	for (c = children; c; c = c->next) {
		if (c->deadline_ns && !c->exited && now >= c->deadline_ns) {
			kill(-c->pid, SIGKILL);
			kill(c->pid, SIGKILL);
			c->timed_out = 1;
			c->deadline_ns = 0;
		}
	}
	finish_ready(ch);
}

/*
 * Kill and reap every child this thread still owns (a worker going away):
 * nothing it started may outlive it, not even as a zombie.
 */
void exec_kill_all(void)
{
	struct exec_child *c;

	for (c = children; c; c = c->next)
		if (!c->exited) {
			kill(-c->pid, SIGKILL);
			kill(c->pid, SIGKILL);
			while (waitpid(c->pid, NULL, __WALL | __WNOTHREAD) < 0 && errno == EINTR)
				;
			c->exited = 1;
		}
}
