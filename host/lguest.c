/*
 * lguest.c - what a VM object does in the guest besides system calls:
 * commands (vm:_exec), background jobs, workers (vm:_spawn), files and
 * module loading. Bindings: they check arguments, call client.c and push
 * what came back; lua/provium/vm.lua builds vm:exec and friends on top.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "kernel.h"
#include "lguest.h"
#include "lvm.h"

/*
 * The command of an EXEC or JOB_START from argv (stack 2) and stdin (3).
 * What it points to stays on the stack until the binding returns.
 */
static void check_command(lua_State *L, const char *what, struct client_cmd *cmd)
{
	const char **argv;
	size_t *lens;
	lua_Integer n, i;

	luaL_checktype(L, 2, LUA_TTABLE);
	n = luaL_len(L, 2);
	if (n < 1)
		luaL_error(L, "%s: empty command", what);
	/* the agent runs at most that many: more is an error, not a cut */
	if (n > CLIENT_MAX_ARGS)
		luaL_error(L, "%s: command of %I arguments, the limit is %d", what, n,
			   CLIENT_MAX_ARGS);
	argv = lua_newuserdatauv(L, (size_t)n * sizeof(*argv), 0);
	lens = lua_newuserdatauv(L, (size_t)n * sizeof(*lens), 0);
	/* left on the stack: a number converted to a string lives only there */
	luaL_checkstack(L, (int)n, "too many arguments");
	for (i = 1; i <= n; i++) {
		lua_geti(L, 2, i);
		argv[i - 1] = lua_tolstring(L, -1, &lens[i - 1]);
		if (!argv[i - 1])
			luaL_error(L, "%s: argument %d is not a string", what, (int)i);
	}
	memset(cmd, 0, sizeof(*cmd));
	cmd->argv = argv;
	cmd->argv_len = lens;
	cmd->argc = (size_t)n;
	if (!lua_isnoneornil(L, 3))
		cmd->in = luaL_checklstring(L, 3, &cmd->in_len);
}

/* The bytes kept per output stream, at stack @idx: nil, or 0..32 MiB. */
static void check_output_max(lua_State *L, const char *what, int idx, struct client_cmd *cmd)
{
	int isint;
	lua_Integer n = lua_tointegerx(L, idx, &isint);

	if (lua_isnoneornil(L, idx))
		return;
	if (!isint || lua_type(L, idx) != LUA_TNUMBER || n < 0 || n > CLIENT_OUTPUT_MAX)
		luaL_error(L, "%s: opts.output_max must be an integer from 0 to %d, got %s", what,
			   (int)CLIENT_OUTPUT_MAX, luaL_tolstring(L, idx, NULL));
	cmd->output_max = (uint32_t)n;
	cmd->has_output_max = 1;
}

/*
 * A timeout of @t seconds in ms: more than 0 and at most a day, like
 * set_timeout. There is no "no limit": 0 or less is an error, never an
 * endless wait.
 */
static uint32_t timeout_ms(lua_State *L, const char *what, double t)
{
	if (!(t > 0) || t > 86400)
		luaL_error(L, "%s: timeout %f s outside (0, 86400] seconds", what, t);
	return t * 1000 >= 1 ? (uint32_t)(t * 1000) : 1;
}

/*
 * exit_code, stdout, stderr, signal, timed_out of a command that ended,
 * and the bytes of stdout and stderr dropped beyond the output limit
 */
static int push_exit(lua_State *L, const struct client_exit *x, int timed_out)
{
	lua_pushinteger(L, x->code);
	lua_pushlstring(L, (const char *)x->out, x->out_len);
	lua_pushlstring(L, (const char *)x->err, x->err_len);
	lua_pushinteger(L, x->signal);
	lua_pushboolean(L, timed_out);
	lua_pushinteger(L, (lua_Integer)x->out_dropped);
	lua_pushinteger(L, (lua_Integer)x->err_dropped);
	return 7;
}

/*
 * vm:_exec(argv, stdin, timeout_s, output_max) -> exit_code, stdout, stderr,
 * signal, timed_out, stdout_dropped, stderr_dropped
 */
int lguest_exec(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:exec");
	/* every request has a limit: the VM's call timeout unless given */
	uint32_t ms = timeout_ms(L, "vm:exec", luaL_optnumber(L, 4, v->c.timeout_ms / 1000.0));
	struct client_cmd cmd;
	struct client_exit x;
	struct error e;

	check_command(L, "vm:exec", &cmd);
	check_output_max(L, "vm:exec", 5, &cmd);
	if (client_exec(&v->c, &cmd, ms, &x, &e))
		return lvm_error(L, v, "vm:exec", &e);
	return push_exit(L, &x, x.timed_out);
}

/* vm:_job_start(argv, stdin, output_max) -> id, pid */
int lguest_job_start(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:background");
	struct client_cmd cmd;
	uint32_t id, pid;
	struct error e;

	check_command(L, "vm:background", &cmd);
	check_output_max(L, "vm:background", 4, &cmd);
	if (client_job_start(&v->c, &cmd, &id, &pid, &e))
		return lvm_error(L, v, "vm:background", &e);
	lua_pushinteger(L, id);
	lua_pushinteger(L, pid);
	return 2;
}

/*
 * vm:_job_wait(id, timeout_s) -> like _exec, or nothing but timed_out=true.
 * A timeout of 0 polls: the agent answers at once if the job has ended,
 * else when the shortest wait it knows (1 ms) is over. Without one, the
 * VM's call timeout.
 */
int lguest_job_wait(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:job_wait");
	lua_Integer id = luaL_checkinteger(L, 2);
	lua_Number t = luaL_optnumber(L, 3, v->c.timeout_ms / 1000.0);
	uint32_t ms = t == 0 ? 1 : timeout_ms(L, "vm:job_wait", t);
	struct client_exit x;
	struct error e;

	if (client_job_wait(&v->c, (uint32_t)id, ms, &x, &e))
		return lvm_error(L, v, "vm:job_wait", &e);
	if (!x.finished) {
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushboolean(L, 1);
		return 5;
	}
	return push_exit(L, &x, 0);
}

int lguest_job_kill(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:job_kill");
	lua_Integer id = luaL_checkinteger(L, 2);
	lua_Integer sig = luaL_optinteger(L, 3, 9);
	struct error e;

	if (sig < 1 || sig > 64)
		return luaL_argerror(L, 3, "signal number outside 1..64");
	if (client_job_kill(&v->c, (uint32_t)id, (uint32_t)sig, &e))
		return lvm_error(L, v, "vm:job_kill", &e);
	return 0;
}

/* vm:_spawn(thread) -> worker object with the VM's methods, pid */
int lguest_spawn(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:spawn");
	int thread = lua_toboolean(L, 2);
	uint32_t id, pid;
	struct error e;

	lvm_not_for_workers(L, v, "vm:spawn");
	if (client_spawn(&v->c, thread, &id, &pid, &e))
		return lvm_error(L, v, "vm:spawn", &e);
	lvm_push_worker(L, v, id);
	lua_pushinteger(L, pid);
	return 2;
}

int lguest_write_file(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:write_file");
	const char *path = luaL_checkstring(L, 2);
	size_t len;
	const char *data = luaL_checklstring(L, 3, &len);
	lua_Integer mode = luaL_optinteger(L, 4, 0644);
	struct error e;

	if (client_write_file(&v->c, path, data, len, (uint32_t)mode, &e))
		return lvm_error(L, v, "vm:write_file", &e);
	return 0;
}

/*
 * Field @key of the options table at @t: absent (0), or an integer in
 * [@lo, @hi] (1). Anything else is an error naming @what and the option.
 */
static int opt_size(lua_State *L, const char *what, int t, const char *key, uint64_t lo,
		    uint64_t hi, uint64_t *out)
{
	int isnum;
	lua_Integer v;

	if (lua_getfield(L, t, key) == LUA_TNIL) {
		lua_pop(L, 1);
		return 0;
	}
	v = lua_tointegerx(L, -1, &isnum);
	if (!isnum || lua_type(L, -1) != LUA_TNUMBER || v < (lua_Integer)lo ||
	    (uint64_t)v > hi)
		return luaL_error(L, "%s: opts.%s must be an integer from %I to %I, got %s", what,
				  key, (lua_Integer)lo, (lua_Integer)hi, luaL_tolstring(L, -1, NULL));
	lua_pop(L, 1);
	*out = (uint64_t)v;
	return 1;
}

/* Unknown keys of the options table at @t are an error, not ignored. */
static void opts_known(lua_State *L, const char *what, int t, const char *const *known)
{
	lua_pushnil(L);
	while (lua_next(L, t)) {
		const char *const *k = known;

		lua_pop(L, 1);
		if (lua_type(L, -1) == LUA_TSTRING)
			for (; *k && strcmp(*k, lua_tostring(L, -1)); k++)
				;
		if (lua_type(L, -1) != LUA_TSTRING || !*k)
			luaL_error(L, "%s: unknown option %s", what, luaL_tolstring(L, -1, NULL));
	}
}

/* vm:read_file(path, {max = N, offset = O, length = L}) -> the bytes */
int lguest_read_file(lua_State *L)
{
	static const char *const known[] = { "max", "offset", "length", NULL };
	struct lvm *v = lvm_check_running(L, "vm:read_file");
	const char *path = luaL_checkstring(L, 2);
	struct client_read o = { .max = CLIENT_READ_MAX };
	uint8_t *data;
	size_t len;
	struct error e;

	if (!lua_isnoneornil(L, 3)) {
		if (!lua_istable(L, 3))
			luaL_error(L, "vm:read_file: options must be a table {max, offset, length}, "
				   "got %s", luaL_typename(L, 3));
		opts_known(L, "vm:read_file", 3, known);
		opt_size(L, "vm:read_file", 3, "max", 0, CLIENT_READ_LIMIT, &o.max);
		opt_size(L, "vm:read_file", 3, "offset", 0, INT64_MAX, &o.offset);
		o.has_length = opt_size(L, "vm:read_file", 3, "length", 0, CLIENT_READ_LIMIT,
					&o.length);
	}
	if (client_read_file(&v->c, path, &o, &data, &len, &e))
		return lvm_error(L, v, "vm:read_file", &e);
	lua_pushlstring(L, (const char *)data, len);
	free(data);
	return 1;
}

/*
 * vm:_module_image(data, name) -> data, name: a module as this guest's
 * kernel loads it. A .ko.xz/.ko.zst/.ko.gz stays compressed if the kernel
 * decompresses that format (the agent asks it to, by the name's suffix),
 * else it is decompressed here and named .ko.
 */
int lguest_module_image(lua_State *L)
{
	static const char *const suffix[][2] = {
		{ "xz", ".ko.xz" }, { "zstd", ".ko.zst" }, { "gzip", ".ko.gz" },
	};
	struct lvm *v = lvm_check_running(L, "vm:insmod");
	size_t n, plain_len, i;
	const char *d = luaL_checklstring(L, 2, &n), *name = luaL_checkstring(L, 3);
	const char *fmt = compression_of((const uint8_t *)d, n), *ko;
	char from[600], *config;
	uint8_t *plain;
	struct error e;
	int keep;

	lua_settop(L, 3);
	if (!fmt)
		return 2;
	config = kernel_config_read(&v->c.vm->cfg.kernel, from, sizeof(from));
	keep = kernel_decompresses(config, fmt);
	free(config);
	ko = strstr(name, ".ko");
	if (keep) {
		for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++)
			if (!strcmp(fmt, suffix[i][0]) && (!ko || strcmp(ko, suffix[i][1])))
				lua_pushfstring(L, "%s%s", name, suffix[i][1]);
		if (lua_gettop(L) == 4)
			lua_replace(L, 3);
		return 2;
	}
	plain = decompress((const uint8_t *)d, n, &plain_len, &e);
	if (!plain)
		return luaL_error(L, "vm:insmod: %s: %s", name, e.msg);
	lua_pushlstring(L, (const char *)plain, plain_len);
	free(plain);
	lua_pushlstring(L, name, ko ? (size_t)(ko - name) : strlen(name));
	lua_pushliteral(L, ".ko");
	lua_concat(L, 2);
	return 2;
}

/* vm:_insmod(guest_path, params) -- the file is already in the guest */
int lguest_insmod(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:insmod");
	const char *path = luaL_checkstring(L, 2);
	const char *params = luaL_optstring(L, 3, "");
	struct error e;

	if (client_insmod(&v->c, path, params, &e))
		return lvm_error(L, v, "vm:insmod", &e);
	return 0;
}
