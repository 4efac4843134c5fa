/*
 * lpack.c - provium.pack and provium.unpack: Lua values to and from the
 * binary layouts of pack.c ("u32 u64 s16 ...").
 */
#include <stdint.h>

#include <lauxlib.h>
#include <lua.h>

#include "lpack.h"
#include "pack.h"

uint64_t lpack_checku64(lua_State *L, int idx)
{
	int ok = lua_type(L, idx) == LUA_TNUMBER;
	lua_Integer n = ok ? lua_tointegerx(L, idx, &ok) : 0;

	if (!ok) {
		/* floats beyond 2^63 keep their unsigned value */
		if (lua_type(L, idx) == LUA_TNUMBER) {
			lua_Number f = lua_tonumber(L, idx);

			if (f >= 9223372036854775808.0 && f < 18446744073709551616.0 &&
			    f == (lua_Number)(uint64_t)f)
				return (uint64_t)f;
		}
		luaL_argerror(L, idx, "integer expected");
	}
	return (uint64_t)n;
}

/* provium.pack(fmt, ...) */
int lpack_pack(lua_State *L)
{
	const char *fmt = luaL_checkstring(L, 1);
	struct pack_field f[PACK_MAX_FIELDS];
	char err[200];
	int n = pack_parse(fmt, f, PACK_MAX_FIELDS, err, sizeof(err)), i;
	size_t off = 0;
	luaL_Buffer b;
	uint8_t *out;

	if (n < 0)
		return luaL_error(L, "provium.pack: %s", err);
	if (lua_gettop(L) - 1 != n)
		return luaL_error(L, "provium.pack: format has %d fields but %d values given",
				  n, lua_gettop(L) - 1);
	out = (uint8_t *)luaL_buffinitsize(L, &b, pack_size(f, n));
	for (i = 0; i < n; i++) {
		int ok = lua_type(L, i + 2) == LUA_TNUMBER;
		lua_Integer v = ok ? lua_tointegerx(L, i + 2, &ok) : 0;

		if (!ok && f[i].size == 8 && !f[i].is_signed && lua_type(L, i + 2) == LUA_TNUMBER) {
			v = (lua_Integer)lpack_checku64(L, i + 2);
			ok = 1;
		}
		if (!ok)
			return luaL_error(L, "provium.pack: field %d (%s): integer expected, got %s",
					  i + 1, f[i].name, luaL_typename(L, i + 2));
		if (pack_check(&f[i], v, err, sizeof(err)))
			return luaL_error(L, "provium.pack: field %d (%s): %s", i + 1, f[i].name,
					  err);
		pack_put(&f[i], v, out + off);
		off += f[i].size;
	}
	luaL_pushresultsize(&b, off);
	return 1;
}

/* provium.unpack(fmt, data) -> values... */
int lpack_unpack(lua_State *L)
{
	const char *fmt = luaL_checkstring(L, 1);
	size_t len, off = 0;
	const uint8_t *d = (const uint8_t *)luaL_checklstring(L, 2, &len);
	struct pack_field f[PACK_MAX_FIELDS];
	char err[200];
	int n = pack_parse(fmt, f, PACK_MAX_FIELDS, err, sizeof(err)), i;

	if (n < 0)
		return luaL_error(L, "provium.unpack: %s", err);
	luaL_checkstack(L, n, "too many fields");
	for (i = 0; i < n; i++) {
		if (off + f[i].size > len)
			return luaL_error(L, "provium.unpack: field %d (%s) needs bytes %d..%d "
					  "but the data is %d bytes", i + 1, f[i].name, (int)off,
					  (int)(off + f[i].size - 1), (int)len);
		lua_pushinteger(L, pack_get(&f[i], d + off));
		off += f[i].size;
	}
	return n;
}
