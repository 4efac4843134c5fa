/*
 * ktap.c - a test's KTAP / kselftest TAP 13 output parsed into results,
 * and results written back as KTAP (Documentation/dev-tools/ktap.rst).
 *
 * Nesting comes two ways: KTAP indents a subtest's block by two spaces,
 * kselftest's runner prefixes a nested stream with "# ". Either opens at a
 * version line under the current block and lasts while lines keep that
 * prefix; the block belongs to the next result line of its parent. Lines
 * that are neither version, plan, result nor "Bail out!" are diagnostics
 * ("# " removed) or unknown lines (kept as they are): both are kept with
 * the result they precede. A block that never gets its parent's result
 * (the test died halfway) is kept as lines, not lost.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ktap.h"
#include "util.h"

#define KTAP_MAX_DEPTH	16

static const char *const directives[] = { "SKIP", "TODO", "XFAIL", "TIMEOUT", "ERROR", NULL };

struct lines {
	char **v;
	size_t n;
};

/* an open block: its results so far and what waits for its next result */
struct frame {
	char *prefix;		/* the whole prefix of its lines */
	struct ktap *k;
	struct lines pending;	/* lines before its next result */
	struct ktap *sub;	/* a closed child block waiting for that result */
	struct lines sub_raw;	/* that child's lines, should it get no result */
	size_t sub_at;		/* where they go among the pending lines then */
	struct lines raw;	/* this block's lines as its parent saw them */
};

static void lines_add(struct lines *l, const char *s, size_t n)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n] = xmalloc(n + 1);
	memcpy(l->v[l->n], s, n);
	l->v[l->n++][n] = '\0';
}

/* Append @src's lines to the array @v of @n (src is emptied). */
static void lines_move_to(char ***v, size_t *n, struct lines *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		(*v)[(*n)++] = src->v[i];
	}
	free(src->v);
	src->v = NULL;
	src->n = 0;
}

static void lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int is_version(const char *s)
{
	return !strcmp(s, "KTAP version 1") || !strncmp(s, "TAP version 1", 13) ||
	       !strncmp(s, "KTAP version ", 13);
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static char *trimmed(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xasprintf("%.*s", (int)n, s);
}

/* "1..N" with an optional "# SKIP why"; 0 if @s is no plan */
static int parse_plan(const char *s, struct ktap *k)
{
	char *end;
	long n;

	if (strncmp(s, "1..", 3) || !isdigit((unsigned char)s[3]))
		return 0;
	n = strtol(s + 3, &end, 10);
	end = (char *)skip_space(end);
	if (*end && *end != '#')
		return 0;
	k->plan = k->plan < 0 ? (int)n : k->plan + (int)n;
	if (*end == '#') {
		const char *d = skip_space(end + 1);

		if (!strncasecmp(d, "SKIP", 4) && (!d[4] || d[4] == ' ')) {
			free(k->plan_skip);
			k->plan_skip = trimmed(d + 4, strlen(d + 4));
		}
	}
	return 1;
}

/* "ok [N] [desc] [# [DIRECTIVE] [diag]]"; 0 if @s is no result line */
static int parse_result(const char *s, struct ktap_result *r)
{
	const char *p = s, *hash;
	char *desc, *o;

	memset(r, 0, sizeof(*r));
	if (!strncmp(p, "not ok", 6)) {
		p += 6;
	} else if (!strncmp(p, "ok", 2)) {
		r->ok = 1;
		p += 2;
	} else {
		return 0;
	}
	if (*p && *p != ' ')
		return 0;	/* "okay", "ok1" */
	p = skip_space(p);
	while (isdigit((unsigned char)*p))
		p++;
	if (*p && *p != ' ' && *p != '#' && p[-1] != ' ')
		return 0;
	p = skip_space(p);
	if (*p == '-' && p[1] == ' ')
		p = skip_space(p + 1);	/* TAP's "ok 1 - name" */
	/* the description ends at the first '#' not escaped by a backslash */
	desc = o = xmalloc(strlen(p) + 1);
	for (hash = p; *hash && *hash != '#'; hash++) {
		if (*hash == '\\' && (hash[1] == '#' || hash[1] == '\\'))
			hash++;
		*o++ = *hash;
	}
	*o = '\0';
	r->desc = trimmed(desc, strlen(desc));
	free(desc);
	if (*hash == '#') {
		const char *d = skip_space(hash + 1);
		size_t i, w = 0;

		while (isalpha((unsigned char)d[w]))
			w++;
		for (i = 0; directives[i]; i++)
			if (w == strlen(directives[i]) && !strncasecmp(d, directives[i], w))
				break;
		if (directives[i]) {
			r->directive = xstrdup(directives[i]);
			d += w;
		}
		if (*skip_space(d))
			r->diag = trimmed(d, strlen(d));
	}
	return 1;
}

static void add_result(struct frame *f, struct ktap_result *r)
{
	struct ktap *k = f->k;

	r->lines = f->pending.v;
	r->nlines = f->pending.n;
	f->pending.v = NULL;
	f->pending.n = 0;
	r->sub = f->sub;
	f->sub = NULL;
	lines_free(&f->sub_raw);
	k->results = xrealloc(k->results, (k->nresults + 1) * sizeof(*k->results));
	k->results[k->nresults++] = *r;
}

/* A child block that got no result line: its lines, as lines of @f. */
static void orphan_sub(struct frame *f)
{
	struct lines *p = &f->pending, *raw = &f->sub_raw;

	if (!f->sub)
		return;
	ktap_free(f->sub);
	f->sub = NULL;
	p->v = xrealloc(p->v, (p->n + raw->n + 1) * sizeof(*p->v));
	memmove(p->v + f->sub_at + raw->n, p->v + f->sub_at, (p->n - f->sub_at) * sizeof(*p->v));
	memcpy(p->v + f->sub_at, raw->v, raw->n * sizeof(*p->v));
	p->n += raw->n;
	free(raw->v);
	raw->v = NULL;
	raw->n = 0;
}

/* Close the innermost block @f into its parent @p. */
static void close_frame(struct frame *f, struct frame *p)
{
	orphan_sub(f);
	lines_move_to(&f->k->lines, &f->k->nlines, &f->pending);
	orphan_sub(p);
	p->sub = f->k;
	p->sub_raw = f->raw;
	p->sub_at = p->pending.n;
	f->raw.v = NULL;
	f->raw.n = 0;
	free(f->prefix);
}

/* One line, routed to frame @d (its prefix removed: @s). */
static void take_line(struct frame *st, int *depth, const char *s)
{
	struct frame *f = &st[*depth];
	struct ktap_result r;

	if ((!strncmp(s, "  ", 2) || !strncmp(s, "# ", 2)) && is_version(s + 2) &&
	    *depth + 1 < KTAP_MAX_DEPTH) {
		struct frame *c = &st[++*depth];

		orphan_sub(f);
		memset(c, 0, sizeof(*c));
		c->prefix = xasprintf("%s%.2s", f->prefix, s);
		c->k = xcalloc(1, sizeof(*c->k));
		c->k->plan = -1;
		lines_add(&c->raw, s, strlen(s));
		return;
	}
	if (is_version(s) || parse_plan(s, f->k))
		return;		/* a later version line: another stream of the same test */
	if (parse_result(s, &r)) {
		add_result(f, &r);
	} else if (!strncmp(s, "Bail out!", 9)) {
		free(f->k->bail_out);
		f->k->bail_out = trimmed(s + 9, strlen(s + 9));
	} else if (s[0] == '#') {
		size_t skip = s[1] == ' ' ? 2 : 1;

		lines_add(&f->pending, s + skip, strlen(s) - skip);
	} else {
		lines_add(&f->pending, s, strlen(s));
	}
}

struct ktap *ktap_parse(const char *text, size_t len)
{
	struct frame st[KTAP_MAX_DEPTH];
	int depth = 0, j;
	size_t pos = 0;
	char *line = xmalloc(len + 1);

	memset(&st[0], 0, sizeof(st[0]));
	st[0].prefix = xstrdup("");
	st[0].k = xcalloc(1, sizeof(*st[0].k));
	st[0].k->plan = -1;
	while (pos < len) {
		size_t n = 0;

		while (pos < len && text[pos] != '\n') {
			line[n++] = text[pos] ? text[pos] : ' ';
			pos++;
		}
		pos++;
		while (n && line[n - 1] == '\r')
			n--;
		line[n] = '\0';
		while (depth > 0 && strncmp(line, st[depth].prefix, strlen(st[depth].prefix))) {
			close_frame(&st[depth], &st[depth - 1]);
			depth--;
		}
		for (j = 1; j <= depth; j++)
			lines_add(&st[j].raw, line + strlen(st[j - 1].prefix),
				  n - strlen(st[j - 1].prefix));
		take_line(st, &depth, line + strlen(st[depth].prefix));
	}
	free(line);
	while (depth > 0) {
		close_frame(&st[depth], &st[depth - 1]);
		depth--;
	}
	orphan_sub(&st[0]);
	lines_move_to(&st[0].k->lines, &st[0].k->nlines, &st[0].pending);
	free(st[0].prefix);
	return st[0].k;
}

void ktap_free(struct ktap *k)
{
	size_t i, j;

	if (!k)
		return;
	for (i = 0; i < k->nresults; i++) {
		struct ktap_result *r = &k->results[i];

		free(r->desc);
		free(r->directive);
		free(r->diag);
		for (j = 0; j < r->nlines; j++)
			free(r->lines[j]);
		free(r->lines);
		ktap_free(r->sub);
	}
	for (j = 0; j < k->nlines; j++)
		free(k->lines[j]);
	free(k->lines);
	free(k->results);
	free(k->plan_skip);
	free(k->bail_out);
	free(k);
}

int ktap_result_failed(const struct ktap_result *r)
{
	if (r->ok)
		return 0;
	return !r->directive || (strcmp(r->directive, "SKIP") && strcmp(r->directive, "TODO") &&
				 strcmp(r->directive, "XFAIL"));
}

size_t ktap_failures(const struct ktap *k)
{
	size_t i, n = 0;

	for (i = 0; i < k->nresults; i++)
		n += ktap_result_failed(&k->results[i]);
	return n;
}

int ktap_has_totals(const struct ktap *k)
{
	size_t i;

	for (i = 0; i < k->nlines; i++)
		if (!strncmp(k->lines[i], "Totals: pass:", 13))
			return 1;
	return 0;
}

static void indent(FILE *f, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		fputs("  ", f);
}

void ktap_write_desc(FILE *f, const char *s)
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

/* Text after a result's '#': one line. */
static void write_rest(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

void ktap_write_diag(FILE *f, int depth, const char *text)
{
	const char *p = text;

	do {
		size_t n = strcspn(p, "\n");
		size_t m = n;

		while (m && p[m - 1] == '\r')
			m--;
		indent(f, depth);
		fprintf(f, m ? "# %.*s\n" : "#\n", (int)m, p);
		p += n;
	} while (*p && *++p);
}

void ktap_write(FILE *f, const struct ktap *k, int depth)
{
	size_t i, j;

	indent(f, depth);
	fputs("KTAP version 1\n", f);
	indent(f, depth);
	fprintf(f, "1..%zu", k->nresults);
	if (!k->nresults && k->plan_skip) {
		fputs(" # SKIP ", f);
		write_rest(f, k->plan_skip);
	}
	fputc('\n', f);
	for (i = 0; i < k->nresults; i++) {
		const struct ktap_result *r = &k->results[i];

		if (r->sub)
			ktap_write(f, r->sub, depth + 1);
		for (j = 0; j < r->nlines; j++)
			ktap_write_diag(f, depth, r->lines[j]);
		indent(f, depth);
		fprintf(f, "%s %zu", r->ok ? "ok" : "not ok", i + 1);
		if (r->desc[0]) {
			fputc(' ', f);
			ktap_write_desc(f, r->desc);
		}
		if (r->directive || r->diag) {
			fputs(" #", f);
			if (r->directive)
				fprintf(f, " %s", r->directive);
			if (r->diag) {
				fputc(' ', f);
				write_rest(f, r->diag);
			}
		}
		fputc('\n', f);
	}
	for (j = 0; j < k->nlines; j++)
		ktap_write_diag(f, depth, k->lines[j]);
	if (k->bail_out) {
		indent(f, depth);
		fputs("# Bail out! ", f);
		write_rest(f, k->bail_out);
		fputc('\n', f);
	}
	if (k->plan >= 0 && (size_t)k->plan != k->nresults && !(k->plan == 0 && k->plan_skip)) {
		indent(f, depth);
		fprintf(f, "# planned %d, reported %zu\n", k->plan, k->nresults);
	}
}
