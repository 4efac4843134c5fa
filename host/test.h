/*
 * test.h - the data of a "provium test" run, shared by its parts: the
 * options, each selected file with what its child reported, and the run's
 * totals. test_select.c picks the files, test_child.c runs each in its own
 * process, test_results.c turns its events into results, report.c writes
 * them and runner.c schedules it all.
 */
#ifndef PROVIUM_TEST_H
#define PROVIUM_TEST_H

#include <stdint.h>
#include <sys/types.h>

#include "pool.h"
#include "logcap.h"

#define TEST_MAX_FILTERS 64

struct test_opts {
	int jobs;
	const char *filters[TEST_MAX_FILTERS];	/* -f: substring or glob */
	int nfilters;
	int fail_fast;
	int timeout_s;
	int shard_k, shard_n;
	int rerun_failed;
	int tap, json;
	int cold;		/* --cold: every VM boots, none is restored */
	const char *junit;
	const char *mem;
	int cpus;
	int list;		/* --list: print the selection, run nothing */
	int no_progress;	/* --no-progress: no live status line on a terminal */
};

enum test_state { TEST_PENDING, TEST_RUNNING, TEST_DONE };

/* How a file's VMs started (warm start): reported after the run. */
struct vm_starts {
	int warm;		/* restored from a boot snapshot */
	int fixture;		/* restored from a fixture */
	int cold;		/* booted */
	int built;		/* snapshots built along the way */
};

/* One test() of a file. */
struct subtest {
	char status[8];		/* ok, fail, todo, skip */
	double secs;
	char *name;
	char *msg;		/* "" if none; newlines restored */
};

/* One test file: its child process and what it reported. */
struct test_file {
	char *path;		/* as shown */
	int idx;		/* position in the sorted selection */
	enum test_state state;
	pid_t pid;
	int events;		/* read end of the child's event pipe */
	int pool_fd;		/* the runner's end of its pool socket, -1 = closed */
	struct pool_client pool;	/* what it holds from the pool, what it waits for */
	char *buf;		/* event text received (bounded: see test_child.c) */
	size_t len;
	size_t line_len;	/* of the event line being received */
	uint64_t line_dropped;	/* bytes of it past the line limit */
	uint64_t lines_dropped;	/* whole lines past the file's limit */
	int skip_line;		/* dropping the rest of one */
	char *log;		/* the child's stdout/stderr */
	int outfd;		/* read end of the pipe that fills it, -1 = closed */
	struct logcap outlog;	/* the log, bounded */
	char *tmpdir;		/* the child's TMPDIR: VM run directories */
	uint64_t start_ns, end_ns;
	int status;		/* wait status */
	int order;		/* completion order, 1-based */
	/* results, once done */
	struct subtest *tests;
	int ntests;
	int passed, failed, skipped;
	char *why;		/* file-level failure ("timed out after 1 s"), or NULL */
	char *error;		/* the error raised outside any test, or NULL */
	char *current;		/* the test started and not finished, or NULL */
	char *output;		/* tail of the output and leftover consoles, failed files */
	struct vm_starts vms;
};

/* The whole run, for the reports written at its end. */
struct test_run {
	struct test_file *tf;
	size_t n;
	int passed, failed, skipped;
	const char *not_run;	/* why pending files did not run, or NULL */
	const char *logdir;	/* NULL once removed */
	double secs;
	struct vm_starts vms;
};

#endif
