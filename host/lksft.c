/*
 * lksft.c - vm:_kselftest(dir, collections?, factor?): an installed
 * kselftest tree run in this VM (booted with rootfs = "host"), a result
 * table per test. The binding checks arguments and pushes results;
 * ksft.c and ksft_run.c do the work. lua/provium/vm.lua wraps it as
 * vm:kselftest, which also reports each result as a sub-test.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "ksft.h"
#include "lksft.h"
#include "lvm.h"
#include "rootfs.h"

#define LKSFT_MAX_SELECT	256

static void set_str(lua_State *L, const char *k, const char *v)
{
	lua_pushstring(L, v ? v : "");
	lua_setfield(L, -2, k);
}

/* A test's own results: {name, status, reason, subtests} each */
static void push_tap(lua_State *L, const struct ktap *k)
{
	size_t i;

	lua_createtable(L, k ? (int)k->nresults : 0, 0);
	for (i = 0; k && i < k->nresults; i++) {
		const struct ktap_result *r = &k->results[i];
		const char *d = r->directive ? r->directive : "";
		char *lines = xstrdup("");
		size_t j;

		lua_createtable(L, 0, 6);
		set_str(L, "name", r->desc);
		set_str(L, "status", !strcmp(d, "SKIP") ? "skip" : !strcmp(d, "XFAIL") ? "xfail" :
			!strcmp(d, "TODO") ? "todo" : ktap_result_failed(r) ? "fail" : "pass");
		set_str(L, "directive", r->directive);
		set_str(L, "reason", r->diag);
		for (j = 0; j < r->nlines; j++)
			xappendf(&lines, "%s%s", j ? "\n" : "", r->lines[j]);
		set_str(L, "diagnostics", lines);
		free(lines);
		push_tap(L, r->sub);
		lua_setfield(L, -2, "subtests");
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
}

static void push_result(lua_State *L, const struct ksft_result *r)
{
	char *name = xasprintf("%s:%s", r->collection, r->test);

	lua_createtable(L, 0, 14);
	set_str(L, "collection", r->collection);
	set_str(L, "test", r->test);
	set_str(L, "name", name);
	set_str(L, "status", ksft_status_name(r->status));
	lua_pushboolean(L, !ksft_status_failed(r->status));
	lua_setfield(L, -2, "ok");
	if (r->exit_code >= 0) {
		lua_pushinteger(L, r->exit_code);
		lua_setfield(L, -2, "exit_code");
	}
	lua_pushnumber(L, r->secs);
	lua_setfield(L, -2, "secs");
	lua_pushinteger(L, r->timeout_s);
	lua_setfield(L, -2, "timeout");
	set_str(L, "reason", r->reason);
	set_str(L, "output", r->output);
	set_str(L, "splats", r->splats);
	push_tap(L, r->tap);
	lua_setfield(L, -2, "subtests");
	free(name);
}

int lksft_run(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:kselftest");
	const char *dir = luaL_checkstring(L, 2);
	const char *sel[LKSFT_MAX_SELECT];
	size_t nsel = 0, npicks, i, j, n = 0;
	struct ksft_run_opts o = { 0 };
	struct ksft_pick *picks;
	struct ksft_result *res;
	char guest_dir[PATH_MAX];
	struct ksft_tree t;
	struct error e;
	int dead = 0;

	lvm_not_for_workers(L, v, "vm:kselftest");
	if (!lua_isnoneornil(L, 3)) {
		lua_Integer k, len;

		luaL_checktype(L, 3, LUA_TTABLE);
		len = luaL_len(L, 3);
		if (len > LKSFT_MAX_SELECT)
			return luaL_error(L, "vm:kselftest: at most %d collections", LKSFT_MAX_SELECT);
		for (k = 1; k <= len; k++) {
			/* a string stays referenced by the table once popped */
			if (lua_geti(L, 3, k) != LUA_TSTRING)
				return luaL_error(L, "vm:kselftest: collections[%d] must be a string "
						  "(\"collection\" or \"collection:test\")", (int)k);
			sel[nsel++] = lua_tostring(L, -1);
			lua_pop(L, 1);
		}
	}
	o.factor = luaL_optnumber(L, 4, 0);
	if (o.factor < 0 || o.factor > 1000)
		return luaL_error(L, "vm:kselftest: timeout_factor %f outside (0, 1000]", o.factor);
	if (o.factor == 0)
		o.factor = strcmp(v->c.vm->accel, "tcg") ? 1 : KSFT_TCG_FACTOR;
	if (!rootfs_is_host(&v->cfg))
		return luaL_error(L, "vm:kselftest: boot the VM with rootfs = \"host\" (kselftests "
				  "run from the host's root file system)");
	if (ksft_tree_load(dir, &t, &e))
		return luaL_error(L, "vm:kselftest: %s", e.msg);
	if (ksft_select(&t, sel, nsel, &picks, &npicks, &e)) {
		ksft_tree_free(&t);
		return luaL_error(L, "vm:kselftest: %s", e.msg);
	}
	if (ksft_guest_dir(&v->c, t.dir, guest_dir, sizeof(guest_dir), &e)) {
		ksft_picks_free(picks, npicks);
		ksft_tree_free(&t);
		return lvm_error(L, v, "vm:kselftest", &e);
	}
	o.guest_dir = guest_dir;
	o.stop = &provium_interrupted;
	for (i = 0; i < npicks; i++)
		n += picks[i].ntests;
	res = xcalloc(n ? n : 1, sizeof(*res));
	for (i = 0, n = 0; i < npicks; n += picks[i++].ntests) {
		if (dead) {
			/* the guest died in an earlier collection: the rest never ran */
			for (j = 0; j < picks[i].ntests; j++) {
				struct ksft_result *r = &res[n + j];

				r->collection = xstrdup(picks[i].col->name);
				r->test = xstrdup(picks[i].tests[j]);
				r->status = KSFT_NOTRUN;
				r->exit_code = -1;
				r->reason = xstrdup("not run: the guest died");
				r->output = xstrdup("");
				r->splats = xstrdup("");
				r->tap = ktap_parse("", 0);
			}
			continue;
		}
		dead = ksft_run_pick(&v->c, &t, &picks[i], &o, &res[n], &e) != 0;
	}
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		push_result(L, &res[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
		ksft_result_free(&res[i]);
	}
	free(res);
	ksft_picks_free(picks, npicks);
	ksft_tree_free(&t);
	if (provium_interrupted)
		return luaL_error(L, "interrupted");
	return 1;
}
