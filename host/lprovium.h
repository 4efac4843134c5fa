/* lprovium.h - the provium.core Lua module. */
#ifndef PROVIUM_LPROVIUM_H
#define PROVIUM_LPROVIUM_H

#include <stddef.h>

#include <lua.h>

#define PROVIUM_VERSION "0.1.0"

int luaopen_provium_core(lua_State *L);
/* Where test() reports under "provium test" (-1: print instead). */
void provium_set_event_fd(int fd);
/* Send @line to the runner: 1 sent, 0 no runner, -1 the pipe broke (errno). */
int provium_emit(const char *line, size_t len);

#endif
