/*
 * trace.c - TRACE (what vm:set_trace arms) and the tracing part of CALL.
 *
 * Errno origins: the script's globs are matched against ftrace's traceable
 * functions, each paired with its address (kallsyms) and return class
 * (BTF), and provium.ko arms them all at once; after a call that asked for
 * it the module's outcome goes into the reply as it is.
 *
 * Function graph: the function_graph tracer is set up once (enabling it
 * patches every traced function, slow under TCG), recording only under
 * provium.ko's provium_graph_call(), which only calls that ask run through;
 * after such a call this thread reads trace_pipe into the reply.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "../kmod/provium_uapi.h"
#include "agent.h"
#include "btf.h"
#include "ksyms.h"

#define TRACEFS		"/sys/kernel/tracing"
#define GRAPH_FUNC	"provium_graph_call"
#define GRAPH_BUFFER_KB	"4096"
#define ERRNO_RESULT_MAX (64 << 10)

/*
 * errno = true: the system call layer and the subsystems most calls go
 * through (VFS, sockets, bpf): about 1,300 functions on Debian's 6.1.
 */
static const char *const default_globs[] = {
	"__x64_sys_*", "__sys_*", "ksys_*", "do_sys_*",
	"vfs_*", "path_*", "filename_*", "do_filp_open", "do_open*", "may_open",
	"sock_*", "__sock_*", "sk_*", "inet_*", "__inet_*", "tcp_v4_*", "udp_*",
	"bpf_map_*", "map_*", "bpf_prog_*", "array_map_*", "htab_map_*",
	NULL
};

static struct btf vmlinux_btf;
static uint8_t *vmlinux_btf_data;
static int errno_armed;		/* the main thread's provium.ko fd has functions armed */
static int graph_ready;
static char *graph_filter;	/* what set_ftrace_filter holds, "" = every function */

static __thread int trace_pipe = -1;
static __thread uint8_t *result;	/* PROVIUM_IOC_ERRNO_RESULT's room */

/* The whole of a file (sysfs and proc files have no size), NUL-terminated. */
static char *read_all(const char *path, size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || !buf) {
		if (fd >= 0)
			close(fd);
		free(buf);
		return NULL;
	}
	for (;;) {
		ssize_t r;

		if (cap - n < 65536) {
			char *p = realloc(buf, cap * 2);

			if (!p)
				goto fail;
			buf = p;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

static int write_str(const char *file, const char *value)
{
	char path[256];
	size_t len = strlen(value);
	int fd, rc = -1;

	snprintf(path, sizeof(path), TRACEFS "/%s", file);
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (write(fd, value, len) == (ssize_t)len)
		rc = 0;
	close(fd);
	return rc;
}

/* tracefs where the guest has it: mounted by the agent if need be. */
static int tracefs_ready(char *err, size_t errlen)
{
	if (access(TRACEFS "/available_filter_functions", R_OK) == 0)
		return 0;
	if (mount("tracefs", TRACEFS, "tracefs", 0, NULL) == 0 &&
	    access(TRACEFS "/available_filter_functions", R_OK) == 0)
		return 0;
	snprintf(err, errlen, "no %s/available_filter_functions: the kernel lacks "
		 "CONFIG_DYNAMIC_FTRACE or tracefs (%s)", TRACEFS, strerror(errno));
	return -1;
}

static const struct btf *load_vmlinux_btf(char *err, size_t errlen)
{
	size_t len;

	if (vmlinux_btf_data)
		return &vmlinux_btf;
	vmlinux_btf_data = (uint8_t *)read_all("/sys/kernel/btf/vmlinux", &len);
	if (!vmlinux_btf_data) {
		snprintf(err, errlen, "cannot read /sys/kernel/btf/vmlinux (%s): return types "
			 "come from BTF, the kernel needs CONFIG_DEBUG_INFO_BTF", strerror(errno));
		return NULL;
	}
	if (btf_parse(&vmlinux_btf, vmlinux_btf_data, len, NULL, err, errlen)) {
		free(vmlinux_btf_data);
		vmlinux_btf_data = NULL;
		return NULL;
	}
	return &vmlinux_btf;
}

/* A module's split BTF, while one TRACE request lasts. */
struct mod_btf {
	char name[64];
	uint8_t *data;
	struct btf btf;
	int ok;
};

static int ret_class(const struct btf *vmlinux, struct mod_btf *mods, size_t nmods,
		     const struct ksym *f)
{
	size_t i;

	if (!f->mod)
		return btf_func_ret(vmlinux, f->name);
	for (i = 0; i < nmods; i++)
		if (!strcmp(mods[i].name, f->mod))
			return mods[i].ok ? btf_func_ret(&mods[i].btf, f->name) : -1;
	return -1;
}

/* Load the split BTF of every module a picked function is in. */
static size_t load_mod_btfs(const struct btf *vmlinux, const struct ksyms *k,
			    const uint8_t *picked, struct mod_btf **out)
{
	struct mod_btf *mods = NULL;
	size_t nmods = 0, i, j;

	for (i = 0; i < k->nfuncs; i++) {
		const char *mod = k->funcs[i].mod;
		char path[128], err[128];
		size_t len;

		if (!picked[i] || !mod)
			continue;
		for (j = 0; j < nmods && strcmp(mods[j].name, mod); j++)
			;
		if (j < nmods)
			continue;
		mods = realloc(mods, (nmods + 1) * sizeof(*mods));
		if (!mods)
			break;
		memset(&mods[nmods], 0, sizeof(*mods));
		snprintf(mods[nmods].name, sizeof(mods[nmods].name), "%s", mod);
		snprintf(path, sizeof(path), "/sys/kernel/btf/%s", mod);
		mods[nmods].data = (uint8_t *)read_all(path, &len);
		mods[nmods].ok = mods[nmods].data &&
				 !btf_parse(&mods[nmods].btf, mods[nmods].data, len, vmlinux,
					    err, sizeof(err));
		nmods++;
	}
	*out = mods;
	return nmods;
}

static void free_mod_btfs(struct mod_btf *mods, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (mods[i].ok)
			btf_free(&mods[i].btf);
		free(mods[i].data);
	}
	free(mods);
}

/*
 * The traceable functions and their addresses, read again only when the
 * loaded modules changed (reading kallsyms and available_filter_functions
 * takes about a second under TCG).
 */
static struct {
	char *modules;		/* names and addresses from /proc/modules */
	char *kall, *filt;
	struct ksyms k;
	int ok;
} ksyms_cache;

/* Which modules are loaded where: /proc/modules without the refcounts. */
static char *modules_key(void)
{
	size_t len, n = 0;
	char *text = read_all("/proc/modules", &len), *line, *save = NULL, *key;

	if (!text)
		return NULL;
	key = malloc(len + 1);
	for (line = strtok_r(text, "\n", &save); key && line;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *addr = strrchr(line, ' ');
		size_t nl = strcspn(line, " ");

		memcpy(key + n, line, nl);
		n += nl;
		if (addr) {
			memcpy(key + n, addr, strlen(addr));
			n += strlen(addr);
		}
		key[n++] = '\n';
	}
	if (key)
		key[n] = '\0';
	free(text);
	return key;
}

static const struct ksyms *current_ksyms(char *err, size_t errlen)
{
	char *mods = modules_key();
	size_t klen, flen;

	if (ksyms_cache.ok && mods && !strcmp(mods, ksyms_cache.modules)) {
		free(mods);
		return &ksyms_cache.k;
	}
	if (ksyms_cache.ok)
		ksyms_free(&ksyms_cache.k);
	free(ksyms_cache.modules);
	free(ksyms_cache.kall);
	free(ksyms_cache.filt);
	memset(&ksyms_cache, 0, sizeof(ksyms_cache));
	ksyms_cache.modules = mods;
	ksyms_cache.kall = read_all("/proc/kallsyms", &klen);
	ksyms_cache.filt = read_all(TRACEFS "/available_filter_functions", &flen);
	if (!mods || !ksyms_cache.kall || !ksyms_cache.filt) {
		snprintf(err, errlen, "cannot read %s: %s", !mods ? "/proc/modules" :
			 !ksyms_cache.kall ? "/proc/kallsyms" : "available_filter_functions",
			 strerror(errno));
		return NULL;
	}
	if (ksyms_parse(&ksyms_cache.k, ksyms_cache.kall, klen, ksyms_cache.filt, flen,
			err, errlen))
		return NULL;
	ksyms_cache.ok = 1;
	return &ksyms_cache.k;
}

/* Why no traceable function matched @glob, in words a script's author can act on. */
static void explain_miss(const struct ksyms *k, const struct btf *btf, const char *glob,
			 char *err, size_t errlen)
{
	if (strpbrk(glob, "*?["))
		snprintf(err, errlen, "errno: glob '%s' matches no traceable function "
			 "(none in %s/available_filter_functions)", glob, TRACEFS);
	else if (ksyms_known(k, glob))
		snprintf(err, errlen, "errno: '%s' cannot be traced: it is in /proc/kallsyms "
			 "but not in available_filter_functions (notrace, or code ftrace "
			 "does not hook)", glob);
	else if (btf && btf_func_ret(btf, glob) >= 0)
		snprintf(err, errlen, "errno: '%s' cannot be traced: BTF knows it but it has "
			 "no symbol of its own (inlined into its callers)", glob);
	else
		snprintf(err, errlen, "errno: no kernel function '%s' (misspelt, inlined, or "
			 "not built into this kernel)", glob);
}

struct arm_req {
	struct provium_errno_arm *blob;
	const char **names;	/* per function, for messages */
	uint32_t nfuncs, nobtf;
};

/* The functions the globs pick, as PROVIUM_IOC_ERRNO_ARM's blob. */
static int build_arm(const char *const *globs, size_t nglobs, struct arm_req *req,
		     char *err, size_t errlen)
{
	size_t i, g, namelen = 0, nmods = 0;
	struct provium_errno_func *fn;
	const struct ksyms *k = NULL;
	const struct btf *btf;
	struct mod_btf *mods = NULL;
	uint8_t *picked = NULL;
	char *names;
	uint32_t n = 0;
	int rc = -1;

	memset(req, 0, sizeof(*req));
	if (tracefs_ready(err, errlen))
		return -1;
	btf = load_vmlinux_btf(err, errlen);
	if (!btf)
		return -1;
	k = current_ksyms(err, errlen);
	if (!k)
		goto out;
	picked = calloc(k->nfuncs ? k->nfuncs : 1, 1);
	if (!picked)
		goto oom;
	for (g = 0; g < nglobs; g++) {
		size_t matched = 0, own = 0;

		for (i = 0; i < k->nfuncs; i++) {
			if (!ksyms_glob(globs[g], k->funcs[i].name))
				continue;
			/* provium.ko refuses its own functions: it would follow itself */
			if (k->funcs[i].mod && !strcmp(k->funcs[i].mod, "provium")) {
				own++;
				continue;
			}
			matched++;
			if (!picked[i] && k->funcs[i].addr) {
				picked[i] = 1;
				n++;
				namelen += strlen(k->funcs[i].name) + 1;
			}
		}
		if (!matched && own) {
			snprintf(err, errlen, "errno: '%s' names only provium.ko's own functions, "
				 "which cannot watch themselves", globs[g]);
			goto out;
		}
		if (!matched) {
			explain_miss(k, btf, globs[g], err, errlen);
			goto out;
		}
	}
	if (n > PROVIUM_ERRNO_MAX_FUNCS) {
		snprintf(err, errlen, "errno: the globs pick %u functions, provium.ko follows "
			 "at most %u: narrow them", n, PROVIUM_ERRNO_MAX_FUNCS);
		goto out;
	}
	if (namelen > PROVIUM_ERRNO_MAX_NAMES) {
		snprintf(err, errlen, "errno: %zu bytes of function names, at most %u: "
			 "narrow the globs", namelen, PROVIUM_ERRNO_MAX_NAMES);
		goto out;
	}
	nmods = load_mod_btfs(btf, k, picked, &mods);
	req->blob = calloc(1, sizeof(*req->blob) + n * sizeof(*fn) + namelen);
	req->names = calloc(n ? n : 1, sizeof(*req->names));
	if (!req->blob || !req->names)
		goto oom;
	req->blob->size = sizeof(*req->blob) + n * sizeof(*fn) + namelen;
	req->blob->version = PROVIUM_UAPI_VERSION;
	req->blob->nfuncs = n;
	req->blob->names_len = namelen;
	fn = (struct provium_errno_func *)(req->blob + 1);
	names = (char *)(fn + n);
	for (i = 0, n = 0, namelen = 0; i < k->nfuncs; i++) {
		int ret;

		if (!picked[i])
			continue;
		ret = ret_class(btf, mods, nmods, &k->funcs[i]);
		if (ret < 0) {
			ret = PROVIUM_RET_INT;	/* no BTF (a module built without) */
			req->nobtf++;
		}
		fn[n].addr = k->funcs[i].addr;
		fn[n].name = namelen;
		fn[n].ret = ret;
		strcpy(names + namelen, k->funcs[i].name);
		req->names[n] = names + namelen;
		namelen += strlen(k->funcs[i].name) + 1;
		n++;
	}
	req->nfuncs = n;
	rc = 0;
	goto out;
oom:
	snprintf(err, errlen, "out of memory matching %zu functions", k ? k->nfuncs : 0);
out:
	if (rc) {
		free(req->blob);
		free(req->names);
		memset(req, 0, sizeof(*req));
	}
	free_mod_btfs(mods, nmods);
	free(picked);
	return rc;
}

static int arm_errno(int fd, const char *const *globs, size_t nglobs, struct proto_buf *out,
		     char *err, size_t errlen)
{
	struct arm_req req;
	uint64_t t0 = now_ns();
	struct utsname u;

	if (build_arm(globs, nglobs, &req, err, errlen))
		return -1;
	proto_put_u64(out, PROTO_A_TRACE_RESOLVE_NS, now_ns() - t0);
	if (ioctl(fd, PROVIUM_IOC_ERRNO_ARM, req.blob)) {
		int e = errno;

		uname(&u);
		if (e == EOPNOTSUPP)
			snprintf(err, errlen, "errno: this kernel (%s) cannot follow returns: "
				 "provium.ko needs fprobe (CONFIG_FPROBE), or rethook with "
				 "CONFIG_DYNAMIC_FTRACE_WITH_REGS and no IBT", u.release);
		else if (e == EINVAL && req.blob->bad < req.nfuncs)
			snprintf(err, errlen, "errno: provium.ko cannot watch '%s': not the start "
				 "of a function of that name, or ftrace cannot hook it",
				 req.names[req.blob->bad]);
		else if (e == EBUSY)
			snprintf(err, errlen, "errno: another program armed provium.ko's errno "
				 "origins in this guest");
		else
			snprintf(err, errlen, "errno: arming %u functions failed: %s",
				 req.nfuncs, strerror(e));
		free(req.blob);
		free(req.names);
		return -1;
	}
	errno_armed = 1;
	proto_put_u32(out, PROTO_A_TRACE_FUNCS, req.nfuncs);
	proto_put_u32(out, PROTO_A_TRACE_NOBTF, req.nobtf);
	proto_put_u64(out, PROTO_A_TRACE_ARM_NS, req.blob->arm_ns);
	free(req.blob);
	free(req.names);
	return 0;
}

static void disarm_errno(int fd)
{
	struct provium_errno_arm a = {
		.size = sizeof(a), .version = PROVIUM_UAPI_VERSION,
	};

	if (errno_armed && fd >= 0)
		ioctl(fd, PROVIUM_IOC_ERRNO_ARM, &a);
	errno_armed = 0;
}

/*
 * set_ftrace_filter: every function (no globs), else provium_graph_call and
 * the functions matching @filter: only those are hooked, so the tracer costs
 * less to enable and to run, and depth counts them only.
 */
static int set_graph_filter(const char *const *filter, size_t n, char *err, size_t errlen)
{
	size_t i, len = 0;
	char *key;
	int fd, rc = 0;

	for (i = 0; i < n; i++)
		len += strlen(filter[i]) + 1;
	key = calloc(1, len + 1);
	if (!key)
		return -1;
	for (i = 0; i < n; i++) {
		strcat(key, filter[i]);
		strcat(key, "\n");
	}
	if (graph_filter && !strcmp(graph_filter, key)) {
		free(key);
		return 0;
	}
	fd = open(TRACEFS "/set_ftrace_filter", O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "graph: cannot open set_ftrace_filter: %s", strerror(errno));
		free(key);
		return -1;
	}
	/* one glob a write: tracefs refuses one that matches nothing (EINVAL) */
	if (n && write(fd, GRAPH_FUNC "\n", strlen(GRAPH_FUNC) + 1) < 0)
		rc = -1;
	for (i = 0; i < n && !rc; i++) {
		char line[256];
		int l = snprintf(line, sizeof(line), "%s\n", filter[i]);

		if (l >= (int)sizeof(line) || write(fd, line, (size_t)l) < 0) {
			snprintf(err, errlen, "graph: filter '%s' matches no traceable function",
				 filter[i]);
			rc = -1;
		}
	}
	close(fd);	/* the new filter takes effect here */
	if (rc) {
		if (!err[0])
			snprintf(err, errlen, "graph: %s cannot be traced here", GRAPH_FUNC);
		free(key);
		/* what the file holds now is unknown: write it again next time */
		free(graph_filter);
		graph_filter = NULL;
		return -1;
	}
	free(graph_filter);
	graph_filter = key;
	return 0;
}

/* The function_graph tracer under provium_graph_call(), levels deep below it. */
static int setup_graph(uint32_t depth, const char *const *filter, size_t nfilter,
		       struct proto_buf *out, char *err, size_t errlen)
{
	static const char *const options[][2] = {
		{ "options/funcgraph-irqs", "0" },	/* not what interrupts did meanwhile */
		{ "options/funcgraph-proc", "1" },	/* comm-pid: whose lines */
		{ "options/funcgraph-tail", "1" },	/* "} / * name * /" on closing lines */
		{ "options/funcgraph-overhead", "0" },
		{ "options/funcgraph-abstime", "0" },
		{ "options/funcgraph-cpu", "1" },
		{ "options/funcgraph-duration", "1" },
		{ "options/funcgraph-retval", "1" },	/* 6.5+ with FUNCTION_GRAPH_RETVAL */
	};
	char buf[32], *tracers;
	uint64_t t0 = now_ns();
	size_t len, i;

	if (tracefs_ready(err, errlen))
		return -1;
	snprintf(buf, sizeof(buf), "%u", depth + 1);	/* provium_graph_call is level 0 */
	err[0] = '\0';
	if (graph_ready) {
		write_str("max_graph_depth", buf);
		if (set_graph_filter(filter, nfilter, err, errlen))
			return -1;
		proto_put_u64(out, PROTO_A_TRACE_GRAPH_NS, now_ns() - t0);
		return 0;
	}
	tracers = read_all(TRACEFS "/available_tracers", &len);
	if (!tracers || !strstr(tracers, "function_graph")) {
		free(tracers);
		snprintf(err, errlen, "graph: no function_graph tracer (the kernel lacks "
			 "CONFIG_FUNCTION_GRAPH_TRACER)");
		return -1;
	}
	free(tracers);
	write_str("tracing_on", "0");
	write_str("current_tracer", "nop");
	if (write_str("set_graph_function", GRAPH_FUNC)) {
		snprintf(err, errlen, "graph: tracefs refuses set_graph_function=%s (%s): "
			 "provium.ko's dispatch function is not traceable here", GRAPH_FUNC,
			 strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		write_str(options[i][0], options[i][1]);	/* each optional */
	if (set_graph_filter(filter, nfilter, err, errlen))
		return -1;
	write_str("buffer_size_kb", GRAPH_BUFFER_KB);
	write_str("max_graph_depth", buf);
	write_str("trace", "");
	if (write_str("current_tracer", "function_graph") || write_str("tracing_on", "1")) {
		snprintf(err, errlen, "graph: cannot start the function_graph tracer: %s",
			 strerror(errno));
		return -1;
	}
	graph_ready = 1;
	proto_put_u64(out, PROTO_A_TRACE_GRAPH_NS, now_ns() - t0);
	return 0;
}

void op_trace(struct channel *ch, const struct proto_msg *m)
{
	uint32_t mode = proto_u32(m, PROTO_A_TRACE_ERRNO, 0);
	const char *globs[256], *filter[256];
	size_t nfilter = 0;
	struct proto_buf *out = &ch->out;
	size_t nglobs = 0, pos = 0;
	const uint8_t *v;
	uint32_t len;
	char err[512];
	int fd = call_module_fd();

	while (nglobs < sizeof(globs) / sizeof(globs[0]) - 1 &&
	       proto_next(m, PROTO_A_TRACE_GLOB, &pos, &v, &len)) {
		char *g = malloc(len + 1);

		if (!g)
			break;
		memcpy(g, v, len);
		g[len] = '\0';
		globs[nglobs++] = g;
	}
	pos = 0;
	while (nfilter < sizeof(filter) / sizeof(filter[0]) - 1 &&
	       proto_next(m, PROTO_A_TRACE_FILTER, &pos, &v, &len)) {
		char *f = malloc(len + 1);

		if (!f)
			break;
		memcpy(f, v, len);
		f[len] = '\0';
		filter[nfilter++] = f;
	}
	proto_begin(out, PROTO_MSG_TRACE, m->hdr.id, 0);
	if (proto_u32(m, PROTO_A_TRACE_GRAPH, 0) &&
	    setup_graph(proto_u32(m, PROTO_A_TRACE_DEPTH, 8), filter, nfilter, out, err,
			sizeof(err)))
		goto fail;
	if (mode == 0) {
		disarm_errno(fd);
	} else if (fd < 0) {
		snprintf(err, sizeof(err), "errno origins need provium.ko, which is not loaded");
		goto fail;
	} else if (mode == 2 ? arm_errno(fd, default_globs,
					 sizeof(default_globs) / sizeof(*default_globs) - 1,
					 out, err, sizeof(err)) :
		   arm_errno(fd, globs, nglobs, out, err, sizeof(err))) {
		goto fail;
	}
	channel_send(ch, out);
	goto done;
fail:
	channel_reply_error(ch, m, EINVAL, "%s", err);
done:
	while (nglobs)
		free((char *)globs[--nglobs]);
	while (nfilter)
		free((char *)filter[--nfilter]);
}

/* ---- around a call ---- */

static int open_trace_pipe(void)
{
	if (trace_pipe < 0)
		trace_pipe = open(TRACEFS "/trace_pipe", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	return trace_pipe;
}

/* Read what trace_pipe holds; into @out as GRAPH unless NULL. */
static void read_trace_pipe(struct proto_buf *out)
{
	static __thread char *text;
	static __thread size_t cap;
	size_t n = 0;

	if (open_trace_pipe() < 0)
		return;
	for (;;) {
		ssize_t r;

		if (cap - n < 65536) {
			char *p = realloc(text, cap ? 2 * cap : 1 << 20);

			if (!p)
				break;
			text = p;
			cap = cap ? 2 * cap : 1 << 20;
		}
		r = read(trace_pipe, text + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (out)
			n += (size_t)r;		/* else: drop what an earlier call left */
	}
	if (out) {
		proto_put(out, PROTO_A_GRAPH, text, n);
		proto_put_u32(out, PROTO_A_GRAPH_PID, (uint32_t)syscall(SYS_gettid));
	}
}

void trace_before_call(const struct provium_call *c)
{
	if (c->flags & PROVIUM_CALL_GRAPH)
		read_trace_pipe(NULL);
}

void trace_after_call(struct proto_buf *out, int fd, const struct provium_call *c)
{
	if (c->executor != PROVIUM_EXEC_MODULE)
		return;		/* the user-space executor records nothing */
	if ((c->flags & PROVIUM_CALL_ERRNO) && fd >= 0) {
		struct provium_errno_result *r;

		if (!result)
			result = malloc(ERRNO_RESULT_MAX);
		r = (struct provium_errno_result *)result;
		if (r) {
			memset(r, 0, sizeof(*r));
			r->size = ERRNO_RESULT_MAX;
			r->version = PROVIUM_UAPI_VERSION;
			if (ioctl(fd, PROVIUM_IOC_ERRNO_RESULT, r) == 0)
				proto_put(out, PROTO_A_ERRNO_ORIGIN, r, r->size);
		}
	}
	if (c->flags & PROVIUM_CALL_GRAPH)
		read_trace_pipe(out);
}

void trace_fini(void)
{
	if (trace_pipe >= 0)
		close(trace_pipe);
	trace_pipe = -1;
	free(result);
	result = NULL;
}
