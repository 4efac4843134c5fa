/*
 * ksft_report.h - the reports of a kselftest run, merged over its
 * collections: human text, one KTAP document (a subtest block per
 * collection, each test's own results nested inside), JSON and JUnit XML.
 * Pure writers to a FILE; unit-tested.
 */
#ifndef PROVIUM_KSFT_REPORT_H
#define PROVIUM_KSFT_REPORT_H

#include <stdio.h>

#include "ksft.h"

/* One collection of the run, in one guest. */
struct ksft_col_run {
	char *name;
	struct ksft_result *results;	/* one per selected test */
	size_t n;
	double secs;
	int ran;		/* 0: never started (--fail-fast, Ctrl-C) */
	char *error;		/* it could not run to its end (boot, its runner died), or NULL */
	char *console;		/* the guest's console, kept when something failed, or NULL */
};

struct ksft_run {
	const char *dir;	/* the install */
	const char *accel;	/* "kvm" or "tcg" */
	double factor;		/* timeouts: settings x this */
	struct ksft_col_run *cols;
	size_t ncols;
	double secs;
	const char *not_run;	/* why collections never started, or NULL */
};

/* Test results by kind; a collection that could not run counts as an error. */
struct ksft_totals {
	int pass, fail, xfail, xpass, skip, error;
};

void ksft_run_totals(const struct ksft_run *r, struct ksft_totals *t);
int ksft_col_failed(const struct ksft_col_run *c);

/* Human text, a collection at a time, and "N passed, N failed, N skipped". */
void ksft_report_human(FILE *f, const struct ksft_col_run *c);
void ksft_report_summary(FILE *f, const struct ksft_run *r);
/*
 * KTAP: the header and plan, each collection as it completes (@number;
 * @not_run says why one never started), the totals.
 */
void ksft_report_ktap_begin(FILE *f, const struct ksft_run *r);
void ksft_report_ktap_collection(FILE *f, const struct ksft_col_run *c, int number,
				 const char *not_run);
void ksft_report_ktap_end(FILE *f, const struct ksft_run *r);
void ksft_report_json(FILE *f, const struct ksft_run *r);
void ksft_report_junit(FILE *f, const struct ksft_run *r);

#endif
