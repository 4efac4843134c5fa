/*
 * lvm.c - the VM objects of provium.core: create, boot options, shutdown,
 * kill, garbage collection, info, events, ping, console, timeouts, and
 * fixtures. Bindings: they check arguments and push results; vm.c boots
 * and tears down, client.c talks to the agent, fixture.c saves and
 * restores.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "config.h"
#include "fixture.h"
#include "lprovium.h"
#include "lvm.h"
#include "rootfs.h"
#include "trace.h"
#include "warm.h"

static void free_boot_options(struct lvm *v)
{
	size_t i;

	for (i = 0; i < v->cfg.nfiles; i++) {
		free(v->files[i].guest);
		free(v->files[i].host);
	}
	for (i = 0; i < v->cfg.ndisks; i++)
		free(v->disks[i].path);
	free(v->files);
	free(v->disks);
	v->files = NULL;
	v->disks = NULL;
	v->cfg.nfiles = v->cfg.ndisks = 0;
}

/* boot{files = {[guest] = host}}: every host file must be readable now */
static void parse_files(lua_State *L, struct lvm *v, int t)
{
	size_t n = 0;

	lua_pushnil(L);
	while (lua_next(L, t)) {
		const char *g, *h;

		/* checked first: lua_tostring would turn a number key into a string */
		if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
			luaL_error(L, "vm:boot: files must map guest paths to host paths (strings)");
		g = lua_tostring(L, -2);
		h = lua_tostring(L, -1);
		if (g[0] != '/')
			luaL_error(L, "vm:boot: files: guest path '%s' is not absolute", g);
		if (access(h, R_OK))
			luaL_error(L, "vm:boot: files: cannot read host file %s: %s", h,
				   strerror(errno));
		v->files = xrealloc(v->files, (n + 1) * sizeof(*v->files));
		v->files[n].guest = xstrdup(g);
		v->files[n].host = xstrdup(h);
		v->cfg.nfiles = ++n;
		lua_pop(L, 1);
	}
	v->cfg.files = v->files;
}

/* The keys a disk table may have; anything else is a typo to report. */
static void check_disk_keys(lua_State *L, int t, lua_Integer i)
{
	static const char *const known[] = { "path", "file", "format", "readonly", NULL };

	lua_pushnil(L);
	while (lua_next(L, t)) {
		const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
		int j;

		for (j = 0; k && known[j] && strcmp(k, known[j]); j++)
			;
		if (!k || !known[j])
			luaL_error(L, "vm:boot: disks[%d]: unknown field %s (known: path, format, "
				   "readonly; file is path's old name)", (int)i,
				   k ? k : luaL_typename(L, -2));
		lua_pop(L, 1);
	}
}

/*
 * boot{disks = {"a.img", {path = "b.qcow2", format = "qcow2", readonly = true}}}
 * ({file = ...} is path's older name)
 */
static void parse_disks(lua_State *L, struct lvm *v, int t)
{
	lua_Integer n = luaL_len(L, t), i;

	if (n > 16)
		luaL_error(L, "vm:boot: %d disks, at most 16", (int)n);
	for (i = 1; i <= n; i++) {
		const char *path = NULL, *format = NULL, *fmt;
		struct error e;
		int ro = 0;

		lua_geti(L, t, i);
		if (lua_type(L, -1) == LUA_TSTRING) {
			path = lua_tostring(L, -1);
		} else if (lua_type(L, -1) == LUA_TTABLE) {
			int d = lua_gettop(L);

			check_disk_keys(L, d, i);
			lua_getfield(L, d, "readonly");
			ro = lua_toboolean(L, -1);
			lua_pop(L, 1);
			/* strings stay referenced by the table once popped */
			if (lua_getfield(L, d, "path") == LUA_TSTRING)
				path = lua_tostring(L, -1);
			lua_pop(L, 1);
			if (lua_getfield(L, d, "file") == LUA_TSTRING) {
				if (path)
					luaL_error(L, "vm:boot: disks[%d] has both path and file "
						   "(the same thing: keep path)", (int)i);
				path = lua_tostring(L, -1);
			}
			lua_pop(L, 1);
			if (lua_getfield(L, d, "format") == LUA_TSTRING)
				format = lua_tostring(L, -1);
			else if (!lua_isnil(L, -1))
				luaL_error(L, "vm:boot: disks[%d].format must be \"raw\" or "
					   "\"qcow2\"", (int)i);
			lua_pop(L, 1);
		}
		if (!path)
			luaL_error(L, "vm:boot: disks[%d] must be a path or {path = path, "
				   "format = \"raw\"|\"qcow2\", readonly = bool}", (int)i);
		if (access(path, ro ? R_OK : R_OK | W_OK))
			luaL_error(L, "vm:boot: disks[%d]: %s: %s", (int)i, path, strerror(errno));
		fmt = vm_disk_format(path, format, &e);
		if (!fmt)
			luaL_error(L, "vm:boot: disks[%d]: %s", (int)i, e.msg);
		v->disks = xrealloc(v->disks, i * sizeof(*v->disks));
		memset(&v->disks[i - 1], 0, sizeof(*v->disks));
		v->disks[i - 1].path = xstrdup(path);
		v->disks[i - 1].format = fmt;
		v->disks[i - 1].readonly = ro;
		v->cfg.ndisks = (size_t)i;
		lua_pop(L, 1);
	}
	v->cfg.disks = v->disks;
}

struct lvm *lvm_check(lua_State *L)
{
	return luaL_checkudata(L, 1, LVM_MT);
}

struct lvm *lvm_check_running(lua_State *L, const char *what)
{
	struct lvm *v = lvm_check(L);

	if (!v->booted && v->c.worker)
		luaL_error(L, "%s: this worker was killed", what);
	if (!v->booted)
		luaL_error(L, "%s: the VM is not booted (call vm:boot() first)", what);
	if (v->c.vm->dead)
		luaL_error(L, "%s: the VM is not running (%s); console: %s", what,
			   v->c.vm->dead_reason, v->c.vm->console);
	return v;
}

/* Raise the VM's failure, with the console tail when the guest died. */
int lvm_error(lua_State *L, struct lvm *v, const char *what, const struct error *e)
{
	if (v->c.vm->dead && v->c.vm->console[0]) {
		char *tail = vm_console_tail(v->c.vm, 4000);

		lua_pushfstring(L, "%s: %s\n--- console tail (%s) ---\n%s", what, e->msg,
				v->c.vm->console, tail);
		free(tail);
		return lua_error(L);
	}
	return luaL_error(L, "%s: %s", what, e->msg);
}

void lvm_not_for_workers(lua_State *L, struct lvm *v, const char *what)
{
	if (v->c.worker)
		luaL_error(L, "%s is not available on a worker", what);
}

/* A new VM object on the stack, owning its (not yet started) VM. */
static struct lvm *push_vm_object(lua_State *L)
{
	struct lvm *v = lua_newuserdatauv(L, sizeof(*v), 2);

	memset(v, 0, sizeof(*v));
	v->trace = &v->own_trace;
	v->c.vm = &v->own;
	v->c.vm->fd = v->c.vm->pidfd = v->c.vm->qmp.fd = -1;
	v->c.timeout_ms = VM_DEFAULT_CALL_TIMEOUT_MS;
	luaL_setmetatable(L, LVM_MT);
	return v;
}

struct lvm *lvm_push_worker(lua_State *L, struct lvm *parent, uint32_t id)
{
	struct lvm *w = lua_newuserdatauv(L, sizeof(*w), 2);

	memset(w, 0, sizeof(*w));
	w->trace = parent->trace;	/* vm:set_trace is for the whole VM */
	w->c.vm = parent->c.vm;
	w->c.worker = id;
	w->c.timeout_ms = parent->c.timeout_ms;
	w->c.executor = parent->c.executor;
	w->booted = 1;
	luaL_setmetatable(L, LVM_MT);
	lua_pushvalue(L, 1);		/* the VM stays alive while its worker is */
	lua_setiuservalue(L, -2, LVM_UV_PARENT);
	return w;
}

int lvm_create(lua_State *L)
{
	const char *profile = luaL_optstring(L, 1, config_default_profile());
	const char *config = NULL;
	struct lvm *v;
	struct error e;

	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		/* only a string stays referenced by the table once popped */
		if (lua_getfield(L, 2, "config") == LUA_TSTRING)
			config = lua_tostring(L, -1);
		else if (!lua_isnil(L, -1))
			return luaL_error(L, "provium.create: config must be a path (string)");
		lua_pop(L, 1);
	}
	v = push_vm_object(L);
	if (config_profile(profile, config, &v->cfg, &e))
		return luaL_error(L, "provium.create: %s", e.msg);
	return 1;
}

/* Tell the runner how a VM started: it counts restored and cold-booted ones. */
static void report_start(const struct vm *vm)
{
	char line[64];

	snprintf(line, sizeof(line), "vm\t%s%s\n", vm->start == VM_START_WARM ? "warm" :
		 vm->start == VM_START_FIXTURE ? "fixture" : "cold",
		 vm->snapshot_built ? " built" : "");
	provium_emit(line, strlen(line));
}

static unsigned int parse_memory(lua_State *L, int idx)
{
	const char *s = lua_tostring(L, idx);
	long mb = s ? config_parse_memory(s) : -1;

	if (mb < 0)
		luaL_error(L, "vm:boot: memory '%s' is not a size between 64M and 64G",
			   s ? s : luaL_typename(L, idx));
	return (unsigned int)mb;
}

int lvm_boot(lua_State *L)
{
	struct lvm *v = lvm_check(L);
	struct error e;

	lvm_not_for_workers(L, v, "vm:boot");
	if (v->booted)
		return luaL_error(L, "vm:boot: this VM was already booted");
	free_boot_options(v);	/* an earlier boot that failed may have left some */
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		if (lua_getfield(L, 2, "memory") != LUA_TNIL)
			v->cfg.memory_mb = parse_memory(L, -1);
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "cpus") != LUA_TNIL) {
			lua_Integer n = lua_tointeger(L, -1);

			if (n < 1 || n > 64)
				return luaL_error(L, "vm:boot: cpus %d outside 1..64", (int)n);
			v->cfg.cpus = (unsigned int)n;
		}
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "files") != LUA_TNIL) {
			luaL_checktype(L, -1, LUA_TTABLE);
			parse_files(L, v, lua_gettop(L));
		}
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "disks") != LUA_TNIL) {
			luaL_checktype(L, -1, LUA_TTABLE);
			parse_disks(L, v, lua_gettop(L));
		}
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "rootfs") != LUA_TNIL) {
			if (lua_type(L, -1) != LUA_TSTRING)
				return luaL_error(L, "vm:boot: rootfs must be a string (\"host\")");
			if (rootfs_check(lua_tostring(L, -1), &e) ||
			    copy_str(v->cfg.rootfs, sizeof(v->cfg.rootfs), lua_tostring(L, -1)))
				return luaL_error(L, "vm:boot: %s", e.msg);
		}
		lua_pop(L, 1);
		lua_getfield(L, 2, "cold");
		v->cfg.cold = lua_toboolean(L, -1);
		lua_pop(L, 1);
		if (lua_getfield(L, 2, "timeout") != LUA_TNIL) {
			lua_Number t = luaL_checknumber(L, -1);

			if (t <= 0 || t > 86400)
				return luaL_error(L, "vm:boot: timeout %f s outside (0, 86400] seconds", t);
			v->c.timeout_ms = (int)(t * 1000);
		}
		lua_pop(L, 1);
	}
	if (warm_boot(v->c.vm, &v->cfg, &e))
		return luaL_error(L, "vm:boot: %s", e.msg);
	v->booted = 1;
	report_start(v->c.vm);
	lua_settop(L, 1);
	return 1;
}

int lvm_shutdown(lua_State *L)
{
	struct lvm *v = lvm_check(L);
	struct error e;

	lvm_not_for_workers(L, v, "vm:shutdown");
	if (v->booted && v->c.vm->rundir[0] && vm_shutdown(v->c.vm, &e))
		return luaL_error(L, "vm:shutdown: %s", e.msg);
	return 0;
}

int lvm_kill(lua_State *L)
{
	struct lvm *v = lvm_check(L);

	if (v->c.worker) {
		struct error e;

		if (v->c.vm->dead || !v->booted)
			return 0;
		if (client_worker_kill(&v->c, &e))
			return lvm_error(L, v, "worker:kill", &e);
		v->booted = 0;
		return 0;
	}

	if (v->booted && v->c.vm->rundir[0])
		vm_kill(v->c.vm);
	return 0;
}

int lvm_gc(lua_State *L)
{
	struct lvm *v = lvm_check(L);

	free(v->last_log);
	v->last_log = NULL;
	client_free(&v->c);
	if (v->c.worker)
		return 0;	/* the worker goes with its VM */
	if (v->booted && v->c.vm->rundir[0])
		vm_kill(v->c.vm);
	free_boot_options(v);
	vm_free_events(v->c.vm);
	return 0;
}

/* vm:set_timeout(seconds) -> previous: every later call's time limit */
int lvm_set_timeout(lua_State *L)
{
	struct lvm *v = lvm_check(L);
	lua_Number t = luaL_checknumber(L, 2);

	if (t < 0.001 || t > 86400)
		return luaL_argerror(L, 2, "timeout outside [0.001, 86400] seconds");
	lua_pushnumber(L, v->c.timeout_ms / 1000.0);
	v->c.timeout_ms = (int)(t * 1000);
	return 1;
}

int lvm_info(lua_State *L)
{
	struct lvm *v = lvm_check(L);
	const struct vm_config *cfg = v->booted ? &v->c.vm->cfg : &v->cfg;

	lua_createtable(L, 0, 14);
	lua_pushboolean(L, v->booted && !v->c.vm->dead);
	lua_setfield(L, -2, "running");
	lua_pushstring(L, v->c.vm->release);
	lua_setfield(L, -2, "release");
	lua_pushstring(L, v->c.vm->accel);
	lua_setfield(L, -2, "accel");
	lua_pushboolean(L, v->c.vm->module_dispatch != 0);
	lua_setfield(L, -2, "module");
	/* before boot, what the host already knows: why there will be no module */
	lua_pushstring(L, v->booted ? v->c.vm->module_error : cfg->module_note);
	lua_setfield(L, -2, "module_error");
	lua_pushstring(L, v->cfg.rootfs);
	lua_setfield(L, -2, "rootfs");
	lua_pushnumber(L, v->c.vm->boot_ns / 1e9);
	lua_setfield(L, -2, "boot_time");
	lua_pushstring(L, v->c.vm->console);
	lua_setfield(L, -2, "console");
	lua_pushinteger(L, (lua_Integer)vm_console_size(v->c.vm));
	lua_setfield(L, -2, "console_size");
	lua_pushstring(L, v->c.vm->rundir);
	lua_setfield(L, -2, "rundir");
	lua_pushinteger(L, v->c.vm->qemu_pid);
	lua_setfield(L, -2, "qemu_pid");
	lua_pushstring(L, v->c.vm->dead_reason);
	lua_setfield(L, -2, "dead_reason");
	/* the kernel it boots (or will): for building modules against it */
	lua_pushstring(L, cfg->kernel.image);
	lua_setfield(L, -2, "kernel");
	lua_pushstring(L, cfg->kernel.kbuild);
	lua_setfield(L, -2, "kbuild");
	lua_pushstring(L, cfg->module);
	lua_setfield(L, -2, "module_path");
	lua_pushstring(L, !v->booted ? "" : cfg->kernel.vmlinux[0] ? "microvm" : "q35");
	lua_setfield(L, -2, "machine");
	/* how it started: "cold", "warm" (a restored snapshot) or "fixture" */
	lua_pushstring(L, !v->booted || v->c.worker ? "" :
		       v->c.vm->start == VM_START_WARM ? "warm" :
		       v->c.vm->start == VM_START_FIXTURE ? "fixture" : "cold");
	lua_setfield(L, -2, "start");
	lua_pushstring(L, v->c.vm->start_note);
	lua_setfield(L, -2, "start_note");
	return 1;
}

/*
 * vm:events(first?) -> list of kernel splats from index @first on ({kind,
 * text, index, source, and from provium.ko context, pid, comm, call_pid,
 * call_nr, via}), their total count, and how many of those from @first on
 * were dropped (only the first and the latest are kept)
 */
int lvm_events(lua_State *L)
{
	struct vm *vm = lvm_check(L)->c.vm;
	lua_Integer first = luaL_optinteger(L, 2, 1), i, n = 0, dropped = 0;

	if (first < 1)
		first = 1;	/* the list still starts at index 1 */
	lua_newtable(L);
	for (i = first; i <= (lua_Integer)vm->nevents; i++) {
		const struct vm_event *ev = vm_event(vm, (uint64_t)i);
		struct trace_event te;
		struct proto_hdr h;
		struct proto_msg em;
		char err[128];

		if (!ev) {
			/* the whole dropped run at once: it can be millions long */
			lua_Integer next = (lua_Integer)(vm->nevents - VM_EVENTS_TAIL) + 1;

			dropped += next - i;
			i = next - 1;
			continue;
		}
		/* whose it is from the frame; kind and text as kept (bounded) */
		h = (struct proto_hdr){ ev->payload_len, 0, PROTO_MSG_EVENT, 0 };
		if (proto_decode(&h, ev->payload, &em, err, sizeof(err)))
			memset(&em, 0, sizeof(em));	/* decoded once already: cannot fail */
		trace_event_from_msg(&em, &te);
		te.kind = (struct trace_str){ ev->kind, strlen(ev->kind) };
		te.text = (struct trace_str){ ev->text, strlen(ev->text) };
		ltrace_push_event(L, &te);
		lua_pushinteger(L, i);
		lua_setfield(L, -2, "index");
		lua_seti(L, -2, ++n);
	}
	lua_pushinteger(L, (lua_Integer)vm->nevents);
	lua_pushinteger(L, dropped);
	return 3;
}

/* vm:ping(): a round trip; kernel splats that happened before arrive first */
int lvm_ping(lua_State *L)
{
	struct lvm *v = lvm_check_running(L, "vm:ping");
	struct error e;

	if (client_ping(&v->c, &e))
		return lvm_error(L, v, "vm:ping", &e);
	return 0;
}

/* vm:console(max?, from?) -> the console's last @max bytes (from byte @from on) */
int lvm_console(lua_State *L)
{
	struct lvm *v = lvm_check(L);
	lua_Integer max = luaL_optinteger(L, 2, 1 << 20);
	lua_Integer from = luaL_optinteger(L, 3, 0);
	char *tail;

	luaL_argcheck(L, max >= 0 && max <= 64 << 20, 2, "between 0 and 64 MiB");
	luaL_argcheck(L, from >= 0, 3, "a byte offset, 0 or more");
	tail = vm_console_since(v->c.vm, (off_t)from, (size_t)max);
	lua_pushstring(L, tail);
	free(tail);
	return 1;
}

/* vm:keep_console() -> path of a copy that outlives the VM (refreshed at its end) */
int lvm_keep_console(lua_State *L)
{
	struct lvm *v = lvm_check(L);

	lua_pushstring(L, vm_keep_console(v->c.vm));
	return 1;
}

/* The build step of a fixture: the function at stack index 3 returns a booted VM. */
static struct vm *build_fixture(void *ctx, struct error *e)
{
	lua_State *L = ctx;
	struct lvm *built;

	lua_pushvalue(L, 3);
	if (lua_pcall(L, 0, 1, 0)) {
		errorf(e, "building it failed: %s", lua_tostring(L, -1));
		return NULL;
	}
	/* left on the stack: the object keeps its VM alive while it is saved */
	built = luaL_testudata(L, -1, LVM_MT);
	if (!built || built->c.worker || !built->booted || built->c.vm->dead) {
		errorf(e, "%s must return a booted VM (or return nothing and leave the VM it "
		       "booted last running)", lua_tostring(L, 2));
		return NULL;
	}
	return built->c.vm;
}

/*
 * provium.core.fixture(name, path, build) -> VM started from the saved
 * state of fixture @path; fixture_start runs @build the first time.
 */
int lvm_fixture(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const char *path = luaL_checkstring(L, 2);
	struct error e;
	struct lvm *v;

	luaL_checktype(L, 3, LUA_TFUNCTION);
	lua_settop(L, 3);
	v = push_vm_object(L);
	if (fixture_start(path, build_fixture, L, v->c.vm, &v->cfg, &e))
		return luaL_error(L, "provium.fixture('%s'): %s", name, e.msg);
	/* the saved disks' list is the object's, as boot options are */
	v->disks = (struct vm_disk *)v->cfg.disks;
	v->booted = 1;
	report_start(v->c.vm);
	lua_settop(L, 4);
	return 1;
}
