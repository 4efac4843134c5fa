/*
 * ksft.c - an installed kselftest tree (what "make -C
 * tools/testing/selftests install INSTALL_PATH=DIR" writes): the list of
 * collection:test entries, each collection's settings file, the selection
 * of a run, the runner's mapping of exit codes, and results as lines of
 * text. Pure but for reading the tree; unit-tested.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ksft.h"
#include "util.h"

static const char *const status_names[] = {
	"pass", "fail", "skip", "xfail", "xpass", "timeout", "error", "notrun",
};

const char *ksft_status_name(enum ksft_status s)
{
	return s <= KSFT_NOTRUN ? status_names[s] : "?";
}

int ksft_status_failed(enum ksft_status s)
{
	return s == KSFT_FAIL || s == KSFT_XPASS || s == KSFT_TIMEOUT || s == KSFT_ERROR;
}

int ksft_settings_parse(const char *text, size_t len, const char *where, int *timeout_s,
			struct error *e)
{
	size_t pos = 0;
	int lineno = 0;

	*timeout_s = KSFT_DEFAULT_TIMEOUT;
	if (memchr(text, '\0', len))
		return errorf(e, "%s: not a settings file (binary data; want key=value lines "
			      "such as timeout=45)", where);
	while (pos < len) {
		size_t n = 0, k;
		char line[512], *val, *end;

		while (pos + n < len && text[pos + n] != '\n')
			n++;
		lineno++;
		if (n >= sizeof(line))
			return errorf(e, "%s:%d: line too long for a setting", where, lineno);
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos += n + 1;
		while (n && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		if (!n || line[0] == '#')
			continue;
		/* the runner evals kselftest_<key>=<value>: a key is a shell name */
		for (k = 0; isalnum((unsigned char)line[k]) || line[k] == '_'; k++)
			;
		if (!k || isdigit((unsigned char)line[0]) || line[k] != '=')
			return errorf(e, "%s:%d: '%.80s' is not key=value (such as timeout=45)",
				      where, lineno, line);
		line[k] = '\0';
		val = line + k + 1;
		if (strcmp(line, "timeout"))
			continue;	/* other keys mean nothing to the runner either */
		errno = 0;
		*timeout_s = (int)strtol(val, &end, 10);
		if (!*val || *end || errno || *timeout_s < 0 || *timeout_s > 7 * 24 * 3600)
			return errorf(e, "%s:%d: timeout=%.40s: want whole seconds (0 = no limit)",
				      where, lineno, val);
	}
	return 0;
}

static struct ksft_collection *find_col(const struct ksft_tree *t, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strlen(t->cols[i].name) == n && !strncmp(t->cols[i].name, name, n))
			return &t->cols[i];
	return NULL;
}

static int load_settings(struct ksft_tree *t, struct ksft_collection *c, struct error *e)
{
	char *path = xasprintf("%s/%s/settings", t->dir, c->name);
	size_t len;
	uint8_t *d = read_whole_file(path, &len);
	int rc = 0;

	c->timeout_s = KSFT_DEFAULT_TIMEOUT;
	if (d)
		rc = ksft_settings_parse((char *)d, len, path, &c->timeout_s, e);
	else if (errno != ENOENT)
		rc = errorf(e, "cannot read %s: %s", path, strerror(errno));
	free(d);
	free(path);
	return rc;
}

int ksft_tree_load(const char *dir, struct ksft_tree *t, struct error *e)
{
	char *list, *line, *save, *real = realpath(dir, NULL);
	struct stat st;
	size_t len, i;
	uint8_t *d;
	int lineno = 0;

	memset(t, 0, sizeof(*t));
	if (!real || stat(real, &st)) {
		errorf(e, "%s: %s (want a kselftest install)", dir, strerror(errno));
		free(real);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		free(real);
		return errorf(e, "%s is not a directory (want a kselftest install)", dir);
	}
	t->dir = real;
	list = xasprintf("%s/kselftest-list.txt", real);
	d = read_whole_file(list, &len);
	if (!d) {
		errorf(e, "%s is not a kselftest install: it has no kselftest-list.txt (make -C "
		       "tools/testing/selftests TARGETS=... install INSTALL_PATH=%s writes one; "
		       "or see 'provium kselftest --build')", dir, dir);
		goto fail;
	}
	if (memchr(d, '\0', len)) {
		errorf(e, "%s: not a list of tests (binary data)", list);
		goto fail;
	}
	d = xrealloc(d, len + 1);
	d[len] = '\0';
	for (line = strtok_r((char *)d, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *colon = strrchr(line, ':');
		struct ksft_collection *c;

		lineno++;
		line[strcspn(line, "\r")] = '\0';
		if (!*line)
			continue;
		if (!colon || colon == line || !colon[1] || strchr(line, ' ')) {
			errorf(e, "%s:%d: '%.80s' is not collection:test", list, lineno, line);
			goto fail;
		}
		c = find_col(t, line, colon - line);
		if (!c) {
			t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof(*t->cols));
			c = &t->cols[t->ncols++];
			memset(c, 0, sizeof(*c));
			c->name = xasprintf("%.*s", (int)(colon - line), line);
		}
		c->tests = xrealloc(c->tests, (c->ntests + 1) * sizeof(*c->tests));
		c->tests[c->ntests++] = xstrdup(colon + 1);
	}
	if (!t->ncols) {
		errorf(e, "%s lists no tests", list);
		goto fail;
	}
	for (i = 0; i < t->ncols; i++)
		if (load_settings(t, &t->cols[i], e))
			goto fail;
	free(list);
	free(d);
	return 0;
fail:
	free(list);
	free(d);
	ksft_tree_free(t);
	return -1;
}

void ksft_tree_free(struct ksft_tree *t)
{
	size_t i, j;

	for (i = 0; i < t->ncols; i++) {
		for (j = 0; j < t->cols[i].ntests; j++)
			free(t->cols[i].tests[j]);
		free(t->cols[i].tests);
		free(t->cols[i].name);
	}
	free(t->cols);
	free(t->dir);
	memset(t, 0, sizeof(*t));
}

/* "a, b, c" of @c's tests, or of the tree's collections (@c NULL); caller frees */
static char *known(const struct ksft_tree *t, const struct ksft_collection *c)
{
	size_t i, n = c ? c->ntests : t->ncols;
	char *s = xstrdup("");

	for (i = 0; i < n && i < 30; i++)
		xappendf(&s, "%s%s", i ? ", " : "", c ? c->tests[i] : t->cols[i].name);
	if (i < n)
		xappendf(&s, ", ... (%zu in all)", n);
	return s;
}

int ksft_select(const struct ksft_tree *t, const char *const *sel, size_t nsel,
		struct ksft_pick **picks, size_t *npicks, struct error *e)
{
	char *want = xcalloc(t->ncols, 1), **tw = xcalloc(t->ncols, sizeof(char *));
	size_t i, j, k;
	int rc = -1;

	*picks = NULL;
	*npicks = 0;
	/* per collection: 1 = all tests, 2 = those marked in tw[] */
	for (k = 0; k < nsel; k++) {
		const char *colon = strrchr(sel[k], ':');
		size_t n = colon ? (size_t)(colon - sel[k]) : strlen(sel[k]);
		struct ksft_collection *c = find_col(t, sel[k], n);
		char *list;

		if (!c) {
			list = known(t, NULL);
			errorf(e, "no collection '%.*s' in %s (it has: %s)", (int)n, sel[k], t->dir,
			       list);
			free(list);
			goto out;
		}
		i = c - t->cols;
		if (!colon) {
			want[i] = 1;
			continue;
		}
		for (j = 0; j < c->ntests && strcmp(c->tests[j], colon + 1); j++)
			;
		if (j == c->ntests) {
			list = known(t, c);
			errorf(e, "no test '%s' in collection '%s' (it has: %s)", colon + 1,
			       c->name, list);
			free(list);
			goto out;
		}
		if (want[i] != 1) {
			want[i] = 2;
			if (!tw[i])
				tw[i] = xcalloc(c->ntests, 1);
			tw[i][j] = 1;
		}
	}
	for (i = 0; i < t->ncols; i++) {
		const struct ksft_collection *c = &t->cols[i];
		struct ksft_pick *p;

		if (nsel && !want[i])
			continue;
		*picks = xrealloc(*picks, (*npicks + 1) * sizeof(**picks));
		p = &(*picks)[(*npicks)++];
		p->col = c;
		p->tests = xcalloc(c->ntests, sizeof(*p->tests));
		p->ntests = 0;
		for (j = 0; j < c->ntests; j++)
			if (want[i] != 2 || tw[i][j])
				p->tests[p->ntests++] = c->tests[j];
	}
	rc = 0;
out:
	for (i = 0; i < t->ncols; i++)
		free(tw[i]);
	free(tw);
	free(want);
	if (rc) {
		ksft_picks_free(*picks, *npicks);
		*picks = NULL;
		*npicks = 0;
	}
	return rc;
}

void ksft_picks_free(struct ksft_pick *picks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(picks[i].tests);
	free(picks);
}

int ksft_timeout(const struct ksft_collection *c, double factor)
{
	double s = (c->timeout_s ? c->timeout_s : KSFT_NO_LIMIT) * factor;

	return s < 1 ? 1 : s > INT_MAX / 1000 ? INT_MAX / 1000 : (int)(s + 0.5);
}

enum ksft_status ksft_map_exit(int code, int timed_out, int timeout_s,
			       const struct ktap *tap, char **reason)
{
	size_t failed = tap ? ktap_failures(tap) : 0;

	if (timed_out) {
		*reason = xasprintf("%d seconds", timeout_s);
		return KSFT_TIMEOUT;
	}
	switch (code) {
	case 0:
		if (!failed) {
			*reason = xstrdup("");
			return KSFT_PASS;
		}
		*reason = xasprintf("exit=0 but %zu of its results failed", failed);
		return KSFT_FAIL;
	case 4:
		*reason = xstrdup(tap && tap->plan_skip ? tap->plan_skip : "");
		return KSFT_SKIP;
	case 2:
	case 3:
		/*
		 * kselftest.h's ksft_exit_xfail/xpass; a script's "exit 2"
		 * often counts its failures instead, so only a test that
		 * printed kselftest.h's totals line gets them.
		 */
		if (!tap || !ktap_has_totals(tap)) {
			*reason = xasprintf("exit=%d", code);
			return KSFT_FAIL;
		}
		*reason = xstrdup(code == 2 ? "" : "exit=3 XPASS");
		return code == 2 ? KSFT_XFAIL : KSFT_XPASS;
	default:
		*reason = xasprintf("exit=%d", code);
		return KSFT_FAIL;
	}
}

char *ksft_splats_since(const struct vm *vm, uint64_t from)
{
	char *s = xstrdup("");
	uint64_t i, dropped = 0;

	for (i = from + 1; i <= vm->nevents; i++) {
		const struct vm_event *ev = vm_event(vm, i);

		if (!ev) {
			dropped++;	/* a flood: the VM keeps the first and the latest */
			continue;
		}
		if (dropped)
			xappendf(&s, "%s[%llu more reports not kept]", *s ? "\n" : "",
				 (unsigned long long)dropped);
		dropped = 0;
		xappendf(&s, "%sguest kernel %s:\n%s", *s ? "\n" : "", ev->kind, ev->text);
	}
	return s;
}

void ksft_result_free(struct ksft_result *r)
{
	free(r->collection);
	free(r->test);
	free(r->reason);
	free(r->output);
	free(r->splats);
	ktap_free(r->tap);
	memset(r, 0, sizeof(*r));
}

char *ksft_escape(const char *s)
{
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;

	for (; *s; s++) {
		char c = *s == '\\' ? '\\' : *s == '\t' ? 't' : *s == '\n' ? 'n' :
			 *s == '\r' ? 'r' : 0;

		if (c) {
			*o++ = '\\';
			*o++ = c;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

void ksft_unescape(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

void ksft_result_encode(FILE *f, const struct ksft_result *r)
{
	const char *strs[] = { r->collection, r->test, r->reason, r->output, r->splats };
	size_t i;

	fprintf(f, "result\t%s\t%d\t%d\t%.3f", ksft_status_name(r->status), r->exit_code,
		r->timeout_s, r->secs);
	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		char *esc = ksft_escape(strs[i] ? strs[i] : "");

		fprintf(f, "\t%s", esc);
		free(esc);
	}
	fputc('\n', f);
}

int ksft_result_decode(char *line, struct ksft_result *r)
{
	char *f[10], *save;
	char **strs[] = { &r->collection, &r->test, &r->reason, &r->output, &r->splats };
	int n = 0;
	size_t i;

	memset(r, 0, sizeof(*r));
	/* strsep keeps empty fields: an empty output is one */
	for (save = line; n < 10 && save;)
		f[n++] = strsep(&save, "\t");
	if (n != 10 || strcmp(f[0], "result"))
		return -1;
	for (i = 0; i <= KSFT_NOTRUN && strcmp(f[1], status_names[i]); i++)
		;
	if (i > KSFT_NOTRUN)
		return -1;
	r->status = (enum ksft_status)i;
	r->exit_code = atoi(f[2]);
	r->timeout_s = atoi(f[3]);
	r->secs = atof(f[4]);
	for (i = 0; i < 5; i++) {
		ksft_unescape(f[5 + i]);
		*strs[i] = xstrdup(f[5 + i]);
	}
	r->tap = ktap_parse(r->output, strlen(r->output));
	return 0;
}
