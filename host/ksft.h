/*
 * ksft.h - the kernel's installed kselftests: the tree (kselftest-list.txt,
 * collections, their settings), which tests a run picks, each test run in a
 * guest and its result as the kselftest runner would map it. Shared by
 * "provium kselftest" (kselftest.c) and vm:kselftest (lksft.c); the
 * reports are in ksft_report.c.
 */
#ifndef PROVIUM_KSFT_H
#define PROVIUM_KSFT_H

#include <signal.h>
#include <stdio.h>

#include "client.h"
#include "ktap.h"

#define KSFT_DEFAULT_TIMEOUT	45	/* s, the runner's default */
#define KSFT_NO_LIMIT		3600	/* s, what "timeout=0" (no limit) becomes */
#define KSFT_TCG_FACTOR		4	/* timeouts under TCG: settings x this */

/* One collection of the install: a directory and its tests. */
struct ksft_collection {
	char *name;		/* "kcmp", "net/forwarding" */
	int timeout_s;		/* settings' timeout=, else 45; 0 = no limit */
	char **tests;		/* in kselftest-list.txt order */
	size_t ntests;
};

struct ksft_tree {
	char *dir;		/* absolute, symlinks resolved */
	struct ksft_collection *cols;
	size_t ncols;
};

/* What a run does in one collection: its selected tests, in list order. */
struct ksft_pick {
	const struct ksft_collection *col;
	const char **tests;
	size_t ntests;
};

enum ksft_status {
	KSFT_PASS, KSFT_FAIL, KSFT_SKIP, KSFT_XFAIL, KSFT_XPASS, KSFT_TIMEOUT,
	KSFT_ERROR, KSFT_NOTRUN,
};

struct ksft_result {
	char *collection, *test;
	enum ksft_status status;
	int exit_code;		/* -1: none (timed out, not run, the VM died) */
	int timeout_s;		/* the limit it ran under */
	double secs;
	char *reason;		/* "exit=1", "180 seconds", "kernel panic", "" */
	char *output;		/* stdout and stderr, merged in order */
	char *splats;		/* kernel reports while it ran, "" if none */
	struct ktap *tap;	/* the output parsed */
};

/*
 * Load the install at @dir: kselftest-list.txt and each collection's
 * settings. Errors say what is wrong and where (file:line).
 */
int ksft_tree_load(const char *dir, struct ksft_tree *t, struct error *e);
void ksft_tree_free(struct ksft_tree *t);
/* Parse a settings file's text into *@timeout_s; @where names it in errors. */
int ksft_settings_parse(const char *text, size_t len, const char *where, int *timeout_s,
			struct error *e);

/*
 * The collections and tests @sel names ("collection" or "collection:test";
 * none: everything), in the list's order, each once.
 */
int ksft_select(const struct ksft_tree *t, const char *const *sel, size_t nsel,
		struct ksft_pick **picks, size_t *npicks, struct error *e);
void ksft_picks_free(struct ksft_pick *picks, size_t n);

/* "pass", "fail", "skip", "xfail", "xpass", "timeout", "error", "notrun" */
const char *ksft_status_name(enum ksft_status s);
/* fail, xpass, timeout and error fail a run */
int ksft_status_failed(enum ksft_status s);
/*
 * A finished test's status as the kselftest runner maps its exit: 0 pass,
 * 4 skip, timeout, else fail "exit=N"; 2 xfail and 3 xpass (kselftest.h's
 * KSFT_XFAIL, KSFT_XPASS) when the test printed kselftest.h's totals, a
 * failure "exit=N" otherwise. Stricter in one way: exit 0 with failed
 * results in its own output is a failure.
 */
enum ksft_status ksft_map_exit(int code, int timed_out, int timeout_s,
			       const struct ktap *tap, char **reason);

/* Seconds a collection's test may run: its timeout (0: KSFT_NO_LIMIT) x @factor. */
int ksft_timeout(const struct ksft_collection *c, double factor);

struct ksft_run_opts {
	double factor;			/* timeouts: settings x this */
	const char *guest_dir;		/* the install as the guest sees it */
	int fail_fast;			/* stop after the first failure */
	volatile sig_atomic_t *stop;	/* set from outside: start no further test */
	volatile sig_atomic_t *failed_elsewhere;	/* set: --fail-fast, another failed */
	/* called as each test finishes */
	void (*on_result)(const struct ksft_result *r, void *arg);
	void *arg;
};

/*
 * Make the install reachable and writable in @c's guest (booted with
 * rootfs = "host"): its path there into @out.
 */
int ksft_guest_dir(struct client *c, const char *dir, char *out, size_t outlen,
		   struct error *e);
/*
 * Run @p's tests one by one in @c's guest, a result for each into @out
 * (p->ntests of them; those never started are KSFT_NOTRUN). Returns 0, or
 * -1 when the guest died (@e says how).
 */
int ksft_run_pick(struct client *c, const struct ksft_tree *t, const struct ksft_pick *p,
		  const struct ksft_run_opts *o, struct ksft_result *out, struct error *e);
void ksft_result_free(struct ksft_result *r);
/*
 * The text of @vm's kernel reports after the first @from (vm->nevents
 * before a test), each "guest kernel <kind>:\n<text>", those the VM did
 * not keep counted; "" if none. Caller frees.
 */
char *ksft_splats_since(const struct vm *vm, uint64_t from);

/* A result as one line of text (for a child's pipe), and back. */
void ksft_result_encode(FILE *f, const struct ksft_result *r);
int ksft_result_decode(char *line, struct ksft_result *r);
/* @s with '\', tab, CR and newline escaped (caller frees), and back in place. */
char *ksft_escape(const char *s);
void ksft_unescape(char *s);

#endif
