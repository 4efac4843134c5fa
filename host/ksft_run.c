/*
 * ksft_run.c - kselftests run in a guest booted with rootfs = "host": one
 * EXEC per test, as the kselftest runner's run_one does it (cd into the
 * collection, ./test with its KSELFTEST_<NAME>_ARGS, stdout and stderr
 * merged, the settings' timeout), plus what the runner cannot see: the
 * kernel splats the agent reported while the test ran, and a guest that
 * died under it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ksft.h"
#include "util.h"

#define GUEST_SH_MAX_ARGS	8

/* Run @script under /bin/sh with @args as $1...; its exit in @x. */
static int guest_sh(struct client *c, const char *script, const char *const *args, size_t n,
		    uint32_t timeout_ms, struct client_exit *x, struct error *e)
{
	const char *argv[GUEST_SH_MAX_ARGS + 4];
	size_t lens[GUEST_SH_MAX_ARGS + 4], i, argc = 0;
	struct client_cmd cmd;

	if (n > GUEST_SH_MAX_ARGS)
		return errorf(e, "%zu arguments for a guest shell, at most %d", n,
			      GUEST_SH_MAX_ARGS);
	argv[argc++] = "/bin/sh";
	argv[argc++] = "-c";
	argv[argc++] = script;
	argv[argc++] = "provium-kselftest";
	for (i = 0; i < n; i++)
		argv[argc++] = args[i];
	for (i = 0; i < argc; i++)
		lens[i] = strlen(argv[i]);
	memset(&cmd, 0, sizeof(cmd));
	cmd.argv = argv;
	cmd.argv_len = lens;
	cmd.argc = argc;
	return client_exec(c, &cmd, timeout_ms, x, e);
}

/*
 * The guest mounts fresh tmpfs on /tmp and /run: an install below them is
 * reached through the plain share (/provium/host) under an overlay of its
 * own at the same path, so tests may still write beside themselves.
 */
int ksft_guest_dir(struct client *c, const char *dir, char *out, size_t outlen,
		   struct error *e)
{
	static const char script[] =
		"d=$1\n"
		"case $d in /tmp/*|/run/*)\n"
		"  grep -q \" $d overlay \" /proc/mounts || {\n"
		"    w=/provium/rw/ksft$(echo \"$d\" | tr / _)\n"
		"    mkdir -p \"$d\" \"$w/u\" \"$w/w\" &&\n"
		"    mount -t overlay overlay -o \"lowerdir=/provium/host$d,upperdir=$w/u,workdir=$w/w\""
		" \"$d\" || exit 1\n"
		"  } ;;\n"
		"esac\n"
		"test -r \"$d/kselftest-list.txt\" || {\n"
		"  echo \"$d is not visible in the guest\"; exit 2; }\n";
	struct client_exit x;

	if (strpbrk(dir, ",: \t\n"))
		return errorf(e, "kselftest install %s: a path with ',', ':' or blanks cannot be "
			      "mounted in the guest", dir);
	if (guest_sh(c, script, &dir, 1, 60000, &x, e))
		return -1;
	if (x.code == 2)
		return errorf(e, "%s is not visible in the guest: boot it with rootfs = \"host\"",
			      dir);
	if (x.code)
		return errorf(e, "cannot mount %s in the guest: %.*s", dir, (int)x.out_len,
			      (const char *)x.out);
	return copy_str(out, outlen, dir) ? errorf(e, "path too long: %s", dir) : 0;
}

/* KSELFTEST_<TEST, upper case, [^A-Z0-9_] as _>_ARGS from our environment */
static const char *test_args(const char *test)
{
	char name[300], *p;
	const char *base = strrchr(test, '/') ? strrchr(test, '/') + 1 : test;
	const char *v;

	snprintf(name, sizeof(name), "KSELFTEST_%s_ARGS", base);
	for (p = name + 10; *p && p < name + strlen(name) - 5; p++)
		*p = isalnum((unsigned char)*p) ? toupper((unsigned char)*p) : '_';
	v = getenv(name);
	return v ? v : "";
}

/*
 * How the runner would start @test of @col: "" = run it as ./test; else
 * the interpreter of a script that is not executable; NULL with @why when
 * it cannot run (missing, not executable and no #!).
 */
static char *how_to_run(const struct ksft_tree *t, const char *col, const char *test,
			char **why)
{
	char *path = xasprintf("%s/%s/%s", t->dir, col, test), line[256] = "";
	struct stat st;
	FILE *f;

	*why = NULL;
	if (stat(path, &st)) {
		*why = xasprintf("Warning: file %s is missing!", test);
		free(path);
		return NULL;
	}
	if (st.st_mode & 0111) {
		free(path);
		return xstrdup("");
	}
	f = fopen(path, "re");
	free(path);
	if (f && fgets(line, sizeof(line), f) && !strncmp(line, "#!", 2)) {
		fclose(f);
		line[strcspn(line, "\r\n")] = '\0';
		return xstrdup(line + 2);
	}
	if (f)
		fclose(f);
	*why = xasprintf("Warning: file %s is not executable", test);
	return NULL;
}

/* A NUL-free copy of @n bytes (consoles and programs print NULs). */
static char *text_of(const uint8_t *d, size_t n)
{
	char *s = xmalloc(n + 1);
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = d[i] ? (char)d[i] : ' ';
	s[n] = '\0';
	return s;
}

/*
 * Collect the reports of what just ran before the next test starts: a call
 * through provium.ko sends the reports the kernel has closed before it
 * returns (the agent forwards them), and the ping that follows brings
 * them, and any the agent scraped from the kernel log, before its reply.
 * (A report without an end marker, lockdep's or a hang's, is closed by
 * the module after 0.2 s of silence and may reach the next test.) Should
 * the guest die now, the caller sees it in vm->dead.
 */
static void flush_reports(struct client *c)
{
	struct client_syscall getpid = { .nr = SYS_getpid };
	struct call_result last;
	struct error e;
	int64_t ret;

	if (!client_call_batch(c, &getpid, 1, &ret, &last, &e))
		client_ping(c, &e);
}

static void run_one(struct client *c, const struct ksft_tree *t, const struct ksft_pick *p,
		    const char *test, const struct ksft_run_opts *o, struct ksft_result *r)
{
	static const char script[] =
		"echo \"kselftest: Running $2:$3\" > /dev/kmsg 2>/dev/null\n"
		"cd \"$1/$2\" || exit 127\n"
		"t=$3 i=$4 a=$5\n"
		"case $t in */*) cd \"${t%/*}\" || exit 127 ;; esac\n"
		"exec 2>&1\n"
		"if [ -n \"$i\" ]; then exec $i \"./${t##*/}\" $a; else exec \"./${t##*/}\" $a; fi\n";
	struct vm *vm = c->vm;
	uint64_t ev0 = vm->nevents;
	off_t console0 = vm_console_size(vm);
	char *why, *interp = how_to_run(t, p->col->name, test, &why);
	uint64_t t0 = mono_ns();
	struct client_exit x;
	struct error e;
	int rc;

	r->timeout_s = ksft_timeout(p->col, o->factor);
	if (!interp) {
		r->status = KSFT_FAIL;
		r->reason = xstrdup(strstr(why, "missing") ? "missing" : "not executable");
		r->output = why;
		r->splats = xstrdup("");
		r->tap = ktap_parse(r->output, strlen(r->output));
		return;
	}
	{
		const char *args[] = { o->guest_dir, p->col->name, test, interp, test_args(test) };

		rc = guest_sh(c, script, args, 5, (uint32_t)r->timeout_s * 1000, &x, &e);
	}
	free(interp);
	r->secs = (mono_ns() - t0) / 1e9;
	if (rc) {
		/* the guest died under the test, or the agent could not start it */
		char *during = vm_console_since(vm, console0, 8000);

		r->status = KSFT_ERROR;
		r->reason = vm->dead && strstr(vm->dead_reason, "kernel panic") ?
			    xstrdup("kernel panic") : xstrdup(e.msg);
		r->output = vm->dead ? xasprintf("%s\n--- console while it ran ---\n%s", e.msg,
						 during) : xstrdup(e.msg);
		free(during);
		r->splats = ksft_splats_since(vm, ev0);
		r->tap = ktap_parse(r->output, strlen(r->output));
		return;
	}
	r->exit_code = x.timed_out ? -1 : (int)x.code;
	r->output = text_of(x.out, x.out_len);
	r->tap = ktap_parse(r->output, strlen(r->output));
	r->status = ksft_map_exit((int)x.code, x.timed_out, r->timeout_s, r->tap, &r->reason);
	flush_reports(c);
	r->splats = ksft_splats_since(vm, ev0);
	if (r->splats[0] && !ksft_status_failed(r->status)) {
		const struct vm_event *first = vm_event(vm, ev0 + 1);
		const char *kind = first ? first->kind : "report", *text = first ? first->text : "";

		free(r->reason);
		r->reason = xasprintf("kernel %s: %.*s", kind, (int)strcspn(text, "\n"), text);
		r->status = KSFT_FAIL;
	}
}

int ksft_run_pick(struct client *c, const struct ksft_tree *t, const struct ksft_pick *p,
		  const struct ksft_run_opts *o, struct ksft_result *out, struct error *e)
{
	const char *stopped = NULL;
	size_t i;
	int rc = 0;

	for (i = 0; i < p->ntests; i++) {
		struct ksft_result *r = &out[i];

		memset(r, 0, sizeof(*r));
		r->collection = xstrdup(p->col->name);
		r->test = xstrdup(p->tests[i]);
		r->exit_code = -1;
		if (!stopped && o->stop && *o->stop)
			stopped = "interrupted";
		if (!stopped && o->failed_elsewhere && *o->failed_elsewhere)
			stopped = "--fail-fast";
		if (stopped) {
			r->status = KSFT_NOTRUN;
			r->timeout_s = ksft_timeout(p->col, o->factor);
			r->reason = xasprintf("not run: %s", stopped);
			r->output = xstrdup("");
			r->splats = xstrdup("");
			r->tap = ktap_parse("", 0);
		} else {
			run_one(c, t, p, p->tests[i], o, r);
			if (c->vm->dead) {
				stopped = strstr(c->vm->dead_reason, "kernel panic") ?
					  "the guest died (kernel panic)" : "the guest died";
				errorf(e, "%s", c->vm->dead_reason);
				rc = -1;
			} else if (o->fail_fast && ksft_status_failed(r->status)) {
				stopped = "--fail-fast";
			}
		}
		if (o->on_result)
			o->on_result(r, o->arg);
	}
	return rc;
}
