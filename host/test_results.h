/*
 * test_results.h - a test file's events and exit status turned into
 * results (pure, unit-tested).
 */
#ifndef PROVIUM_TEST_RESULTS_H
#define PROVIUM_TEST_RESULTS_H

#include "test.h"

/*
 * Parse t->buf (consumed) and t->pid/t->status into t->tests, the counts,
 * and t->why when the file as a whole failed; @timeout_s is --timeout (0:
 * none), to tell its SIGALRM from another one.
 */
void test_results_parse(struct test_file *t, int timeout_s);
/* Free what @t owns (not @t itself). */
void test_results_free(struct test_file *t);

#endif
