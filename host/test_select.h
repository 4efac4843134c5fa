/*
 * test_select.h - which files "provium test" runs, and the record of the
 * files that failed (read by --rerun-failed).
 */
#ifndef PROVIUM_TEST_SELECT_H
#define PROVIUM_TEST_SELECT_H

#include <stddef.h>
#include <stdio.h>

#include "test.h"

/*
 * The files of this run: *.lua below @paths (skipping hidden directories,
 * fixtures/ and lib/), or the recorded failures with --rerun-failed, sorted,
 * filtered by -f and sharded by --shard K/N (by position in the sorted
 * list, so every machine computes the same slices). Returns -1 after
 * printing why; *@empty_record says the failure record lists nothing.
 */
int test_select_files(const struct test_opts *o, char **paths, int npaths,
		      struct test_file **out, size_t *out_n, int *empty_record);
/* --list: the selected files, one path a line, in the order they would start. */
void test_select_print(FILE *f, const struct test_file *tf, size_t n);
/* Replace the record of failures with the files of @r that failed. */
void test_select_record(const struct test_run *r);

#endif
