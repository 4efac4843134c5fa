/*
 * test_child.c - one child process per test file: its own Lua state and
 * VMs, stdout and stderr to a log file, VM run directories below the log
 * directory, per-test events through a pipe, and a socket to the run's
 * resource pool that each VM boot asks (pool.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lprovium.h"
#include "lstate.h"
#include "pool.h"
#include "test_child.h"
#include "util.h"

/* A child's events: at most this long a line, and this much in all. */
#define TEST_LINE_MAX		(256u << 10)
#define TEST_EVENTS_MAX		(16u << 20)

/* In the child: run one file, events to @fd. */
static void run_child(struct test_file *t, int fd, const struct test_opts *o)
{
	char err[16384];
	lua_State *L;
	FILE *ev;
	int rc;

	provium_set_event_fd(fd);
	if (o->timeout_s)
		alarm(o->timeout_s);	/* default SIGALRM ends the file; the parent reports */
	L = lstate_new();
	if (!L)
		_exit(2);
	lstate_catch_signals(L);
	rc = lstate_run_file(L, t->path, 0, NULL, err, sizeof(err));
	ev = fdopen(fd, "w");
	if (!ev)
		_exit(2);
	if (rc) {
		char *p;

		for (p = err; *p; p++)
			if (*p == '\n')
				*p = '\v';	/* one event per line */
		fprintf(ev, "error\t%s\n", err);
	}
	fflush(ev);
	/* run the framework's end-of-file hook: close VMs, then exit */
	lstate_close(L);
	fprintf(ev, "end\n");
	fclose(ev);
	_exit(rc ? 1 : 0);
}

/* "tests/e2e/basics.lua" -> "basics.lua", anything odd replaced */
static void log_name(char *out, size_t len, const char *dir, int idx, const char *path,
		     const char *suffix)
{
	const char *base = strrchr(path, '/');
	char clean[64];
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; base[i] && i + 1 < sizeof(clean); i++)
		clean[i] = (base[i] == '.' || base[i] == '-' || base[i] == '_' ||
			    (base[i] >= '0' && base[i] <= '9') ||
			    ((base[i] | 0x20) >= 'a' && (base[i] | 0x20) <= 'z')) ? base[i] : '_';
	clean[i] = '\0';
	snprintf(out, len, "%s/%03d-%s%s", dir, idx + 1, clean, suffix);
}

/* Bytes kept of each file's output log: PROVIUM_LOG_MAX, or 8 MiB. */
static uint64_t log_max(void)
{
	const char *env = getenv("PROVIUM_LOG_MAX");
	unsigned long long n = env ? strtoull(env, NULL, 10) : 0;

	return n ? n : 8ull << 20;
}

int test_child_start(struct test_file *t, const struct test_opts *o, const char *logdir)
{
	char buf[PATH_MAX];
	pid_t parent;
	int p[2], sv[2], out[2];

	t->outfd = -1;
	log_name(buf, sizeof(buf), logdir, t->idx, t->path, ".log");
	t->log = xstrdup(buf);
	log_name(buf, sizeof(buf), logdir, t->idx, t->path, ".tmp");
	t->tmpdir = xstrdup(buf);
	mkdir(t->tmpdir, 0700);
	/* the child's stdout and stderr come through a pipe into a bounded log */
	if (logcap_open(&t->outlog, t->log, log_max()))
		return -1;
	if (pipe2(p, O_CLOEXEC)) {
		logcap_close(&t->outlog);
		return -1;
	}
	/* one message per packet; the child blocks on its end, the runner polls its own */
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv)) {
		close(p[0]);
		close(p[1]);
		logcap_close(&t->outlog);
		return -1;
	}
	if (pipe2(out, O_CLOEXEC)) {
		close(p[0]);
		close(p[1]);
		close(sv[0]);
		close(sv[1]);
		logcap_close(&t->outlog);
		return -1;
	}
	fflush(NULL);
	t->start_ns = mono_ns();
	parent = getpid();
	t->pid = fork();
	if (t->pid < 0) {
		close(p[0]);
		close(p[1]);
		close(sv[0]);
		close(sv[1]);
		close(out[0]);
		close(out[1]);
		logcap_close(&t->outlog);
		return -1;
	}
	if (t->pid == 0) {
		/*
		 * Die with the runner, even by kill -9: this child's QEMUs die
		 * with it in turn (their own PR_SET_PDEATHSIG), so nothing is
		 * left running.
		 */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(p[0]);
		close(sv[0]);
		close(out[0]);
		pool_set_fd(sv[1]);
		dup2(out[1], 1);
		dup2(out[1], 2);
		setenv("PROVIUM_LOG_DIR", logdir, 1);
		/* VM run directories (consoles) land next to the log; a VM
		 * that was not shut down (timeout, crash) leaves its console */
		setenv("TMPDIR", t->tmpdir, 1);
		run_child(t, p[1], o);
	}
	close(p[1]);
	close(sv[1]);
	close(out[1]);
	t->events = p[0];
	t->outfd = out[0];
	t->pool_fd = sv[0];
	fcntl(t->pool_fd, F_SETFL, O_NONBLOCK);
	t->state = TEST_RUNNING;
	return 0;
}

int test_child_output(struct test_file *t)
{
	char chunk[65536];
	ssize_t n = read(t->outfd, chunk, sizeof(chunk));

	if (n > 0) {
		logcap_write(&t->outlog, chunk, (size_t)n);
		return 0;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	close(t->outfd);
	t->outfd = -1;
	return 1;
}

/* The child is gone: what it wrote last, then the log is complete. */
static void output_end(struct test_file *t)
{
	char chunk[65536];
	ssize_t n;

	if (t->outfd >= 0) {
		/* a process it left behind may hold the pipe: only what is there */
		fcntl(t->outfd, F_SETFL, O_NONBLOCK);
		while ((n = read(t->outfd, chunk, sizeof(chunk))) > 0 ||
		       (n < 0 && errno == EINTR))
			if (n > 0)
				logcap_write(&t->outlog, chunk, (size_t)n);
		close(t->outfd);
		t->outfd = -1;
	}
	logcap_close(&t->outlog);
}

/* Last @lines lines of a file, NULL if empty or unreadable. */
static char *tail_of(const char *path, int lines)
{
	size_t len, i, n;
	uint8_t *d = read_whole_file(path, &len);
	int seen = 0;
	char *s;

	if (!d || !len) {
		free(d);
		return NULL;
	}
	i = len;
	if (d[i - 1] == '\n')
		i--;
	while (i > 0) {
		if (d[i - 1] == '\n' && ++seen >= lines)
			break;
		i--;
	}
	/* a NUL (consoles have them) would cut the text short, or leave it empty */
	for (n = i; n < len; n++)
		if (!d[n])
			d[n] = ' ';
	s = xstrdup((char *)d + i);
	free(d);
	return s;
}

/* For a failed file: the tail of its output and of any console a VM left behind. */
static void collect_output(struct test_file *t)
{
	char *tail = t->log ? tail_of(t->log, 30) : NULL;
	char *pattern;
	glob_t g;
	size_t i;

	if (tail) {
		xappendf(&t->output, "--- output (%s) ---\n%s%s", t->log, tail,
		       tail[strlen(tail) - 1] == '\n' ? "" : "\n");
		free(tail);
	}
	if (!t->tmpdir)
		return;
	pattern = xasprintf("%s/*/console.log", t->tmpdir);
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			tail = tail_of(g.gl_pathv[i], 20);
			if (!tail)
				continue;
			xappendf(&t->output, "--- console tail (%s) ---\n%s%s", g.gl_pathv[i],
			       tail, tail[strlen(tail) - 1] == '\n' ? "" : "\n");
			free(tail);
		}
		globfree(&g);
	}
	free(pattern);
}

/*
 * Keep @n bytes of event text, bounded: a line longer than TEST_LINE_MAX
 * is cut with a count of what it lost, and once TEST_EVENTS_MAX bytes are
 * kept, further lines are only counted (test_results_parse fails the file).
 */
static void keep_events(struct test_file *t, const char *p, size_t n)
{
	size_t i;

	t->buf = xrealloc(t->buf, t->len + n + 1);
	for (i = 0; i < n; i++) {
		if (t->skip_line) {
			t->skip_line = p[i] != '\n';
		} else if (p[i] != '\n' && !t->line_len && !t->line_dropped &&
			   t->len >= TEST_EVENTS_MAX) {
			t->lines_dropped++;
			t->skip_line = 1;
		} else if (p[i] == '\n') {
			if (t->line_dropped) {
				char mark[96];
				int k = snprintf(mark, sizeof(mark), " [provium: %llu more bytes of "
						 "this line dropped]",
						 (unsigned long long)t->line_dropped);

				t->buf = xrealloc(t->buf, t->len + k + (n - i) + 1);
				memcpy(t->buf + t->len, mark, (size_t)k);
				t->len += (size_t)k;
			}
			t->buf[t->len++] = '\n';
			t->line_len = 0;
			t->line_dropped = 0;
		} else if (t->line_len >= TEST_LINE_MAX) {
			t->line_dropped++;
		} else {
			t->buf[t->len++] = p[i];
			t->line_len++;
		}
	}
	t->buf[t->len] = '\0';
}

int test_child_read(struct test_file *t)
{
	char chunk[65536];
	ssize_t n = read(t->events, chunk, sizeof(chunk));

	if (n > 0) {
		keep_events(t, chunk, (size_t)n);
		return 0;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	close(t->events);
	t->events = -1;
	while (waitpid(t->pid, &t->status, 0) < 0 && errno == EINTR)
		;
	t->end_ns = mono_ns();
	output_end(t);
	t->state = TEST_DONE;
	return 1;
}

void test_child_finish(struct test_file *t)
{
	if (t->failed)
		collect_output(t);
	/* a VM that shut down cleanly leaves an empty run directory */
	if (t->tmpdir)
		rmdir(t->tmpdir);
}
