/*
 * lksft.h - vm:_kselftest, the binding under vm:kselftest.
 */
#ifndef PROVIUM_LKSFT_H
#define PROVIUM_LKSFT_H

#include <lua.h>

int lksft_run(lua_State *L);

#endif
