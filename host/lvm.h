/*
 * lvm.h - the VM object of provium.core (a Lua userdata): a VM, or a
 * worker inside one, with its boot options and last call; and the helpers
 * every binding on it uses.
 */
#ifndef PROVIUM_LVM_H
#define PROVIUM_LVM_H

#include <lua.h>

#include "call.h"
#include "client.h"
#include "vm.h"

#define LVM_MT "provium.vm"

/* Uservalues of a VM object. */
#define LVM_UV_PARENT	1	/* a worker's VM, kept alive while the worker is */
#define LVM_UV_TRACE	2	/* the last call's errno_origin, graph, splats */

/* What vm:set_trace asked every later call to record (ltrace.c). */
struct lvm_trace {
	uint16_t flags;			/* PROVIUM_CALL_* */
	unsigned int depth;		/* graph levels kept, 0: all */
};

struct lvm {
	struct client c;		/* c.vm: own, or the parent's for a worker */
	struct vm own;			/* the VM, for an object made by create() */
	struct vm_config cfg;
	int booted;
	struct call_spec spec;		/* reused: no per-call allocation */
	struct call_result last;
	int has_last;
	char *last_log;
	struct vm_file *files;		/* boot options, owned here */
	struct vm_disk *disks;
	struct lvm_trace own_trace;
	struct lvm_trace *trace;	/* own_trace, or the VM's for a worker */
};

/* Argument 1 as a VM object. */
struct lvm *lvm_check(lua_State *L);
/* Argument 1 as a VM object that can take requests; else an error naming @what. */
struct lvm *lvm_check_running(lua_State *L, const char *what);
/* Raise "@what: <e>", with the console tail when the guest died. */
int lvm_error(lua_State *L, struct lvm *v, const char *what, const struct error *e);
/* Raise an error if @v is a worker: @what belongs to the VM. */
void lvm_not_for_workers(lua_State *L, struct lvm *v, const char *what);
/* Push a new worker object of the VM at stack index 1, for worker @id. */
struct lvm *lvm_push_worker(lua_State *L, struct lvm *parent, uint32_t id);

/* provium.core functions and VM methods */
int lvm_create(lua_State *L);
int lvm_fixture(lua_State *L);
int lvm_boot(lua_State *L);
int lvm_shutdown(lua_State *L);
int lvm_kill(lua_State *L);
int lvm_gc(lua_State *L);
int lvm_set_timeout(lua_State *L);
int lvm_info(lua_State *L);
int lvm_events(lua_State *L);
int lvm_ping(lua_State *L);
int lvm_console(lua_State *L);
int lvm_keep_console(lua_State *L);

/* ltrace.c */
int ltrace_set_trace(lua_State *L);
/* After a call (with @flags) of the VM at stack index 1: keep what it traced. */
void ltrace_keep_call(lua_State *L, struct lvm *v, uint16_t flags);
/* Add the kept errno_origin, graph and splats to the table on top of the stack. */
void ltrace_last_call_fields(lua_State *L);
/* Push a kernel report as a Lua table. */
struct trace_event;
void ltrace_push_event(lua_State *L, const struct trace_event *ev);

#endif
