/*
 * runner.c - "provium run" and "provium test". A test run: parse the
 * options, select the files (test_select.c), start each in its own child
 * (test_child.c) as many at a time as -p allows, answer their VMs'
 * requests to the resource pool (pool.c), collect their events, turn them
 * into results (test_results.c) and report each file as it completes, then
 * the whole run (report.c).
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "config.h"
#include "lstate.h"
#include "pool.h"
#include "progress.h"
#include "report.h"
#include "runner.h"
#include "test_child.h"
#include "test_results.h"
#include "test_select.h"
#include "util.h"

#define MAX_JOBS 256

/* --profile NAME: provium.create() with no name, in this process and its children */
static int set_profile(const char *cmd, const char *name)
{
	if (!name[0] || strchr(name, '/')) {
		fprintf(stderr, "provium %s: --profile '%s': want a profile name\n", cmd, name);
		return -1;
	}
	setenv("PROVIUM_PROFILE", name, 1);
	return 0;
}

int runner_run_script(int argc, char **argv)
{
	char err[8192];
	lua_State *L;
	int rc = 0;

	while (argc >= 1 && (!strcmp(argv[0], "--profile") || !strncmp(argv[0], "--profile=", 10))) {
		int eq = argv[0][9] == '=';
		const char *name = eq ? argv[0] + 10 : argc > 1 ? argv[1] : NULL;

		if (!name || set_profile("run", name))
			goto usage;
		argc -= eq ? 1 : 2;
		argv += eq ? 1 : 2;
	}
	if (argc < 1) {
usage:
		fputs("usage: provium run [--profile NAME] <script.lua> [args]\n", stderr);
		return 2;
	}
	if (access(argv[0], R_OK)) {
		fprintf(stderr, "provium: cannot read %s: %s\n", argv[0], strerror(errno));
		return 2;
	}
	L = lstate_new();
	if (!L)
		return 2;
	lstate_catch_signals(L);
	if (lstate_run_file(L, argv[0], argc - 1, argv + 1, err, sizeof(err))) {
		fprintf(stderr, "provium: %s\n", err);
		rc = 1;
	}
	lstate_close(L);	/* closes every VM the script left running */
	return rc;
}

static volatile sig_atomic_t stop_requested, stop_count;

static void on_stop(int sig)
{
	stop_requested = sig;
	stop_count++;
}

/* "--opt=value" or "--opt value" */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *bad)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=' && name[1] == '-')
		return a + n + 1;
	if (a[n])
		return name[1] == '-' ? NULL : a + n;	/* -p4 */
	if (*i + 1 >= argc) {
		fprintf(stderr, "provium test: %s needs a value\n", name);
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

static int parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < INT_MIN || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_opts(int argc, char **argv, struct test_opts *o, char ***paths, int *npaths)
{
	int i, bad = 0;

	memset(o, 0, sizeof(*o));
	o->jobs = 0;	/* auto */
	*paths = xcalloc(argc + 1, sizeof(char *));
	*npaths = 0;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v;

		if ((v = opt_value(argc, argv, &i, "-p", &bad)) ||
		    (v = opt_value(argc, argv, &i, "--jobs", &bad))) {
			if (!strcmp(v, "auto"))
				o->jobs = 0;
			else if (parse_int(v, &o->jobs) || o->jobs < 1 || o->jobs > MAX_JOBS) {
				fprintf(stderr, "provium test: -p %s: want 1..%d or auto\n", v,
					MAX_JOBS);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "-f", &bad)) ||
			   (v = opt_value(argc, argv, &i, "--filter", &bad))) {
			if (o->nfilters == TEST_MAX_FILTERS) {
				fprintf(stderr, "provium test: at most %d -f patterns\n", TEST_MAX_FILTERS);
				return -1;
			}
			o->filters[o->nfilters++] = v;
		} else if ((v = opt_value(argc, argv, &i, "--timeout", &bad))) {
			if (parse_int(v, &o->timeout_s) || o->timeout_s < 1) {
				fprintf(stderr, "provium test: --timeout %s: want seconds >= 1\n", v);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--shard", &bad))) {
			char tail;

			if (sscanf(v, "%d/%d%c", &o->shard_k, &o->shard_n, &tail) != 2 ||
			    o->shard_n < 1 || o->shard_k < 1 || o->shard_k > o->shard_n) {
				fprintf(stderr, "provium test: --shard %s: want K/N with 1 <= K <= N\n",
					v);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--junit", &bad))) {
			o->junit = v;
		} else if ((v = opt_value(argc, argv, &i, "--profile", &bad))) {
			if (set_profile("test", v))
				return -1;
		} else if ((v = opt_value(argc, argv, &i, "--mem", &bad))) {
			if (pool_parse_mem(v) < 0) {
				fprintf(stderr, "provium test: --mem %s: want a size like 4096M or 8G "
					"(at least 64M)\n", v);
				return -1;
			}
			o->mem = v;
		} else if ((v = opt_value(argc, argv, &i, "--cpus", &bad))) {
			if (parse_int(v, &o->cpus) || o->cpus < 1 || o->cpus > 65536) {
				fprintf(stderr, "provium test: --cpus %s: want 1..65536\n", v);
				return -1;
			}
		} else if (bad) {
			return -1;
		} else if (!strcmp(a, "--cold")) {
			o->cold = 1;
		} else if (!strcmp(a, "--fail-fast")) {
			o->fail_fast = 1;
		} else if (!strcmp(a, "--rerun-failed")) {
			o->rerun_failed = 1;
		} else if (!strcmp(a, "--tap")) {
			o->tap = 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "--list")) {
			o->list = 1;
		} else if (!strcmp(a, "--no-progress")) {
			o->no_progress = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return 1;
		} else if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				(*paths)[(*npaths)++] = argv[i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "provium test: unknown option %s\n", a);
			return -1;
		} else {
			(*paths)[(*npaths)++] = argv[i];
		}
	}
	if (bad)
		return -1;
	if (o->tap && o->json) {
		fputs("provium test: --tap and --json both write to stdout: choose one\n", stderr);
		return -1;
	}
	if (!*npaths && !o->rerun_failed) {
		fputs("provium test: no paths given\n", stderr);
		return -1;
	}
	return 0;
}

static void test_usage(FILE *f)
{
	fputs("usage: provium test [options] <paths...>\n"
	      "  -p, --jobs N|auto  run N files at once (auto: half the CPUs, at least 2;\n"
	      "                     with --mem/--cpus, every file)\n"
	      "  -f, --filter PAT   only files whose name contains or glob-matches PAT (a PAT\n"
	      "                     with a /: the path); repeatable\n"
	      "  --cold             boot every VM; restore no snapshot (as PROVIUM_COLD=1)\n"
	      "  --fail-fast        start no new file after the first failing one\n"
	      "  --rerun-failed     run only the files that failed in the last complete run\n"
	      "  --timeout S        fail a file that runs longer than S seconds\n"
	      "  --shard K/N        run the K-th of N deterministic slices of the files\n"
	      "  --mem SIZE         memory all running VMs share (4G; default: MemAvailable\n"
	      "                     less 1.5G)\n"
	      "  --cpus N           vCPUs all running VMs share (default: not limited)\n"
	      "  --profile NAME     provium.create() with no name boots profile NAME; provium.nr\n"
	      "                     and provium.errno come from that kernel's headers\n"
	      "  --tap              TAP 13 (kselftest dialect) on stdout instead of text\n"
	      "  --json             one JSON document on stdout instead of text\n"
	      "  --junit FILE       also write JUnit XML to FILE\n"
	      "  --list             print the files that would run (after -f, --shard), run none\n"
	      "  --no-progress      no live status line, even on a terminal\n"
	      "exit status: 0 all passed, 1 failures, 2 usage or environment error\n", f);
}

static void signal_running(struct test_file *tf, size_t n, int sig)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (tf[k].state == TEST_RUNNING && tf[k].pid > 0)
			kill(tf[k].pid, sig);
}

/*
 * The resource pool: every running VM of the run takes its memory and CPUs
 * from it (pool.c); each file's process asks over its socket before a boot.
 */
static struct pool pool;

/* The files' requests and give-backs; the socket closes when the file ends. */
static void pool_read(struct test_file *t)
{
	struct pool_msg m;
	char amount[64];
	ssize_t n;

	while ((n = recv(t->pool_fd, &m, sizeof(m), 0)) == (ssize_t)sizeof(m)) {
		pool_amount(m.mem_mb, (int)m.cpus, amount, sizeof(amount));
		if (m.op == POOL_ACQUIRE) {
			pool_request(&pool, &t->pool, m.id, m.mem_mb, (int)m.cpus);
			logv("pool: %s asks for %s (in use: %ldM memory, %d CPUs, %d VMs)",
			     t->path, amount, pool.mem_used, pool.cpus_used, pool.vms);
		} else if (m.op == POOL_RELEASE) {
			pool_release(&pool, &t->pool, m.id);
			logv("pool: %s gives back VM %u", t->path, m.id);
		}
	}
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		close(t->pool_fd);
		t->pool_fd = -1;
	}
}

/* A file ended: whatever it still held (it crashed, it was killed) comes back. */
static void pool_file_done(struct test_file *t)
{
	char amount[64];

	if (t->pool_fd >= 0)
		pool_read(t);	/* its last give-backs */
	if (t->pool.ntickets) {
		pool_amount(t->pool.mem_held, t->pool.cpus_held, amount, sizeof(amount));
		logv("pool: %s ended holding %zu VM(s): %s reclaimed", t->path,
		     t->pool.ntickets, amount);
	}
	pool_reclaim(&pool, &t->pool);
	if (t->pool_fd >= 0)
		close(t->pool_fd);
	t->pool_fd = -1;
}

/* Answer the requests that can be answered now. */
static void pool_answer(struct test_file *tf, size_t n, int stopping)
{
	struct pool_client *cl[MAX_JOBS];
	struct pool_decision *dec;
	size_t idx[MAX_JOBS], m = 0, k, nd;

	for (k = 0; k < n && m < MAX_JOBS; k++) {
		if (tf[k].state != TEST_RUNNING || tf[k].pool_fd < 0)
			continue;
		cl[m] = &tf[k].pool;
		idx[m++] = k;
	}
	if (!m)
		return;
	dec = xcalloc(m, sizeof(*dec));
	nd = stopping ? pool_refuse_all(&pool, cl, m, "interrupted", dec)
		      : pool_schedule(&pool, cl, m, dec);
	for (k = 0; k < nd; k++) {
		struct test_file *t = &tf[idx[dec[k].client]];
		struct pool_msg msg;
		char amount[64];

		memset(&msg, 0, sizeof(msg));
		msg.op = dec[k].verdict == POOL_GRANT ? POOL_GRANTED : POOL_REFUSED;
		msg.id = dec[k].id;
		snprintf(msg.text, sizeof(msg.text), "%s", dec[k].why);
		if (dec[k].verdict == POOL_GRANT) {
			pool_amount(t->pool.tickets[t->pool.ntickets - 1].mem,
				    t->pool.tickets[t->pool.ntickets - 1].cpus, amount,
				    sizeof(amount));
			logv("pool: %s gets VM %u: %s", t->path, dec[k].id, amount);
		} else {
			logv("pool: %s is refused VM %u: %s", t->path, dec[k].id, dec[k].why);
		}
		/* a full socket or a child that just died: the child is gone anyway */
		send(t->pool_fd, &msg, sizeof(msg), MSG_NOSIGNAL | MSG_DONTWAIT);
	}
	free(dec);
}

/* A file is done: its results, its output if it failed, its report line. */
static void file_done(struct test_run *r, struct test_file *t, const struct test_opts *o,
		      int *failed_files)
{
	test_results_parse(t, o->timeout_s);
	test_child_finish(t);
	r->passed += t->passed;
	r->failed += t->failed;
	r->skipped += t->skipped;
	r->vms.warm += t->vms.warm;
	r->vms.fixture += t->vms.fixture;
	r->vms.cold += t->vms.cold;
	r->vms.built += t->vms.built;
	if (t->failed)
		(*failed_files)++;
	progress_clear();
	if (o->tap)
		report_tap(stdout, t);
	else if (!o->json)
		report_human(stdout, t);
}

static void free_run(struct test_run *r)
{
	size_t k;

	for (k = 0; k < r->n; k++)
		test_results_free(&r->tf[k]);
	free(r->tf);
}

int runner_test(int argc, char **argv)
{
	struct test_opts o;
	struct error pe;
	char **paths, logdir[PATH_MAX], line[512];
	int npaths, i, rc, failed_files = 0, order = 0, empty_record, sent_term = 0,
		sent_kill = 0;
	size_t next = 0, running = 0, k;
	struct test_run r = { 0 };
	FILE *junit = NULL;
	uint64_t t0 = mono_ns();

	rc = parse_opts(argc, argv, &o, &paths, &npaths);
	if (rc) {
		if (rc > 0)
			test_usage(stdout);
		else
			fputs("run 'provium test -h' for the options\n", stderr);
		free(paths);
		return rc > 0 ? 0 : 2;
	}
	rc = test_select_files(&o, paths, npaths, &r.tf, &r.n, &empty_record);
	free(paths);
	if (rc)
		return 2;
	if (!r.n && !empty_record) {
		fprintf(stderr, "provium test: no test files found\n");
		free(r.tf);
		return 2;
	}
	if (o.list) {
		test_select_print(stdout, r.tf, r.n);
		free_run(&r);
		return 0;
	}
	if (o.junit && !(junit = fopen(o.junit, "w"))) {
		fprintf(stderr, "provium test: --junit %s: %s\n", o.junit, strerror(errno));
		free_run(&r);
		return 2;
	}
	if (pool_init(&pool, o.mem, o.cpus, getenv("PROVIUM_MEMINFO"), &pe)) {
		fprintf(stderr, "provium test: %s\n", pe.msg);
		if (junit)
			fclose(junit);
		free_run(&r);
		return 2;
	}
	if (!o.jobs) {
		/* auto: the pool gates VMs; with a budget given it gates everything */
		long half = sysconf(_SC_NPROCESSORS_ONLN) / 2;

		if (o.mem || o.cpus)
			o.jobs = r.n > MAX_JOBS ? MAX_JOBS : r.n ? (int)r.n : 1;
		else
			o.jobs = half < 2 ? 2 : half > MAX_JOBS ? MAX_JOBS : (int)half;
	}
	if (o.cold)
		setenv("PROVIUM_COLD", "1", 1);	/* the children inherit it */
	snprintf(logdir, sizeof(logdir), "%s/provium-test-XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(logdir)) {
		fprintf(stderr, "provium test: cannot create a log directory: %s\n", strerror(errno));
		if (junit)
			fclose(junit);
		free_run(&r);
		return 2;
	}
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	pool_describe(&pool, line, sizeof(line));
	/* stdout stays pure TAP or JSON */
	fprintf(o.tap || o.json ? stderr : stdout, "%s\n", line);
	if (o.tap)
		report_tap_plan(stdout, r.n);
	fflush(stdout);

	while (next < r.n || running) {
		/* each running file: its output while open, its events, its pool socket */
		struct pollfd pfd[3 * MAX_JOBS];
		size_t map[3 * MAX_JOBS];
		int np = 0;

		if (stop_requested && !sent_term) {
			signal_running(r.tf, r.n, SIGTERM);
			sent_term = 1;
		}
		if (stop_count > 1 && !sent_kill) {
			signal_running(r.tf, r.n, SIGKILL);
			sent_kill = 1;
		}
		while (running < (size_t)o.jobs && next < r.n && !stop_requested &&
		       !(o.fail_fast && failed_files)) {
			struct test_file *t = &r.tf[next++];

			if (test_child_start(t, &o, logdir) == 0) {
				running++;
				continue;
			}
			/* could not fork: report it as a failed file */
			t->state = TEST_DONE;
			t->pid = 0;
			t->order = ++order;
			file_done(&r, t, &o, &failed_files);
		}
		if (!running)
			break;
		progress_show(&o, &r);
		for (k = 0; k < r.n && np + 2 < 3 * MAX_JOBS; k++) {
			if (r.tf[k].state != TEST_RUNNING)
				continue;
			if (r.tf[k].outfd >= 0) {
				pfd[np] = (struct pollfd){ r.tf[k].outfd, POLLIN, 0 };
				map[np++] = k;
			}
			pfd[np] = (struct pollfd){ r.tf[k].events, POLLIN, 0 };
			map[np++] = k;
			if (r.tf[k].pool_fd >= 0) {
				pfd[np] = (struct pollfd){ r.tf[k].pool_fd, POLLIN, 0 };
				map[np++] = k;
			}
		}
		/*
		 * the timeout closes the window of a signal arriving before poll,
		 * and refreshes the status line's times
		 */
		if (poll(pfd, np, 500) <= 0) {
			pool_answer(r.tf, r.n, stop_requested != 0);
			continue;
		}
		for (i = 0; i < np; i++) {
			struct test_file *t = &r.tf[map[i]];

			if (pfd[i].revents && pfd[i].fd == t->pool_fd)
				pool_read(t);
			if (pfd[i].revents && t->state == TEST_RUNNING && pfd[i].fd == t->outfd)
				test_child_output(t);
		}
		for (i = 0; i < np; i++) {
			struct test_file *t = &r.tf[map[i]];

			if (!pfd[i].revents || t->state != TEST_RUNNING || pfd[i].fd != t->events ||
			    !test_child_read(t))
				continue;
			pool_file_done(t);
			t->order = ++order;
			running--;
			file_done(&r, t, &o, &failed_files);
		}
		pool_answer(r.tf, r.n, stop_requested != 0);
	}
	progress_clear();
	r.secs = (mono_ns() - t0) / 1e9;
	r.not_run = stop_requested ? "interrupted" : "--fail-fast";
	for (k = 0; k < r.n; k++) {
		struct test_file *t = &r.tf[k];

		if (t->state == TEST_DONE)
			continue;
		r.skipped++;	/* not started: --fail-fast or Ctrl-C */
		t->order = ++order;
		if (o.tap || !o.json)
			report_not_run(stdout, t, r.not_run, o.tap);
	}
	/* the record of failures is only replaced by a run that completed */
	if (!stop_requested)
		test_select_record(&r);
	if (!failed_files && !getenv("PROVIUM_KEEP_LOGS")) {
		rm_rf(logdir);
		r.logdir = NULL;
	} else {
		r.logdir = logdir;
	}
	if (junit) {
		report_junit(junit, &r);
		if (fclose(junit))
			fprintf(stderr, "provium test: writing %s: %s\n", o.junit, strerror(errno));
	}
	if (o.json)
		report_json(stdout, &r);
	else
		report_end(stdout, &r, o.tap);
	fflush(stdout);
	/* the last line of the human report; on stderr when stdout is TAP/JSON */
	report_summary(o.tap || o.json ? stderr : stdout, &r);
	free_run(&r);
	if (stop_requested)
		return 130;
	return r.failed ? 1 : 0;
}
