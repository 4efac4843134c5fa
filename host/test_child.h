/*
 * test_child.h - one child process per test file, and what it leaves
 * behind (its log, the consoles of VMs that did not shut down).
 */
#ifndef PROVIUM_TEST_CHILD_H
#define PROVIUM_TEST_CHILD_H

#include "test.h"

/* Fork the child running @t; its log and TMPDIR go below @logdir. */
int test_child_start(struct test_file *t, const struct test_opts *o, const char *logdir);
/*
 * Read what the child sent (its pipe is readable); 1 once the pipe closed
 * and the child was reaped (t->status, t->end_ns set, state TEST_DONE).
 */
int test_child_read(struct test_file *t);
/* Copy what the child printed (its output pipe is readable) into its bounded log; 1 at EOF. */
int test_child_output(struct test_file *t);
/* After the results: a failed file gets its output tails; tidy its TMPDIR. */
void test_child_finish(struct test_file *t);

#endif
