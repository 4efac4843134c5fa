/*
 * progress.c - the live status line of "provium test" (progress.h).
 *
 *   3/5 done, 1 failed | running: tests/a.lua 12s, tests/b.lua 3s
 *
 * Drawn with a carriage return and an erase-to-end-of-line, never a
 * newline, and kept narrower than the terminal so it cannot wrap: erasing
 * it leaves the screen exactly as the report alone would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "progress.h"
#include "util.h"

static int shown;
static char last[1024];	/* what is on the screen: drawn again only when it changes */

int progress_wanted(const struct test_opts *o)
{
	const char *term = getenv("TERM");

	return !o->no_progress && !o->tap && !o->json && isatty(STDOUT_FILENO) &&
	       !(term && !strcmp(term, "dumb"));
}

void progress_format(char *out, size_t len, const struct test_run *r, uint64_t now_ns,
		     int width)
{
	size_t k, done = 0, n = 0;
	const char *sep = " | running: ";
	char *line;

	for (k = 0; k < r->n; k++)
		done += r->tf[k].state == TEST_DONE;
	line = xasprintf("%zu/%zu done", done, r->n);
	if (r->failed)
		xappendf(&line, ", %d failed", r->failed);
	for (k = 0; k < r->n; k++) {
		const struct test_file *t = &r->tf[k];

		if (t->state != TEST_RUNNING)
			continue;
		xappendf(&line, "%s%s %llus", n++ ? ", " : sep, t->path,
			 (unsigned long long)((now_ns - t->start_ns) / 1000000000ull));
	}
	/* one column short of the width: a full line would wrap on some terminals */
	if (width > 4 && strlen(line) > (size_t)width - 1)
		memcpy(line + width - 4, "...", 4);
	snprintf(out, len, "%s", line);
	free(line);
}

static int terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void progress_show(const struct test_opts *o, const struct test_run *r)
{
	char line[1024];

	if (!progress_wanted(o))
		return;
	progress_format(line, sizeof(line), r, mono_ns(), terminal_width());
	if (shown && !strcmp(line, last))
		return;
	printf("\r\033[K%s", line);
	fflush(stdout);
	memcpy(last, line, sizeof(last));
	shown = 1;
}

void progress_clear(void)
{
	if (!shown)
		return;
	fputs("\r\033[K", stdout);
	fflush(stdout);
	shown = 0;
}
