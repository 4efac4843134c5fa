/*
 * ops_exec.c - EXEC: run a command, feed its stdin, collect stdout and
 * stderr, reply when it has exited and both pipes are drained. Several
 * commands may run at once; each is owned by its request until the reply.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "agent.h"

#define EXEC_MAX_ARGS		256
#define EXEC_MAX_OUTPUT		(32U << 20)	/* per stream; the rest is dropped */

struct bytes {
	uint8_t *data;
	size_t len, cap;
};

struct exec_child {
	struct exec_child *next;
	uint32_t id;
	pid_t pid;
	int in_fd, out_fd, err_fd;
	uint8_t *in_data;
	size_t in_len, in_off;
	struct bytes out, err;
	int exited, status;
	uint64_t deadline_ns;	/* 0 = none */
	int timed_out;
};

static struct exec_child *children;

void exec_init(void)
{
	children = NULL;
}

static void bytes_add(struct bytes *b, const uint8_t *p, size_t n)
{
	if (b->len + n > EXEC_MAX_OUTPUT)
		n = EXEC_MAX_OUTPUT - b->len;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		uint8_t *d;

		while (cap < b->len + n)
			cap *= 2;
		d = realloc(b->data, cap);
		if (!d)
			return;
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

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
	free(c->in_data);
	free(c->out.data);
	free(c->err.data);
	free(c);
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

void op_exec(struct channel *ch, const struct proto_msg *m)
{
	char *argv[EXEC_MAX_ARGS + 1];
	char *envp[] = { "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root",
			 "TERM=dumb", NULL };
	int fds[3][2] = { { -1, -1 }, { -1, -1 }, { -1, -1 } };
	uint32_t timeout_ms = proto_u32(m, PROTO_A_TIMEOUT_MS, 0);
	struct exec_child *c;
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
		return;
	}
	c = calloc(1, sizeof(*c));
	for (i = 0; i < 3 && c; i++)
		if (pipe2(fds[i], O_CLOEXEC)) {
			spawn_failed(ch, m, fds, "pipe");
			free(c);
			c = NULL;
		}
	if (!c)
		goto out;

	pid = fork();
	if (pid < 0) {
		spawn_failed(ch, m, fds, "fork");
		free(c);
		goto out;
	}
	if (pid == 0) {
		sigset_t all;

		sigemptyset(&all);
		sigprocmask(SIG_SETMASK, &all, NULL);
		setsid();
		dup2(fds[0][0], 0);
		dup2(fds[1][1], 1);
		dup2(fds[2][1], 2);
		if (chdir("/"))
			_exit(127);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	close(fds[0][0]);
	close(fds[1][1]);
	close(fds[2][1]);
	c->id = m->hdr.id;
	c->pid = pid;
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
	if (timeout_ms)
		c->deadline_ns = now_ns() + (uint64_t)timeout_ms * 1000000;
	c->next = children;
	children = c;
out:
	for (i = 0; i < argc; i++)
		free(argv[i]);
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

static void reply_done(struct channel *ch, struct exec_child *c)
{
	struct proto_buf *b = &ch->out;

	proto_begin(b, PROTO_MSG_EXEC, c->id, 0);
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
	channel_send(ch, b);
}

/* Reply for, and forget, every child that has exited with drained pipes. */
static void finish_ready(struct channel *ch)
{
	struct exec_child **pp = &children;

	while (*pp) {
		struct exec_child *c = *pp;

		if (c->exited && c->out_fd < 0 && c->err_fd < 0) {
			*pp = c->next;
			reply_done(ch, c);
			child_free(c);
			continue;
		}
		pp = &c->next;
	}
}

void exec_handle(struct channel *ch, const struct pollfd *pfd, int n)
{
	struct exec_child *c;
	int i;

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
			else
				continue;
			break;
		}
	}
	finish_ready(ch);
}

/* Collect every exited child; ours get their status, others are just reaped. */
void exec_reap(struct channel *ch)
{
	struct exec_child *c;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (c = children; c; c = c->next) {
			if (c->pid == pid) {
				c->exited = 1;
				c->status = status;
				close_fd(&c->in_fd);
				break;
			}
		}
	}
	finish_ready(ch);
}

int exec_next_deadline_ms(void)
{
	uint64_t now = now_ns(), best = 0;
	struct exec_child *c;

	for (c = children; c; c = c->next)
		if (c->deadline_ns && !c->exited && (!best || c->deadline_ns < best))
			best = c->deadline_ns;
	if (!best)
		return -1;
	return best <= now ? 0 : (int)((best - now) / 1000000 + 1);
}

void exec_check_deadlines(void)
{
	uint64_t now = now_ns();
	struct exec_child *c;

	for (c = children; c; c = c->next) {
		if (c->deadline_ns && !c->exited && now >= c->deadline_ns) {
			kill(-c->pid, SIGKILL);
			c->timed_out = 1;
			c->deadline_ns = 0;
		}
	}
}
