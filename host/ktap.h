/*
 * ktap.h - KTAP / kselftest TAP 13: a test's output parsed into its
 * results, with nesting (KTAP's two-space indentation and kselftest's
 * "# " prefix), and written back as a KTAP block at any depth. Pure: no
 * I/O but the FILE written to; unit-tested.
 */
#ifndef PROVIUM_KTAP_H
#define PROVIUM_KTAP_H

#include <stdio.h>

struct ktap;

/* One result line, "ok 3 name # SKIP why", and what came before it. */
struct ktap_result {
	int ok;			/* "ok" (1) or "not ok" (0) */
	char *desc;		/* "" when the line has none */
	char *directive;	/* SKIP, TODO, XFAIL, TIMEOUT, ERROR (upper case) or NULL */
	char *diag;		/* the text after '#' and the directive, or NULL */
	char **lines;		/* diagnostic and unknown lines before it, "# " removed */
	size_t nlines;
	struct ktap *sub;	/* its own subtests, or NULL */
};

/* A block of results: a test's output, or a subtest inside it. */
struct ktap {
	int plan;		/* -1 when no plan line was seen; plans of concatenated streams add */
	char *plan_skip;	/* "1..0 # SKIP why": why, or NULL */
	char *bail_out;		/* "Bail out! why": why, or NULL */
	struct ktap_result *results;
	size_t nresults;
	char **lines;		/* lines after the last result */
	size_t nlines;
};

/* Parse @len bytes of a test's output (NULs and a missing last newline are fine). */
struct ktap *ktap_parse(const char *text, size_t len);
void ktap_free(struct ktap *k);

/* Does @r count as a failure (not ok, and not SKIP/TODO/XFAIL)? */
int ktap_result_failed(const struct ktap_result *r);
/* Results of @k (its own level only) that failed. */
size_t ktap_failures(const struct ktap *k);

/* Did the block end with kselftest.h's "# Totals: pass:N ..." line? */
int ktap_has_totals(const struct ktap *k);

/*
 * Write @k as a KTAP block indented @depth levels (two spaces each):
 * version line, a plan equal to the results written, each result numbered
 * in order after its subtests and its diagnostic lines.
 */
void ktap_write(FILE *f, const struct ktap *k, int depth);
/* Indentation of @depth levels, then "# " and one line of @text per line. */
void ktap_write_diag(FILE *f, int depth, const char *text);
/* A description: one line, '#' and '\' escaped by a backslash. */
void ktap_write_desc(FILE *f, const char *s);

#endif
