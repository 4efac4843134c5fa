/*
 * kselftest.c - "provium kselftest": an installed kselftest tree run in
 * fresh guests that share the host's root (rootfs = "host"), one guest per
 * collection, -p of them at once, each in a child process that sends its
 * results up a pipe as they come; the results are merged into one report
 * (human, KTAP, JSON, JUnit). "--build" makes such a tree (ksft_build.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "kselftest.h"
#include "ksft.h"
#include "ksft_report.h"
#include "rootfs.h"
#include "util.h"

#define MAX_JOBS	64
#define MAX_SELECT	256

struct opts {
	const char *profile;
	int jobs;
	int tap, json;
	const char *junit;
	double factor;		/* 0: by accelerator */
	int no_error_on_fail;
	int fail_fast;
	const char *dir;
	const char *sel[MAX_SELECT];
	size_t nsel;
};

/* A collection's child and what it sent so far. */
struct child {
	pid_t pid;
	int fd;			/* its pipe, -1 once closed */
	char *buf;		/* a line not yet complete */
	size_t len;
	int ended;		/* it sent "end" */
	uint64_t start_ns;
	const struct ksft_pick *pick;
	struct ksft_col_run *col;
};

static volatile sig_atomic_t stop_requested, stop_count, child_stop, child_fail_fast;

static void on_stop(int sig)
{
	stop_requested = sig;
	stop_count++;
}

/* SIGTERM: Ctrl-C in the parent; SIGUSR1: --fail-fast, a test failed elsewhere */
static void on_child_stop(int sig)
{
	if (sig == SIGUSR1) {
		child_fail_fast = 1;
		return;
	}
	child_stop = 1;
	provium_interrupted = sig;
}

static void usage(FILE *f)
{
	fputs("usage: provium kselftest [options] INSTALL_DIR [collection[:test] ...]\n"
	      "       provium kselftest --build SRC_TREE TARGET...\n"
	      "Run an installed kselftest tree in fresh guests that share the host's root\n"
	      "(rootfs = \"host\"), one guest per collection.\n"
	      "  --profile NAME       the provium.toml profile to boot (default: $PROVIUM_PROFILE\n"
	      "                       or 'default')\n"
	      "  -p, --jobs N         run N collections at once (default 1)\n"
	      "  --timeout-factor F   multiply the settings' timeouts by F (default 1 with KVM,\n"
	      "                       4 with TCG)\n"
	      "  --tap                one KTAP document on stdout instead of text\n"
	      "  --json               one JSON document on stdout instead of text\n"
	      "  --junit FILE         also write JUnit XML to FILE\n"
	      "  -f, --no-error-on-fail  exit 0 even when tests failed\n"
	      "  --fail-fast          stop at the first failing test\n"
	      "  --build SRC TARGETS  build and install TARGETS from the kernel tree (or source\n"
	      "                       tarball) SRC into the cache; print the install directory\n"
	      "exit status: 0 all passed, 1 failures, 2 usage or environment error\n", f);
}

/* "--opt=value" or "--opt value" (-p4 too) */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *bad)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=' && name[1] == '-')
		return a + n + 1;
	if (a[n])
		return name[1] == '-' ? NULL : a + n;
	if (*i + 1 >= argc) {
		fprintf(stderr, "provium kselftest: %s needs a value\n", name);
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
	int i, bad = 0, dashdash = 0;

	memset(o, 0, sizeof(*o));
	o->jobs = 1;
	o->profile = getenv("PROVIUM_PROFILE") && *getenv("PROVIUM_PROFILE") ?
		     getenv("PROVIUM_PROFILE") : "default";
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v;
		char *end;

		if (dashdash || a[0] != '-' || !a[1]) {
			if (!o->dir)
				o->dir = a;
			else if (o->nsel < MAX_SELECT)
				o->sel[o->nsel++] = a;
			else {
				fprintf(stderr, "provium kselftest: at most %d selections\n",
					MAX_SELECT);
				return -1;
			}
		} else if (!strcmp(a, "--")) {
			dashdash = 1;
		} else if ((v = opt_value(argc, argv, &i, "--profile", &bad))) {
			o->profile = v;
		} else if ((v = opt_value(argc, argv, &i, "-p", &bad)) ||
			   (v = opt_value(argc, argv, &i, "--jobs", &bad))) {
			o->jobs = (int)strtol(v, &end, 10);
			if (!*v || *end || o->jobs < 1 || o->jobs > MAX_JOBS) {
				fprintf(stderr, "provium kselftest: -p %s: want 1..%d\n", v, MAX_JOBS);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--timeout-factor", &bad))) {
			o->factor = strtod(v, &end);
			if (!*v || *end || !(o->factor > 0) || o->factor > 1000) {
				fprintf(stderr, "provium kselftest: --timeout-factor %s: want a number "
					"above 0 (at most 1000)\n", v);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--junit", &bad))) {
			o->junit = v;
		} else if (bad) {
			return -1;
		} else if (!strcmp(a, "--tap")) {
			o->tap = 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--no-error-on-fail")) {
			o->no_error_on_fail = 1;
		} else if (!strcmp(a, "--fail-fast")) {
			o->fail_fast = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return 1;
		} else {
			fprintf(stderr, "provium kselftest: unknown option %s\n", a);
			return -1;
		}
	}
	if (bad)
		return -1;
	if (o->tap && o->json) {
		fputs("provium kselftest: --tap and --json both write to stdout: choose one\n", stderr);
		return -1;
	}
	if (!o->dir) {
		fputs("provium kselftest: no install directory given\n", stderr);
		return -1;
	}
	return 0;
}

/* ---- the child: one collection in one guest ---- */

struct child_out {
	FILE *f;
	int failed;
};

static void send_result(const struct ksft_result *r, void *arg)
{
	struct child_out *out = arg;

	ksft_result_encode(out->f, r);
	fflush(out->f);
	out->failed |= ksft_status_failed(r->status);
}

static void send_line(FILE *f, const char *kind, const char *text)
{
	char *esc = ksft_escape(text);

	fprintf(f, "%s\t%s\n", kind, esc);
	fflush(f);
	free(esc);
}

static void run_child(int fd, const struct vm_config *cfg, const struct ksft_tree *t,
		      const struct ksft_pick *p, const struct opts *o, double factor)
{
	struct child_out out = { fdopen(fd, "w"), 0 };
	struct ksft_result *res = xcalloc(p->ntests ? p->ntests : 1, sizeof(*res));
	struct ksft_run_opts ro = { 0 };
	char guest_dir[PATH_MAX];
	struct client c = { 0 };
	struct vm vm;
	struct error e;
	size_t i;

	signal(SIGINT, SIG_IGN);	/* the parent forwards Ctrl-C as SIGTERM */
	signal(SIGTERM, on_child_stop);
	signal(SIGUSR1, on_child_stop);	/* --fail-fast elsewhere: start nothing new */
	if (!out.f)
		_exit(3);
	c.vm = &vm;
	c.timeout_ms = VM_DEFAULT_CALL_TIMEOUT_MS;
	if (vm_boot(&vm, cfg, &e)) {
		send_line(out.f, "error", e.msg);
		_exit(0);
	}
	if (ksft_guest_dir(&c, t->dir, guest_dir, sizeof(guest_dir), &e)) {
		send_line(out.f, "error", e.msg);
		vm_kill(&vm);
		_exit(0);
	}
	ro.factor = factor;
	ro.guest_dir = guest_dir;
	ro.fail_fast = o->fail_fast;
	ro.stop = &child_stop;
	ro.failed_elsewhere = &child_fail_fast;
	ro.on_result = send_result;
	ro.arg = &out;
	ksft_run_pick(&c, t, p, &ro, res, &e);
	if (out.failed || vm.dead)
		send_line(out.f, "console", vm_keep_console(&vm));
	/* a throw-away guest: its state (an overlay in RAM) is not worth a clean power-off */
	vm_kill(&vm);
	vm_free_events(&vm);
	client_free(&c);
	for (i = 0; i < p->ntests; i++)
		ksft_result_free(&res[i]);
	free(res);
	fputs("end\n", out.f);
	fclose(out.f);
	_exit(0);
}

static int start_child(struct child *ch, const struct vm_config *cfg, const struct ksft_tree *t,
		       const struct opts *o, double factor)
{
	int fds[2];
	pid_t parent = getpid();

	if (pipe2(fds, O_CLOEXEC))
		return -1;
	fflush(NULL);
	ch->pid = fork();
	if (ch->pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (ch->pid == 0) {
		/* no child outlives a runner killed with -9; its QEMU goes with it */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		close(fds[0]);
		run_child(fds[1], cfg, t, ch->pick, o, factor);
	}
	close(fds[1]);
	ch->fd = fds[0];
	ch->start_ns = mono_ns();
	ch->col->ran = 1;
	return 0;
}

/* ---- the parent: merge what the children send ---- */

static void add_result(struct ksft_col_run *c, struct ksft_result *r)
{
	c->results = xrealloc(c->results, (c->n + 1) * sizeof(*c->results));
	c->results[c->n++] = *r;
}

/* One complete line from a child. */
static void child_line(struct child *ch, char *line, int *any_failed)
{
	struct ksft_result r;
	char *tab = strchr(line, '\t');

	if (!strcmp(line, "end")) {
		ch->ended = 1;
	} else if (!strncmp(line, "result\t", 7) && ksft_result_decode(line, &r) == 0) {
		*any_failed |= ksft_status_failed(r.status);
		add_result(ch->col, &r);
	} else if (tab && (!strncmp(line, "error\t", 6) || !strncmp(line, "console\t", 8))) {
		char **dst = line[0] == 'e' ? &ch->col->error : &ch->col->console;

		ksft_unescape(tab + 1);
		free(*dst);
		*dst = xstrdup(tab + 1);
	}
}

/* Read what is there; 1 once the pipe closed. */
static int child_read(struct child *ch, int *any_failed)
{
	char chunk[65536], *nl;
	ssize_t n = read(ch->fd, chunk, sizeof(chunk));

	if (n < 0 && errno == EINTR)
		return 0;
	if (n > 0) {
		ch->buf = xrealloc(ch->buf, ch->len + n + 1);
		memcpy(ch->buf + ch->len, chunk, n);
		ch->len += n;
		ch->buf[ch->len] = '\0';
		while ((nl = memchr(ch->buf, '\n', ch->len))) {
			size_t used = nl - ch->buf + 1;

			*nl = '\0';
			child_line(ch, ch->buf, any_failed);
			memmove(ch->buf, ch->buf + used, ch->len - used);
			ch->len -= used;
		}
		return 0;
	}
	close(ch->fd);
	ch->fd = -1;
	return 1;
}

/* The tests of @ch's collection that have no result yet, as not run for @why. */
static void fill_not_run(struct child *ch, const char *why)
{
	struct ksft_col_run *c = ch->col;
	size_t i;

	for (i = c->n; i < ch->pick->ntests; i++) {
		struct ksft_result r = { 0 };

		r.collection = xstrdup(c->name);
		r.test = xstrdup(ch->pick->tests[i]);
		r.status = KSFT_NOTRUN;
		r.exit_code = -1;
		r.timeout_s = 0;
		r.reason = xasprintf("not run: %s", why);
		r.output = xstrdup("");
		r.splats = xstrdup("");
		r.tap = ktap_parse("", 0);
		add_result(c, &r);
	}
}

/* The child is gone: reap it, name what went wrong, fill in what never ran. */
static void child_done(struct child *ch)
{
	struct ksft_col_run *c = ch->col;
	int status = 0;

	while (ch->pid > 0 && waitpid(ch->pid, &status, 0) < 0 && errno == EINTR)
		;
	c->secs = (mono_ns() - ch->start_ns) / 1e9;
	if (!ch->ended && !c->error)
		c->error = WIFSIGNALED(status) ?
			   xasprintf("its runner was killed by signal %d (%s)", WTERMSIG(status),
				     strsignal(WTERMSIG(status))) :
			   xasprintf("its runner exited before finishing (status %d)",
				     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	fill_not_run(ch, c->error);
	free(ch->buf);
	ch->buf = NULL;
	ch->pid = 0;
}

static void signal_children(struct child *ch, size_t n, int sig)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ch[i].pid > 0)
			kill(ch[i].pid, sig);
}

static void free_run(struct ksft_run *r)
{
	size_t i, j;

	for (i = 0; i < r->ncols; i++) {
		for (j = 0; j < r->cols[i].n; j++)
			ksft_result_free(&r->cols[i].results[j]);
		free(r->cols[i].results);
		free(r->cols[i].name);
		free(r->cols[i].error);
		free(r->cols[i].console);
	}
	free(r->cols);
}

static int run(const struct opts *o)
{
	struct ksft_tree t;
	struct ksft_pick *picks;
	struct ksft_run r = { 0 };
	struct ksft_totals tot;
	struct vm_config cfg;
	struct child *ch;
	struct error e;
	char why[256], logdir[PATH_MAX];
	FILE *junit = NULL, *out = o->tap || o->json ? stderr : stdout;
	size_t npicks, next = 0, running = 0, i, ntests = 0;
	int any_failed = 0, number = 0, rc, sent_term = 0, sent_kill = 0;
	uint64_t t0 = mono_ns();

	if (ksft_tree_load(o->dir, &t, &e)) {
		fprintf(stderr, "provium kselftest: %s\n", e.msg);
		return 2;
	}
	if (ksft_select(&t, o->sel, o->nsel, &picks, &npicks, &e)) {
		fprintf(stderr, "provium kselftest: %s\n", e.msg);
		ksft_tree_free(&t);
		return 2;
	}
	if (config_profile(o->profile, NULL, &cfg, &e)) {
		fprintf(stderr, "provium kselftest: %s\n", e.msg);
		ksft_picks_free(picks, npicks);
		ksft_tree_free(&t);
		return 2;
	}
	cfg.accel = accel_choose(&cfg, why, sizeof(why));
	snprintf(cfg.rootfs, sizeof(cfg.rootfs), "%s", ROOTFS_HOST);
	r.dir = t.dir;
	r.accel = cfg.accel;
	r.factor = o->factor > 0 ? o->factor : strcmp(cfg.accel, "tcg") ? 1 : KSFT_TCG_FACTOR;
	r.ncols = npicks;
	r.cols = xcalloc(npicks, sizeof(*r.cols));
	ch = xcalloc(npicks, sizeof(*ch));
	for (i = 0; i < npicks; i++) {
		r.cols[i].name = xstrdup(picks[i].col->name);
		ch[i].pick = &picks[i];
		ch[i].col = &r.cols[i];
		ch[i].fd = -1;
		ntests += picks[i].ntests;
	}
	if (o->junit && !(junit = fopen(o->junit, "w"))) {
		fprintf(stderr, "provium kselftest: --junit %s: %s\n", o->junit, strerror(errno));
		rc = 2;
		goto out;
	}
	snprintf(logdir, sizeof(logdir), "%s/provium-kselftest-XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(logdir)) {
		fprintf(stderr, "provium kselftest: cannot create a log directory: %s\n",
			strerror(errno));
		rc = 2;
		goto out;
	}
	setenv("PROVIUM_LOG_DIR", logdir, 1);	/* consoles of failed guests go there */
	fprintf(out, "kselftest: %s: %zu collection%s, %zu test%s; timeouts: settings x%g (%s%s)"
		"; -p %d\n", t.dir, npicks, npicks == 1 ? "" : "s", ntests, ntests == 1 ? "" : "s",
		r.factor, cfg.accel, o->factor > 0 ? ", --timeout-factor" : "", o->jobs);
	fflush(out);
	if (o->tap)
		ksft_report_ktap_begin(stdout, &r);
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	for (;;) {
		struct pollfd pfd[MAX_JOBS];
		size_t map[MAX_JOBS];
		int np = 0, k;

		if (stop_requested && !sent_term) {
			signal_children(ch, npicks, SIGTERM);
			sent_term = 1;
		}
		if (stop_count > 1 && !sent_kill) {
			signal_children(ch, npicks, SIGKILL);
			sent_kill = 1;
		}
		while (running < (size_t)o->jobs && next < npicks && !stop_requested &&
		       !(o->fail_fast && any_failed)) {
			if (start_child(&ch[next], &cfg, &t, o, r.factor)) {
				r.cols[next].ran = 1;
				r.cols[next].error = xasprintf("cannot start a process: %s",
							       strerror(errno));
				ch[next].pid = 0;
				child_done(&ch[next]);
				number++;
				if (o->tap)
					ksft_report_ktap_collection(stdout, &r.cols[next], number,
								    NULL);
				else if (!o->json)
					ksft_report_human(stdout, &r.cols[next]);
			} else {
				running++;
			}
			next++;
		}
		if (!running)
			break;
		for (i = 0; i < npicks && np < MAX_JOBS; i++) {
			if (ch[i].fd < 0)
				continue;
			pfd[np] = (struct pollfd){ ch[i].fd, POLLIN, 0 };
			map[np++] = i;
		}
		/* the timeout only closes the window of a signal arriving before poll */
		if (poll(pfd, np, 500) <= 0)
			continue;
		for (k = 0; k < np; k++) {
			struct child *c = &ch[map[k]];
			int was_failed = any_failed;

			if (!pfd[k].revents)
				continue;
			if (!child_read(c, &any_failed)) {
				if (o->fail_fast && any_failed && !was_failed)
					signal_children(ch, npicks, SIGUSR1);
				continue;
			}
			child_done(c);
			running--;
			number++;
			if (o->tap)
				ksft_report_ktap_collection(stdout, c->col, number, NULL);
			else if (!o->json)
				ksft_report_human(stdout, c->col);
		}
	}
	r.secs = (mono_ns() - t0) / 1e9;
	r.not_run = stop_requested ? "interrupted" : "--fail-fast";
	for (i = 0; i < npicks; i++) {
		if (r.cols[i].ran)
			continue;
		fill_not_run(&ch[i], r.not_run);
		number++;
		if (o->tap)
			ksft_report_ktap_collection(stdout, &r.cols[i], number, r.not_run);
		else if (!o->json)
			ksft_report_human(stdout, &r.cols[i]);
	}
	ksft_run_totals(&r, &tot);
	if (junit) {
		ksft_report_junit(junit, &r);
		if (fclose(junit))
			fprintf(stderr, "provium kselftest: writing %s: %s\n", o->junit,
				strerror(errno));
		junit = NULL;
	}
	if (o->json)
		ksft_report_json(stdout, &r);
	else if (o->tap)
		ksft_report_ktap_end(stdout, &r);
	if (tot.fail + tot.xpass + tot.error || getenv("PROVIUM_KEEP_LOGS"))
		fprintf(out, "logs: %s\n", logdir);
	else
		rm_rf(logdir);
	fflush(stdout);
	ksft_report_summary(out, &r);
	if (stop_requested)
		rc = 130;
	else
		rc = tot.fail + tot.xpass + tot.error && !o->no_error_on_fail ? 1 : 0;
out:
	if (junit)
		fclose(junit);
	free(ch);
	free_run(&r);
	ksft_picks_free(picks, npicks);
	ksft_tree_free(&t);
	return rc;
}

int kselftest_main(int argc, char **argv)
{
	struct opts o;
	int rc;

	if (argc > 0 && !strcmp(argv[0], "--build"))
		return ksft_build(argc - 1, argv + 1);
	rc = parse_opts(argc, argv, &o);
	if (rc) {
		if (rc > 0)
			usage(stdout);
		else
			fputs("run 'provium kselftest -h' for the options\n", stderr);
		return rc > 0 ? 0 : 2;
	}
	return run(&o);
}
