/*
 * lstate.h - a Lua state with the provium library loaded, and interruption.
 */
#ifndef PROVIUM_LSTATE_H
#define PROVIUM_LSTATE_H

#include <lua.h>

lua_State *lstate_new(void);
/* Run @path with @args as the global arg; 0 = ok, else prints the error. */
int lstate_run_file(lua_State *L, const char *path, int argc, char **argv, char *err,
		    size_t errlen);
/* SIGINT/SIGTERM: stop the running script at its next step. */
void lstate_catch_signals(lua_State *L);
/* lua_close, with the stop hook removed first so every VM is torn down. */
void lstate_close(lua_State *L);

#endif
