-- Errno origins (vm:set_trace{errno = ...}, docs/tracing.md): for errors
-- of three subsystems on stock interfaces (bpf, VFS, sockets) and of the
-- sample driver's ioctl, the deepest watched function that returned the
-- error, its chain of watched callers and the stack where it returned;
-- none for a call that succeeds, even with errors handled inside it; and a
-- Lua error naming the glob or function that cannot be watched. Where the
-- kernel cannot follow returns the tests are skipped with its reason.
local NR, E = provium.nr, provium.errno
local here = debug.getinfo(1, "S").source:gsub("^@", ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path

local vm = provium.create()
vm:boot()
-- a kernel without provium.ko (no CONFIG_MODULES, no build tree) has no origins
if not require("guest").module_for_file(vm, "errno origins") then return end
if not require("guest").tracing_for_file(vm, "errno origins") then return end
-- the sample driver as 'make sample' built it, or built for this kernel
local KO, no_sample = require("sample").modules(vm, here .. "/../..")

-- Arm @globs; a kernel that cannot follow returns skips the test.
local function arm(globs)
  local ok, info = pcall(vm.set_trace, vm, { errno = globs })
  if not ok and tostring(info):find("cannot follow returns", 1, true) then
    skip(tostring(info))
  end
  if not ok then error(info, 2) end
  return info
end

local function joined(chain) return table.concat(chain, " > ") end

local function has(list, v)
  for _, x in ipairs(list) do if x == v then return true end end
  return false
end

-- the origin of the last call, which must exist
local function origin()
  local lc = vm:last_call()
  local o = lc.errno_origin
  assert(o, "no errno origin: " .. tostring(lc.errno_info and lc.errno_info.note))
  -- the origin is the innermost of its chain, and where the stack starts
  assert_eq(o.chain[#o.chain], o.func)
  assert_eq(o.func, o.stack[1])
  return o
end

test("bpf: a bad key size is array_map_alloc_check's -EINVAL", function()
  local info = arm({ "__x64_sys_bpf", "__sys_bpf", "map_create", "array_map_*" })
  assert(info.functions >= 4, "armed " .. info.functions)
  -- BPF_MAP_CREATE of an array whose key is 8 bytes (arrays take 4)
  local attr = provium.pack("u32 u32 u32 u32", 2, 8, 8, 4) .. string.rep("\0", 112)
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.bpf, 1, attr, 0, 0, 128)))
  local o = origin()
  assert_eq("array_map_alloc_check", o.func)
  assert_eq(-E.EINVAL, o.ret)
  assert_eq("__x64_sys_bpf > __sys_bpf > map_create > array_map_alloc_check", joined(o.chain))
  -- the caller's frame comes next, symbolized
  assert(o.stack[2]:find("^map_create%+0x"), "stack[2] = " .. tostring(o.stack[2]))
  assert(#o.stack <= 32, #o.stack .. " stack lines")
end)

test("VFS: a missing directory: the deepest watched function of the lookup", function()
  local path = "/no/such/dir/file\0"
  -- watching down to path_openat: that is the origin
  arm({ "__x64_sys_openat", "do_sys_openat2", "do_filp_open", "path_openat" })
  assert_eq(-E.ENOENT, (vm:syscall_buf(NR.openat, 1, path, -100, 0, 0, 0)))
  local o = origin()
  assert_eq("path_openat", o.func)
  assert_eq("__x64_sys_openat > do_sys_openat2 > do_filp_open > path_openat", joined(o.chain))
  -- watching the path walk too: the origin moves below path_openat
  arm({ "__x64_sys_openat", "do_sys_openat2", "do_filp_open", "path_openat",
    "link_path_walk*", "walk_component" })
  assert_eq(-E.ENOENT, (vm:syscall_buf(NR.openat, 1, path, -100, 0, 0, 0)))
  o = origin()
  assert_eq("walk_component", o.func)
  assert_eq(-E.ENOENT, o.ret)
  assert_eq("__x64_sys_openat", o.chain[1])
  assert(has(o.chain, "path_openat"), joined(o.chain))
  assert(#o.chain > 4, joined(o.chain))
end)

test("sockets: a protocol the family lacks is inet_create's -EPROTONOSUPPORT", function()
  arm({ "__x64_sys_socket", "__sys_socket*", "sock_create*", "__sock_create", "inet_create" })
  -- socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP)
  assert_eq(-E.EPROTONOSUPPORT, (vm:syscall(NR.socket, 2, 2, 6)))
  local o = origin()
  assert_eq("inet_create", o.func)
  assert_eq(-E.EPROTONOSUPPORT, o.ret)
  assert_eq("__x64_sys_socket", o.chain[1])
  assert(has(o.chain, "__sock_create"), joined(o.chain))
end)

test("an ioctl of the sample driver: the driver's own function is the origin", function()
  if not KO then skip(no_sample) end
  vm:insmod(KO)
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
  assert(fd >= 0, "open: " .. fd)
  local info = arm({ "__x64_sys_ioctl", "ksample_*" })
  -- a module built without BTF: its functions are taken to return int, and counted
  local has_btf = vm:exec("test -e /sys/kernel/btf/provium_sample").ok
  assert(has_btf and info.no_btf == 0 or not has_btf and info.no_btf >= 1,
    string.format("BTF %s, no_btf = %d", tostring(has_btf), info.no_btf))
  -- KSAMPLE_IOC_QUERY of a class the driver does not know
  local ret = vm:ioctl(fd, provium.IOWR("K", 0, 16), provium.pack("u32 u32 u64", 99, 0, 0))
  assert_eq(-E.EINVAL, ret)
  local o = origin()
  assert(o.func:find("^ksample_"), "origin " .. o.func)
  assert_eq(-E.EINVAL, o.ret)
  assert_eq("__x64_sys_ioctl", o.chain[1])
  assert(o.stack[2]:find("%[provium_sample%]") or o.stack[2]:find("__x64_sys_ioctl"),
    "stack[2] = " .. tostring(o.stack[2]))
  vm:syscall(NR.close, fd)
end)

test("a call that succeeds has no origin, though errors inside it were handled", function()
  arm({ "__x64_sys_openat", "do_sys_openat2", "do_filp_open", "path_openat", "*lookup*",
    "link_path_walk*", "walk_component", "d_*", "*permission*" })
  local fd = vm:syscall_buf(NR.openat, 1, "/proc/version\0", -100, 0, 0, 0)
  assert(fd >= 0, "open: " .. fd)
  local lc = vm:last_call()
  assert_eq(nil, lc.errno_origin)
  local i = lc.errno_info
  assert(i.entries > 0, "entries " .. tostring(i.entries))
  -- functions failed on the way (a negative lookup...) and callers recovered
  assert(i.failures > 0 and i.handled > 0,
    string.format("failures %d, handled %d", i.failures, i.handled))
  assert_eq(0, i.missed)
  assert_contains(i.note, "did not fail")
  vm:syscall(NR.close, fd)
end)

test("errno = true arms the default set: syscalls, VFS, sockets and bpf", function()
  local info = arm(true)
  assert(info.functions > 500, info.functions .. " functions")
  assert(info.arm_time >= 0 and info.resolve_time > 0)
  assert_eq(-E.EPROTONOSUPPORT, (vm:syscall(NR.socket, 2, 2, 6)))
  assert_eq("inet_create", origin().func)
  assert_eq(-E.ENOENT, (vm:syscall_buf(NR.openat, 1, "/no/such/file\0", -100, 0, 0, 0)))
  assert_eq("__x64_sys_openat", origin().chain[1])
end)

test("a worker's calls are followed too: the watch is the VM's", function()
  arm({ "__x64_sys_close" })
  local w = vm:spawn()
  assert_eq(-E.EBADF, (w:syscall(NR.close, 987)))
  assert_eq("__x64_sys_close", w:last_call().errno_origin.func)
  local ok, err = pcall(w.set_trace, w, { errno = true })
  assert(not ok)
  assert_contains(err, "not available on a worker")
  w:kill()
end)

test("what cannot be watched is an error naming it", function()
  local function fails(globs, want)
    local ok, err = pcall(vm.set_trace, vm, { errno = globs })
    assert(not ok, "armed " .. joined(globs))
    assert_contains(err, want)
  end
  fails({ "__x64_sys_close", "no_such_fn_*" },
    "glob 'no_such_fn_*' matches no traceable function")
  fails({ "no_such_function" }, "no kernel function 'no_such_function'")
  -- in kallsyms, but kernel/trace is built without ftrace's hooks
  fails({ "ring_buffer_lock_reserve" }, "'ring_buffer_lock_reserve' cannot be traced")
  -- provium.ko cannot watch itself
  fails({ "provium_ioctl*" }, "provium.ko's own functions")
  -- bad arguments, before anything reaches the guest
  fails({}, "empty list")
  fails({ 42 }, "errno[1] must be a non-empty string")
  local ok, err = pcall(vm.set_trace, vm, { errno = "x" })
  assert(not ok)
  assert_contains(err, "errno must be a list of globs, true")
  ok, err = pcall(vm.set_trace, vm, { errrno = true })
  assert(not ok)
  assert_contains(err, "unknown option 'errrno'")
end)

test("disarmed: later calls record nothing", function()
  arm({ "__x64_sys_close" })
  vm:set_trace({})
  assert_eq(-E.EBADF, (vm:syscall(NR.close, 987)))
  local lc = vm:last_call()
  assert_eq(nil, lc.errno_origin)
  assert_eq(nil, lc.errno_info)
end)

test("without provium.ko, errno origins are an error saying so", function()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. dir))
  local kver = io.popen("ls /boot/vmlinuz-* | sed 's|/boot/vmlinuz-||' | sort -V | tail -n 1")
    :read("l")
  local f = assert(io.open(dir .. "/provium.toml", "w"))
  f:write(string.format('[profile.nomod]\nkernel = "/boot/vmlinuz-%s"\nmemory = "256M"\n', kver))
  f:close()
  local plain = provium.create("nomod", { config = dir .. "/provium.toml" })
  plain:boot()
  assert_eq(false, plain:info().module)
  local ok, err = pcall(plain.set_trace, plain, { errno = { "__x64_sys_close" } })
  assert(not ok)
  assert_contains(err, "errno origins need provium.ko")
  plain:shutdown()
  os.execute("rm -rf " .. dir)
end)
