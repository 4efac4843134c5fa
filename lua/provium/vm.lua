-- provium.vm: VM methods written in Lua on top of the C primitives
-- (_exec, _call, _insmod): command results, buffers, pointers, ioctls.
local M = {}
local json = require("provium.json")
local core = require("provium.core")

-- Command output: .value and helpers. Each helper works called with a
-- colon (r.stdout:trim()) or, as scripts for the original Provium write it,
-- with a dot (r.stdout.trim()).
local helpers = {
  contains = function(v, s) return v:find(s, 1, true) ~= nil end,
  starts_with = function(v, s) return v:sub(1, #s) == s end,
  trim = function(v) return (v:gsub("^%s+", ""):gsub("%s+$", "")) end,
  lines = function(v)
    local t = {}
    for l in v:gmatch("[^\n]+") do t[#t + 1] = l end
    return t
  end,
}
-- __provium_text: assert_eq compares such an object with a string by its text
local Output = { __provium_text = true }
Output.__tostring = function(o) return o.value end
Output.__len = function(o) return #o.value end
Output.__concat = function(a, b)
  return (type(a) == "table" and a.value or a) .. (type(b) == "table" and b.value or b)
end
Output.__index = function(o, k)
  local h = helpers[k]
  if not h then return nil end
  return function(first, ...)
    if first == o then return h(o.value, ...) end
    return h(o.value, first, ...)
  end
end

local function output(s) return setmetatable({ value = s }, Output) end
-- the helpers' names, for tests/e2e/editor_stubs.lua
M.output_helpers = helpers

local NARGS = 6
local MAX_BUFS = 64 -- PROVIUM_MAX_BUFS

-- an integer, or a float with an integer value (what Lua 5.1's numbers,
-- which the original's scripts were written for, give: #s / 2, 2^10)
local function int(v)
  return type(v) == "number" and math.tointeger(v) or nil
end

local function check_int(v, what)
  local i = int(v)
  if not i then
    error(string.format("%s: integer expected, got %s", what,
      math.type(v) and tostring(v) or type(v)), 3)
  end
  return i
end

local function collect_args(what, first, ...)
  local n = select("#", ...)
  if n > NARGS then
    error(string.format("%s: %d arguments, a system call takes at most 6", what, n), 3)
  end
  local args = {}
  for i = 1, n do
    local v = select(i, ...)
    args[i] = check_int(v, string.format("%s: argument %d", what, i - 1 + first))
  end
  return args
end

-- Add the pointer specs (and their nested ptrs) patched into buffer
-- @parent; @outs collects, in spec order, the buffers returned after the call.
-- @first: index of specs[1] in error messages, less one (0 if nil).
-- Only types are checked here; where the pointers go (alignment, fit,
-- overlaps, data within its length) is checked once, in C (host/call.c),
-- which names each buffer and pointer by the name given here.
local function add_specs(what, bufs, patches, outs, parent, specs, lenkey, path, first)
  if type(specs) ~= "table" then
    error(string.format("%s: %s must be a list of pointer specs", what, path), 3)
  end
  for i, s in ipairs(specs) do
    local name = string.format("%s[%d]", path, i + (first or 0))
    if type(s) ~= "table" then error(what .. ": " .. name .. " must be a table", 3) end
    -- a call has at most MAX_BUFS buffers; specs that nest without end
    -- (a spec in its own ptrs) stop here
    if #bufs >= MAX_BUFS then
      error(string.format("%s: %s: more than %d buffers in all, the limit (does a spec "
        .. "contain itself?)", what, name, MAX_BUFS), 3)
    end
    local off = int(s.ptr_offset)
    if not off or off < 0 then
      error(string.format("%s: %s.ptr_offset must be a non-negative integer", what, name), 3)
    end
    local data = s.data
    if data ~= nil and type(data) ~= "string" then
      error(string.format("%s: %s.data must be a string", what, name), 3)
    end
    -- ioctl_buf sizes with buf_len, syscall_ptr with data_len: the other
    -- key would be ignored and leave a 0-byte buffer the call writes past
    local other = lenkey == "buf_len" and "data_len" or "buf_len"
    if s[other] ~= nil then
      error(string.format("%s: %s: %s is not a field here, use %s", what, name, other,
        lenkey), 3)
    end
    local len = int(s[lenkey] or (data and #data) or 0)
    if not len or len < 0 then
      error(string.format("%s: %s.%s must be a non-negative integer", what, name, lenkey), 3)
    end
    bufs[#bufs + 1] = { data = data, len = len, out = s.output and true or false,
      name = name }
    local me = #bufs
    patches[#patches + 1] = { buf = parent, offset = off, target = me, name = name }
    if s.output then outs[#outs + 1] = me end
    if s.ptrs then add_specs(what, bufs, patches, outs, me, s.ptrs, lenkey, name .. ".ptrs") end
  end
end

-- Buffers keyed by argument index, in argument order.
local function arg_buffers(what, bufs_by_arg, args, bufs)
  if type(bufs_by_arg) ~= "table" then
    error(what .. ": buffers must be a table {[arg_index] = data}", 3)
  end
  local idx = {}
  for k, v in pairs(bufs_by_arg) do
    if math.type(k) ~= "integer" or k < 0 or k >= NARGS then
      error(string.format("%s: buffer index %s outside 0-5", what, tostring(k)), 3)
    end
    if type(v) ~= "string" then
      error(string.format("%s: buffer %d must be a string, got %s", what, k, type(v)), 3)
    end
    idx[#idx + 1] = k
  end
  table.sort(idx)
  local by_arg = {}
  for _, k in ipairs(idx) do
    bufs[#bufs + 1] = { arg = k, data = bufs_by_arg[k], out = true }
    by_arg[k] = #bufs
    args[k + 1] = args[k + 1] or 0
  end
  return idx, by_arg
end

local function results(ret, outs, order, extra)
  local r = { ret }
  for _, i in ipairs(order) do r[#r + 1] = outs[i] end
  for _, i in ipairs(extra or {}) do r[#r + 1] = outs[i] end
  return table.unpack(r, 1, #r)
end

function M.install(methods)
  local from_c = {}
  for name in pairs(methods) do from_c[name] = true end

  local function argv_of(cmd, what)
    if type(cmd) == "string" then return { "/bin/sh", "-c", cmd } end
    if type(cmd) == "table" then return cmd end
    error("bad argument #1 to '" .. what .. "' (command string or argv table expected)", 3)
  end

  -- tostring(r): what the command did in one line, and whether its output
  -- was cut at the limit (the rest of each stream is dropped, and counted)
  local Result = {}
  Result.__tostring = function(r)
    local s = string.format("exit %d%s%s, stdout %d bytes, stderr %d bytes", r.exit_code,
      r.signal and (" (signal " .. r.signal .. ")") or "", r.timed_out and ", timed out" or "",
      #r.stdout.value, #r.stderr.value)
    if r.truncated then
      s = s .. string.format(" (output truncated: %d more bytes of stdout and %d of stderr dropped)",
        r.stdout_dropped, r.stderr_dropped)
    end
    return s
  end

  local function result(code, out, err, sig, timed_out, out_dropped, err_dropped)
    out_dropped, err_dropped = out_dropped or 0, err_dropped or 0
    return setmetatable({
      ok = code == 0,
      exit_code = code,
      signal = sig ~= 0 and sig or nil,
      timed_out = timed_out,
      stdout = output(out),
      stderr = output(err),
      truncated = out_dropped + err_dropped > 0,
      stdout_dropped = out_dropped,
      stderr_dropped = err_dropped,
    }, Result)
  end

  local function options(opts, what)
    if opts ~= nil and type(opts) ~= "table" then
      error("bad argument #2 to '" .. what .. "' (options table expected, got " .. type(opts) .. ")", 3)
    end
    return opts or {}
  end

  -- vm:exec(cmd, {stdin = s, timeout = seconds, output_max = bytes})
  --   -> {ok, exit_code, stdout, stderr, truncated, ...}
  function methods:exec(cmd, opts)
    local argv = argv_of(cmd, "exec")
    opts = options(opts, "exec")
    return result(self:_exec(argv, opts.stdin, opts.timeout, opts.output_max))
  end

  -- vm:background(cmd, {stdin = s, output_max = bytes}) -> job {id, pid}
  function methods:background(cmd, opts)
    local argv = argv_of(cmd, "background")
    opts = options(opts, "background")
    local id, pid = self:_job_start(argv, opts.stdin, opts.output_max)
    return { id = id, pid = pid, cmd = cmd }
  end

  local function job_id(job, what)
    if type(job) ~= "table" or math.type(job.id) ~= "integer" then
      error("bad argument #1 to '" .. what .. "' (job from vm:background expected)", 3)
    end
    return job.id
  end

  -- Finished jobs' results, per VM or worker object (job ids are theirs):
  -- a job can be asked again once it has ended, as in the original.
  local finished = setmetatable({}, { __mode = "k" })

  local function job_result(self, id, code, out, err, sig, _, out_dropped, err_dropped)
    if code == nil then
      -- still running: the original's shape, exit_code -1
      return { ok = false, running = true, timed_out = true, exit_code = -1,
        stdout = output(""), stderr = output("") }
    end
    local r = result(code, out, err, sig, false, out_dropped, err_dropped)
    r.running = false
    finished[self] = finished[self] or {}
    finished[self][id] = r
    return r
  end

  local function copy(r)
    local c = {}
    for k, v in pairs(r) do c[k] = v end
    return setmetatable(c, getmetatable(r))
  end

  -- vm:job_wait(job, timeout?) -> the job's result like exec's, with
  -- running = false; while it runs: {running = true, exit_code = -1, ...}.
  -- No timeout or 0 polls (answers at once); a positive one waits up to
  -- that many seconds. A finished job gives the same result every time.
  function methods:job_wait(job, timeout)
    local id = job_id(job, "job_wait")
    if timeout ~= nil and type(timeout) ~= "number" then
      error("bad argument #2 to 'job_wait' (timeout in seconds expected, got " ..
        type(timeout) .. ")", 2)
    end
    if timeout and timeout < 0 then
      error(string.format("vm:job_wait: timeout %g s is negative (0 polls)", timeout), 2)
    end
    local done = finished[self] and finished[self][id]
    if done then return copy(done) end
    return copy(job_result(self, id, self:_job_wait(id, timeout or 0)))
  end

  -- vm:job_kill(job, signal?) sends signal (default SIGKILL) to the job's
  -- whole session and returns its final result, waiting for its end up to
  -- the call timeout (a job that survives the signal: the running result)
  function methods:job_kill(job, sig)
    local id = job_id(job, "job_kill")
    local done = finished[self] and finished[self][id]
    if done then return copy(done) end
    self:_job_kill(id, sig)
    return copy(job_result(self, id, self:_job_wait(id)))
  end

  -- vm:spawn({thread = false}) -> a worker with the VM's methods
  function methods:spawn(opts)
    opts = opts or {}
    if type(opts) ~= "table" then error("bad argument #1 to 'spawn' (table expected)", 2) end
    local worker, pid = self:_spawn(opts.thread and true or false)
    return worker, pid
  end

  -- vm:json(cmd) -> the command's stdout decoded as JSON (error if it failed)
  function methods:json(cmd)
    argv_of(cmd, "json")
    -- exec's own complaints (an empty command) are json's to the caller
    local done, r = pcall(self.exec, self, cmd)
    if not done then
      error("vm:json: " .. tostring(r):gsub("^.-vm:exec: ", ""), 2)
    end
    if not r.ok then
      error(string.format("vm:json: '%s' exited %d: %s", tostring(cmd), r.exit_code,
        r.stderr.value), 2)
    end
    local ok, v = pcall(json.decode, r.stdout.value)
    if not ok then error("vm:json: output of '" .. tostring(cmd) .. "': " .. v, 2) end
    return v
  end

  -- vm:dmesg(pattern?) -> the kernel log, or only the lines matching a Lua pattern
  -- vm:dmesg(pattern?): the kernel log; with a pattern, the lines that match
  -- it as grep matches them (a POSIX basic regular expression, as the
  -- original Provium did), in the guest
  function methods:dmesg(pattern)
    if pattern ~= nil and type(pattern) ~= "string" then
      error("bad argument #1 to 'dmesg' (pattern string expected, got " .. type(pattern) .. ")", 2)
    end
    if not pattern then
      local r = self:exec({ "/bin/dmesg" })
      if not r.ok then error("vm:dmesg: " .. r.stderr.value, 2) end
      return r.stdout.value
    end
    local r = self:exec({ "/bin/sh", "-c", 'dmesg | grep -e "$1"', "sh", pattern })
    if r.exit_code > 1 then
      error(string.format("vm:dmesg: bad pattern %q: %s", pattern, r.stderr:trim()), 2)
    end
    return r.stdout.value
  end

  -- vm:mount_vfs(): debugfs, tracefs, configfs, securityfs, bpf, cgroup2,
  -- devpts, /dev/shm -- each once (calling again is fine) and only where the
  -- kernel has it. Returns true, or false and what failed.
  function methods:mount_vfs()
    local script = [[
m() { grep -q " $2 $1 " /proc/mounts && return
      grep -qw "$1" /proc/filesystems || return 0
      case $2 in /sys/*) [ -d "$2" ] || return 0;; *) mkdir -p "$2";; esac
      mount -t "$1" "$1" "$2" || echo "$1 on $2 failed" >&2; }
m debugfs /sys/kernel/debug
m tracefs /sys/kernel/tracing
m configfs /sys/kernel/config
m securityfs /sys/kernel/security
m bpf /sys/fs/bpf
m cgroup2 /sys/fs/cgroup
m devpts /dev/pts
m tmpfs /dev/shm
true]]
    local r = self:exec(script)
    if r.stderr.value ~= "" then return false, r.stderr.value end
    return true
  end

  -- vm:wait_until(fn, {timeout = s, interval = s, desc = "..."}): poll fn
  -- (every 0.5 s unless interval says otherwise, as the original did) until
  -- it returns a true value, which is returned; an error on timeout
  function methods:wait_until(fn, opts)
    if type(fn) ~= "function" then error("bad argument #1 to 'wait_until' (function expected)", 2) end
    if opts ~= nil and type(opts) ~= "table" then
      error("bad argument #2 to 'wait_until' (options table expected, got " .. type(opts) .. ")", 2)
    end
    opts = opts or {}
    local timeout, interval = opts.timeout or 10, opts.interval or 0.5
    if type(timeout) ~= "number" or not (timeout >= 0) or timeout > 86400 then
      error("vm:wait_until: opts.timeout must be seconds from 0 to 86400, got " .. tostring(timeout), 2)
    end
    if type(interval) ~= "number" or not (interval >= 0) or interval > 3600 then
      error("vm:wait_until: opts.interval must be seconds from 0 to 3600, got " .. tostring(interval), 2)
    end
    if opts.desc ~= nil and type(opts.desc) ~= "string" then
      error("vm:wait_until: opts.desc must be a string, got " .. type(opts.desc), 2)
    end
    local deadline = core.now() + timeout
    while true do
      local v = fn(self)
      if v then return v end
      if core.now() >= deadline then
        error(string.format("vm:wait_until: %s not true after %.1f s", opts.desc or "condition",
          timeout), 2)
      end
      core.sleep(interval)
    end
  end

  -- vm:insmod(host_path, params?): copy a module into the guest and load it
  function methods:insmod(host_path, params)
    if type(host_path) ~= "string" then
      error("bad argument #1 to 'insmod' (path of a .ko on the host expected)", 2)
    end
    if params ~= nil and type(params) ~= "string" then
      error("bad argument #2 to 'insmod' (parameter string expected)", 2)
    end
    local f, err = io.open(host_path, "rb")
    if not f then error("vm:insmod: cannot read " .. err, 2) end
    local data = f:read("a")
    f:close()
    -- a compressed module as the guest's kernel can load it
    local name
    data, name = self:_module_image(data, host_path:match("([^/]+)$"))
    local guest = "/tmp/" .. name
    self:write_file(guest, data)
    self:_insmod(guest, params)
  end

  -- vm:syscall_buf(nr, buf_arg_index, data, a0, ..., a5) -> ret, buffer after
  function methods:syscall_buf(nr, idx, data, ...)
    local what = "vm:syscall_buf"
    nr = check_int(nr, what .. ": nr")
    idx = int(idx) or idx
    if math.type(idx) ~= "integer" or idx < 0 or idx >= NARGS then
      error(string.format("%s: buffer argument index %s outside 0-5", what, tostring(idx)), 2)
    end
    if type(data) ~= "string" then
      error(what .. ": buffer data must be a string, got " .. type(data), 2)
    end
    local args = collect_args(what, 0, ...)
    local ret, outs = self:_call(what, nr, args, { { arg = idx, data = data, out = true } }, {})
    return ret, outs[1]
  end

  -- vm:syscall_bufs(nr, {[i] = data}, a0, ..., a5) -> ret, buffers in index order
  function methods:syscall_bufs(nr, bufs_by_arg, ...)
    local what = "vm:syscall_bufs"
    nr = check_int(nr, what .. ": nr")
    local args = collect_args(what, 0, ...)
    local bufs = {}
    local order = arg_buffers(what, bufs_by_arg, args, bufs)
    local ret, outs = self:_call(what, nr, args, bufs, {})
    local idx = {}
    for i = 1, #order do idx[i] = i end
    return results(ret, outs, idx)
  end

  -- vm:syscall_ptr(nr, {[i] = data}, specs, a0, ..., a5)
  --   specs: { {buf_idx, ptr_offset, data_len, output, data, ptrs = {...}}, ... }
  --   -> ret, buffers in index order, outputs of output=true specs in spec order
  function methods:syscall_ptr(nr, bufs_by_arg, specs, ...)
    local what = "vm:syscall_ptr"
    nr = check_int(nr, what .. ": nr")
    local args = collect_args(what, 0, ...)
    local bufs, patches, outs = {}, {}, {}
    local order, by_arg = arg_buffers(what, bufs_by_arg, args, bufs)
    for i = 1, #bufs do bufs[i].len = #bufs[i].data end
    if type(specs) ~= "table" then error(what .. ": pointer specs must be a table", 2) end
    for i, s in ipairs(specs) do
      local parent = type(s) == "table" and by_arg[s.buf_idx]
      if not parent then
        error(string.format("%s: specs[%d].buf_idx %s names no buffer argument", what, i,
          tostring(type(s) == "table" and s.buf_idx)), 2)
      end
      add_specs(what, bufs, patches, outs, parent, { s }, "data_len", "specs", i - 1)
    end
    local ret, res = self:_call(what, nr, args, bufs, patches)
    local idx = {}
    for i = 1, #order do idx[i] = i end
    return results(ret, res, idx, outs)
  end

  local function ioc_dir(cmd) return (cmd >> 30) & 3 end
  local function ioc_size(cmd) return (cmd >> 16) & 0x3fff end
  local IOC_NONE, IOC_READ = 0, 2

  -- vm:ioctl(fd, cmd, data?) -> ret, out (for _IOR/_IOWR, and for commands
  -- without direction bits when data is passed)
  function methods:ioctl(fd, cmd, data)
    local what = "vm:ioctl"
    fd = check_int(fd, what .. ": fd")
    cmd = check_int(cmd, what .. ": cmd")
    local dir, size = ioc_dir(cmd), ioc_size(cmd)
    -- legacy commands (TCGETS, FIONREAD, SIOCGIFFLAGS...) carry no
    -- direction bits: the buffer a test passes comes back after the call
    local reads = dir & IOC_READ ~= 0 or dir == IOC_NONE
    if dir == IOC_NONE then size = 0 end
    if type(data) == "number" then
      return (self:_call(what, 16, { fd, cmd, check_int(data, what .. ": data") }, {}, {}))
    end
    if data ~= nil and type(data) ~= "string" then
      error(what .. ": data must be a string or an integer, got " .. type(data), 2)
    end
    if data == nil and dir == 0 then
      return (self:_call(what, 16, { fd, cmd, 0 }, {}, {}))
    end
    data = data or ""
    local len = math.max(#data, size)
    local ret, outs = self:_call(what, 16, { fd, cmd, 0 },
      { { arg = 2, data = data, len = len, out = reads } }, {})
    if reads then return ret, outs[1] end
    return ret, nil
  end

  -- vm:ioctl_buf(fd, cmd, struct, specs) -> ret, struct_out, outputs in spec order
  function methods:ioctl_buf(fd, cmd, struct, specs)
    local what = "vm:ioctl_buf"
    fd = check_int(fd, what .. ": fd")
    cmd = check_int(cmd, what .. ": cmd")
    if type(struct) ~= "string" then
      error(what .. ": struct must be a string, got " .. type(struct), 2)
    end
    local dir = ioc_dir(cmd)
    local reads = dir & IOC_READ ~= 0 or dir == IOC_NONE
    local bufs = { { arg = 2, data = struct,
      len = math.max(#struct, dir == IOC_NONE and 0 or ioc_size(cmd)),
      out = reads } }
    local patches, outs = {}, {}
    add_specs(what, bufs, patches, outs, 1, specs, "buf_len", "specs")
    local ret, res = self:_call(what, 16, { fd, cmd, 0 }, bufs, patches)
    local r = { ret, reads and res[1] or false }
    for _, i in ipairs(outs) do r[#r + 1] = res[i] end
    if not reads then r[2] = nil end
    return table.unpack(r, 1, #outs + 2)
  end

  -- vm:kselftest(install_dir, {collections = {...}, timeout_factor = F})
  -- runs an installed kselftest tree in this VM (booted with rootfs =
  -- "host") and returns a result per test; each result, and each result a
  -- test printed itself, is also reported as a sub-test of the file.
  function methods:kselftest(dir, opts)
    local what = "vm:kselftest"
    if type(dir) ~= "string" then
      error(what .. ": the install directory must be a string, got " .. type(dir), 2)
    end
    if opts ~= nil and type(opts) ~= "table" then
      error(what .. ": options must be a table, got " .. type(opts), 2)
    end
    opts = opts or {}
    for k in pairs(opts) do
      if k ~= "collections" and k ~= "timeout_factor" then
        error(what .. ": unknown option '" .. tostring(k) .. "' (collections, timeout_factor)", 2)
      end
    end
    local cols = opts.collections
    if type(cols) == "string" then cols = { cols } end
    if cols ~= nil and type(cols) ~= "table" then
      error(what .. ": collections must be a list of \"collection\" or \"collection:test\"", 2)
    end
    local f = opts.timeout_factor
    if f ~= nil and (type(f) ~= "number" or f <= 0) then
      error(what .. ": timeout_factor must be a number above 0", 2)
    end
    local results = self:_kselftest(dir, cols, f)
    require("provium.testing").kselftest_results(results)
    return results
  end

  -- the methods written here check their self as the C ones do: a method
  -- called on something else says so instead of failing inside (a tail
  -- call: the levels errors point at stay the caller's)
  for name, f in pairs(methods) do
    if not from_c[name] and type(f) == "function" then
      methods[name] = function(self, ...)
        local mt = getmetatable(self)
        if type(self) ~= "userdata" or type(mt) ~= "table" or mt.__index ~= methods then
          error(string.format("calling '%s' on bad self (a VM or worker expected, got %s)", name,
            type(self)), 2)
        end
        return f(self, ...)
      end
    end
  end
end

return M
