/* lprovium.h - the provium.core Lua module. */
#ifndef PROVIUM_LPROVIUM_H
#define PROVIUM_LPROVIUM_H

#include <lua.h>

#define PROVIUM_VERSION "0.1.0"

int luaopen_provium_core(lua_State *L);

#endif
