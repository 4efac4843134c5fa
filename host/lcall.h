/* lcall.h - the system call methods of a VM object (lcall.c). */
#ifndef PROVIUM_LCALL_H
#define PROVIUM_LCALL_H

#include <lua.h>

int lcall_syscall(lua_State *L);
int lcall_syscalls(lua_State *L);
int lcall_call(lua_State *L);
int lcall_last_call(lua_State *L);
int lcall_set_executor(lua_State *L);

#endif
