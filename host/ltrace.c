/*
 * ltrace.c - vm:set_trace and what a traced call adds to vm:last_call():
 * errno_origin, graph and splats. Bindings over client.c (TRACE) and
 * trace.c (decoding); docs/tracing.md is the user's view.
 */
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "lvm.h"
#include "trace.h"

#define TRACE_MAX_GLOBS		255
#define TRACE_DEFAULT_DEPTH	8
#define TRACE_MAX_DEPTH		64

/* A list of non-empty strings at @idx (a table) into @out; its length. */
static size_t string_list(lua_State *L, int idx, const char *what, const char **out,
			  size_t max)
{
	lua_Integer n = luaL_len(L, idx), i;

	if (n < 1)
		luaL_error(L, "vm:set_trace: %s is an empty list (give globs, or false)", what);
	if ((size_t)n > max)
		luaL_error(L, "vm:set_trace: %s has %d entries, at most %d", what, (int)n,
			   (int)max);
	for (i = 1; i <= n; i++) {
		/* the strings stay alive in their table */
		if (lua_geti(L, idx, i) != LUA_TSTRING || !lua_rawlen(L, -1))
			luaL_error(L, "vm:set_trace: %s[%d] must be a non-empty string (a glob)",
				   what, (int)i);
		out[i - 1] = lua_tostring(L, -1);
		lua_pop(L, 1);
	}
	return (size_t)n;
}

static void check_keys(lua_State *L, int idx, const char *what, const char *const *keys)
{
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		const char *const *k = keys;

		if (lua_type(L, -2) == LUA_TSTRING)
			for (; *k && strcmp(*k, lua_tostring(L, -2)); k++)
				;
		if (lua_type(L, -2) != LUA_TSTRING || !*k)
			luaL_error(L, "vm:set_trace: unknown %soption '%s'", what,
				   luaL_tolstring(L, -2, NULL));
		lua_pop(L, 1);
	}
}

/*
 * vm:set_trace({errno = globs | true | false, graph = {depth, filter} | true
 * | false}) -> {functions, no_btf, arm_time, resolve_time, graph_time}
 */
int ltrace_set_trace(lua_State *L)
{
	static const char *const top_keys[] = { "errno", "graph", NULL };
	static const char *const graph_keys[] = { "depth", "filter", NULL };
	struct lvm *v = lvm_check_running(L, "vm:set_trace");
	const char *globs[TRACE_MAX_GLOBS], *filter[TRACE_MAX_GLOBS];
	struct client_trace_req req = { 0 };
	struct client_trace_info info = { 0 };
	size_t nfilter = 0;
	unsigned int depth = 0;
	struct error e;

	lvm_not_for_workers(L, v, "vm:set_trace");
	luaL_checktype(L, 2, LUA_TTABLE);
	lua_settop(L, 2);
	check_keys(L, 2, "", top_keys);
	lua_getfield(L, 2, "errno");		/* 3 */
	if (lua_type(L, 3) == LUA_TTABLE) {
		req.errno_mode = 1;
		req.nglobs = string_list(L, 3, "errno", globs, TRACE_MAX_GLOBS);
		req.globs = globs;
	} else if (lua_toboolean(L, 3)) {
		if (lua_type(L, 3) != LUA_TBOOLEAN)
			return luaL_error(L, "vm:set_trace: errno must be a list of globs, true "
					  "(the default set) or false");
		req.errno_mode = 2;
	}
	lua_getfield(L, 2, "graph");		/* 4 */
	if (lua_type(L, 4) == LUA_TTABLE) {
		check_keys(L, 4, "graph ", graph_keys);
		lua_getfield(L, 4, "depth");
		if (!lua_isnil(L, -1)) {
			int ok;
			lua_Integer d = lua_tointegerx(L, -1, &ok);

			if (!ok || d < 1 || d > TRACE_MAX_DEPTH)
				return luaL_error(L, "vm:set_trace: graph.depth must be an integer "
						  "1..%d", TRACE_MAX_DEPTH);
			depth = (unsigned int)d;
		}
		lua_pop(L, 1);
		lua_getfield(L, 4, "filter");	/* stays on the stack: its strings */
		if (!lua_isnil(L, -1)) {
			if (!lua_istable(L, -1))
				return luaL_error(L, "vm:set_trace: graph.filter must be a list "
						  "of globs");
			nfilter = string_list(L, lua_gettop(L), "graph.filter", filter,
					      TRACE_MAX_GLOBS);
		}
		req.graph = 1;
	} else if (lua_toboolean(L, 4)) {
		if (lua_type(L, 4) != LUA_TBOOLEAN)
			return luaL_error(L, "vm:set_trace: graph must be {depth = n, filter = "
					  "{...}}, true or false");
		req.graph = 1;
	}
	req.depth = depth ? depth : TRACE_DEFAULT_DEPTH;
	req.filter = filter;
	req.nfilter = nfilter;
	if (client_trace(&v->c, &req, &info, &e))
		return lvm_error(L, v, "vm:set_trace", &e);
	v->trace->flags = (req.errno_mode ? PROVIUM_CALL_ERRNO : 0) |
			  (req.graph ? PROVIUM_CALL_GRAPH : 0);
	v->trace->depth = req.depth;

	lua_createtable(L, 0, 5);
	lua_pushinteger(L, info.funcs);
	lua_setfield(L, -2, "functions");
	lua_pushinteger(L, info.nobtf);
	lua_setfield(L, -2, "no_btf");
	lua_pushnumber(L, info.arm_ns / 1e9);
	lua_setfield(L, -2, "arm_time");
	lua_pushnumber(L, info.resolve_ns / 1e9);
	lua_setfield(L, -2, "resolve_time");
	lua_pushnumber(L, info.graph_ns / 1e9);
	lua_setfield(L, -2, "graph_time");
	return 1;
}

static void set_str(lua_State *L, const char *key, const struct trace_str *s)
{
	lua_pushlstring(L, s->s, s->len);
	lua_setfield(L, -2, key);
}

void ltrace_push_event(lua_State *L, const struct trace_event *ev)
{
	lua_createtable(L, 0, 9);
	set_str(L, "kind", &ev->kind);
	set_str(L, "text", &ev->text);
	set_str(L, "source", &ev->source);
	if (!ev->attributed)
		return;
	set_str(L, "context", &ev->context);
	set_str(L, "comm", &ev->comm);
	set_str(L, "via", &ev->via);
	lua_pushinteger(L, ev->pid);
	lua_setfield(L, -2, "pid");
	if (ev->call_pid) {
		lua_pushinteger(L, ev->call_pid);
		lua_setfield(L, -2, "call_pid");
		lua_pushinteger(L, (lua_Integer)ev->call_nr);
		lua_setfield(L, -2, "call_nr");
	}
}

/* errno_origin (or nil) and errno_info, into the table on top. */
static void push_origin(lua_State *L, const struct call_result *r, uint16_t flags)
{
	const struct proto_msg *m = &r->reply;
	struct trace_origin o;
	const char *note = NULL;
	char err[256];
	size_t i;

	if (!(flags & PROVIUM_CALL_ERRNO))
		return;
	lua_createtable(L, 0, 4);	/* errno_info */
	if (!proto_has(m, PROTO_A_ERRNO_ORIGIN)) {
		note = r->executor == PROVIUM_EXEC_USER ?
		       "the call ran in the user-space executor: errno origins need provium.ko" :
		       "the guest sent no errno origin";
		lua_pushstring(L, note);
		lua_setfield(L, -2, "note");
		lua_setfield(L, -2, "errno_info");
		return;
	}
	if (trace_origin_decode(m->attr[PROTO_A_ERRNO_ORIGIN], m->attr_len[PROTO_A_ERRNO_ORIGIN],
				&o, err, sizeof(err)))
		luaL_error(L, "vm:last_call: %s", err);
	lua_pushinteger(L, (lua_Integer)o.entries);
	lua_setfield(L, -2, "entries");
	lua_pushinteger(L, o.missed);
	lua_setfield(L, -2, "missed");
	lua_pushinteger(L, o.failures);
	lua_setfield(L, -2, "failures");
	lua_pushinteger(L, o.handled);
	lua_setfield(L, -2, "handled");
	if (o.flags & PROVIUM_ERRNO_UNARMED)
		note = "nothing was armed when the call ran";
	else if (o.flags & PROVIUM_ERRNO_REPLACED)
		note = "the watched functions were disarmed or replaced during the call";
	else if (!(o.flags & PROVIUM_ERRNO_ORIGIN))
		note = r->kernel_ret < 0 && r->kernel_ret >= -4095 ?
		       "no watched function returned an error on the way out (or it was handled)" :
		       "the call did not fail";
	if (note) {
		lua_pushstring(L, note);
		lua_setfield(L, -2, "note");
	}
	lua_setfield(L, -2, "errno_info");
	if (!(o.flags & PROVIUM_ERRNO_ORIGIN) || !o.nchain)
		return;
	lua_createtable(L, 0, 4);	/* errno_origin */
	set_str(L, "func", &o.chain[o.nchain - 1]);
	lua_pushinteger(L, o.ret);
	lua_setfield(L, -2, "ret");
	lua_createtable(L, (int)o.nchain, 0);
	for (i = 0; i < o.nchain; i++) {
		lua_pushlstring(L, o.chain[i].s, o.chain[i].len);
		lua_seti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "chain");
	lua_createtable(L, (int)o.nstack, 0);
	for (i = 0; i < o.nstack; i++) {
		lua_pushlstring(L, o.stack[i].s, o.stack[i].len);
		lua_seti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "stack");
	lua_setfield(L, -2, "errno_origin");
}

static void push_graph(lua_State *L, const struct lvm_trace *t, const struct proto_msg *m)
{
	struct trace_graph g;
	size_t i;

	if (!proto_has(m, PROTO_A_GRAPH))
		return;
	if (trace_graph_parse((const char *)m->attr[PROTO_A_GRAPH], m->attr_len[PROTO_A_GRAPH],
			      proto_u32(m, PROTO_A_GRAPH_PID, 0), t->depth, &g))
		luaL_error(L, "vm:last_call: out of memory parsing the graph");
	lua_createtable(L, (int)g.n, 2);
	for (i = 0; i < g.n; i++) {
		const struct trace_graph_entry *e = &g.e[i];

		lua_createtable(L, 0, 5);
		lua_pushinteger(L, e->depth);
		lua_setfield(L, -2, "depth");
		lua_pushstring(L, e->func);
		lua_setfield(L, -2, "func");
		lua_pushinteger(L, (lua_Integer)e->ns);
		lua_setfield(L, -2, "ns");
		if (e->module[0]) {
			lua_pushstring(L, e->module);
			lua_setfield(L, -2, "module");
		}
		if (e->has_ret) {
			lua_pushinteger(L, e->ret);
			lua_setfield(L, -2, "ret");
		}
		lua_seti(L, -2, (lua_Integer)i + 1);
	}
	if (g.lost) {
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, "lost");
	}
	if (g.incomplete) {
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, "incomplete");
	}
	trace_graph_free(&g);
	lua_setfield(L, -2, "graph");
}

static void push_splats(lua_State *L, const struct proto_msg *m)
{
	const uint8_t *val;
	uint32_t len;
	size_t pos = 0;
	lua_Integer n = 0;

	lua_newtable(L);
	while (proto_next(m, PROTO_A_SPLAT, &pos, &val, &len)) {
		struct proto_msg em;
		struct trace_event ev;
		char err[256];

		if (trace_event_decode(val, len, &em, &ev, err, sizeof(err)))
			luaL_error(L, "vm:last_call: %s", err);
		ltrace_push_event(L, &ev);
		lua_seti(L, -2, ++n);
	}
	lua_setfield(L, -2, "splats");
}

void ltrace_keep_call(lua_State *L, struct lvm *v, uint16_t flags)
{
	/* most calls trace nothing and report nothing: keep no table for them */
	if (!flags && !proto_has(&v->last.reply, PROTO_A_SPLAT)) {
		lua_pushnil(L);
		lua_setiuservalue(L, 1, LVM_UV_TRACE);
		return;
	}
	lua_createtable(L, 0, 4);
	push_origin(L, &v->last, flags);
	push_graph(L, v->trace, &v->last.reply);
	push_splats(L, &v->last.reply);
	lua_setiuservalue(L, 1, LVM_UV_TRACE);
}

void ltrace_last_call_fields(lua_State *L)
{
	if (lua_getiuservalue(L, 1, LVM_UV_TRACE) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);	/* no reports */
		lua_setfield(L, -2, "splats");
		return;
	}
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_settable(L, -5);	/* result[key] = value */
	}
	lua_pop(L, 1);
}
