/*
 * ksft_report.c - what "provium kselftest" prints: a collection at a time
 * as human text or as a KTAP subtest block, then the totals; JSON and
 * JUnit XML for the whole run. A test is described as the kselftest runner
 * does ("selftests: kcmp: kcmp_test"); its directive says how it ended.
 */
#include <stdlib.h>
#include <string.h>

#include "ksft_report.h"
#include "report.h"
#include "util.h"

#define HUMAN_TAIL_LINES	30

void ksft_run_totals(const struct ksft_run *r, struct ksft_totals *t)
{
	size_t i, j;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < r->ncols; i++) {
		const struct ksft_col_run *c = &r->cols[i];

		t->error += c->error != NULL;
		for (j = 0; j < c->n; j++) {
			switch (c->results[j].status) {
			case KSFT_PASS: t->pass++; break;
			case KSFT_FAIL: case KSFT_TIMEOUT: t->fail++; break;
			case KSFT_XFAIL: t->xfail++; break;
			case KSFT_XPASS: t->xpass++; break;
			case KSFT_ERROR: t->error++; break;
			case KSFT_SKIP: case KSFT_NOTRUN: t->skip++; break;
			}
		}
	}
}

int ksft_col_failed(const struct ksft_col_run *c)
{
	size_t j;

	if (c->error)
		return 1;
	for (j = 0; j < c->n; j++)
		if (ksft_status_failed(c->results[j].status))
			return 1;
	return 0;
}

/* Every test skipped or not run (and none failed)? */
static int col_skipped(const struct ksft_col_run *c)
{
	size_t j;

	for (j = 0; j < c->n; j++)
		if (c->results[j].status != KSFT_SKIP && c->results[j].status != KSFT_NOTRUN)
			return 0;
	return 1;
}

/* One line of @s, no newlines. */
static void one_line(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
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

/* The last @max lines of @s. */
static const char *tail_lines(const char *s, int max)
{
	const char *p = s + strlen(s);

	if (p > s && p[-1] == '\n')
		p--;
	while (p > s) {
		if (p[-1] == '\n' && --max == 0)
			break;
		p--;
	}
	return p;
}

void ksft_report_human(FILE *f, const struct ksft_col_run *c)
{
	static const char *const label[] = {
		"ok", "FAIL", "skip", "xfail", "XPASS", "TIMEOUT", "ERROR", "notrun",
	};
	size_t j;

	for (j = 0; j < c->n; j++) {
		const struct ksft_result *r = &c->results[j];

		fprintf(f, "  %-7s %s", label[r->status], r->test);
		if (r->status != KSFT_NOTRUN)
			fprintf(f, " (%.2fs)", r->secs);
		if (r->reason[0]) {
			fputs(": ", f);
			one_line(f, r->reason);
		}
		fputc('\n', f);
		if (ksft_status_failed(r->status)) {
			if (r->output[0])
				print_indented(f, "      ", tail_lines(r->output, HUMAN_TAIL_LINES));
			if (r->splats[0])
				print_indented(f, "      ", r->splats);
		}
	}
	if (c->error)
		print_indented(f, "  error: ", c->error);
	fprintf(f, "%s %s (%.2fs)\n", !c->ran ? "SKIP" : ksft_col_failed(c) ? "FAIL" : "PASS",
		c->name, c->secs);
	if (c->console)
		fprintf(f, "    console: %s\n", c->console);
	fflush(f);
}

void ksft_report_summary(FILE *f, const struct ksft_run *r)
{
	struct ksft_totals t;

	ksft_run_totals(r, &t);
	fprintf(f, "%d passed, %d failed, %d skipped\n", t.pass,
		t.fail + t.xpass + t.error, t.skip + t.xfail);
}

void ksft_report_ktap_begin(FILE *f, const struct ksft_run *r)
{
	fputs("KTAP version 1\n# provium kselftest: ", f);
	one_line(f, r->dir);
	fprintf(f, "\n# timeouts: settings x%g (%s)\n1..%zu\n", r->factor,
		r->accel ? r->accel : "?", r->ncols);
	fflush(f);
}

static void ktap_test(FILE *f, const struct ksft_result *r, size_t number)
{
	static const char *const directive[] = {
		NULL, NULL, "SKIP", "XFAIL", NULL, "TIMEOUT", "ERROR", "SKIP",
	};
	const struct ktap *k = r->tap;
	size_t i;

	if (k && k->nresults) {
		ktap_write(f, k, 2);
	} else if (k) {
		for (i = 0; i < k->nlines; i++)
			ktap_write_diag(f, 1, k->lines[i]);
		if (k->bail_out) {
			fputs("  # Bail out! ", f);
			one_line(f, k->bail_out);
			fputc('\n', f);
		}
	}
	if (r->splats[0])
		ktap_write_diag(f, 1, r->splats);
	fprintf(f, "  %s %zu selftests: ", ksft_status_failed(r->status) ? "not ok" : "ok", number);
	ktap_write_desc(f, r->collection);
	fputs(": ", f);
	ktap_write_desc(f, r->test);
	if (directive[r->status] || r->reason[0]) {
		fputs(" #", f);
		if (directive[r->status])
			fprintf(f, " %s", directive[r->status]);
		if (r->reason[0]) {
			fputc(' ', f);
			one_line(f, r->reason);
		}
	}
	fputc('\n', f);
}

void ksft_report_ktap_collection(FILE *f, const struct ksft_col_run *c, int number,
				 const char *not_run)
{
	size_t j;

	if (c->ran) {
		fprintf(f, "  KTAP version 1\n  1..%zu\n", c->n);
		for (j = 0; j < c->n; j++)
			ktap_test(f, &c->results[j], j + 1);
	}
	if (c->console)
		fprintf(f, "# console: %s\n", c->console);
	fprintf(f, "%s %d selftests: ", ksft_col_failed(c) ? "not ok" : "ok", number);
	ktap_write_desc(f, c->name);
	if (c->error) {
		fputs(" # ERROR ", f);
		one_line(f, c->error);
	} else if (!c->ran) {
		fputs(" # SKIP not run: ", f);
		one_line(f, not_run ? not_run : "stopped");
	} else if (col_skipped(c)) {
		fputs(" # SKIP", f);
	}
	fputc('\n', f);
	fflush(f);
}

void ksft_report_ktap_end(FILE *f, const struct ksft_run *r)
{
	struct ksft_totals t;

	ksft_run_totals(r, &t);
	fprintf(f, "# Totals: pass:%d fail:%d xfail:%d xpass:%d skip:%d error:%d\n", t.pass,
		t.fail, t.xfail, t.xpass, t.skip, t.error);
	fflush(f);
}

/* A test's own results, recursively: {"name","status","reason","subtests"} */
static void json_tap(FILE *f, const struct ktap *k)
{
	size_t i;

	fputc('[', f);
	for (i = 0; k && i < k->nresults; i++) {
		const struct ktap_result *t = &k->results[i];
		const char *st = t->directive && !strcmp(t->directive, "SKIP") ? "skip" :
				 t->directive && !strcmp(t->directive, "XFAIL") ? "xfail" :
				 t->directive && !strcmp(t->directive, "TODO") ? "todo" :
				 ktap_result_failed(t) ? "fail" : "pass";

		fputs(i ? ",{\"name\":" : "{\"name\":", f);
		report_json_string(f, t->desc);
		fprintf(f, ",\"status\":\"%s\",\"directive\":", st);
		report_json_string(f, t->directive);
		fputs(",\"reason\":", f);
		report_json_string(f, t->diag);
		fputs(",\"subtests\":", f);
		json_tap(f, t->sub);
		fputc('}', f);
	}
	fputc(']', f);
}

void ksft_report_json(FILE *f, const struct ksft_run *r)
{
	struct ksft_totals t;
	size_t i, j;

	fputs("{\"install\":", f);
	report_json_string(f, r->dir);
	fputs(",\"accel\":", f);
	report_json_string(f, r->accel);
	fprintf(f, ",\"timeout_factor\":%g,\"collections\":[", r->factor);
	for (i = 0; i < r->ncols; i++) {
		const struct ksft_col_run *c = &r->cols[i];

		fputs(i ? ",\n  {\"name\":" : "\n  {\"name\":", f);
		report_json_string(f, c->name);
		fprintf(f, ",\"status\":\"%s\",\"duration\":%.3f,\"error\":",
			!c->ran ? "notrun" : ksft_col_failed(c) ? "fail" :
			col_skipped(c) ? "skip" : "pass", c->secs);
		report_json_string(f, c->error);
		fputs(",\"console\":", f);
		report_json_string(f, c->console);
		fputs(",\"tests\":[", f);
		for (j = 0; j < c->n; j++) {
			const struct ksft_result *x = &c->results[j];

			fputs(j ? ",\n    {\"name\":" : "\n    {\"name\":", f);
			report_json_string(f, x->test);
			fprintf(f, ",\"status\":\"%s\",\"exit_code\":", ksft_status_name(x->status));
			if (x->exit_code >= 0)
				fprintf(f, "%d", x->exit_code);
			else
				fputs("null", f);
			fprintf(f, ",\"duration\":%.3f,\"timeout\":%d,\"reason\":", x->secs,
				x->timeout_s);
			report_json_string(f, x->reason);
			fputs(",\"output\":", f);
			report_json_string(f, x->output);
			fputs(",\"splats\":", f);
			report_json_string(f, x->splats);
			fputs(",\"subtests\":", f);
			json_tap(f, x->tap);
			fputc('}', f);
		}
		fputs("]}", f);
	}
	ksft_run_totals(r, &t);
	fprintf(f, "\n],\"totals\":{\"pass\":%d,\"fail\":%d,\"xfail\":%d,\"xpass\":%d,\"skip\":%d,"
		"\"error\":%d},\"passed\":%d,\"failed\":%d,\"skipped\":%d,\"duration\":%.3f}\n",
		t.pass, t.fail, t.xfail, t.xpass, t.skip, t.error, t.pass,
		t.fail + t.xpass + t.error, t.skip + t.xfail, r->secs);
}

static void junit_case(FILE *f, const struct ksft_result *x)
{
	const char *what = NULL, *tag = NULL;
	char *msg;

	fputs("    <testcase classname=\"", f);
	report_xml_text(f, x->collection, 1);
	fputs("\" name=\"", f);
	report_xml_text(f, x->test, 1);
	fprintf(f, "\" time=\"%.3f\">\n", x->secs);
	switch (x->status) {
	case KSFT_PASS: break;
	case KSFT_FAIL: case KSFT_XPASS:
		tag = "failure";
		what = x->reason[0] ? NULL : "failed";	/* the message is the reason */
		break;
	case KSFT_TIMEOUT: tag = "failure"; what = "TIMEOUT"; break;
	case KSFT_ERROR: tag = "error"; what = "ERROR"; break;
	case KSFT_SKIP: tag = "skipped"; what = "SKIP"; break;
	case KSFT_XFAIL: tag = "skipped"; what = "XFAIL"; break;
	case KSFT_NOTRUN: tag = "skipped"; what = NULL; break;
	}
	if (tag) {
		msg = what ? xasprintf("%s%s%s", what, x->reason[0] ? " " : "", x->reason) :
			     xstrdup(x->reason);
		fprintf(f, "      <%s message=\"", tag);
		report_xml_text(f, msg, 1);
		if (!strcmp(tag, "skipped")) {
			fputs("\"/>\n", f);
		} else {
			fputs("\">", f);
			report_xml_text(f, x->splats, 0);
			fprintf(f, "</%s>\n", tag);
		}
		free(msg);
	}
	if (x->output[0]) {
		fputs("      <system-out>", f);
		report_xml_text(f, x->output, 0);
		fputs("</system-out>\n", f);
	}
	fputs("    </testcase>\n", f);
}

void ksft_report_junit(FILE *f, const struct ksft_run *r)
{
	struct ksft_totals t;
	size_t i, j;

	ksft_run_totals(r, &t);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<testsuites name=\"provium kselftest\" tests=\"%d\" failures=\"%d\" "
		"errors=\"%d\" skipped=\"%d\" time=\"%.3f\">\n",
		t.pass + t.fail + t.xfail + t.xpass + t.skip + t.error, t.fail + t.xpass,
		t.error, t.skip + t.xfail, r->secs);
	for (i = 0; i < r->ncols; i++) {
		const struct ksft_col_run *c = &r->cols[i];
		int fails = 0, errors = c->error != NULL, skips = 0;

		for (j = 0; j < c->n; j++) {
			enum ksft_status s = c->results[j].status;

			fails += s == KSFT_FAIL || s == KSFT_XPASS || s == KSFT_TIMEOUT;
			errors += s == KSFT_ERROR;
			skips += s == KSFT_SKIP || s == KSFT_XFAIL || s == KSFT_NOTRUN;
		}
		fputs("  <testsuite name=\"", f);
		report_xml_text(f, c->name, 1);
		fprintf(f, "\" tests=\"%zu\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" "
			"time=\"%.3f\">\n", c->n + (c->error != NULL), fails, errors, skips, c->secs);
		for (j = 0; j < c->n; j++)
			junit_case(f, &c->results[j]);
		if (c->error) {
			fputs("    <testcase classname=\"", f);
			report_xml_text(f, c->name, 1);
			fputs("\" name=\"(collection)\" time=\"0.000\">\n      <error message=\"", f);
			report_xml_text(f, c->error, 1);
			fputs("\">", f);
			report_xml_text(f, c->error, 0);
			fputs("</error>\n    </testcase>\n", f);
		}
		if (c->console) {
			fputs("    <system-out>console: ", f);
			report_xml_text(f, c->console, 0);
			fputs("</system-out>\n", f);
		}
		fputs("  </testsuite>\n", f);
	}
	fputs("</testsuites>\n", f);
}
