/*
 * lprovium.c - the "provium.core" Lua module: VM objects and pack/unpack.
 * Bindings only check arguments and push results; the work is in vm.c,
 * call.c and pack.c. lua/provium/init.lua builds the public API on top.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "call.h"
#include "config.h"
#include "fixture.h"
#include "lprovium.h"
#include "pack.h"
#include "vm.h"

#define VM_MT "provium.vm"
#define CALL_GRACE_MS 5000

struct lvm {
	struct vm own;			/* the VM, for an object made by create() */
	struct vm *vm;			/* own, or the parent's for a worker */
	uint32_t worker;		/* worker id, 0 for the VM itself */
	struct vm_config cfg;
	int booted;
	int call_timeout_ms;
	uint32_t executor;		/* 0 auto, PROVIUM_EXEC_* to force one */
	struct call_spec spec;		/* reused: no per-call allocation */
	struct proto_buf batch;		/* vm:syscalls' frames; freed with the object */
	struct call_result last;
	int has_last;
	char *last_log;
	struct vm_file *files;		/* boot options, owned here */
	struct vm_disk *disks;
};

static void free_boot_options(struct lvm *v)
{
	size_t i;

	for (i = 0; i < v->cfg.nfiles; i++) {
		free(v->files[i].guest);
		free(v->files[i].host);
	}
	for (i = 0; i < v->cfg.ndisks; i++)
		free(v->disks[i].path);
	free(v->files);
	free(v->disks);
	v->files = NULL;
	v->disks = NULL;
	v->cfg.nfiles = v->cfg.ndisks = 0;
}

/* boot{files = {[guest] = host}}: every host file must be readable now */
static void parse_files(lua_State *L, struct lvm *v, int t)
{
	size_t n = 0;

	lua_pushnil(L);
	while (lua_next(L, t)) {
		const char *g, *h;

		/* checked first: lua_tostring would turn a number key into a string */
		if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
			luaL_error(L, "vm:boot: files must map guest paths to host paths (strings)");
		g = lua_tostring(L, -2);
		h = lua_tostring(L, -1);
		if (g[0] != '/')
			luaL_error(L, "vm:boot: files: guest path '%s' is not absolute", g);
		if (access(h, R_OK))
			luaL_error(L, "vm:boot: files: cannot read host file %s: %s", h,
				   strerror(errno));
		v->files = xrealloc(v->files, (n + 1) * sizeof(*v->files));
		v->files[n].guest = xstrdup(g);
		v->files[n].host = xstrdup(h);
		v->cfg.nfiles = ++n;
		lua_pop(L, 1);
	}
	v->cfg.files = v->files;
}

/* boot{disks = {"a.img", {file = "b.img", readonly = true}}} */
static void parse_disks(lua_State *L, struct lvm *v, int t)
{
	lua_Integer n = luaL_len(L, t), i;

	if (n > 16)
		luaL_error(L, "vm:boot: %d disks, at most 16", (int)n);
	for (i = 1; i <= n; i++) {
		const char *path = NULL;
		int ro = 0;

		lua_geti(L, t, i);
		if (lua_type(L, -1) == LUA_TSTRING) {
			path = lua_tostring(L, -1);
		} else if (lua_type(L, -1) == LUA_TTABLE) {
			lua_getfield(L, -1, "readonly");
			ro = lua_toboolean(L, -1);
			lua_pop(L, 1);
			/* a string stays referenced by the table once popped */
			if (lua_getfield(L, -1, "file") == LUA_TSTRING)
				path = lua_tostring(L, -1);
			lua_pop(L, 1);
		}
		if (!path)
			luaL_error(L, "vm:boot: disks[%d] must be a path or {file = path}", (int)i);
		if (access(path, ro ? R_OK : R_OK | W_OK))
			luaL_error(L, "vm:boot: disks[%d]: %s: %s", (int)i, path, strerror(errno));
		v->disks = xrealloc(v->disks, i * sizeof(*v->disks));
		v->disks[i - 1].path = xstrdup(path);
		v->disks[i - 1].readonly = ro;
		v->cfg.ndisks = (size_t)i;
		lua_pop(L, 1);
	}
	v->cfg.disks = v->disks;
}

static struct lvm *checkvm(lua_State *L)
{
	return luaL_checkudata(L, 1, VM_MT);
}

static struct lvm *checkrunning(lua_State *L, const char *what)
{
	struct lvm *v = checkvm(L);

	if (!v->booted && v->worker)
		luaL_error(L, "%s: this worker was killed", what);
	if (!v->booted)
		luaL_error(L, "%s: the VM is not booted (call vm:boot() first)", what);
	if (v->vm->dead)
		luaL_error(L, "%s: the VM is not running (%s); console: %s", what,
			   v->vm->dead_reason, v->vm->console);
	return v;
}

/* Raise the VM's failure, with the console tail when the guest died. */
static int vm_error(lua_State *L, struct lvm *v, const char *what, const struct error *e)
{
	if (v->vm->dead && v->vm->console[0]) {
		char *tail = vm_console_tail(v->vm, 4000);

		lua_pushfstring(L, "%s: %s\n--- console tail (%s) ---\n%s", what, e->msg,
				v->vm->console, tail);
		free(tail);
		return lua_error(L);
	}
	return luaL_error(L, "%s: %s", what, e->msg);
}

static void not_for_workers(lua_State *L, struct lvm *v, const char *what)
{
	if (v->worker)
		luaL_error(L, "%s is not available on a worker", what);
}

/* A new VM object on the stack, owning its (not yet started) VM. */
static struct lvm *push_vm_object(lua_State *L)
{
	struct lvm *v = lua_newuserdatauv(L, sizeof(*v), 1);

	memset(v, 0, sizeof(*v));
	v->vm = &v->own;
	v->vm->fd = v->vm->pidfd = v->vm->qmp.fd = -1;
	v->call_timeout_ms = VM_DEFAULT_CALL_TIMEOUT_MS;
	luaL_setmetatable(L, VM_MT);
	return v;
}

static int l_create(lua_State *L)
{
	const char *profile = luaL_optstring(L, 1, "default");
	const char *config = NULL;
	struct lvm *v;
	struct error e;

	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		/* only a string stays referenced by the table once popped */
		if (lua_getfield(L, 2, "config") == LUA_TSTRING)
			config = lua_tostring(L, -1);
		else if (!lua_isnil(L, -1))
			return luaL_error(L, "provium.create: config must be a path (string)");
		lua_pop(L, 1);
	}
	v = push_vm_object(L);
	if (config_profile(profile, config, &v->cfg, &e))
		return luaL_error(L, "provium.create: %s", e.msg);
	return 1;
}

static unsigned int parse_memory(lua_State *L, int idx)
{
	const char *s = lua_tostring(L, idx);
	long mb = s ? config_parse_memory(s) : -1;

	if (mb < 0)
		luaL_error(L, "vm:boot: memory '%s' is not a size between 64M and 64G",
			   s ? s : luaL_typename(L, idx));
	return (unsigned int)mb;
}

static int l_boot(lua_State *L)
{
	struct lvm *v = checkvm(L);
	struct error e;

	not_for_workers(L, v, "vm:boot");
	if (v->booted)
		return luaL_error(L, "vm:boot: this VM was already booted");
	free_boot_options(v);	/* an earlier boot that failed may have left some */
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		if (lua_getfield(L, 2, "memory") != LUA_TNIL)
			v->cfg.memory_mb = parse_memory(L, -1);
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "cpus") != LUA_TNIL) {
			lua_Integer n = lua_tointeger(L, -1);

			if (n < 1 || n > 64)
				return luaL_error(L, "vm:boot: cpus %d outside 1..64", (int)n);
			v->cfg.cpus = (unsigned int)n;
		}
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "files") != LUA_TNIL) {
			luaL_checktype(L, -1, LUA_TTABLE);
			parse_files(L, v, lua_gettop(L));
		}
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "disks") != LUA_TNIL) {
			luaL_checktype(L, -1, LUA_TTABLE);
			parse_disks(L, v, lua_gettop(L));
		}
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "timeout") != LUA_TNIL) {
			lua_Number t = luaL_checknumber(L, -1);

			if (t <= 0 || t > 86400)
				return luaL_error(L, "vm:boot: timeout %f s outside 0..86400", t);
			v->call_timeout_ms = (int)(t * 1000);
		}
		lua_pop(L, 1);
	}
	if (vm_boot(v->vm, &v->cfg, &e))
		return luaL_error(L, "vm:boot: %s", e.msg);
	v->booted = 1;
	lua_settop(L, 1);
	return 1;
}

static int l_shutdown(lua_State *L)
{
	struct lvm *v = checkvm(L);
	struct error e;

	not_for_workers(L, v, "vm:shutdown");
	if (v->booted && v->vm->rundir[0] && vm_shutdown(v->vm, &e))
		return luaL_error(L, "vm:shutdown: %s", e.msg);
	return 0;
}

static int l_kill(lua_State *L)
{
	struct lvm *v = checkvm(L);

	if (v->worker) {
		struct proto_msg m;
		struct error e;

		if (v->vm->dead || !v->booted)
			return 0;
		vm_begin(v->vm, PROTO_MSG_WORKER_KILL);
		proto_put_u32(&v->vm->out, PROTO_A_WORKER_ID, v->worker);
		if (vm_request(v->vm, v->call_timeout_ms, &m, &e))
			return vm_error(L, v, "worker:kill", &e);
		v->booted = 0;
		return 0;
	}

	if (v->booted && v->vm->rundir[0])
		vm_kill(v->vm);
	return 0;
}

static int l_gc(lua_State *L)
{
	struct lvm *v = checkvm(L);

	free(v->last_log);
	v->last_log = NULL;
	proto_buf_free(&v->batch);
	if (v->worker)
		return 0;	/* the worker goes with its VM */
	if (v->booted && v->vm->rundir[0])
		vm_kill(v->vm);
	free_boot_options(v);
	vm_free_events(v->vm);
	return 0;
}

/* Start a request; a worker's requests are routed to it by the agent. */
static void begin(struct lvm *v, unsigned int type)
{
	vm_begin(v->vm, type);
	if (v->worker)
		proto_put_u32(&v->vm->out, PROTO_A_WORKER, v->worker);
}

/* Send the spec in v->spec and store the result; leaves the reply in @m. */
static void run_call(lua_State *L, struct lvm *v, const char *what, uint32_t executor,
		     struct proto_msg *m)
{
	char err[512];
	struct error e;

	begin(v, PROTO_MSG_CALL);
	if (call_encode(&v->spec, &v->vm->out, err, sizeof(err)))
		luaL_error(L, "%s: %s", what, err);
	if (!executor)
		executor = v->executor;
	if (executor)
		proto_put_u32(&v->vm->out, PROTO_A_EXECUTOR, executor);
	proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, v->call_timeout_ms);
	if (vm_request(v->vm, v->call_timeout_ms + CALL_GRACE_MS, m, &e))
		vm_error(L, v, what, &e);
	if (call_decode(&v->spec, m, &v->last, err, sizeof(err)))
		luaL_error(L, "%s: %s", what, err);
	v->has_last = 1;
	free(v->last_log);
	v->last_log = NULL;
	if (v->last.log_len) {
		v->last_log = malloc(v->last.log_len + 1);
		if (v->last_log) {
			memcpy(v->last_log, v->last.log, v->last.log_len);
			v->last_log[v->last.log_len] = '\0';
		}
	}
}

static uint64_t checkarg(lua_State *L, int idx)
{
	int ok = lua_type(L, idx) == LUA_TNUMBER;
	lua_Integer n = ok ? lua_tointegerx(L, idx, &ok) : 0;

	if (!ok) {
		/* floats beyond 2^63 keep their unsigned value */
		if (lua_type(L, idx) == LUA_TNUMBER) {
			lua_Number f = lua_tonumber(L, idx);

			if (f >= 9223372036854775808.0 && f < 18446744073709551616.0 &&
			    f == (lua_Number)(uint64_t)f)
				return (uint64_t)f;
		}
		luaL_argerror(L, idx, "integer expected");
	}
	return (uint64_t)n;
}

/* vm:syscall(nr, a0, ..., a5) -> ret */
static int l_syscall(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:syscall");
	int n = lua_gettop(L) - 2, i;
	struct proto_msg m;

	if (n > PROVIUM_NARGS)
		return luaL_error(L, "vm:syscall: %d arguments, a system call takes at most 6", n);
	memset(&v->spec, 0, offsetof(struct call_spec, bufs));
	v->spec.nbufs = v->spec.npatches = 0;
	v->spec.nr = checkarg(L, 2);
	for (i = 0; i < n; i++)
		v->spec.args[i] = checkarg(L, 3 + i);
	run_call(L, v, "vm:syscall", 0, &m);
	lua_pushinteger(L, v->last.ret);
	return 1;
}

#define PIPELINE_CHUNK 128	/* calls in flight at once: bounded buffering */

/*
 * vm:syscalls({ {nr, a0, ...}, ... }) -> { ret, ... }: integer-argument
 * calls sent back to back without waiting for each reply (pipelined), in
 * order. vm:last_call() describes the last one.
 */
static int l_syscalls(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:syscalls");
	struct proto_buf *batch = &v->batch;	/* not freed here: errors longjmp */
	lua_Integer n, i, done = 0;
	uint32_t ids[PIPELINE_CHUNK];
	char err[256];
	struct error e;

	luaL_checktype(L, 2, LUA_TTABLE);
	n = luaL_len(L, 2);
	lua_createtable(L, (int)n, 0);
	while (done < n) {
		lua_Integer chunk = n - done < PIPELINE_CHUNK ? n - done : PIPELINE_CHUNK;

		batch->len = 0;
		for (i = 0; i < chunk; i++) {
			lua_Integer k, nargs;
			int t;

			lua_geti(L, 2, done + i + 1);
			t = lua_gettop(L);
			if (!lua_istable(L, t))
				return luaL_error(L, "vm:syscalls: entry %d is not a table {nr, args...}",
						  (int)(done + i + 1));
			nargs = luaL_len(L, t) - 1;
			if (nargs < 0 || nargs > PROVIUM_NARGS)
				return luaL_error(L, "vm:syscalls: entry %d has %d arguments (0..6)",
						  (int)(done + i + 1), (int)nargs);
			memset(&v->spec, 0, offsetof(struct call_spec, bufs));
			v->spec.nbufs = v->spec.npatches = 0;
			for (k = 0; k <= nargs; k++) {
				lua_geti(L, t, k + 1);
				if (lua_type(L, -1) != LUA_TNUMBER || !lua_isinteger(L, -1))
					return luaL_error(L, "vm:syscalls: entry %d, value %d: integer "
							  "expected", (int)(done + i + 1), (int)k + 1);
				if (k == 0)
					v->spec.nr = (uint64_t)lua_tointeger(L, -1);
				else
					v->spec.args[k - 1] = (uint64_t)lua_tointeger(L, -1);
				lua_pop(L, 1);
			}
			lua_pop(L, 1);
			vm_begin(v->vm, PROTO_MSG_CALL);
			if (v->worker)
				proto_put_u32(&v->vm->out, PROTO_A_WORKER, v->worker);
			if (call_encode(&v->spec, &v->vm->out, err, sizeof(err)))
				return luaL_error(L, "vm:syscalls: %s", err);
			if (v->executor)
				proto_put_u32(&v->vm->out, PROTO_A_EXECUTOR, v->executor);
			proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, v->call_timeout_ms);
			if (proto_finish(&v->vm->out))
				return luaL_error(L, "vm:syscalls: out of memory");
			ids[i] = v->vm->next_id;
			if (batch->cap < batch->len + v->vm->out.len) {
				batch->cap = 2 * (batch->len + v->vm->out.len);
				batch->data = xrealloc(batch->data, batch->cap);
			}
			memcpy(batch->data + batch->len, v->vm->out.data, v->vm->out.len);
			batch->len += v->vm->out.len;
		}
		if (vm_send(v->vm, batch->data, batch->len, &e))
			return vm_error(L, v, "vm:syscalls", &e);
		for (i = 0; i < chunk; i++) {
			struct proto_msg m;

			if (vm_wait(v->vm, ids[i], v->call_timeout_ms + CALL_GRACE_MS, &m, &e))
				return vm_error(L, v, "vm:syscalls", &e);
			if (call_decode(&v->spec, &m, &v->last, err, sizeof(err)))
				return luaL_error(L, "vm:syscalls: %s", err);
			v->has_last = 1;
			lua_pushinteger(L, v->last.ret);
			lua_seti(L, -2, done + i + 1);
		}
		done += chunk;
	}
	return 1;
}

static lua_Integer field_int(lua_State *L, int t, const char *k, lua_Integer dflt,
			     const char *what, int i)
{
	lua_Integer n = dflt;
	int ok = 1;

	if (lua_getfield(L, t, k) != LUA_TNIL)
		n = lua_tointegerx(L, -1, &ok);
	lua_pop(L, 1);
	if (!ok)
		luaL_error(L, "%s: entry %d: field '%s' must be an integer", what, i, k);
	return n;
}

/*
 * vm:_call(what, nr, args, bufs, patches, executor) -> ret, outs
 *   args:    {a0..a5} (1-based array of 6 integers, missing = 0)
 *   bufs:    { {arg=0..5|nil, data=string|nil, len=n|nil, out=bool}, ... }
 *   patches: { {buf=i, offset=o, target=j}, ... } with 1-based buffer indices
 *   outs:    table buffer-index -> contents after the call (out buffers)
 */
static int l_call(lua_State *L)
{
	const char *what = luaL_checkstring(L, 2);
	struct lvm *v = checkrunning(L, what);
	uint32_t executor = (uint32_t)luaL_optinteger(L, 7, 0);
	struct call_spec *s = &v->spec;
	struct proto_msg m;
	lua_Integer n;
	int i;

	memset(s, 0, offsetof(struct call_spec, bufs));
	s->nbufs = s->npatches = 0;
	s->nr = checkarg(L, 3);
	luaL_checktype(L, 4, LUA_TTABLE);
	luaL_checktype(L, 5, LUA_TTABLE);
	luaL_checktype(L, 6, LUA_TTABLE);
	for (i = 0; i < PROVIUM_NARGS; i++) {
		lua_geti(L, 4, i + 1);
		if (!lua_isnil(L, -1))
			s->args[i] = checkarg(L, lua_gettop(L));
		lua_pop(L, 1);
	}
	n = luaL_len(L, 5);
	if (n > PROVIUM_MAX_BUFS)
		return luaL_error(L, "%s: %d buffers, the limit is %d", what, (int)n,
				  PROVIUM_MAX_BUFS);
	for (i = 1; i <= n; i++) {
		struct call_buf *b = &s->bufs[i - 1];
		size_t dlen = 0;
		lua_Integer len;

		lua_geti(L, 5, i);
		luaL_checktype(L, -1, LUA_TTABLE);
		b->arg = (int)field_int(L, -1, "arg", -1, what, i);
		if (lua_getfield(L, -1, "data") == LUA_TSTRING)
			b->data = (const uint8_t *)lua_tolstring(L, -1, &dlen);
		else if (!lua_isnil(L, -1))
			return luaL_error(L, "%s: buffer %d: data must be a string", what, i);
		lua_pop(L, 1);		/* the string stays alive in the table */
		b->data_len = dlen;
		len = field_int(L, -1, "len", (lua_Integer)dlen, what, i);
		if (len < 0)
			return luaL_error(L, "%s: buffer %d: negative length", what, i);
		b->len = (size_t)len;
		lua_getfield(L, -1, "out");
		b->out = lua_toboolean(L, -1);
		lua_pop(L, 2);
	}
	s->nbufs = (unsigned int)n;
	n = luaL_len(L, 6);
	if (n > PROVIUM_MAX_PATCHES)
		return luaL_error(L, "%s: %d pointers, the limit is %d", what, (int)n,
				  PROVIUM_MAX_PATCHES);
	for (i = 1; i <= n; i++) {
		struct call_patch *p = &s->patches[i - 1];
		lua_Integer off;

		lua_geti(L, 6, i);
		luaL_checktype(L, -1, LUA_TTABLE);
		p->buf = (unsigned int)(field_int(L, -1, "buf", 0, what, i) - 1);
		p->target = (unsigned int)(field_int(L, -1, "target", 0, what, i) - 1);
		off = field_int(L, -1, "offset", -1, what, i);
		if (off < 0)
			return luaL_error(L, "%s: pointer %d: offset missing or negative", what, i);
		p->offset = (size_t)off;
		lua_pop(L, 1);
	}
	s->npatches = (unsigned int)n;

	run_call(L, v, what, executor, &m);
	lua_pushinteger(L, v->last.ret);
	lua_createtable(L, 0, 4);
	for (i = 0; i < (int)s->nbufs; i++) {
		if (!s->bufs[i].out)
			continue;
		lua_pushlstring(L, (const char *)v->last.out[i], v->last.out_len[i]);
		lua_seti(L, -2, i + 1);
	}
	return 2;
}

static int l_last_call(lua_State *L)
{
	struct lvm *v = checkvm(L);

	if (!v->has_last)
		return 0;
	lua_createtable(L, 0, 5);
	lua_pushinteger(L, v->last.ret);
	lua_setfield(L, -2, "ret");
	lua_pushinteger(L, v->last.kernel_ret);
	lua_setfield(L, -2, "kernel_ret");
	lua_pushinteger(L, (lua_Integer)v->last.time_ns);
	lua_setfield(L, -2, "time_ns");
	lua_pushstring(L, v->last.executor == PROVIUM_EXEC_MODULE ? "module" : "user");
	lua_setfield(L, -2, "executor");
	lua_pushstring(L, v->last_log ? v->last_log : "");
	lua_setfield(L, -2, "log");
	lua_pushboolean(L, v->last.timed_out);
	lua_setfield(L, -2, "timed_out");
	return 1;
}

/* Start an EXEC or JOB_START request from argv (stack 2) and stdin (3). */
static void begin_command(lua_State *L, struct lvm *v, unsigned int type, const char *what)
{
	lua_Integer n, i;

	luaL_checktype(L, 2, LUA_TTABLE);
	n = luaL_len(L, 2);
	if (n < 1)
		luaL_error(L, "%s: empty command", what);
	begin(v, type);
	for (i = 1; i <= n; i++) {
		size_t len;
		const char *a;

		lua_geti(L, 2, i);
		a = lua_tolstring(L, -1, &len);
		if (!a)
			luaL_error(L, "%s: argument %d is not a string", what, (int)i);
		proto_put(&v->vm->out, PROTO_A_ARGV, a, len);
		lua_pop(L, 1);
	}
	if (!lua_isnoneornil(L, 3)) {
		size_t len;
		const char *in = luaL_checklstring(L, 3, &len);

		proto_put(&v->vm->out, PROTO_A_STDIN, in, len);
	}
}

/* A timeout of @t seconds in ms, 0 for none (t <= 0); at most a day, like set_timeout. */
static uint32_t timeout_ms(lua_State *L, const char *what, double t)
{
	if (t > 86400)
		luaL_error(L, "%s: timeout %f s above 86400", what, t);
	if (!(t > 0))
		return 0;
	return t * 1000 >= 1 ? (uint32_t)(t * 1000) : 1;
}

/* vm:_exec(argv, stdin, timeout_s) -> exit_code, stdout, stderr, signal, timed_out */
static int l_exec(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:exec");
	/* every request has a limit: the VM's call timeout unless given */
	uint32_t ms = timeout_ms(L, "vm:exec", luaL_optnumber(L, 4, v->call_timeout_ms / 1000.0));
	struct proto_msg m;
	struct error e;

	begin_command(L, v, PROTO_MSG_EXEC, "vm:exec");
	if (ms)
		proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, ms);
	if (vm_request(v->vm, ms ? (int)ms + CALL_GRACE_MS : 0, &m, &e))
		return vm_error(L, v, "vm:exec", &e);
	lua_pushinteger(L, proto_u32(&m, PROTO_A_EXIT_CODE, 0));
	lua_pushlstring(L, (const char *)m.attr[PROTO_A_STDOUT], m.attr_len[PROTO_A_STDOUT]);
	lua_pushlstring(L, (const char *)m.attr[PROTO_A_STDERR], m.attr_len[PROTO_A_STDERR]);
	lua_pushinteger(L, proto_u32(&m, PROTO_A_SIGNAL, 0));
	lua_pushboolean(L, proto_u32(&m, PROTO_A_TIMED_OUT, 0) != 0);
	return 5;
}

/* vm:_job_start(argv, stdin) -> id, pid */
static int l_job_start(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:background");
	struct proto_msg m;
	struct error e;

	begin_command(L, v, PROTO_MSG_JOB_START, "vm:background");
	if (vm_request(v->vm, v->call_timeout_ms, &m, &e))
		return vm_error(L, v, "vm:background", &e);
	lua_pushinteger(L, proto_u32(&m, PROTO_A_JOB_ID, 0));
	lua_pushinteger(L, proto_u32(&m, PROTO_A_PID, 0));
	return 2;
}

/* vm:_job_wait(id, timeout_s) -> like _exec, or nothing but timed_out=true */
static int l_job_wait(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:job_wait");
	lua_Integer id = luaL_checkinteger(L, 2);
	uint32_t ms = timeout_ms(L, "vm:job_wait",
				 luaL_optnumber(L, 3, v->call_timeout_ms / 1000.0));
	struct proto_msg m;
	struct error e;

	begin(v, PROTO_MSG_JOB_WAIT);
	proto_put_u32(&v->vm->out, PROTO_A_JOB_ID, (uint32_t)id);
	if (ms)
		proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, ms);
	if (vm_request(v->vm, ms ? (int)ms + CALL_GRACE_MS : 0, &m, &e))
		return vm_error(L, v, "vm:job_wait", &e);
	if (!proto_has(&m, PROTO_A_EXIT_CODE)) {
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushboolean(L, 1);
		return 5;
	}
	lua_pushinteger(L, proto_u32(&m, PROTO_A_EXIT_CODE, 0));
	lua_pushlstring(L, (const char *)m.attr[PROTO_A_STDOUT], m.attr_len[PROTO_A_STDOUT]);
	lua_pushlstring(L, (const char *)m.attr[PROTO_A_STDERR], m.attr_len[PROTO_A_STDERR]);
	lua_pushinteger(L, proto_u32(&m, PROTO_A_SIGNAL, 0));
	lua_pushboolean(L, 0);
	return 5;
}

static int l_job_kill(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:job_kill");
	lua_Integer id = luaL_checkinteger(L, 2);
	lua_Integer sig = luaL_optinteger(L, 3, 9);
	struct proto_msg m;
	struct error e;

	if (sig < 1 || sig > 64)
		return luaL_argerror(L, 3, "signal number outside 1..64");
	begin(v, PROTO_MSG_JOB_KILL);
	proto_put_u32(&v->vm->out, PROTO_A_JOB_ID, (uint32_t)id);
	proto_put_u32(&v->vm->out, PROTO_A_SIGNAL, (uint32_t)sig);
	if (vm_request(v->vm, v->call_timeout_ms, &m, &e))
		return vm_error(L, v, "vm:job_kill", &e);
	return 0;
}

/* vm:_spawn(thread) -> worker object with the VM's methods */
static int l_spawn(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:spawn");
	int thread = lua_toboolean(L, 2);
	struct proto_msg m;
	struct error e;
	struct lvm *w;

	not_for_workers(L, v, "vm:spawn");
	begin(v, PROTO_MSG_SPAWN);
	proto_put_u32(&v->vm->out, PROTO_A_THREAD, (uint32_t)thread);
	if (vm_request(v->vm, v->call_timeout_ms, &m, &e))
		return vm_error(L, v, "vm:spawn", &e);
	w = lua_newuserdatauv(L, sizeof(*w), 1);
	memset(w, 0, sizeof(*w));
	w->vm = v->vm;
	w->worker = proto_u32(&m, PROTO_A_WORKER_ID, 0);
	w->booted = 1;
	w->call_timeout_ms = v->call_timeout_ms;
	w->executor = v->executor;
	luaL_setmetatable(L, VM_MT);
	lua_pushvalue(L, 1);		/* the VM stays alive while its worker is */
	lua_setiuservalue(L, -2, 1);
	lua_pushinteger(L, proto_u32(&m, PROTO_A_PID, 0));
	return 2;
}

static int l_write_file(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:write_file");
	const char *path = luaL_checkstring(L, 2);
	size_t len, off = 0;
	const char *data = luaL_checklstring(L, 3, &len);
	lua_Integer mode = luaL_optinteger(L, 4, 0644);
	struct proto_msg m;
	struct error e;

	/* in chunks, so no frame has to hold a whole large file */
	do {
		size_t chunk = len - off > (4u << 20) ? (4u << 20) : len - off;

		begin(v, PROTO_MSG_WRITE_FILE);
		proto_put_str(&v->vm->out, PROTO_A_PATH, path);
		proto_put(&v->vm->out, PROTO_A_DATA, data + off, chunk);
		proto_put_u32(&v->vm->out, PROTO_A_MODE, (uint32_t)mode);
		proto_put_u32(&v->vm->out, PROTO_A_APPEND, off > 0);
		proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, v->call_timeout_ms);
		if (vm_request(v->vm, v->call_timeout_ms + CALL_GRACE_MS, &m, &e))
			return vm_error(L, v, "vm:write_file", &e);
		off += chunk;
	} while (off < len);
	return 0;
}

static int l_read_file(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:read_file");
	const char *path = luaL_checkstring(L, 2);
	uint64_t off = 0;
	luaL_Buffer b;
	struct proto_msg m;
	struct error e;

	luaL_buffinit(L, &b);
	for (;;) {
		begin(v, PROTO_MSG_READ_FILE);
		proto_put_str(&v->vm->out, PROTO_A_PATH, path);
		proto_put_u64(&v->vm->out, PROTO_A_OFFSET, off);
		proto_put_u64(&v->vm->out, PROTO_A_LENGTH, 4u << 20);
		proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, v->call_timeout_ms);
		if (vm_request(v->vm, v->call_timeout_ms + CALL_GRACE_MS, &m, &e))
			return vm_error(L, v, "vm:read_file", &e);
		luaL_addlstring(&b, (const char *)m.attr[PROTO_A_DATA], m.attr_len[PROTO_A_DATA]);
		off += m.attr_len[PROTO_A_DATA];
		if (proto_u32(&m, PROTO_A_EOF, 1))
			break;
	}
	luaL_pushresult(&b);
	return 1;
}

/* vm:_insmod(guest_path, params) -- the file is already in the guest */
static int l_insmod(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:insmod");
	const char *path = luaL_checkstring(L, 2);
	const char *params = luaL_optstring(L, 3, "");
	struct proto_msg m;
	struct error e;

	begin(v, PROTO_MSG_INSMOD);
	proto_put_str(&v->vm->out, PROTO_A_PATH, path);
	proto_put_str(&v->vm->out, PROTO_A_PARAMS, params);
	proto_put_u32(&v->vm->out, PROTO_A_TIMEOUT_MS, v->call_timeout_ms);
	if (vm_request(v->vm, v->call_timeout_ms + CALL_GRACE_MS, &m, &e))
		return vm_error(L, v, "vm:insmod", &e);
	return 0;
}

/* vm:set_executor("auto" | "module" | "user") -> previous */
static int l_set_executor(lua_State *L)
{
	static const char *const names[] = { "auto", "module", "user", NULL };
	struct lvm *v = checkvm(L);
	int i = luaL_checkoption(L, 2, NULL, names);

	if (i == PROVIUM_EXEC_MODULE && v->booted && !v->vm->module_dispatch)
		return luaL_error(L, "vm:set_executor: provium.ko is not loaded in this guest (%s)",
				  v->vm->module_error);
	lua_pushstring(L, names[v->executor]);
	v->executor = (uint32_t)i;
	return 1;
}

/* vm:set_timeout(seconds) -> previous: every later call's time limit */
static int l_set_timeout(lua_State *L)
{
	struct lvm *v = checkvm(L);
	lua_Number t = luaL_checknumber(L, 2);

	if (t < 0.001 || t > 86400)
		return luaL_argerror(L, 2, "timeout outside 0.001..86400 seconds");
	lua_pushnumber(L, v->call_timeout_ms / 1000.0);
	v->call_timeout_ms = (int)(t * 1000);
	return 1;
}

static int l_info(lua_State *L)
{
	struct lvm *v = checkvm(L);

	lua_createtable(L, 0, 8);
	lua_pushboolean(L, v->booted && !v->vm->dead);
	lua_setfield(L, -2, "running");
	lua_pushstring(L, v->vm->release);
	lua_setfield(L, -2, "release");
	lua_pushstring(L, v->vm->accel);
	lua_setfield(L, -2, "accel");
	lua_pushboolean(L, v->vm->module_dispatch != 0);
	lua_setfield(L, -2, "module");
	lua_pushstring(L, v->vm->module_error);
	lua_setfield(L, -2, "module_error");
	lua_pushnumber(L, v->vm->boot_ns / 1e9);
	lua_setfield(L, -2, "boot_time");
	lua_pushstring(L, v->vm->console);
	lua_setfield(L, -2, "console");
	lua_pushstring(L, v->vm->rundir);
	lua_setfield(L, -2, "rundir");
	lua_pushinteger(L, v->vm->qemu_pid);
	lua_setfield(L, -2, "qemu_pid");
	lua_pushstring(L, v->vm->dead_reason);
	lua_setfield(L, -2, "dead_reason");
	return 1;
}

/* vm:events(first?) -> list of {kind, text} kernel splats, from index @first */
static int l_events(lua_State *L)
{
	struct lvm *v = checkvm(L);
	lua_Integer first = luaL_optinteger(L, 2, 1), i;

	if (first < 1)
		first = 1;	/* the list still starts at index 1 */
	lua_createtable(L, (int)v->vm->nevents, 0);
	for (i = first; i <= (lua_Integer)v->vm->nevents; i++) {
		lua_createtable(L, 0, 2);
		lua_pushstring(L, v->vm->events[i - 1].kind);
		lua_setfield(L, -2, "kind");
		lua_pushstring(L, v->vm->events[i - 1].text);
		lua_setfield(L, -2, "text");
		lua_seti(L, -2, i - first + 1);
	}
	lua_pushinteger(L, (lua_Integer)v->vm->nevents);
	return 2;
}

/* vm:ping(): a round trip; kernel splats that happened before arrive first */
static int l_ping(lua_State *L)
{
	struct lvm *v = checkrunning(L, "vm:ping");
	struct proto_msg m;
	struct error e;

	begin(v, PROTO_MSG_PING);
	if (vm_request(v->vm, v->call_timeout_ms, &m, &e))
		return vm_error(L, v, "vm:ping", &e);
	return 0;
}

static int l_console(lua_State *L)
{
	struct lvm *v = checkvm(L);
	char *tail = vm_console_tail(v->vm, (size_t)luaL_optinteger(L, 2, 1 << 20));

	lua_pushstring(L, tail);
	free(tail);
	return 1;
}

/* provium.pack(fmt, ...) */
static int l_pack(lua_State *L)
{
	const char *fmt = luaL_checkstring(L, 1);
	struct pack_field f[PACK_MAX_FIELDS];
	char err[200];
	int n = pack_parse(fmt, f, PACK_MAX_FIELDS, err, sizeof(err)), i;
	size_t off = 0;
	luaL_Buffer b;
	uint8_t *out;

	if (n < 0)
		return luaL_error(L, "provium.pack: %s", err);
	if (lua_gettop(L) - 1 != n)
		return luaL_error(L, "provium.pack: format has %d fields but %d values given",
				  n, lua_gettop(L) - 1);
	out = (uint8_t *)luaL_buffinitsize(L, &b, pack_size(f, n));
	for (i = 0; i < n; i++) {
		int ok = lua_type(L, i + 2) == LUA_TNUMBER;
		lua_Integer v = ok ? lua_tointegerx(L, i + 2, &ok) : 0;

		if (!ok && f[i].size == 8 && !f[i].is_signed && lua_type(L, i + 2) == LUA_TNUMBER) {
			v = (lua_Integer)checkarg(L, i + 2);
			ok = 1;
		}
		if (!ok)
			return luaL_error(L, "provium.pack: field %d (%s): integer expected, got %s",
					  i + 1, f[i].name, luaL_typename(L, i + 2));
		if (pack_check(&f[i], v, err, sizeof(err)))
			return luaL_error(L, "provium.pack: field %d (%s): %s", i + 1, f[i].name,
					  err);
		pack_put(&f[i], v, out + off);
		off += f[i].size;
	}
	luaL_pushresultsize(&b, off);
	return 1;
}

/* provium.unpack(fmt, data) -> values... */
static int l_unpack(lua_State *L)
{
	const char *fmt = luaL_checkstring(L, 1);
	size_t len, off = 0;
	const uint8_t *d = (const uint8_t *)luaL_checklstring(L, 2, &len);
	struct pack_field f[PACK_MAX_FIELDS];
	char err[200];
	int n = pack_parse(fmt, f, PACK_MAX_FIELDS, err, sizeof(err)), i;

	if (n < 0)
		return luaL_error(L, "provium.unpack: %s", err);
	luaL_checkstack(L, n, "too many fields");
	for (i = 0; i < n; i++) {
		if (off + f[i].size > len)
			return luaL_error(L, "provium.unpack: field %d (%s) needs bytes %d..%d "
					  "but the data is %d bytes", i + 1, f[i].name, (int)off,
					  (int)(off + f[i].size - 1), (int)len);
		lua_pushinteger(L, pack_get(&f[i], d + off));
		off += f[i].size;
	}
	return n;
}

static const luaL_Reg vm_methods[] = {
	{ "boot", l_boot },
	{ "shutdown", l_shutdown },
	{ "kill", l_kill },
	{ "syscall", l_syscall },
	{ "syscalls", l_syscalls },
	{ "_call", l_call },
	{ "_exec", l_exec },
	{ "_insmod", l_insmod },
	{ "_job_start", l_job_start },
	{ "_job_wait", l_job_wait },
	{ "_job_kill", l_job_kill },
	{ "_spawn", l_spawn },
	{ "write_file", l_write_file },
	{ "read_file", l_read_file },
	{ "last_call", l_last_call },
	{ "set_executor", l_set_executor },
	{ "set_timeout", l_set_timeout },
	{ "info", l_info },
	{ "console", l_console },
	{ "events", l_events },
	{ "ping", l_ping },
	{ NULL, NULL }
};

/*
 * provium.core.fixture(name, path, build) -> VM started from the saved
 * state of fixture @path. The first request anywhere runs @build (which
 * returns a booted VM), saves that VM's state and kills it; concurrent
 * requests wait on the fixture's lock and then restore.
 */
static int l_fixture(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const char *path = luaL_checkstring(L, 2);
	struct fixture f;
	struct error e;
	struct lvm *v;
	uint64_t t0;
	int rc;

	luaL_checktype(L, 3, LUA_TFUNCTION);
	if (fixture_open(&f, path, &e))
		return luaL_error(L, "provium.fixture('%s'): %s", name, e.msg);
	if (!fixture_ready(&f)) {
		struct lvm *built;

		lua_pushvalue(L, 3);
		if (lua_pcall(L, 0, 1, 0)) {
			fixture_unlock(&f);
			return luaL_error(L, "provium.fixture('%s'): building it failed: %s", name,
					  lua_tostring(L, -1));
		}
		built = luaL_testudata(L, -1, VM_MT);
		if (!built || built->worker || !built->booted || built->vm->dead) {
			fixture_unlock(&f);
			return luaL_error(L, "provium.fixture('%s'): %s must return a booted VM",
					  name, path);
		}
		if (fixture_save(&f, built->vm, &e)) {
			vm_kill(built->vm);
			fixture_unlock(&f);
			return luaL_error(L, "provium.fixture('%s'): %s", name, e.msg);
		}
		vm_kill(built->vm);
		lua_pop(L, 1);
	}
	fixture_unlock(&f);

	v = push_vm_object(L);
	t0 = mono_ns();
	rc = fixture_restore(&f, v->vm, &v->cfg, &e);
	v->cfg.incoming = NULL;		/* pointed into @f */
	if (rc)
		return luaL_error(L, "provium.fixture('%s'): restoring it failed: %s", name, e.msg);
	v->booted = 1;
	v->vm->boot_ns = mono_ns() - t0;
	return 1;
}

/*
 * The runner's event pipe (provium test): close-on-exec and never in the
 * environment, so commands a test starts cannot hold it open or write to it.
 */
static int event_fd = -1;

void provium_set_event_fd(int fd)
{
	event_fd = fd;
}

/* provium.core.emit(line) -> true if there is a runner to tell, else false */
static int l_emit(lua_State *L)
{
	size_t len, off = 0;
	const char *line = luaL_checklstring(L, 1, &len);

	if (event_fd < 0) {
		lua_pushboolean(L, 0);
		return 1;
	}
	while (off < len) {
		ssize_t n = write(event_fd, line + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return luaL_error(L, "lost the runner's event pipe: %s", strerror(errno));
		off += n;
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* provium.core.now() -> monotonic seconds, for test durations */
static int l_now(lua_State *L)
{
	lua_pushnumber(L, mono_ns() / 1e9);
	return 1;
}

/* provium.core.sleep(seconds): for polling helpers such as vm:wait_until */
static int l_sleep(lua_State *L)
{
	lua_Number t = luaL_checknumber(L, 1);
	struct timespec ts;

	if (t < 0 || t > 3600)
		return luaL_argerror(L, 1, "seconds outside 0..3600");
	ts.tv_sec = (time_t)t;
	ts.tv_nsec = (long)((t - (lua_Number)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) && errno == EINTR && !provium_interrupted)
		;
	if (provium_interrupted)
		return luaL_error(L, "interrupted");
	return 0;
}

static const luaL_Reg core_funcs[] = {
	{ "now", l_now },
	{ "emit", l_emit },
	{ "sleep", l_sleep },
	{ "create", l_create },
	{ "fixture", l_fixture },
	{ "pack", l_pack },
	{ "unpack", l_unpack },
	{ NULL, NULL }
};

int luaopen_provium_core(lua_State *L)
{
	luaL_newmetatable(L, VM_MT);
	luaL_newlib(L, vm_methods);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, l_gc);
	lua_setfield(L, -2, "__gc");
	lua_pushcfunction(L, l_gc);
	lua_setfield(L, -2, "__close");
	lua_pop(L, 1);

	luaL_newlib(L, core_funcs);
	/* the method table, so Lua can add methods written in Lua */
	luaL_getmetatable(L, VM_MT);
	lua_getfield(L, -1, "__index");
	lua_setfield(L, -3, "vm_methods");
	lua_pop(L, 1);
	lua_pushstring(L, PROVIUM_VERSION);
	lua_setfield(L, -2, "version");
	return 1;
}
