/*
 * lstate.c - Lua states for scripts: the provium library on the path,
 * tracebacks on error, and a clean stop on Ctrl-C (the error unwinds the
 * script and closing the state tears every VM down).
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lprovium.h"
#include "config.h"
#include "layout.h"
#include "lstate.h"
#include "util.h"

static lua_State *running;

/*
 * Stays armed: a test() that catches the error must not carry on, so every
 * later step raises it again until the script has unwound.
 */
static void stop_hook(lua_State *L, lua_Debug *ar)
{
	(void)ar;
	luaL_error(L, "interrupted");
}

static void on_signal(int sig)
{
	provium_interrupted = sig;
	if (running)
		lua_sethook(running, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void lstate_catch_signals(lua_State *L)
{
	struct sigaction sa = { .sa_handler = on_signal };	/* no SA_RESTART */

	running = L;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

lua_State *lstate_new(void)
{
	lua_State *L = luaL_newstate();
	const char *tables = layout()->tables;
	char lua_dir[PATH_MAX + 8];

	snprintf(lua_dir, sizeof(lua_dir), "%s/lua", provium_home());
	luaL_openlibs(L);
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
	lua_pushcfunction(L, luaopen_provium_core);
	lua_setfield(L, -2, "provium.core");
	lua_pop(L, 1);
	lua_getglobal(L, "package");
	/* the generated tables: build/lua in a tree, beside the library once installed */
	if (strcmp(tables, lua_dir))
		lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;%s/?.lua;./?.lua", lua_dir, lua_dir,
				tables);
	else
		lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;./?.lua", lua_dir, lua_dir);
	lua_setfield(L, -2, "path");
	lua_pop(L, 1);
	/* provium and the test framework are globals in every script */
	lua_getglobal(L, "require");
	lua_pushstring(L, "provium");
	if (lua_pcall(L, 1, 1, 0)) {
		fprintf(stderr, "provium: cannot load the Lua library from %s (%s): %s\n", lua_dir,
			layout_origin(), lua_tostring(L, -1));
		lua_close(L);
		return NULL;
	}
	lua_setglobal(L, "provium");
	return L;
}

static int traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (!msg)
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	luaL_traceback(L, L, msg, 1);
	return 1;
}

int lstate_run_file(lua_State *L, const char *path, int argc, char **argv, char *err,
		    size_t errlen)
{
	int i, base;

	lua_createtable(L, argc, 1);
	lua_pushstring(L, path);
	lua_seti(L, -2, 0);
	for (i = 0; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_seti(L, -2, i + 1);
	}
	lua_setglobal(L, "arg");

	config_set_script(path);
	lua_pushcfunction(L, traceback);
	base = lua_gettop(L);
	if (luaL_loadfile(L, path) || lua_pcall(L, 0, 0, base)) {
		snprintf(err, errlen, "%s", lua_tostring(L, -1));
		lua_settop(L, base - 1);
		return -1;
	}
	lua_settop(L, base - 1);
	return 0;
}

/* Close @L, tearing down its VMs; the stop hook must not get in the way. */
void lstate_close(lua_State *L)
{
	lua_sethook(L, NULL, 0, 0);
	if (running == L)
		running = NULL;
	lua_close(L);
}
