-- tests/fuzz/api.lua: fuzz the Lua API. Calls every public function and
-- method -- pack/unpack, the ioctl builders, syscall*, ioctl*, pointer
-- specs nested at random, exec, jobs, workers, files, boot options,
-- set_timeout, fixtures -- with random types, sizes and values, on one VM.
-- Run it on the ASan/UBSan build (build/provium-asan run tests/fuzz/api.lua):
-- every call must end in a result or a Lua error naming what it was called
-- as (never "attempt to ...", never a crash, never a leak), within the call
-- timeout; after each batch the VM must answer getpid and have raised no
-- kernel splat. Inputs that found bugs are kept in tests/fuzz/corpus/ and
-- replayed first.
--
-- Environment: FUZZ_SECONDS (default 10), FUZZ_ITERATIONS (calls, default
-- unlimited), FUZZ_SEED (default from the clock; printed), FUZZ_CORPUS
-- (default tests/fuzz/corpus), FUZZ_FINDINGS (where failing inputs are
-- written, default build/fuzz-findings), FUZZ_LAST (each input is written
-- there before it runs: what a crash leaves behind), FUZZ_BOOTS (real boots
-- with random options allowed, default 0).
local core = require("provium.core")
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local root = here:match("^(.*)/tests/fuzz$") or "."

local SECONDS = tonumber(os.getenv("FUZZ_SECONDS") or "10")
local ITERATIONS = tonumber(os.getenv("FUZZ_ITERATIONS") or "0")
local SEED = tonumber(os.getenv("FUZZ_SEED") or "") or (os.time() ~ math.floor(core.now() * 1e6))
local CORPUS = os.getenv("FUZZ_CORPUS") or (root .. "/tests/fuzz/corpus")
local FINDINGS = os.getenv("FUZZ_FINDINGS") or (root .. "/build/fuzz-findings")
local LAST = os.getenv("FUZZ_LAST") or (root .. "/build/fuzz-last-input.lua")
local BOOTS = tonumber(os.getenv("FUZZ_BOOTS") or "0")
local TIMEOUT = 2        -- the fuzz VM's call timeout, seconds
local BATCH = 50         -- calls between getpid checks
local MiB = 1024 * 1024

math.randomseed(SEED)
local R = math.random
local function pick(t) return t[R(#t)] end
local function chance(p) return R() < p end

------------------------------------------------------------------------------
-- Inputs are plain data (so they can be written out and replayed); a few
-- "$" tokens stand for what cannot be: the VM, a worker, functions...

local NR = provium.nr
-- syscalls whose arguments cannot touch the agent's own state: no fd but
-- the ones below, pointers only into staged buffers or unmapped addresses
local SAFE_NR = { NR.getpid, NR.getppid, NR.getuid, NR.gettid, NR.sched_yield, NR.uname,
  NR.getcwd, NR.clock_gettime, NR.getrandom, NR.read, NR.write, NR.ioctl, 1000, 1500, 2023,
  4096, 99999 }
local FD_NR = { [NR.read] = true, [NR.write] = true, [NR.ioctl] = true }

local EDGE_INT = { 0, 1, -1, 2, 3, 7, 8, 15, 16, 255, 256, 4095, 4096, 65535, 65536,
  0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 1 << 40, 1 << 47, 1 << 53,
  math.maxinteger, math.mininteger, -4096, -4095, -100, 64 * MiB, 64 * MiB + 1, 32 * MiB + 1 }
local EDGE_FLOAT = { 0.5, -0.0, 1e300, -1e300, 2.0 ^ 53, 2.0 ^ 63, 2.0 ^ 64, 1.5, -3.25 }

local function rand_int()
  local k = R(4)
  if k == 1 then return pick(EDGE_INT) end
  if k == 2 then return R(0, 64) end
  if k == 3 then return R(-1000, 100000) end
  return R(math.mininteger, math.maxinteger)
end

-- an integer that, used as a pointer, is never mapped in the agent
local function safe_int()
  local k = R(3)
  if k == 1 then return R(-4096, 4095) end
  if k == 2 then return (1 << 47) + R(0, 1 << 20) end
  return pick({ 0, 1, -1, -100, math.maxinteger, math.mininteger, 4095 })
end

local function rand_bytes(n)
  local t = {}
  for i = 1, n do t[i] = string.char(R(0, 255)) end
  return table.concat(t)
end

local function rand_string()
  local k = R(8)
  if k == 1 then return "" end
  if k == 2 then return rand_bytes(R(1, 16)) end
  if k == 3 then return rand_bytes(R(1, 300)) end
  if k == 4 then return pick({ "u8", "u32 u64", "x", "0", "-1", "12", "0x10", "1.5", "nan", "\0" }) end
  if k == 5 then return ("A"):rep(pick({ 4095, 4096, 65536, 65537, 1 << 20 })) end
  if k == 6 then return pick({ "/tmp/fuzz", "/dev/null", "/proc/self/status", "/nonexistent/x", "." }) end
  return rand_bytes(R(0, 64))
end

local gen -- forward

local function rand_table(depth)
  local t = {}
  local k = R(4)
  if k == 1 then
    for i = 1, R(0, 8) do t[i] = gen(depth + 1) end
  elseif k == 2 then
    for _ = 1, R(0, 6) do
      local key = chance(0.5) and rand_int() or rand_string()
      if key == key then t[key] = gen(depth + 1) end
    end
  elseif k == 3 then
    t = { ["$"] = "meta", how = pick({ "len", "index", "tostring", "len_huge", "newindex" }) }
  else
    t = { ["$"] = pick({ "vm", "worker", "idle", "fn", "errfn", "co", "ud", "cycle" }) }
  end
  return t
end

-- any value
function gen(depth)
  depth = depth or 0
  local k = R(depth > 3 and 7 or 9)
  if k == 1 then return nil end
  if k == 2 then return chance(0.5) end
  if k <= 4 then return rand_int() end
  if k == 5 then
    if chance(0.3) then return { ["$"] = pick({ "nan", "inf", "-inf" }) } end
    return pick(EDGE_FLOAT)
  end
  if k <= 7 then return rand_string() end
  return rand_table(depth)
end

-- a value of the expected kind most of the time, anything otherwise
local function mostly(p, good, ...)
  if chance(p) then return good(...) end
  return gen(1)
end

------------------------------------------------------------------------------
-- Pointer specs and buffers

local function rand_specs(depth, lenkey)
  local specs = {}
  for i = 1, R(0, depth > 3 and 1 or 4) do
    local s = {}
    s.ptr_offset = mostly(0.8, function() return pick({ 0, 8, 16, 24, R(0, 64), R(0, 8) * 8 }) end)
    if chance(0.7) then s.data = mostly(0.8, function() return rand_bytes(R(0, 64)) end) end
    if chance(0.6) then s[lenkey] = mostly(0.8, function() return pick({ 0, 8, 16, 64, 4096, R(0, 256) }) end) end
    if chance(0.2) then s[lenkey == "buf_len" and "data_len" or "buf_len"] = 8 end
    if chance(0.5) then s.output = mostly(0.8, function() return chance(0.5) end) end
    if lenkey == "data_len" then s.buf_idx = mostly(0.8, function() return R(-1, 6) end) end
    if chance(0.4) and depth < 6 then s.ptrs = rand_specs(depth + 1, lenkey) end
    if chance(0.05) then s = { ["$"] = "cycle", lenkey = lenkey } end
    specs[i] = mostly(0.95, function() return s end)
  end
  if chance(0.05) then return gen(1) end
  return specs
end

local function rand_bufs()
  local t = {}
  for _ = 1, R(0, 3) do
    local k = mostly(0.9, function() return R(-1, 6) end)
    if k ~= nil and k == k then t[k] = mostly(0.9, function() return rand_bytes(R(0, 128)) end) end
  end
  return t
end

-- anything but an integer that could reach the guest as a syscall number
-- or pointer: integers become harmless ones
local function garbage()
  local v = gen(1)
  if math.type(v) == "integer" then return safe_int() end
  return v
end

local function nr_arg()
  if chance(0.95) then return pick(SAFE_NR) end
  local v = garbage()
  return math.type(v) == "integer" and pick(SAFE_NR) or v
end

-- integer arguments for @nr: fds only /dev/null, /dev/zero or none
local function sys_args(nr, n)
  local a = {}
  for i = 1, n or R(0, 7) do
    a[i] = chance(0.97) and safe_int() or garbage()
  end
  if FD_NR[nr] then a[1] = { ["$"] = pick({ "fd_null", "fd_zero", "fd_bad" }) } end
  return a
end

------------------------------------------------------------------------------
-- The targets: what each is called as, its name in error messages, how its
-- arguments are made. self is the fuzz VM unless "$self" says otherwise.

local SAFE_CMDS = { "true", "false", "echo fuzz", "cat", "exit 3", "ls /tmp", "echo err >&2",
  "head -c 100000 /dev/zero", { "echo", "a\0b" }, { "/nonexistent" }, {}, { "true", 1 } }

local function cmd_arg()
  if chance(0.8) then return pick(SAFE_CMDS) end
  if chance(0.5) then return rand_bytes(R(0, 40)) end -- never valid shell, or harmless
  return gen(1)
end

local function exec_opts()
  if chance(0.2) then return gen(1) end
  local o = {}
  if chance(0.3) then o.stdin = mostly(0.8, function() return rand_bytes(R(0, 200)) end) end
  if chance(0.4) then o.timeout = mostly(0.8, function() return pick({ 0.05, 0.5, 1, 0, -1, 1e9, 0 / 0 }) end) end
  if chance(0.4) then o.output_max = mostly(0.8, function() return pick({ 0, 1, 10, 4096, 32 * MiB, 32 * MiB + 1, -1 }) end) end
  if chance(0.1) then o[rand_string()] = gen(2) end
  return o
end

local function path_arg()
  return mostly(0.9, function()
    return pick({ "/tmp/fuzz-a", "/tmp/fuzz-b", "/dev/null", "/nonexistent/x", "", "/tmp",
      "/proc/self/status", "/tmp/fuzz-fifo", rand_bytes(R(1, 20)) })
  end)
end

local function read_opts(path)
  if chance(0.15) then return gen(1) end
  local o = {}
  if chance(0.4) then o.max = mostly(0.8, function() return pick({ 0, 1, 100, 4096, 1 << 30, (1 << 30) + 1, -1 }) end) end
  if chance(0.4) then o.offset = mostly(0.8, function() return pick({ 0, 1, 100, 1 << 40, -1 }) end) end
  if chance(0.4) then o.length = mostly(0.8, function() return pick({ 0, 1, 100, 4096, (1 << 30) + 1, -1 }) end) end
  if chance(0.05) then o.bogus = 1 end
  return o
end

local function boot_opts()
  local o = {}
  if chance(0.5) then o.memory = mostly(0.7, function() return pick({ "64M", "512M", "1G", "63M", "65G", "x", "", "0", 512, -1 }) end) end
  if chance(0.5) then o.cpus = mostly(0.7, function() return pick({ 1, 2, 0, 65, -1, 1.5 }) end) end
  if chance(0.3) then o.files = mostly(0.5, function() return { [rand_string()] = rand_string() } end) end
  if chance(0.3) then o.disks = mostly(0.5, function() return { rand_string(), { file = rand_string(), readonly = gen(2) } } end) end
  if chance(0.2) then o.timeout = mostly(0.7, function() return pick({ 0, -1, 1e9, 0.001 }) end) end
  if chance(0.1) then o[rand_string()] = gen(2) end
  return o
end

local T = {}
local function target(name, weight, make, call, names)
  T[#T + 1] = { name = name, weight = weight, make = make, call = call, names = names or { name } }
end

local function method(m) return function(self, args) return self[m](self, table.unpack(args, 1, args.n)) end end

target("pack", 4, function()
  local fmt = mostly(0.8, function()
    local f = {}
    for i = 1, R(0, 6) do f[i] = chance(0.9) and pick({ "u8", "u16", "i16", "u32", "i32", "u64", "i64" }) or rand_string() end
    return table.concat(f, pick({ " ", "  ", ",", "" }))
  end)
  local a = { fmt, n = 1 }
  for i = 2, R(1, 8) do a[i] = mostly(0.7, rand_int); a.n = i end
  return a
end, function(_, a) return provium.pack(table.unpack(a, 1, a.n)) end, { "pack" })

target("unpack", 4, function()
  local fmt = mostly(0.8, function()
    local f = {}
    for i = 1, R(0, 6) do f[i] = pick({ "u8", "u16", "i16", "u32", "i32", "u64", "i64", "x" }) end
    return table.concat(f, " ")
  end)
  return { fmt, mostly(0.8, function() return rand_bytes(R(0, 40)) end), n = 2 }
end, function(_, a) return provium.unpack(a[1], a[2]) end, { "unpack" })

target("IO builders", 2, function()
  return { pick({ "IO", "IOR", "IOW", "IOWR" }), gen(1), gen(1), gen(1), n = 4 }
end, function(_, a)
  local f = provium[a[1]]
  return f(a[2], a[3], a[4])
end, { "ioctl" })

target("errname", 1, function() return { gen(1), n = 1 } end,
  function(_, a) return provium.errname(a[1]) end, { "errname" })

target("syscall", 6, function()
  local nr = nr_arg()
  local a = { nr, n = 1 }
  for i, v in ipairs(sys_args(nr)) do a[i + 1] = v; a.n = i + 1 end
  return a
end, method("syscall"))

target("syscalls", 3, function()
  local list = {}
  for i = 1, R(0, 300) do
    local nr = pick({ NR.getpid, NR.getuid, 1000, 4096 })
    list[i] = mostly(0.95, function() return { nr, safe_int(), safe_int() } end)
  end
  if chance(0.05) then list = { ["$"] = "meta", how = "len_huge" } end
  return { mostly(0.95, function() return list end), n = 1 }
end, method("syscalls"))

target("syscall_buf", 6, function()
  local nr = nr_arg()
  local a = { nr, mostly(0.9, function() return R(-1, 6) end),
    mostly(0.9, function() return rand_bytes(pick({ 0, 8, 16, 390, 4096, R(0, 500) })) end), n = 3 }
  for i, v in ipairs(sys_args(nr)) do a[i + 3] = v; a.n = i + 3 end
  return a
end, method("syscall_buf"))

target("syscall_bufs", 4, function()
  local nr = nr_arg()
  local a = { nr, mostly(0.9, rand_bufs), n = 2 }
  for i, v in ipairs(sys_args(nr)) do a[i + 2] = v; a.n = i + 2 end
  return a
end, method("syscall_bufs"))

target("syscall_ptr", 8, function()
  local nr = nr_arg()
  local a = { nr, mostly(0.9, rand_bufs), rand_specs(0, "data_len"), n = 3 }
  for i, v in ipairs(sys_args(nr)) do a[i + 3] = v; a.n = i + 3 end
  return a
end, method("syscall_ptr"))

target("ioctl", 5, function()
  return { { ["$"] = pick({ "fd_null", "fd_zero", "fd_bad" }) },
    mostly(0.9, function() return pick({ R(0, 0xffffffff), 0x5401, 0x541B, provium.IOWR("K", R(0, 255), R(0, 64)) }) end),
    mostly(0.7, function() return chance(0.5) and rand_bytes(R(0, 64)) or safe_int() end), n = 3 }
end, method("ioctl"))

target("ioctl_buf", 6, function()
  return { { ["$"] = pick({ "fd_null", "fd_zero", "fd_bad" }) },
    mostly(0.9, function() return pick({ R(0, 0xffffffff), provium.IOWR("K", R(0, 255), R(0, 64)) }) end),
    mostly(0.9, function() return rand_bytes(R(0, 64)) end), rand_specs(0, "buf_len"), n = 4 }
end, method("ioctl_buf"))

target("exec", 5, function() return { cmd_arg(), exec_opts(), n = 2 } end, method("exec"))

target("background+job_wait", 3, function()
  return { cmd_arg(), exec_opts(), mostly(0.8, function() return pick({ 0.05, 1, 0, -1, 1e9 }) end),
    mostly(0.8, function() return pick({ 9, 15, 0, 65, -1 }) end), n = 4 }
end, function(self, a)
  local job = self:background(a[1], a[2])
  -- a job from the pool ends by itself: the kill only if it still runs
  local r = self:job_wait(job, a[3])
  if r.running then self:job_kill(job, a[4]); r = self:job_wait(job) end
  return r
end, { "background", "job_wait", "job_kill" })

target("job_wait/job_kill garbage", 2, function()
  return { gen(1), gen(1), n = 2 }
end, function(self, a)
  local ok, err = pcall(self.job_wait, self, a[1], a[2])
  if not ok then error(err, 0) end
  return self:job_kill(a[1], a[2])
end, { "job_wait", "job_kill" })

target("write_file", 3, function()
  return { path_arg(), mostly(0.9, function() return rand_bytes(R(0, 2000)) end),
    mostly(0.8, function() return pick({ 420, 493, 0, 511, 4095, -1, 1 << 40 }) end), n = 3 }
end, method("write_file"))

target("read_file", 4, function()
  local path = path_arg()
  local opts = read_opts()
  if chance(0.2) then
    path = pick({ "/dev/zero", "/dev/urandom" })
    opts = { length = R(0, 10000), max = type(opts) == "table" and opts.max or nil } -- never the 64 MiB default
  end
  return { path, opts, n = 2 }
end, method("read_file"))

target("insmod", 1, function()
  return { mostly(0.9, function() return pick({ "/nonexistent.ko", "/dev/null", root .. "/README.md", "/tmp" }) end),
    mostly(0.8, function() return pick({ "", "a=1", rand_bytes(R(0, 30)) }) end), n = 2 }
end, method("insmod"))

target("set_timeout", 2, function()
  return { mostly(0.9, function() return pick({ 0.01, 0.5, 1, 0, -1, 86400, 86401, 1e300, 0 / 0 }) end), n = 1 }
end, method("set_timeout"))

target("set_executor", 1, function()
  return { mostly(0.8, function() return pick({ "auto", "module", "user", "kernel", "" }) end), n = 1 }
end, method("set_executor"))

target("introspection", 3, function()
  return { pick({ "last_call", "events", "console", "info", "ping" }), gen(1), gen(1), n = 3 }
end, function(self, a) return self[a[1]](self, a[2], a[3]) end,
  { "last_call", "events", "console", "info", "ping", "bad argument" })

target("json/dmesg/mount_vfs", 2, function()
  return { pick({ "json", "dmesg", "mount_vfs" }), mostly(0.5, function() return pick({ "echo '{\"a\":[1,2]}'", "echo nope", "[", "x\\{", "fuzz" }) end), n = 2 }
end, function(self, a) return self[a[1]](self, a[2]) end, { "json", "dmesg", "mount_vfs" })

target("wait_until", 1, function()
  local opts = chance(0.3) and gen(1) or { timeout = pick({ 0.01, 0.05, -1, 0 }), interval = pick({ 0.01, 0, -1 }), desc = gen(2) }
  return { mostly(0.9, function() return { ["$"] = pick({ "fn", "errfn" }) } end), opts, n = 2 }
end, method("wait_until"))

target("spawn+worker", 2, function()
  return { mostly(0.8, function() return { thread = chance(0.5) } end), pick({ "syscall", "exec", "read_file", "kill" }), n = 2 }
end, function(self, a)
  local w = self:spawn(a[1])
  local ok, err = pcall(function()
    if a[2] == "syscall" then return w:syscall(NR.getpid) end
    if a[2] == "exec" then return w:exec("echo w") end
    if a[2] == "read_file" then return w:read_file("/proc/self/status", { length = 10 }) end
  end)
  w:kill()
  if not ok then error(err, 0) end
end, { "spawn", "worker" })

target("create/boot options", 2, function()
  return { mostly(0.8, function() return chance(0.7) and nil or rand_string() end), mostly(0.9, boot_opts), n = 2 }
end, function(_, a)
  local v = provium.create(a[1])
  local ok, err = pcall(v.boot, v, a[2])
  if ok then
    -- it booted: the options were good. Boots are slow: only FUZZ_BOOTS of them
    v:shutdown()
    return
  end
  v:kill()
  error(err, 0)
end, { "create", "boot" })

target("fixture", 1, function()
  return { mostly(0.7, function() return pick({ "no_such_fixture", "../x", "", "a b", rand_bytes(R(0, 8)) }) end), n = 1 }
end, function(_, a) return provium.fixture(a[1]) end, { "fixture" })

target("an idle VM", 2, function()
  return { pick({ "syscall", "exec", "read_file", "write_file", "spawn", "ping", "console", "events", "info", "shutdown", "kill" }), gen(1), n = 2 }
end, function(_, a)
  local v = provium.create()
  local ok, err = pcall(v[a[1]], v, a[2])
  v:kill()
  if not ok then error(err, 0) end
end, { "not running", "bad argument", "exec", "syscall", "read_file", "write_file", "spawn", "ping", "shutdown" })

target("bad self", 2, function()
  return { pick({ "syscall", "syscall_buf", "syscall_ptr", "ioctl", "ioctl_buf", "exec", "background",
    "job_wait", "read_file", "write_file", "dmesg", "json", "wait_until", "insmod", "spawn", "events", "info" }),
    gen(1), n = 2 }
end, function(self, a)
  return self[a[1]](a[2], NR.getpid)
end, { "bad self", "bad argument" })
-- self may be a VM after all (a worker, an idle one): then the method's own errors
T[#T].names_for = function(args) return { args[1] } end

------------------------------------------------------------------------------
-- Turning inputs into values, and back into text

local vm, fds, idle_vm
local function materialize(v)
  if type(v) ~= "table" then return v end
  local tok = v["$"]
  if tok == "nan" then return 0 / 0 end
  if tok == "inf" then return math.huge end
  if tok == "-inf" then return -math.huge end
  if tok == "vm" or tok == "worker" then return vm end
  if tok == "idle" then return idle_vm end
  if tok == "fn" then return function() return true end end
  if tok == "errfn" then return function() error("fuzz: a function that raises", 0) end end
  if tok == "co" then return coroutine.create(function() end) end
  if tok == "ud" then return io.stdout end
  if tok == "fd_null" then return fds.null end
  if tok == "fd_zero" then return fds.zero end
  if tok == "fd_bad" then return 9999 end
  if tok == "cycle" then
    local s = { ptr_offset = 0, [v.lenkey or "data_len"] = 8, buf_idx = 0 }
    s.ptrs = { s }
    return s
  end
  if tok == "meta" then
    local how = v.how
    local mt = {}
    if how == "len" then mt.__len = function() error("fuzz: __len raises", 0) end end
    if how == "len_huge" then mt.__len = function() return math.maxinteger end end
    if how == "index" then mt.__index = function() error("fuzz: __index raises", 0) end end
    if how == "newindex" then mt.__newindex = function() error("fuzz: __newindex raises", 0) end end
    if how == "tostring" then mt.__tostring = function() error("fuzz: __tostring raises", 0) end end
    return setmetatable({}, mt)
  end
  local out = {}
  for k, x in pairs(v) do
    local key = materialize(k)
    if key == key then out[key] = materialize(x) end -- NaN is no key
  end
  return out
end

local function serialize(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "string" then return string.format("%q", v):gsub("\\\n", "\\n") end
  if t == "number" then
    if math.type(v) == "integer" then
      return v == math.mininteger and "math.mininteger" or tostring(v)
    end
    if v ~= v then return "(0/0)" end
    if v == math.huge then return "math.huge" end
    if v == -math.huge then return "-math.huge" end
    return string.format("%.17g", v)
  end
  if t ~= "table" then return tostring(v) end
  local parts, n = {}, v.n
  for k, x in pairs(v) do
    parts[#parts + 1] = "[" .. serialize(k) .. "] = " .. serialize(x, indent .. "  ")
  end
  table.sort(parts)
  return "{ " .. table.concat(parts, ", ") .. " }"
end

------------------------------------------------------------------------------
-- Running one input and judging the outcome

local stats = { calls = 0, ok = 0, errors = 0, batches = 0, findings = 0, replayed = 0, boots = 0 }
local by_target = {}

local function finding(input, why)
  stats.findings = stats.findings + 1
  os.execute("mkdir -p '" .. FINDINGS .. "'")
  local path = string.format("%s/finding-%d-%d.lua", FINDINGS, SEED, stats.findings)
  local f = io.open(path, "w")
  if f then
    f:write("-- ", why:gsub("\n", "\n-- "), "\n")
    f:write("return { target = ", string.format("%q", input.target), ", args = ", serialize(input.args), " }\n")
    f:close()
  end
  print(string.format("fuzz api: FINDING (%s): %s\n  input: %s", input.target, why:sub(1, 500), path))
end

local function names_ok(t, err, args)
  -- an error a callback or metamethod the fuzzer passed raised itself
  if err:find("fuzz: ", 1, true) then return true end
  for _, n in ipairs(t.names) do
    if err:find(n, 1, true) then return true end
  end
  for _, n in ipairs(t.names_for and t.names_for(args) or {}) do
    if type(n) == "string" and err:find(n, 1, true) then return true end
  end
  return err:find("bad argument", 1, true) ~= nil
end

local by_name = {}
for _, t in ipairs(T) do by_name[t.name] = t end

local function run(input)
  local t = by_name[input.target]
  if not t then return end
  local w = io.open(LAST, "w")
  if w then
    w:write("return { target = ", string.format("%q", input.target), ", args = ", serialize(input.args), " }\n")
    w:close()
  end
  local args = materialize(input.args)
  args.n = input.args.n or #args
  local t0 = core.now()
  local ok, err = pcall(t.call, vm, args)
  local secs = core.now() - t0
  pcall(vm.set_timeout, vm, TIMEOUT)
  stats.calls = stats.calls + 1
  by_target[t.name] = (by_target[t.name] or 0) + 1
  if ok then
    stats.ok = stats.ok + 1
  else
    stats.errors = stats.errors + 1
    if err == "interrupted" then error(err, 0) end
    if type(err) ~= "string" then
      finding(input, "error is a " .. type(err) .. ", not a message")
    elseif err:find("attempt to ", 1, true) or err:find("stack overflow", 1, true) or
        not names_ok(t, err, input.args) then
      finding(input, "error does not name the call or its argument: " .. err)
    end
  end
  -- a request is bounded by the call timeout (wait_until and exec timeouts
  -- by what they were given, both small here)
  if secs > TIMEOUT + 15 then
    finding(input, string.format("took %.1f s", secs))
  end
  if not vm:info().running then
    finding(input, "the VM died: " .. vm:info().dead_reason)
    return "dead"
  end
end

local seen_events = 0
local function check_batch(last)
  stats.batches = stats.batches + 1
  local ok, pid = pcall(vm.syscall, vm, NR.getpid)
  if not ok or math.type(pid) ~= "integer" or pid <= 0 then
    finding(last, "the VM does not answer getpid after the batch: " .. tostring(pid))
    return false
  end
  local list, total = vm:events(seen_events + 1)
  if total > seen_events then
    finding(last, "a kernel splat during the batch: " .. list[1].text:sub(1, 300))
    seen_events = total
  end
  return true
end

local function boot_vm()
  vm = provium.create()
  vm:boot()
  vm:set_timeout(TIMEOUT)
  idle_vm = provium.create()
  fds = {
    null = vm:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, 2, 0),
    zero = vm:syscall_buf(NR.openat, 1, "/dev/zero\0", -100, 0, 2, 0),
  }
  assert(vm:exec("mkfifo /tmp/fuzz-fifo").ok)
  seen_events = select(2, vm:events())
end

------------------------------------------------------------------------------

local function weighted()
  local sum = 0
  for _, t in ipairs(T) do sum = sum + t.weight end
  local x = R() * sum
  for _, t in ipairs(T) do
    x = x - t.weight
    if x <= 0 then return t end
  end
  return T[#T]
end

boot_vm()
print(string.format("fuzz api: seed %d, %d targets, up to %s s%s", SEED, #T, SECONDS,
  ITERATIONS > 0 and (", " .. ITERATIONS .. " calls") or ""))

-- the corpus first: inputs that found bugs once
local p = io.popen("ls '" .. CORPUS .. "'/*.lua 2>/dev/null")
for path in p:lines() do
  local chunk = loadfile(path)
  local input = chunk and chunk()
  if input then
    stats.replayed = stats.replayed + 1
    if run(input) == "dead" then boot_vm() end
  else
    print("fuzz api: cannot load corpus file " .. path)
    stats.findings = stats.findings + 1
  end
end
p:close()
check_batch({ target = "corpus", args = {} })

local deadline = core.now() + SECONDS
local last
while core.now() < deadline and (ITERATIONS == 0 or stats.calls < ITERATIONS) do
  for _ = 1, BATCH do
    local t = weighted()
    if t.name == "create/boot options" and stats.boots >= BOOTS then
      -- a boot with good options takes seconds: spoil one, unless allowed
      local args = t.make()
      args[2] = type(args[2]) == "table" and args[2] or {}
      args[2].memory = "fuzz"
      last = { target = t.name, args = args }
    else
      last = { target = t.name, args = t.make() }
    end
    if last.target == "create/boot options" then stats.boots = stats.boots + 1 end
    if run(last) == "dead" then boot_vm() end
    if core.now() >= deadline then break end
  end
  if not check_batch(last) then boot_vm() end
end

local names = {}
for name, n in pairs(by_target) do names[#names + 1] = string.format("%s %d", name, n) end
table.sort(names)
print("fuzz api: per target: " .. table.concat(names, ", "))
vm:shutdown()
print(string.format("fuzz api: %d calls (%d results, %d errors) in %d batches, %d corpus inputs, seed %d: %d findings",
  stats.calls, stats.ok, stats.errors, stats.batches, stats.replayed, SEED, stats.findings))
os.remove(LAST)
if stats.findings > 0 then os.exit(1) end
