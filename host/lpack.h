/* lpack.h - provium.pack/unpack (lpack.c), and 64-bit integers from Lua. */
#ifndef PROVIUM_LPACK_H
#define PROVIUM_LPACK_H

#include <stdint.h>

#include <lua.h>

/*
 * Argument @idx as a 64-bit value: an integer, or a float from 2^63 to
 * 2^64 that keeps its unsigned value; else an argument error.
 */
uint64_t lpack_checku64(lua_State *L, int idx);
int lpack_pack(lua_State *L);
int lpack_unpack(lua_State *L);

#endif
