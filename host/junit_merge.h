/*
 * junit_merge.h - "provium junit-merge": the JUnit XML files of several
 * runs (the shards of a CI matrix) as one document.
 */
#ifndef PROVIUM_JUNIT_MERGE_H
#define PROVIUM_JUNIT_MERGE_H

#include <stdio.h>

#include "util.h"

/*
 * Merge @n JUnit documents (their text in @docs, their names in @names for
 * errors) into @out: one <testsuites> holding every <testsuite>, its
 * counts and time the sums of theirs. -1 with @e set if one is not JUnit.
 */
int junit_merge(FILE *out, const char *const *docs, const char *const *names, int n,
		struct error *e);
int junit_merge_run(int argc, char **argv);

#endif
