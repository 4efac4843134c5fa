/*
 * test_results.c - what a test file's child reported, turned into results:
 * its event lines ("start", "test", "error", "end", "vm"; tab-separated fields,
 * newlines inside a field sent as \v) and its exit status. Pure: no I/O.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "test_results.h"
#include "util.h"

static void unfold(char *s, char nl)
{
	for (; *s; s++)
		if (*s == '\v')
			*s = nl;
}

/* Split one event line into at most @max fields; the last takes the rest. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	while (n < max && line) {
		f[n++] = line;
		if (n == max)
			break;
		line = strchr(line, '\t');
		if (line)
			*line++ = '\0';
	}
	return n;
}

/* Turn a finished file's events and exit status into results. */
void test_results_parse(struct test_file *t, int timeout_s)
{
	char *line, *save, *buf = t->buf ? t->buf : xstrdup("");
	int ended = 0;

	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[5] = { 0 };
		int n = split(line, f, 2);

		if (!strcmp(f[0], "test") && n == 2)
			n = 1 + split(f[1], f + 1, 4);

		if (!strcmp(f[0], "test") && n >= 4) {
			struct subtest *s;

			t->tests = xrealloc(t->tests, (t->ntests + 1) * sizeof(*t->tests));
			s = &t->tests[t->ntests++];
			if (!strcmp(f[1], "ok") || !strcmp(f[1], "todo") || !strcmp(f[1], "skip"))
				snprintf(s->status, sizeof(s->status), "%s", f[1]);
			else
				snprintf(s->status, sizeof(s->status), "fail");
			s->secs = atof(f[2]);
			s->name = xstrdup(f[3]);
			unfold(s->name, ' ');
			s->msg = xstrdup(n >= 5 ? f[4] : "");
			unfold(s->msg, '\n');
			if (!strcmp(s->status, "ok"))
				t->passed++;
			else if (!strcmp(s->status, "fail"))
				t->failed++;
			else
				t->skipped++;
			free(t->current);
			t->current = NULL;
		} else if (!strcmp(f[0], "start") && n >= 2) {
			/* optional: names the test a timeout or crash cut short */
			free(t->current);
			t->current = xstrdup(f[1]);
			unfold(t->current, ' ');
		} else if (!strcmp(f[0], "error") && n >= 2) {
			free(t->error);
			t->error = xstrdup(f[1]);
			unfold(t->error, '\n');
		} else if (!strcmp(f[0], "vm") && n >= 2) {
			/* a VM started: "warm", "warm built", "fixture" or "cold" */
			if (!strncmp(f[1], "warm", 4))
				t->vms.warm++;
			else if (!strcmp(f[1], "fixture"))
				t->vms.fixture++;
			else
				t->vms.cold++;
			if (strstr(f[1], " built"))
				t->vms.built++;
		} else if (!strcmp(f[0], "end")) {
			ended = 1;
		}
	}
	free(buf);
	t->buf = NULL;
	/* a file that reported without end: what was kept counts, and it fails */
	if (t->lines_dropped && !t->error)
		t->error = xasprintf("[provium: %llu more report lines of this file dropped: its "
				     "report went past the runner's limit]",
				     (unsigned long long)t->lines_dropped);

	if (t->pid <= 0)
		t->why = xstrdup("could not start a process for this file");
	else if (WIFSIGNALED(t->status) && WTERMSIG(t->status) == SIGALRM && timeout_s)
		t->why = xasprintf("timed out after %d s", timeout_s);
	else if (WIFSIGNALED(t->status))
		t->why = xasprintf("killed by signal %d (%s)", WTERMSIG(t->status),
				   strsignal(WTERMSIG(t->status)));
	else if (t->error)
		t->why = xstrdup("error outside a test");
	else if (!ended)
		t->why = xasprintf("exited before finishing (status %d)",
				   WIFEXITED(t->status) ? WEXITSTATUS(t->status) : -1);
	if (t->why && t->current) {
		char *why = xasprintf("%s in test \"%s\"", t->why, t->current);

		free(t->why);
		t->why = why;
	}
	if (t->why)
		t->failed++;
	else if (!t->ntests)
		t->passed++;	/* a script without test() counts as one test */
}

void test_results_free(struct test_file *t)
{
	int i;

	for (i = 0; i < t->ntests; i++) {
		free(t->tests[i].name);
		free(t->tests[i].msg);
	}
	free(t->tests);
	free(t->buf);
	free(t->log);
	free(t->tmpdir);
	free(t->why);
	free(t->error);
	free(t->current);
	free(t->output);
	free(t->path);
	pool_client_free(&t->pool);
}
