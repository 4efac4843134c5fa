/* lguest.h - the guest methods of a VM object (lguest.c). */
#ifndef PROVIUM_LGUEST_H
#define PROVIUM_LGUEST_H

#include <lua.h>

int lguest_exec(lua_State *L);
int lguest_job_start(lua_State *L);
int lguest_job_wait(lua_State *L);
int lguest_job_kill(lua_State *L);
int lguest_spawn(lua_State *L);
int lguest_write_file(lua_State *L);
int lguest_read_file(lua_State *L);
int lguest_insmod(lua_State *L);
int lguest_module_image(lua_State *L);

#endif
