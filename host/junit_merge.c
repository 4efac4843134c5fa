/*
 * junit_merge.c - "provium junit-merge OUT IN...": the JUnit XML of several
 * runs (the shards of a CI matrix, each 'provium test --shard K/N --junit
 * FILE') as one document. Every <testsuite> is copied as it is; the new
 * <testsuites> root carries the sums of the inputs' counts and times.
 *
 * Not a general XML parser: it reads what JUnit writers produce (an
 * optional prolog and comments, then a <testsuites> or a single
 * <testsuite> root), which is enough for provium's own files and most
 * others. Attribute values may hold '>' and CDATA may hold '<'.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "junit_merge.h"

enum { TESTS, FAILURES, ERRORS, SKIPPED, NCOUNTS };
static void oom_exit(void)
{
	fputs("provium junit-merge: out of memory\n", stderr);
	exit(2);
}

static const char *const count_names[NCOUNTS] = { "tests", "failures", "errors", "skipped" };

struct totals {
	long count[NCOUNTS];
	double time;
};

/* Past a start or end tag beginning at @p ('<'), quoted values skipped; NULL if unclosed. */
static const char *tag_end(const char *p)
{
	char quote = 0;

	for (; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '>') {
			return p + 1;
		}
	}
	return NULL;
}

/* Past the prolog, comments and whitespace before the root element. */
static const char *skip_misc(const char *p)
{
	for (;;) {
		p += strspn(p, " \t\r\n");
		if (!strncmp(p, "<?", 2)) {
			p = strstr(p, "?>");
			if (!p)
				return NULL;
			p += 2;
		} else if (!strncmp(p, "<!--", 4)) {
			p = strstr(p, "-->");
			if (!p)
				return NULL;
			p += 3;
		} else {
			return p;
		}
	}
}

/* @name's value in the start tag [@tag, @end) as a number; 0 if absent. */
static int attr(const char *tag, const char *end, const char *name, double *v)
{
	size_t n = strlen(name);
	const char *p = tag;

	while ((p = strstr(p, name)) && p < end) {
		const char *q = p + n;

		if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r') &&
		    (q[strspn(q, " \t")] == '=')) {
			q += strspn(q, " \t") + 1;
			q += strspn(q, " \t");
			if (*q == '"' || *q == '\'') {
				char *stop;

				*v = strtod(q + 1, &stop);
				return stop != q + 1 && *stop == *q;
			}
			return 0;
		}
		p = q;
	}
	return 0;
}

static int is_tag(const char *p, const char *name)
{
	size_t n = strlen(name);

	return p[0] == '<' && !strncmp(p + 1, name, n) && strchr(" \t\r\n/>", p[1 + n]);
}

/* Add the counts of every <testsuite> start tag in [@p, @end) to @t. */
static void sum_suites(const char *p, const char *end, struct totals *t)
{
	while (p < end && (p = strchr(p, '<')) && p < end) {
		const char *close;
		double v;
		int i;

		if (!strncmp(p, "<![CDATA[", 9) || !strncmp(p, "<!--", 4)) {
			const char *stop = strstr(p, p[2] == '[' ? "]]>" : "-->");

			if (!stop)
				return;
			p = stop + 3;
			continue;
		}
		close = tag_end(p);
		if (!close)
			return;
		if (is_tag(p, "testsuite")) {
			for (i = 0; i < NCOUNTS; i++)
				if (attr(p, close, count_names[i], &v))
					t->count[i] += (long)v;
			if (attr(p, close, "time", &v))
				t->time += v;
		}
		p = close;
	}
}

/*
 * One input: its suites' text in [*@from, *@to) and its totals: the root
 * <testsuites>' own counts where it has them, else the sums of its suites.
 */
static int read_doc(const char *doc, const char *name, const char **from, const char **to,
		    struct totals *t, struct error *e)
{
	const char *p = skip_misc(doc), *open_end, *close;
	struct totals suites = { { 0 }, 0 };
	double v;
	int i;

	if (!p || !(open_end = tag_end(p)))
		return errorf(e, "%s: not XML", name);
	if (is_tag(p, "testsuite")) {
		close = strstr(open_end, "</testsuite>");
		if (open_end[-2] == '/')
			close = open_end;
		else if (!close)
			return errorf(e, "%s: <testsuite> is not closed", name);
		else
			close += strlen("</testsuite>");
		*from = p;
		*to = close;
		sum_suites(p, close, t);
		return 0;
	}
	if (!is_tag(p, "testsuites"))
		return errorf(e, "%s: not JUnit XML (the root is neither <testsuites> nor "
			      "<testsuite>)", name);
	if (open_end[-2] == '/') {
		close = open_end;
	} else {
		/* the root's end tag is the last one in the file */
		const char *last = NULL, *q = open_end;

		while ((q = strstr(q, "</testsuites>"))) {
			last = q;
			q++;
		}
		if (!last)
			return errorf(e, "%s: <testsuites> is not closed", name);
		close = last;
	}
	*from = open_end;
	*to = close;
	sum_suites(open_end, close, &suites);
	for (i = 0; i < NCOUNTS; i++)
		t->count[i] += attr(p, open_end, count_names[i], &v) ? (long)v : suites.count[i];
	t->time += attr(p, open_end, "time", &v) ? v : suites.time;
	return 0;
}

int junit_merge(FILE *out, const char *const *docs, const char *const *names, int n,
		struct error *e)
{
	struct totals t = { { 0 }, 0 };
	const char **from = xcalloc((size_t)n, sizeof(char *));
	const char **to = xcalloc((size_t)n, sizeof(char *));
	int i;

	for (i = 0; i < n; i++) {
		if (read_doc(docs[i], names[i], &from[i], &to[i], &t, e)) {
			free(from);
			free(to);
			return -1;
		}
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites name=\"provium\" tests=\"%ld\" failures=\"%ld\" errors=\"%ld\" "
		"skipped=\"%ld\" time=\"%.3f\">\n", t.count[TESTS], t.count[FAILURES],
		t.count[ERRORS], t.count[SKIPPED], t.time);
	for (i = 0; i < n; i++) {
		const char *a = from[i], *b = to[i];

		/* the suites as they were, without the blank lines around them */
		while (a < b && strchr(" \t\r\n", *a))
			a++;
		while (b > a && strchr(" \t\r\n", b[-1]))
			b--;
		if (b > a)
			fprintf(out, "  %.*s\n", (int)(b - a), a);
	}
	fputs("</testsuites>\n", out);
	free(from);
	free(to);
	return 0;
}

int junit_merge_run(int argc, char **argv)
{
	char **docs, *merged = NULL;
	struct error e;
	size_t len = 0;
	FILE *mem;
	int i, rc = 0;

	if (argc == 1 && (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help"))) {
		puts("usage: provium junit-merge OUT.xml IN.xml...\n"
		     "  merge the JUnit XML of several runs (e.g. the shards of --shard K/N)\n"
		     "  into OUT.xml: every <testsuite> of the inputs, totals summed");
		return 0;
	}
	if (argc < 2) {
		fputs("usage: provium junit-merge OUT.xml IN.xml...\n", stderr);
		return 2;
	}
	docs = xcalloc((size_t)argc, sizeof(char *));
	for (i = 1; i < argc; i++) {
		docs[i] = (char *)read_whole_file(argv[i], &len);
		if (!docs[i]) {
			fprintf(stderr, "provium junit-merge: cannot read %s: %s\n", argv[i],
				strerror(errno));
			rc = 2;
			goto out;
		}
		if (strlen(docs[i]) != len) {
			fprintf(stderr, "provium junit-merge: %s: not XML (NUL bytes)\n", argv[i]);
			rc = 2;
			goto out;
		}
	}
	/* merged in memory, then written whole: OUT may be one of the inputs */
	mem = open_memstream(&merged, &len);
	if (!mem)
		oom_exit();
	rc = junit_merge(mem, (const char *const *)docs + 1, (const char *const *)argv + 1,
			 argc - 1, &e);
	fclose(mem);
	if (rc) {
		fprintf(stderr, "provium junit-merge: %s\n", e.msg);
		rc = 2;
	} else if (write_whole_file(argv[0], merged, len)) {
		fprintf(stderr, "provium junit-merge: cannot write %s: %s\n", argv[0],
			strerror(errno));
		rc = 2;
	}
	free(merged);
out:
	for (i = 1; i < argc; i++)
		free(docs[i]);
	free(docs);
	return rc;
}
