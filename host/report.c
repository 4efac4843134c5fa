/*
 * report.c - what "provium test" prints: the human report and TAP 13
 * (kselftest dialect) file by file as files finish, the JSON document and
 * JUnit XML at the end. Pure writers to a FILE; text that is not UTF-8 is
 * replaced, never passed on into JSON or XML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

static double file_secs(const struct test_file *t)
{
	return t->end_ns > t->start_ns ? (t->end_ns - t->start_ns) / 1e9 : 0;
}

static void print_indented(FILE *f, const char *prefix, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, "\n");

		fprintf(f, "%s%.*s\n", prefix, (int)n, p);
		p += n;
		if (*p)
			p++;
	}
}

void report_human(FILE *f, const struct test_file *t)
{
	int i;

	for (i = 0; i < t->ntests; i++) {
		const struct subtest *s = &t->tests[i];

		if (!strcmp(s->status, "ok")) {
			fprintf(f, "  ok    %s (%.2fs)\n", s->name, s->secs);
		} else if (!strcmp(s->status, "fail")) {
			fprintf(f, "  FAIL  %s (%.2fs)\n", s->name, s->secs);
			print_indented(f, "      ", s->msg);
		} else {
			fprintf(f, "  %-5s %s%s%s\n", s->status, s->name,
				s->msg[0] ? ": " : "", s->msg);
		}
	}
	if (t->why) {
		fprintf(f, "  FAIL  %s: %s\n", t->path, t->why);
		if (t->error)
			print_indented(f, "      ", t->error);
	}
	fprintf(f, "%s %s (%.2fs)\n", t->failed ? "FAIL" : "PASS", t->path, file_secs(t));
	if (t->output)
		print_indented(f, "    ", t->output);
	fflush(f);
}

/* A TAP description: one line, '#' escaped (it starts a directive). */
void report_tap_desc(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			fputc(' ', f);
		else if (*s == '#' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

void report_tap(FILE *f, const struct test_file *t)
{
	int i;

	if (t->ntests)
		fprintf(f, "    1..%d\n", t->ntests);
	for (i = 0; i < t->ntests; i++) {
		const struct subtest *s = &t->tests[i];
		int fail = !strcmp(s->status, "fail");

		fprintf(f, "    %s %d ", fail ? "not ok" : "ok", i + 1);
		report_tap_desc(f, s->name);
		if (!strcmp(s->status, "todo") || !strcmp(s->status, "skip")) {
			fprintf(f, " # %s ", !strcmp(s->status, "todo") ? "TODO" : "SKIP");
			report_tap_desc(f, s->msg);
		}
		fputc('\n', f);
		if (fail && s->msg[0])
			print_indented(f, "    # ", s->msg);
	}
	if (t->why) {
		fprintf(f, "# %s: %s\n", t->path, t->why);
		if (t->error)
			print_indented(f, "# ", t->error);
	}
	if (t->output)
		print_indented(f, "# ", t->output);
	fprintf(f, "%s %d ", t->failed ? "not ok" : "ok", t->order);
	report_tap_desc(f, t->path);
	fputc('\n', f);
	fflush(f);
}

/* Decode one UTF-8 sequence at @s (n bytes left): code point, or -1 if invalid. */
static long utf8_next(const unsigned char *s, size_t n, size_t *used)
{
	long cp;
	size_t len, i;

	*used = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return -1;
	}
	if (len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*used = len;
	return cp;
}

static void json_str(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)s), used;

	if (!str) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	while (n) {
		long cp = utf8_next(s, n, &used);

		if (cp < 0)
			fputs("\\ufffd", f);	/* not UTF-8: the replacement character */
		else if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (int)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || cp == 0x7f)
			fprintf(f, "\\u%04lx", cp);
		else
			fwrite(s, 1, used, f);
		s += used;
		n -= used;
	}
	fputc('"', f);
}

/* XML 1.0 text or attribute value: escaped, forbidden characters dropped. */
static void xml_str(FILE *f, const char *str, int attr)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)s), used;

	while (n) {
		long cp = utf8_next(s, n, &used);

		if (cp < 0)
			fputs("\xef\xbf\xbd", f);	/* U+FFFD */
		else if (cp == '&')
			fputs("&amp;", f);
		else if (cp == '<')
			fputs("&lt;", f);
		else if (cp == '>')
			fputs("&gt;", f);
		else if (cp == '"' && attr)
			fputs("&quot;", f);
		else if ((cp == '\n' || cp == '\t' || cp == '\r') && attr)
			fprintf(f, "&#%ld;", cp);
		else if (cp == '\r')
			fputs("&#13;", f);
		else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0xfffe || cp == 0xffff)
			;	/* not allowed in XML 1.0 */
		else
			fwrite(s, 1, used, f);
		s += used;
		n -= used;
	}
}

/* The first line of @s, for message attributes. */
static char *first_line(const char *s)
{
	size_t n = strcspn(s, "\n");

	return xasprintf("%.*s", (int)n, s);
}

void report_json(FILE *f, const struct test_run *r)
{
	size_t k;
	int i;

	fputs("{\"files\":[", f);
	for (k = 0; k < r->n; k++) {
		const struct test_file *t = &r->tf[k];

		fputs(k ? ",\n  {" : "\n  {", f);
		fputs("\"path\":", f);
		json_str(f, t->path);
		fprintf(f, ",\"status\":\"%s\",\"duration\":%.3f,\"tests\":[",
			t->state != TEST_DONE ? "skip" : t->failed ? "fail" : "pass", file_secs(t));
		for (i = 0; i < t->ntests; i++) {
			const struct subtest *s = &t->tests[i];

			fputs(i ? ",\n    {\"name\":" : "\n    {\"name\":", f);
			json_str(f, s->name);
			fprintf(f, ",\"status\":\"%s\",\"duration\":%.3f,\"message\":",
				s->status, s->secs);
			json_str(f, s->msg);
			fputc('}', f);
		}
		fputs("],\"error\":", f);
		if (t->why) {
			char *e = t->error ? xasprintf("%s: %s", t->why, t->error) : xstrdup(t->why);

			json_str(f, e);
			free(e);
		} else if (t->state != TEST_DONE) {
			char *e = xasprintf("not run: %s", r->not_run ? r->not_run : "stopped");

			json_str(f, e);
			free(e);
		} else {
			fputs("null", f);
		}
		fputs(",\"log\":", f);
		json_str(f, r->logdir && t->state == TEST_DONE ? t->log : NULL);
		fputs(",\"output\":", f);
		json_str(f, t->output);
		fputc('}', f);
	}
	fprintf(f, "\n],\"passed\":%d,\"failed\":%d,\"skipped\":%d,\"duration\":%.3f,"
		"\"vms\":{\"warm\":%d,\"fixture\":%d,\"cold\":%d,\"snapshots_built\":%d},"
		"\"logs\":", r->passed, r->failed, r->skipped, r->secs, r->vms.warm,
		r->vms.fixture, r->vms.cold, r->vms.built);
	json_str(f, r->logdir);
	fputs("}\n", f);
}

void report_junit(FILE *f, const struct test_run *r)
{
	size_t k;
	int i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<testsuites name=\"provium\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
		"skipped=\"%d\" time=\"%.3f\">\n", r->passed + r->failed + r->skipped,
		r->failed, r->skipped, r->secs);
	for (k = 0; k < r->n; k++) {
		const struct test_file *t = &r->tf[k];
		int ran = t->state == TEST_DONE;
		int extra = !ran || t->why || !t->ntests;

		fputs("  <testsuite name=\"", f);
		xml_str(f, t->path, 1);
		fprintf(f, "\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">\n",
			t->ntests + extra, t->failed, ran ? t->skipped : 1, file_secs(t));
		for (i = 0; i < t->ntests; i++) {
			const struct subtest *s = &t->tests[i];

			fputs("    <testcase classname=\"", f);
			xml_str(f, t->path, 1);
			fputs("\" name=\"", f);
			xml_str(f, s->name, 1);
			fprintf(f, "\" time=\"%.3f\"", s->secs);
			if (!strcmp(s->status, "ok")) {
				fputs("/>\n", f);
			} else if (!strcmp(s->status, "fail")) {
				char *m = first_line(s->msg);

				fputs(">\n      <failure message=\"", f);
				xml_str(f, m, 1);
				fputs("\">", f);
				xml_str(f, s->msg, 0);
				fputs("</failure>\n    </testcase>\n", f);
				free(m);
			} else {
				char *m = xasprintf("%s%s%s", s->status, s->msg[0] ? ": " : "", s->msg);

				fputs(">\n      <skipped message=\"", f);
				xml_str(f, m, 1);
				fputs("\"/>\n    </testcase>\n", f);
				free(m);
			}
		}
		if (extra) {
			fputs("    <testcase classname=\"", f);
			xml_str(f, t->path, 1);
			fprintf(f, "\" name=\"(file)\" time=\"%.3f\"", t->why ? file_secs(t) : 0.0);
			if (!ran) {
				char *m = xasprintf("not run: %s", r->not_run ? r->not_run : "stopped");

				fputs(">\n      <skipped message=\"", f);
				xml_str(f, m, 1);
				fputs("\"/>\n    </testcase>\n", f);
				free(m);
			} else if (t->why) {
				fputs(">\n      <failure message=\"", f);
				xml_str(f, t->why, 1);
				fputs("\">", f);
				if (t->error) {
					xml_str(f, t->error, 0);
					fputc('\n', f);
				}
				fputs("</failure>\n    </testcase>\n", f);
			} else {
				fputs("/>\n", f);
			}
		}
		if (t->output) {
			fputs("    <system-out>", f);
			xml_str(f, t->output, 0);
			fputs("</system-out>\n", f);
		}
		fputs("  </testsuite>\n", f);
	}
	fputs("</testsuites>\n", f);
}

void report_tap_plan(FILE *f, size_t nfiles)
{
	fprintf(f, "TAP version 13\n1..%zu\n", nfiles);
}

void report_not_run(FILE *f, const struct test_file *t, const char *why, int tap)
{
	if (tap) {
		fprintf(f, "ok %d ", t->order);
		report_tap_desc(f, t->path);
		fprintf(f, " # SKIP not run: %s\n", why);
	} else {
		fprintf(f, "SKIP %s (not run: %s)\n", t->path, why);
	}
}

void report_end(FILE *f, const struct test_run *r, int tap)
{
	if (tap) {
		if (r->logdir)
			fprintf(f, "# logs: %s\n", r->logdir);
		fprintf(f, "# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:0\n",
			r->passed, r->failed, r->skipped);
	} else if (r->logdir) {
		fprintf(f, "logs: %s\n", r->logdir);
	}
}

void report_summary(FILE *f, const struct test_run *r)
{
	const struct vm_starts *v = &r->vms;

	/* how the run's VMs started: the warm start's share of the work */
	fprintf(f, "VMs: %d restored from snapshots (%d snapshot%s built), %d from fixtures, "
		"%d cold-booted\n", v->warm, v->built, v->built == 1 ? "" : "s", v->fixture,
		v->cold);
	fprintf(f, "%d passed, %d failed, %d skipped\n", r->passed, r->failed, r->skipped);
}

/* The escaping above, for the other reports (ksft_report.c). */
void report_json_string(FILE *f, const char *s)
{
	json_str(f, s);
}

void report_xml_text(FILE *f, const char *s, int attr)
{
	xml_str(f, s, attr);
}
