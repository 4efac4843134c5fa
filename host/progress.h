/*
 * progress.h - the live status line of "provium test" on a terminal: files
 * done of all, failures so far, the files running and for how long. It is
 * erased before every report line and at the end, so what stays on the
 * screen is the report alone; off a terminal nothing is drawn.
 */
#ifndef PROVIUM_PROGRESS_H
#define PROVIUM_PROGRESS_H

#include "test.h"

/*
 * Whether to draw: stdout a terminal, the text report, TERM not "dumb",
 * no --no-progress.
 */
int progress_wanted(const struct test_opts *o);
/* Draw (again) the line for @r now; nothing unless progress_wanted said so. */
void progress_show(const struct test_opts *o, const struct test_run *r);
/* Erase the line, if one is shown, before anything else is printed. */
void progress_clear(void);
/* The line's text, cut to @width columns (unit-tested). */
void progress_format(char *out, size_t len, const struct test_run *r, uint64_t now_ns,
		     int width);

#endif
