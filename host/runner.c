/*
 * runner.c - "provium run", "provium test" and "provium doctor". Each test
 * file runs in its own process with its own Lua state and VMs; the parent
 * schedules files in parallel, collects per-test events through a pipe and
 * reports each file as it completes (human text, TAP), then writes the
 * whole-run documents (JSON, JUnit XML).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>

#include "kernel.h"
#include "config.h"
#include "lprovium.h"
#include "lstate.h"
#include "runner.h"
#include "util.h"

int runner_run_script(int argc, char **argv)
{
	char err[8192];
	lua_State *L;
	int rc = 0;

	if (argc < 1) {
		fputs("usage: provium run <script.lua> [args]\n", stderr);
		return 2;
	}
	if (access(argv[0], R_OK)) {
		fprintf(stderr, "provium: cannot read %s: %s\n", argv[0], strerror(errno));
		return 2;
	}
	L = lstate_new();
	if (!L)
		return 2;
	lstate_catch_signals(L);
	if (lstate_run_file(L, argv[0], argc - 1, argv + 1, err, sizeof(err))) {
		fprintf(stderr, "provium: %s\n", err);
		rc = 1;
	}
	lstate_close(L);	/* closes every VM the script left running */
	return rc;
}

/* ------------------------------------------------------------------ */
/* options and file selection                                          */

#define MAX_FILTERS 64
#define MAX_JOBS 256

struct test_opts {
	int jobs;
	const char *filters[MAX_FILTERS];
	int nfilters;
	int fail_fast;
	int timeout_s;
	int shard_k, shard_n;
	int rerun_failed;
	int tap, json;
	const char *junit;
	const char *mem;
	int cpus;
};

static void add_file(char ***files, size_t *n, const char *path)
{
	*files = xrealloc(*files, (*n + 1) * sizeof(char *));
	(*files)[(*n)++] = xstrdup(path);
}

static void free_files(char **files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* *.lua below @path, skipping fixtures/ and hidden directories; errors printed. */
static int discover(const char *path, char ***files, size_t *n)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (stat(path, &st))
		goto fail;
	if (!S_ISDIR(st.st_mode)) {
		if (access(path, R_OK))
			goto fail;
		add_file(files, n, path);
		return 0;
	}
	d = opendir(path);
	if (!d)
		goto fail;
	while ((de = readdir(d))) {
		char *sub;
		size_t len = strlen(de->d_name);

		/* fixtures/ holds VM states, lib/ shared test code: not tests */
		if (de->d_name[0] == '.' || !strcmp(de->d_name, "fixtures") ||
		    !strcmp(de->d_name, "lib"))
			continue;
		sub = xasprintf("%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
				de->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (discover(sub, files, n))
				rc = -1;
		} else if (len > 4 && !strcmp(de->d_name + len - 4, ".lua")) {
			add_file(files, n, sub);
		}
		free(sub);
	}
	closedir(d);
	return rc;
fail:
	fprintf(stderr, "provium test: %s: %s\n", path, strerror(errno));
	return -1;
}

static const char *rerun_path(void)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/last-failed", cache_dir());
	return path;
}

/* The path as the user sees it: relative to the working directory if below it. */
static char *display_path(const char *abs)
{
	char cwd[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof(cwd))) {
		n = strlen(cwd);
		if (!strncmp(abs, cwd, n) && abs[n] == '/')
			return xstrdup(abs + n + 1);
	}
	return xstrdup(abs);
}

static char *absolute_path(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	if (!strncmp(path, "./", 2))
		path += 2;
	return xasprintf("%s/%s", cwd, path);
}

static int matches(const struct test_opts *o, const char *path)
{
	int i;

	if (!o->nfilters)
		return 1;
	for (i = 0; i < o->nfilters; i++)
		if (strstr(path, o->filters[i]) || !fnmatch(o->filters[i], path, 0))
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* one file: the child process and what it reported                    */

enum { F_PENDING, F_RUNNING, F_DONE };

struct subtest {
	char status[8];		/* ok, fail, todo, skip */
	double secs;
	char *name;
	char *msg;		/* "" if none; newlines restored */
};

struct test_file {
	char *path;		/* as shown */
	int idx;		/* position in the sorted selection */
	int state;
	pid_t pid;
	int events;		/* read end of the child's event pipe */
	char *buf;		/* event text received */
	size_t len;
	char *log;		/* the child's stdout/stderr */
	char *tmpdir;		/* the child's TMPDIR: VM run directories */
	uint64_t start_ns, end_ns;
	int status;		/* wait status */
	int order;		/* completion order, 1-based */
	/* results, once done */
	struct subtest *tests;
	int ntests;
	int passed, failed, skipped;
	char *why;		/* file-level failure ("timed out after 1 s"), or NULL */
	char *error;		/* the error raised outside any test, or NULL */
	char *current;		/* the test started and not finished, or NULL */
	char *output;		/* tail of the output and leftover consoles, failed files */
};

/* Lua run in each child before the file: --mem/--cpus become defaults of vm:boot. */
static const char boot_defaults_lua[] =
	"local mem, cpus = ...\n"
	"local methods = require('provium.core').vm_methods\n"
	"local boot = methods.boot\n"
	"methods.boot = function(vm, opts, ...)\n"
	"  if opts ~= nil and type(opts) ~= 'table' then return boot(vm, opts, ...) end\n"
	"  local o = {}\n"
	"  for k, v in pairs(opts or {}) do o[k] = v end\n"
	"  if o.memory == nil then o.memory = mem end\n"
	"  if o.cpus == nil then o.cpus = cpus end\n"
	"  return boot(vm, o, ...)\n"
	"end\n";

static int set_boot_defaults(lua_State *L, const struct test_opts *o, char *err, size_t len)
{
	if (!o->mem && !o->cpus)
		return 0;
	if (luaL_loadstring(L, boot_defaults_lua)) {
		snprintf(err, len, "%s", lua_tostring(L, -1));
		lua_pop(L, 1);
		return -1;
	}
	if (o->mem)
		lua_pushstring(L, o->mem);
	else
		lua_pushnil(L);
	if (o->cpus)
		lua_pushinteger(L, o->cpus);
	else
		lua_pushnil(L);
	if (lua_pcall(L, 2, 0, 0)) {
		snprintf(err, len, "--mem/--cpus: %s", lua_tostring(L, -1));
		lua_pop(L, 1);
		return -1;
	}
	return 0;
}

/* In the child: run one file, events to @fd. */
static void run_child(struct test_file *t, int fd, const struct test_opts *o)
{
	char err[16384];
	lua_State *L;
	FILE *ev;
	int rc;

	provium_set_event_fd(fd);
	if (o->timeout_s)
		alarm(o->timeout_s);	/* default SIGALRM ends the file; the parent reports */
	L = lstate_new();
	if (!L)
		_exit(2);
	lstate_catch_signals(L);
	rc = set_boot_defaults(L, o, err, sizeof(err));
	if (!rc)
		rc = lstate_run_file(L, t->path, 0, NULL, err, sizeof(err));
	ev = fdopen(fd, "w");
	if (!ev)
		_exit(2);
	if (rc) {
		char *p;

		for (p = err; *p; p++)
			if (*p == '\n')
				*p = '\v';	/* one event per line */
		fprintf(ev, "error\t%s\n", err);
	}
	fflush(ev);
	/* run the framework's end-of-file hook: close VMs, then exit */
	lstate_close(L);
	fprintf(ev, "end\n");
	fclose(ev);
	_exit(rc ? 1 : 0);
}

/* "tests/e2e/basics.lua" -> "basics.lua", anything odd replaced */
static void log_name(char *out, size_t len, const char *dir, int idx, const char *path,
		     const char *suffix)
{
	const char *base = strrchr(path, '/');
	char clean[64];
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; base[i] && i + 1 < sizeof(clean); i++)
		clean[i] = (base[i] == '.' || base[i] == '-' || base[i] == '_' ||
			    (base[i] >= '0' && base[i] <= '9') ||
			    ((base[i] | 0x20) >= 'a' && (base[i] | 0x20) <= 'z')) ? base[i] : '_';
	clean[i] = '\0';
	snprintf(out, len, "%s/%03d-%s%s", dir, idx + 1, clean, suffix);
}

static int start(struct test_file *t, const struct test_opts *o, const char *logdir)
{
	char buf[PATH_MAX];
	int p[2];

	log_name(buf, sizeof(buf), logdir, t->idx, t->path, ".log");
	t->log = xstrdup(buf);
	log_name(buf, sizeof(buf), logdir, t->idx, t->path, ".tmp");
	t->tmpdir = xstrdup(buf);
	mkdir(t->tmpdir, 0700);
	if (pipe2(p, O_CLOEXEC))
		return -1;
	fflush(NULL);
	t->start_ns = mono_ns();
	t->pid = fork();
	if (t->pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (t->pid == 0) {
		int out = open(t->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(p[0]);
		if (out >= 0) {
			dup2(out, 1);
			dup2(out, 2);
		}
		setenv("PROVIUM_LOG_DIR", logdir, 1);
		/* VM run directories (consoles) land next to the log; a VM
		 * that was not shut down (timeout, crash) leaves its console */
		setenv("TMPDIR", t->tmpdir, 1);
		run_child(t, p[1], o);
	}
	close(p[1]);
	t->events = p[0];
	t->state = F_RUNNING;
	return 0;
}

/* Last @lines lines of a file, NULL if empty or unreadable. */
static char *tail_of(const char *path, int lines)
{
	size_t len, i, n;
	uint8_t *d = read_whole_file(path, &len);
	int seen = 0;
	char *s;

	if (!d || !len) {
		free(d);
		return NULL;
	}
	i = len;
	if (d[i - 1] == '\n')
		i--;
	while (i > 0) {
		if (d[i - 1] == '\n' && ++seen >= lines)
			break;
		i--;
	}
	/* a NUL (consoles have them) would cut the text short, or leave it empty */
	for (n = i; n < len; n++)
		if (!d[n])
			d[n] = ' ';
	s = xstrdup((char *)d + i);
	free(d);
	return s;
}

static void append(char **s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void append(char **s, const char *fmt, ...)
{
	va_list ap;
	char *more, *all;

	va_start(ap, fmt);
	if (vasprintf(&more, fmt, ap) < 0)
		more = NULL;
	va_end(ap);
	if (!more)
		return;
	if (!*s) {
		*s = more;
		return;
	}
	all = xasprintf("%s%s", *s, more);
	free(*s);
	free(more);
	*s = all;
}

/* For a failed file: the tail of its output and of any console a VM left behind. */
static void collect_output(struct test_file *t)
{
	char *tail = t->log ? tail_of(t->log, 30) : NULL;
	char *pattern;
	glob_t g;
	size_t i;

	if (tail) {
		append(&t->output, "--- output (%s) ---\n%s%s", t->log, tail,
		       tail[strlen(tail) - 1] == '\n' ? "" : "\n");
		free(tail);
	}
	if (!t->tmpdir)
		return;
	pattern = xasprintf("%s/*/console.log", t->tmpdir);
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			tail = tail_of(g.gl_pathv[i], 20);
			if (!tail)
				continue;
			append(&t->output, "--- console tail (%s) ---\n%s%s", g.gl_pathv[i],
			       tail, tail[strlen(tail) - 1] == '\n' ? "" : "\n");
			free(tail);
		}
		globfree(&g);
	}
	free(pattern);
}

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
static void parse_results(struct test_file *t, const struct test_opts *o)
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
		} else if (!strcmp(f[0], "end")) {
			ended = 1;
		}
	}
	free(buf);
	t->buf = NULL;

	if (t->pid <= 0)
		t->why = xstrdup("could not start a process for this file");
	else if (WIFSIGNALED(t->status) && WTERMSIG(t->status) == SIGALRM && o->timeout_s)
		t->why = xasprintf("timed out after %d s", o->timeout_s);
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
	if (t->failed)
		collect_output(t);
	/* a VM that shut down cleanly leaves an empty run directory */
	if (t->tmpdir)
		rmdir(t->tmpdir);
}

static void free_file(struct test_file *t)
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
}

static double file_secs(const struct test_file *t)
{
	return t->end_ns > t->start_ns ? (t->end_ns - t->start_ns) / 1e9 : 0;
}

/* ------------------------------------------------------------------ */
/* human output                                                        */

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

static void human_file(const struct test_file *t)
{
	int i;

	for (i = 0; i < t->ntests; i++) {
		const struct subtest *s = &t->tests[i];

		if (!strcmp(s->status, "ok")) {
			printf("  ok    %s (%.2fs)\n", s->name, s->secs);
		} else if (!strcmp(s->status, "fail")) {
			printf("  FAIL  %s (%.2fs)\n", s->name, s->secs);
			print_indented(stdout, "      ", s->msg);
		} else {
			printf("  %-5s %s%s%s\n", s->status, s->name, s->msg[0] ? ": " : "", s->msg);
		}
	}
	if (t->why) {
		printf("  FAIL  %s: %s\n", t->path, t->why);
		if (t->error)
			print_indented(stdout, "      ", t->error);
	}
	printf("%s %s (%.2fs)\n", t->failed ? "FAIL" : "PASS", t->path, file_secs(t));
	if (t->output)
		print_indented(stdout, "    ", t->output);
	fflush(stdout);
}

/* ------------------------------------------------------------------ */
/* TAP 13, kselftest dialect                                           */

/* A TAP description: one line, '#' escaped (it starts a directive). */
static void tap_desc(FILE *f, const char *s)
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

static void tap_file(const struct test_file *t)
{
	int i;

	if (t->ntests)
		printf("    1..%d\n", t->ntests);
	for (i = 0; i < t->ntests; i++) {
		const struct subtest *s = &t->tests[i];
		int fail = !strcmp(s->status, "fail");

		printf("    %s %d ", fail ? "not ok" : "ok", i + 1);
		tap_desc(stdout, s->name);
		if (!strcmp(s->status, "todo") || !strcmp(s->status, "skip")) {
			printf(" # %s ", !strcmp(s->status, "todo") ? "TODO" : "SKIP");
			tap_desc(stdout, s->msg);
		}
		putchar('\n');
		if (fail && s->msg[0])
			print_indented(stdout, "    # ", s->msg);
	}
	if (t->why) {
		printf("# %s: %s\n", t->path, t->why);
		if (t->error)
			print_indented(stdout, "# ", t->error);
	}
	if (t->output)
		print_indented(stdout, "# ", t->output);
	printf("%s %d ", t->failed ? "not ok" : "ok", t->order);
	tap_desc(stdout, t->path);
	putchar('\n');
	fflush(stdout);
}

/* ------------------------------------------------------------------ */
/* JSON and XML text                                                   */

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

struct run {
	struct test_file *tf;
	size_t n;
	int passed, failed, skipped;
	const char *not_run;	/* why pending files did not run, or NULL */
	const char *logdir;	/* NULL once removed */
	double secs;
};

static void write_json(FILE *f, const struct run *r)
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
			t->state != F_DONE ? "skip" : t->failed ? "fail" : "pass", file_secs(t));
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
		} else if (t->state != F_DONE) {
			char *e = xasprintf("not run: %s", r->not_run ? r->not_run : "stopped");

			json_str(f, e);
			free(e);
		} else {
			fputs("null", f);
		}
		fputs(",\"log\":", f);
		json_str(f, r->logdir && t->state == F_DONE ? t->log : NULL);
		fputs(",\"output\":", f);
		json_str(f, t->output);
		fputc('}', f);
	}
	fprintf(f, "\n],\"passed\":%d,\"failed\":%d,\"skipped\":%d,\"duration\":%.3f,\"logs\":",
		r->passed, r->failed, r->skipped, r->secs);
	json_str(f, r->logdir);
	fputs("}\n", f);
}

static void write_junit(FILE *f, const struct run *r)
{
	size_t k;
	int i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<testsuites name=\"provium\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
		"skipped=\"%d\" time=\"%.3f\">\n", r->passed + r->failed + r->skipped,
		r->failed, r->skipped, r->secs);
	for (k = 0; k < r->n; k++) {
		const struct test_file *t = &r->tf[k];
		int ran = t->state == F_DONE;
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

/* ------------------------------------------------------------------ */
/* the run                                                             */

static volatile sig_atomic_t stop_requested, stop_count;

static void on_stop(int sig)
{
	stop_requested = sig;
	stop_count++;
}

/* "--opt=value" or "--opt value" */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *bad)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=' && name[1] == '-')
		return a + n + 1;
	if (a[n])
		return name[1] == '-' ? NULL : a + n;	/* -p4 */
	if (*i + 1 >= argc) {
		fprintf(stderr, "provium test: %s needs a value\n", name);
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

static int valid_mem(const char *s)
{
	char *end;
	double n = strtod(s, &end);

	if (end == s || n <= 0)
		return 0;
	if (*end == 'G' || *end == 'g')
		n *= 1024, end++;
	else if (*end == 'M' || *end == 'm')
		end++;
	return !*end && n >= 64 && n <= 65536;
}

static int parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < INT_MIN || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_opts(int argc, char **argv, struct test_opts *o, char ***paths, int *npaths)
{
	int i, bad = 0;

	memset(o, 0, sizeof(*o));
	o->jobs = 1;
	*paths = xcalloc(argc + 1, sizeof(char *));
	*npaths = 0;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v;

		if ((v = opt_value(argc, argv, &i, "-p", &bad)) ||
		    (v = opt_value(argc, argv, &i, "--jobs", &bad))) {
			if (parse_int(v, &o->jobs) || o->jobs < 1 || o->jobs > MAX_JOBS) {
				fprintf(stderr, "provium test: -p %s: want 1..%d\n", v, MAX_JOBS);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "-f", &bad)) ||
			   (v = opt_value(argc, argv, &i, "--filter", &bad))) {
			if (o->nfilters == MAX_FILTERS) {
				fprintf(stderr, "provium test: at most %d -f patterns\n", MAX_FILTERS);
				return -1;
			}
			o->filters[o->nfilters++] = v;
		} else if ((v = opt_value(argc, argv, &i, "--timeout", &bad))) {
			if (parse_int(v, &o->timeout_s) || o->timeout_s < 1) {
				fprintf(stderr, "provium test: --timeout %s: want seconds >= 1\n", v);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--shard", &bad))) {
			char tail;

			if (sscanf(v, "%d/%d%c", &o->shard_k, &o->shard_n, &tail) != 2 ||
			    o->shard_n < 1 || o->shard_k < 1 || o->shard_k > o->shard_n) {
				fprintf(stderr, "provium test: --shard %s: want K/N with 1 <= K <= N\n",
					v);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--junit", &bad))) {
			o->junit = v;
		} else if ((v = opt_value(argc, argv, &i, "--mem", &bad))) {
			if (!valid_mem(v)) {
				fprintf(stderr, "provium test: --mem %s: want a size like 512M or 2G "
					"(64M..64G)\n", v);
				return -1;
			}
			o->mem = v;
		} else if ((v = opt_value(argc, argv, &i, "--cpus", &bad))) {
			if (parse_int(v, &o->cpus) || o->cpus < 1 || o->cpus > 64) {
				fprintf(stderr, "provium test: --cpus %s: want 1..64\n", v);
				return -1;
			}
		} else if (bad) {
			return -1;
		} else if (!strcmp(a, "--fail-fast")) {
			o->fail_fast = 1;
		} else if (!strcmp(a, "--rerun-failed")) {
			o->rerun_failed = 1;
		} else if (!strcmp(a, "--tap")) {
			o->tap = 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return 1;
		} else if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				(*paths)[(*npaths)++] = argv[i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "provium test: unknown option %s\n", a);
			return -1;
		} else {
			(*paths)[(*npaths)++] = argv[i];
		}
	}
	if (bad)
		return -1;
	if (o->tap && o->json) {
		fputs("provium test: --tap and --json both write to stdout: choose one\n", stderr);
		return -1;
	}
	if (!*npaths && !o->rerun_failed) {
		fputs("provium test: no paths given\n", stderr);
		return -1;
	}
	return 0;
}

static void test_usage(FILE *f)
{
	fputs("usage: provium test [options] <paths...>\n"
	      "  -p, --jobs N       run N files at once (default 1)\n"
	      "  -f, --filter PAT   only files whose path contains or glob-matches PAT (repeatable)\n"
	      "  --fail-fast        start no new file after the first failing one\n"
	      "  --rerun-failed     run only the files that failed in the last complete run\n"
	      "  --timeout S        fail a file that runs longer than S seconds\n"
	      "  --shard K/N        run the K-th of N deterministic slices of the files\n"
	      "  --mem SIZE         default memory of the VMs tests boot (512M, 2G)\n"
	      "  --cpus N           default vCPUs of the VMs tests boot\n"
	      "  --tap              TAP 13 (kselftest dialect) on stdout instead of text\n"
	      "  --json             one JSON document on stdout instead of text\n"
	      "  --junit FILE       also write JUnit XML to FILE\n"
	      "exit status: 0 all passed, 1 failures, 2 usage or environment error\n", f);
}

/* The files of this run, sorted, filtered and sharded; NULL + *n = 0 if none. */
static int select_files(const struct test_opts *o, char **paths, int npaths,
			struct test_file **out, size_t *out_n, int *empty_record)
{
	char **files = NULL, **rec = NULL;
	size_t nfiles = 0, nrec = 0, k, sel = 0, i;
	struct test_file *tf;
	int p;

	*empty_record = 0;
	for (p = 0; p < npaths; p++) {
		char *arg = xstrdup(paths[p]);
		size_t len = strlen(arg);

		while (len > 1 && arg[len - 1] == '/')
			arg[--len] = '\0';
		if (discover(arg, &files, &nfiles)) {
			free(arg);
			free_files(files, nfiles);
			return -1;
		}
		free(arg);
	}
	if (o->rerun_failed) {
		size_t len;
		char *list = (char *)read_whole_file(rerun_path(), &len), *line, *save;

		if (!list) {
			fprintf(stderr, "provium test: --rerun-failed: no failed tests recorded "
				"(%s does not exist: run 'provium test' first)\n", rerun_path());
			free_files(files, nfiles);
			return -1;
		}
		for (line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char *shown = display_path(line);

			if (access(line, R_OK))
				fprintf(stderr, "provium test: --rerun-failed: %s is gone, skipping it\n",
					shown);
			else
				add_file(&rec, &nrec, shown);
			free(shown);
		}
		free(list);
		if (npaths) {
			/* only the recorded files below the paths given */
			char **keep = NULL;
			size_t nkeep = 0;

			for (i = 0; i < nrec; i++) {
				char *a = absolute_path(rec[i]);

				for (k = 0; k < nfiles; k++) {
					char *b = absolute_path(files[k]);
					int same = !strcmp(a, b);

					free(b);
					if (same) {
						add_file(&keep, &nkeep, rec[i]);
						break;
					}
				}
				free(a);
			}
			free_files(rec, nrec);
			rec = keep;
			nrec = nkeep;
		}
		free_files(files, nfiles);
		files = rec;
		nfiles = nrec;
		if (!nfiles) {
			*empty_record = 1;
			fprintf(stderr, "provium test: --rerun-failed: no failed tests recorded: "
				"the last complete run passed\n");
		}
	}
	qsort(files, nfiles, sizeof(char *), cmp_str);
	tf = xcalloc(nfiles ? nfiles : 1, sizeof(*tf));
	for (k = 0, i = 0; k < nfiles; k++) {
		if (k && !strcmp(files[k], files[k - 1]))
			continue;	/* named twice */
		if (!matches(o, files[k]))
			continue;
		/* shard by position in the sorted selection: stable across machines */
		if (o->shard_n && (int)(i++ % o->shard_n) != o->shard_k - 1)
			continue;
		tf[sel].path = xstrdup(files[k]);
		tf[sel].idx = (int)sel;
		tf[sel].events = -1;
		sel++;
	}
	free_files(files, nfiles);
	*out = tf;
	*out_n = sel;
	return 0;
}

static void write_record(const struct run *r)
{
	char *text = xstrdup("");
	size_t k;

	for (k = 0; k < r->n; k++) {
		if (r->tf[k].state == F_DONE && r->tf[k].failed) {
			char *abs = absolute_path(r->tf[k].path);

			append(&text, "%s\n", abs);
			free(abs);
		}
	}
	if (write_whole_file(rerun_path(), text, strlen(text)))
		fprintf(stderr, "provium test: cannot write %s: %s\n", rerun_path(),
			strerror(errno));
	free(text);
}

static void signal_running(struct test_file *tf, size_t n, int sig)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (tf[k].state == F_RUNNING && tf[k].pid > 0)
			kill(tf[k].pid, sig);
}

/*
 * The VM pool: never start more files at once than the host's free memory
 * holds, counting each file's VM (--mem, 512M by default) and QEMU's own
 * overhead. Files that boot several VMs are the author's business.
 */
static void cap_jobs_by_memory(struct test_opts *o)
{
	long per_file = (o->mem ? config_parse_memory(o->mem) : 512) + 256;
	long avail_kb = 0;
	char line[256];
	FILE *f = fopen("/proc/meminfo", "re");
	int fit;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %ld kB", &avail_kb) == 1)
			break;
	fclose(f);
	if (avail_kb <= 0 || per_file <= 0)
		return;
	fit = (int)(avail_kb / 1024 / per_file);
	if (fit < 1)
		fit = 1;
	if (fit < o->jobs) {
		fprintf(stderr, "provium test: -p %d lowered to %d: %ld MiB free holds %d VMs of "
			"%ld MiB\n", o->jobs, fit, avail_kb / 1024, fit, per_file);
		o->jobs = fit;
	}
}

int runner_test(int argc, char **argv)
{
	struct test_opts o;
	char **paths, logdir[PATH_MAX];
	int npaths, i, rc, failed_files = 0, order = 0, empty_record, sent_term = 0,
		sent_kill = 0;
	size_t next = 0, running = 0, k;
	struct run r = { 0 };
	FILE *junit = NULL;
	uint64_t t0 = mono_ns();

	rc = parse_opts(argc, argv, &o, &paths, &npaths);
	if (rc) {
		if (rc > 0)
			test_usage(stdout);
		else
			fputs("run 'provium test -h' for the options\n", stderr);
		free(paths);
		return rc > 0 ? 0 : 2;
	}
	rc = select_files(&o, paths, npaths, &r.tf, &r.n, &empty_record);
	free(paths);
	if (rc)
		return 2;
	if (!r.n && !empty_record) {
		fprintf(stderr, "provium test: no test files found\n");
		free(r.tf);
		return 2;
	}
	if (o.junit && !(junit = fopen(o.junit, "w"))) {
		fprintf(stderr, "provium test: --junit %s: %s\n", o.junit, strerror(errno));
		for (k = 0; k < r.n; k++)
			free_file(&r.tf[k]);
		free(r.tf);
		return 2;
	}
	cap_jobs_by_memory(&o);
	snprintf(logdir, sizeof(logdir), "%s/provium-test-XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(logdir)) {
		fprintf(stderr, "provium test: cannot create a log directory: %s\n", strerror(errno));
		if (junit)
			fclose(junit);
		for (k = 0; k < r.n; k++)
			free_file(&r.tf[k]);
		free(r.tf);
		return 2;
	}
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	if (o.tap)
		printf("TAP version 13\n1..%zu\n", r.n);
	fflush(stdout);

	while (next < r.n || running) {
		struct pollfd pfd[MAX_JOBS];
		size_t map[MAX_JOBS];
		int np = 0;

		if (stop_requested && !sent_term) {
			signal_running(r.tf, r.n, SIGTERM);
			sent_term = 1;
		}
		if (stop_count > 1 && !sent_kill) {
			signal_running(r.tf, r.n, SIGKILL);
			sent_kill = 1;
		}
		while (running < (size_t)o.jobs && next < r.n && !stop_requested &&
		       !(o.fail_fast && failed_files)) {
			struct test_file *t = &r.tf[next++];

			if (start(t, &o, logdir) == 0) {
				running++;
				continue;
			}
			/* could not fork: report it as a failed file */
			t->state = F_DONE;
			t->pid = 0;
			t->order = ++order;
			parse_results(t, &o);
			r.passed += t->passed;
			r.failed += t->failed;
			r.skipped += t->skipped;
			failed_files++;
			if (o.tap)
				tap_file(t);
			else if (!o.json)
				human_file(t);
		}
		if (!running)
			break;
		for (k = 0; k < r.n && np < MAX_JOBS; k++) {
			if (r.tf[k].state != F_RUNNING)
				continue;
			pfd[np] = (struct pollfd){ r.tf[k].events, POLLIN, 0 };
			map[np++] = k;
		}
		/* the timeout only closes the window of a signal arriving before poll */
		if (poll(pfd, np, 500) <= 0)
			continue;
		for (i = 0; i < np; i++) {
			struct test_file *t = &r.tf[map[i]];
			char chunk[4096];
			ssize_t n;

			if (!pfd[i].revents)
				continue;
			n = read(t->events, chunk, sizeof(chunk));
			if (n > 0) {
				t->buf = xrealloc(t->buf, t->len + n + 1);
				memcpy(t->buf + t->len, chunk, n);
				t->len += n;
				t->buf[t->len] = '\0';
				continue;
			}
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			close(t->events);
			t->events = -1;
			while (waitpid(t->pid, &t->status, 0) < 0 && errno == EINTR)
				;
			t->end_ns = mono_ns();
			t->state = F_DONE;
			t->order = ++order;
			running--;
			parse_results(t, &o);
			r.passed += t->passed;
			r.failed += t->failed;
			r.skipped += t->skipped;
			if (t->failed)
				failed_files++;
			if (o.tap)
				tap_file(t);
			else if (!o.json)
				human_file(t);
		}
	}
	r.secs = (mono_ns() - t0) / 1e9;
	r.not_run = stop_requested ? "interrupted" : "--fail-fast";
	for (k = 0; k < r.n; k++) {
		struct test_file *t = &r.tf[k];

		if (t->state == F_DONE)
			continue;
		r.skipped++;	/* not started: --fail-fast or Ctrl-C */
		t->order = ++order;
		if (o.tap) {
			printf("ok %d ", t->order);
			tap_desc(stdout, t->path);
			printf(" # SKIP not run: %s\n", r.not_run);
		} else if (!o.json) {
			printf("SKIP %s (not run: %s)\n", t->path, r.not_run);
		}
	}
	/* the record of failures is only replaced by a run that completed */
	if (!stop_requested)
		write_record(&r);
	if (!failed_files && !getenv("PROVIUM_KEEP_LOGS")) {
		rm_rf(logdir);
		r.logdir = NULL;
	} else {
		r.logdir = logdir;
	}
	if (junit) {
		write_junit(junit, &r);
		if (fclose(junit))
			fprintf(stderr, "provium test: writing %s: %s\n", o.junit, strerror(errno));
	}
	if (o.json)
		write_json(stdout, &r);
	if (o.tap) {
		if (r.logdir)
			printf("# logs: %s\n", r.logdir);
		printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:0\n", r.passed,
		       r.failed, r.skipped);
	} else if (!o.json && r.logdir) {
		printf("logs: %s\n", r.logdir);
	}
	fflush(stdout);
	/* the last line of the human report; on stderr when stdout is TAP/JSON */
	fprintf(o.tap || o.json ? stderr : stdout, "%d passed, %d failed, %d skipped\n",
		r.passed, r.failed, r.skipped);
	for (k = 0; k < r.n; k++)
		free_file(&r.tf[k]);
	free(r.tf);
	if (stop_requested)
		return 130;
	return r.failed ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* doctor                                                              */

static int doctor_missing_needed;

static void check(int ok, int needed, const char *what, const char *detail, const char *fix)
{
	printf("%-8s %s", ok ? "OK" : "MISSING", what);
	if (detail && *detail)
		printf(": %s", detail);
	if (!ok && !needed)
		printf(" (not needed to boot)");
	putchar('\n');
	if (!ok && fix)
		printf("         fix: %s\n", fix);
	if (!ok && needed)
		doctor_missing_needed = 1;
}

static int find_on_path(const char *name, char *out, size_t len)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save;
	int found = 0;

	copy = xstrdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
	for (dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		snprintf(out, len, "%s/%s", *dir ? dir : ".", name);
		found = access(out, X_OK) == 0;
	}
	free(copy);
	return found;
}

/* First line of "@prog --version". */
static void program_version(const char *prog, char *out, size_t len)
{
	char *cmd = xasprintf("'%s' --version 2>/dev/null", prog);
	FILE *p = popen(cmd, "r");

	out[0] = '\0';
	free(cmd);
	if (!p)
		return;
	if (fgets(out, (int)len, p))
		out[strcspn(out, "\n")] = '\0';
	pclose(p);
}

/* Does this ELF file ask for a program interpreter (is it dynamically linked)? */
static int elf_is_dynamic(const uint8_t *d, size_t len)
{
	uint64_t phoff;
	uint16_t phentsize, phnum, i;

	if (len < 64 || memcmp(d, "\x7f" "ELF", 4) || d[4] != 2 /* ELFCLASS64 */)
		return 0;
	memcpy(&phoff, d + 32, 8);
	memcpy(&phentsize, d + 54, 2);
	memcpy(&phnum, d + 56, 2);
	for (i = 0; i < phnum; i++) {
		uint32_t type;

		if (phoff + (uint64_t)(i + 1) * phentsize > len || phentsize < 4)
			break;
		memcpy(&type, d + phoff + (uint64_t)i * phentsize, 4);
		if (type == 3 /* PT_INTERP */)
			return 1;
	}
	return 0;
}

/* Newest accel-* verdict in the cache: "kvm (file)" or "". */
static void cached_accel(char *out, size_t len)
{
	char *pattern = xasprintf("%s/accel-*", cache_dir());
	time_t best = 0;
	glob_t g;
	size_t i;

	out[0] = '\0';
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			struct stat st;
			size_t n;
			uint8_t *d;

			if (stat(g.gl_pathv[i], &st) || (out[0] && st.st_mtime < best))
				continue;
			d = read_whole_file(g.gl_pathv[i], &n);
			if (!d)
				continue;
			best = st.st_mtime;
			snprintf(out, len, "%.16s (%s)", (char *)d, g.gl_pathv[i]);
			free(d);
		}
		globfree(&g);
	}
	free(pattern);
}

int runner_doctor(void)
{
	char path[PATH_MAX], detail[PATH_MAX + 512], fix[PATH_MAX + 256], version[256];
	const char *home = provium_home();
	struct kernel k;
	struct error e;
	int have_kernel, fd;
	uint8_t *d;
	size_t len;

	doctor_missing_needed = 0;

	/* QEMU */
	if (find_on_path("qemu-system-x86_64", path, sizeof(path))) {
		program_version(path, version, sizeof(version));
		snprintf(detail, sizeof(detail), "%s (%s)", path, version[0] ? version : "version unknown");
		check(1, 1, "qemu-system-x86_64", detail, NULL);
	} else {
		check(0, 1, "qemu-system-x86_64", "not on PATH",
		      "apt-get install qemu-system-x86");
	}

	/* KVM */
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd >= 0) {
		char verdict[PATH_MAX + 32];

		close(fd);
		cached_accel(verdict, sizeof(verdict));
		snprintf(detail, sizeof(detail),
			 "openable; whether KVM is usable is decided by a probe at first boot%s%s",
			 verdict[0] ? "; cached verdict: " : " (no cached verdict yet)", verdict);
		check(1, 0, "/dev/kvm", detail, NULL);
	} else {
		int err = errno;

		snprintf(detail, sizeof(detail), "%s; VMs fall back to TCG (much slower)",
			 strerror(err));
		check(0, 0, "/dev/kvm", detail,
		      err == ENOENT ? "modprobe kvm_intel (or kvm_amd); inside a VM, enable "
				      "nested virtualization on its host"
				    : "usermod -aG kvm $USER, then log in again");
	}

	/* the default kernel and its headers */
	have_kernel = kernel_find_default(&k, &e) == 0;
	if (have_kernel) {
		if (access(k.image, R_OK)) {
			snprintf(detail, sizeof(detail), "%s is not readable: %s", k.image,
				 strerror(errno));
			snprintf(fix, sizeof(fix), "chmod 0644 %s", k.image);
			check(0, 1, "default kernel", detail, fix);
		} else {
			snprintf(detail, sizeof(detail), "%s (%s)", k.release, k.image);
			check(1, 1, "default kernel", detail, NULL);
		}
		snprintf(path, sizeof(path), "%s/Makefile", k.kbuild);
		snprintf(fix, sizeof(fix), "apt-get install linux-headers-%s", k.release);
		check(access(path, R_OK) == 0, 0, "kernel headers", k.kbuild, fix);
	} else {
		/* no kernel with headers: is there a kernel at all? */
		char best[128] = "";
		struct dirent *de;
		DIR *dir = opendir("/boot");

		while (dir && (de = readdir(dir)))
			if (!strncmp(de->d_name, "vmlinuz-", 8) &&
			    (!best[0] || strverscmp(de->d_name + 8, best) > 0))
				snprintf(best, sizeof(best), "%s", de->d_name + 8);
		if (dir)
			closedir(dir);
		if (best[0]) {
			snprintf(detail, sizeof(detail), "%s (/boot/vmlinuz-%s)", best, best);
			check(1, 1, "default kernel", detail, NULL);
			snprintf(detail, sizeof(detail), "no /lib/modules/%s/build", best);
			snprintf(fix, sizeof(fix), "apt-get install linux-headers-%s", best);
			check(0, 1, "kernel headers", detail, fix);
		} else {
			check(0, 1, "default kernel", "no /boot/vmlinuz-*",
			      "apt-get install linux-image-amd64 linux-headers-amd64");
			check(0, 1, "kernel headers", "no kernel",
			      "apt-get install linux-image-amd64 linux-headers-amd64");
		}
	}

	/* busybox, copied into every initramfs: must be static */
	d = read_whole_file("/bin/busybox", &len);
	if (!d)
		check(0, 1, "busybox", "no /bin/busybox", "apt-get install busybox-static");
	else if (elf_is_dynamic(d, len))
		check(0, 1, "busybox", "/bin/busybox is dynamically linked",
		      "apt-get install busybox-static");
	else
		check(1, 1, "busybox", "/bin/busybox (static)", NULL);
	free(d);

	/* what 'make' builds */
	snprintf(fix, sizeof(fix), "make -C %s", home);
	snprintf(path, sizeof(path), "%s/build/provium-agent", home);
	check(access(path, R_OK) == 0, 1, "guest agent", path, fix);
	snprintf(path, sizeof(path), "%s/build/lua/provium/nr.lua", home);
	check(access(path, R_OK) == 0, 1, "syscall tables", path, fix);
	snprintf(path, sizeof(path), "%s/kmod/provium.ko", home);
	d = read_whole_file(path, &len);
	check(d != NULL, 0, "helper module", path, fix);
	if (d && have_kernel) {
		char magic[128];

		module_vermagic(d, len, magic, sizeof(magic));
		snprintf(detail, sizeof(detail), "%s %s the default kernel %s",
			 magic[0] ? magic : "(none)",
			 !strcmp(magic, k.release) ? "matches" : "does not match", k.release);
		snprintf(fix, sizeof(fix), "make -C %s -B module", home);
		check(!strcmp(magic, k.release), 0, "module vermagic", detail, fix);
	}
	free(d);

	/* needed to build the agent, and the kselftest harness */
	check(access("/usr/lib/x86_64-linux-gnu/libnl-genl-3.a", R_OK) == 0 &&
	      access("/usr/lib/x86_64-linux-gnu/libnl-3.a", R_OK) == 0, 0,
	      "libnl static libraries", "/usr/lib/x86_64-linux-gnu/libnl-genl-3.a",
	      "apt-get install libnl-genl-3-dev");
	snprintf(path, sizeof(path), "%s/kselftest/kselftest_harness.h", cache_dir());
	snprintf(fix, sizeof(fix), "make -C %s selftests", home);
	check(access(path, R_OK) == 0, 0, "kselftest headers", path, fix);

	if (doctor_missing_needed)
		puts("provium cannot boot a VM yet: run the fixes above marked MISSING");
	else
		puts("everything needed to boot is present");
	return doctor_missing_needed ? 2 : 0;
}
