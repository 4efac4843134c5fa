/*
 * report.h - the reports of "provium test": human text and TAP 13 file by
 * file, JSON and JUnit XML for the whole run (pure writers, unit-tested).
 */
#ifndef PROVIUM_REPORT_H
#define PROVIUM_REPORT_H

#include <stdio.h>

#include "test.h"

/* One finished file: its tests, why it failed, the tail of its output. */
void report_human(FILE *f, const struct test_file *t);
void report_tap(FILE *f, const struct test_file *t);
/* "TAP version 13" and the plan, one test point per file. */
void report_tap_plan(FILE *f, size_t nfiles);
/* @s as a TAP description: one line, '#' and '\' escaped. */
void report_tap_desc(FILE *f, const char *s);
/* A file that never ran (--fail-fast, Ctrl-C): a SKIP, saying @why. */
void report_not_run(FILE *f, const struct test_file *t, const char *why, int tap);
/* After the last file: where the logs are; TAP adds its totals line. */
void report_end(FILE *f, const struct test_run *r, int tap);
/*
 * How the run's VMs started ("VMs: N restored from snapshots ..."), then
 * "N passed, N failed, N skipped": the last line of every run.
 */
void report_summary(FILE *f, const struct test_run *r);
void report_json(FILE *f, const struct test_run *r);
/* @s as a JSON string (null for NULL), invalid UTF-8 replaced. */
void report_json_string(FILE *f, const char *s);
/* @s as XML 1.0 text, or an attribute value if @attr; forbidden characters dropped. */
void report_xml_text(FILE *f, const char *s, int attr);
void report_junit(FILE *f, const struct test_run *r);

#endif
