/*
 * lcall.c - the system call bindings of a VM object: vm:syscall,
 * vm:syscalls (pipelined), vm:_call (buffers and pointers, under
 * syscall_buf/bufs/ptr and ioctl in lua/provium/vm.lua), vm:last_call and
 * vm:set_executor. They turn Lua values into a call description
 * (call.h) and results back; client.c runs the calls.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "lcall.h"
#include "lpack.h"
#include "lvm.h"

/*
 * Run the call in v->spec, recording what vm:set_trace asked for, and keep
 * its result for vm:last_call().
 */
static void run_call(lua_State *L, struct lvm *v, const char *what, uint32_t executor)
{
	struct error e;

	v->spec.flags = v->trace->flags;
	if (client_call(&v->c, &v->spec, executor, &v->last, &e))
		lvm_error(L, v, what, &e);
	v->has_last = 1;
	ltrace_keep_call(L, v, v->spec.flags);
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

/* vm:syscall(nr, a0, ..., a5) -> ret */
int lcall_syscall(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:syscall");
	int n = lua_gettop(L) - 2, i;

	if (n > PROVIUM_NARGS)
		return luaL_error(L, "vm:syscall: %d arguments, a system call takes at most 6", n);
	memset(&v->spec, 0, offsetof(struct call_spec, bufs));
	v->spec.nbufs = v->spec.npatches = 0;
	v->spec.nr = lpack_checku64(L, 2);
	for (i = 0; i < n; i++)
		v->spec.args[i] = lpack_checku64(L, 3 + i);
	run_call(L, v, "vm:syscall", 0);
	lua_pushinteger(L, v->last.ret);
	return 1;
}

/*
 * vm:syscalls({ {nr, a0, ...}, ... }) -> { ret, ... }: integer-argument
 * calls sent back to back without waiting for each reply (pipelined), in
 * order. vm:last_call() describes the last one.
 */
int lcall_syscalls(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:syscalls");
	struct client_syscall calls[CLIENT_PIPELINE_CHUNK];
	int64_t rets[CLIENT_PIPELINE_CHUNK];
	lua_Integer n, i, done = 0;
	struct error e;

	luaL_checktype(L, 2, LUA_TTABLE);
	n = luaL_len(L, 2);
	/* what __len says is not trusted with memory: the table grows as it fills */
	lua_createtable(L, n > 0 && n < 65536 ? (int)n : 0, 0);
	/* a chunk at a time: entries are checked before their chunk is sent */
	while (done < n) {
		lua_Integer chunk = n - done < CLIENT_PIPELINE_CHUNK ? n - done :
			CLIENT_PIPELINE_CHUNK;

		for (i = 0; i < chunk; i++) {
			struct client_syscall *c = &calls[i];
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
			memset(c, 0, sizeof(*c));
			for (k = 0; k <= nargs; k++) {
				lua_geti(L, t, k + 1);
				if (lua_type(L, -1) != LUA_TNUMBER || !lua_isinteger(L, -1))
					return luaL_error(L, "vm:syscalls: entry %d, value %d: integer "
							  "expected", (int)(done + i + 1), (int)k + 1);
				if (k == 0)
					c->nr = (uint64_t)lua_tointeger(L, -1);
				else
					c->args[k - 1] = (uint64_t)lua_tointeger(L, -1);
				lua_pop(L, 1);
			}
			lua_pop(L, 1);
		}
		if (client_call_batch(&v->c, calls, (size_t)chunk, rets, &v->last, &e))
			return lvm_error(L, v, "vm:syscalls", &e);
		v->has_last = 1;
		ltrace_keep_call(L, v, 0);	/* pipelined calls are not traced */
		for (i = 0; i < chunk; i++) {
			lua_pushinteger(L, rets[i]);
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

/* The optional name= of a buffer or pointer: a string stays alive in its table. */
static const char *field_name(lua_State *L, int t)
{
	const char *name = NULL;

	if (lua_getfield(L, t, "name") == LUA_TSTRING)
		name = lua_tostring(L, -1);
	lua_pop(L, 1);
	return name;
}

/*
 * vm:_call(what, nr, args, bufs, patches, executor) -> ret, outs
 *   args:    {a0..a5} (1-based array of 6 integers, missing = 0)
 *   bufs:    { {arg=0..5|nil, data=string|nil, len=n|nil, out=bool, name=s|nil}, ... }
 *   patches: { {buf=i, offset=o, target=j, name=s|nil}, ... } with 1-based buffer
 *            indices; a name is how errors call that buffer or pointer
 *   outs:    table buffer-index -> contents after the call (out buffers)
 * Only converted here: call_check (through client_call) checks the description.
 */
int lcall_call(lua_State *L)
{
	const char *what = luaL_checkstring(L, 2);
	struct lvm *v = lvm_check_running(L, what);
	uint32_t executor = (uint32_t)luaL_optinteger(L, 7, 0);
	struct call_spec *s = &v->spec;
	lua_Integer n;
	int i;

	memset(s, 0, offsetof(struct call_spec, bufs));
	s->nbufs = s->npatches = 0;
	s->nr = lpack_checku64(L, 3);
	luaL_checktype(L, 4, LUA_TTABLE);
	luaL_checktype(L, 5, LUA_TTABLE);
	luaL_checktype(L, 6, LUA_TTABLE);
	for (i = 0; i < PROVIUM_NARGS; i++) {
		lua_geti(L, 4, i + 1);
		if (!lua_isnil(L, -1))
			s->args[i] = lpack_checku64(L, lua_gettop(L));
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
		lua_pop(L, 1);
		b->name = field_name(L, -1);
		lua_pop(L, 1);
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
		p->name = field_name(L, -1);
		lua_pop(L, 1);
	}
	s->npatches = (unsigned int)n;

	run_call(L, v, what, executor);
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

int lcall_last_call(lua_State *L)
{
	struct lvm *v = lvm_check(L);

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
	ltrace_last_call_fields(L);
	return 1;
}

/* vm:set_executor("auto" | "module" | "user") -> previous */
int lcall_set_executor(lua_State *L)
{
	static const char *const names[] = { "auto", "module", "user", NULL };
	struct lvm *v = lvm_check(L);
	int i = luaL_checkoption(L, 2, NULL, names);

	if (i == PROVIUM_EXEC_MODULE && v->booted && !v->c.vm->module_dispatch)
		return luaL_error(L, "vm:set_executor: provium.ko is not loaded in this guest (%s)",
				  v->c.vm->module_error);
	lua_pushstring(L, names[v->c.executor]);
	v->c.executor = (uint32_t)i;
	return 1;
}
