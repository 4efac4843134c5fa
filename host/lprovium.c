/*
 * lprovium.c - the "provium.core" Lua module: its functions, the VM
 * object's method table, and now/sleep/emit. The bindings live by concern
 * in lvm.c (VM objects), lcall.c (system calls), lguest.c (commands, jobs,
 * workers, files, modules) and lpack.c (pack/unpack); lua/provium/init.lua
 * builds the public API on top.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "lcall.h"
#include "lguest.h"
#include "lksft.h"
#include "lpack.h"
#include "lprovium.h"
#include "lvm.h"
#include "tables.h"
#include "util.h"

static const luaL_Reg vm_methods[] = {
	{ "boot", lvm_boot },
	{ "shutdown", lvm_shutdown },
	{ "kill", lvm_kill },
	{ "syscall", lcall_syscall },
	{ "syscalls", lcall_syscalls },
	{ "_call", lcall_call },
	{ "_exec", lguest_exec },
	{ "_insmod", lguest_insmod },
	{ "_module_image", lguest_module_image },
	{ "_job_start", lguest_job_start },
	{ "_job_wait", lguest_job_wait },
	{ "_job_kill", lguest_job_kill },
	{ "_spawn", lguest_spawn },
	{ "write_file", lguest_write_file },
	{ "read_file", lguest_read_file },
	{ "last_call", lcall_last_call },
	{ "set_executor", lcall_set_executor },
	{ "set_trace", ltrace_set_trace },
	{ "set_timeout", lvm_set_timeout },
	{ "info", lvm_info },
	{ "console", lvm_console },
	{ "keep_console", lvm_keep_console },
	{ "events", lvm_events },
	{ "ping", lvm_ping },
	{ "_kselftest", lksft_run },
	{ NULL, NULL }
};

/*
 * The runner's event pipe (provium test): close-on-exec and never in the
 * environment, so commands a test starts cannot hold it open or write to it.
 */
static int event_fd = -1;

void provium_set_event_fd(int fd)
{
	event_fd = fd;
}

int provium_emit(const char *line, size_t len)
{
	size_t off = 0;

	if (event_fd < 0)
		return 0;
	while (off < len) {
		ssize_t n = write(event_fd, line + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += n;
	}
	return 1;
}

/* provium.core.emit(line) -> true if there is a runner to tell, else false */
static int l_emit(lua_State *L)
{
	size_t len;
	const char *line = luaL_checklstring(L, 1, &len);
	int rc = provium_emit(line, len);

	if (rc < 0)
		return luaL_error(L, "lost the runner's event pipe: %s", strerror(errno));
	lua_pushboolean(L, rc);
	return 1;
}

/* provium.core.now() -> monotonic seconds, for test durations */
static int l_now(lua_State *L)
{
	lua_pushnumber(L, mono_ns() / 1e9);
	return 1;
}

/* provium.core.sleep(seconds): for polling helpers such as vm:wait_until */
static int l_sleep(lua_State *L)
{
	lua_Number t = luaL_checknumber(L, 1);
	struct timespec ts;

	if (t < 0 || t > 3600)
		return luaL_argerror(L, 1, "seconds outside 0..3600");
	ts.tv_sec = (time_t)t;
	ts.tv_nsec = (long)((t - (lua_Number)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) && errno == EINTR && !provium_interrupted)
		;
	if (provium_interrupted)
		return luaL_error(L, "interrupted");
	return 0;
}

/* provium.core.kernel_tables() -> dir of nr.lua/errno.lua for the run's kernel, or nil */
static int l_kernel_tables(lua_State *L)
{
	char dir[PATH_MAX];

	if (tables_for_run(dir, sizeof(dir)))
		lua_pushnil(L);
	else
		lua_pushstring(L, dir);
	return 1;
}

static const luaL_Reg core_funcs[] = {
	{ "now", l_now },
	{ "kernel_tables", l_kernel_tables },
	{ "emit", l_emit },
	{ "sleep", l_sleep },
	{ "create", lvm_create },
	{ "fixture", lvm_fixture },
	{ "pack", lpack_pack },
	{ "unpack", lpack_unpack },
	{ NULL, NULL }
};

int luaopen_provium_core(lua_State *L)
{
	luaL_newmetatable(L, LVM_MT);
	luaL_newlib(L, vm_methods);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, lvm_gc);
	lua_setfield(L, -2, "__gc");
	lua_pushcfunction(L, lvm_gc);
	lua_setfield(L, -2, "__close");
	lua_pop(L, 1);

	luaL_newlib(L, core_funcs);
	/* the method table, so Lua can add methods written in Lua */
	luaL_getmetatable(L, LVM_MT);
	lua_getfield(L, -1, "__index");
	lua_setfield(L, -3, "vm_methods");
	lua_pop(L, 1);
	lua_pushstring(L, PROVIUM_VERSION);
	lua_setfield(L, -2, "version");
	return 1;
}
