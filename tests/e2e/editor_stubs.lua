-- The Lua language server stubs (lua/meta/provium.lua, docs/editor.md)
-- against the API as it really is: every public function and field has a
-- stub, and every stub names something that exists. The live side is read
-- from this very Lua state (globals, the provium table, the VM method table,
-- the tables a booted VM returns), so an API added without its stub fails
-- here. What the standard library already has comes from a bare lua5.4.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local root = host.repo_root()
local STUBS = root .. "/lua/meta/provium.lua"

-- The stubs: functions as "provium.create", "VM:boot", "test", "table.getn";
-- assignments as "provium.version"; fields by class.
local function parse_stubs(path)
  local s = { funcs = {}, values = {}, fields = {}, locals = {} }
  local class
  for line in io.lines(path) do
    local c = line:match("^%-%-%-@class ([%w_.]+)")
    if c then
      class = c
      s.fields[c] = s.fields[c] or {}
    end
    local f = line:match("^%-%-%-@field ([%w_]+)")
    if f and class then s.fields[class][f] = true end
    local l = line:match("^local ([%w_]+) = {}")
    if l and class then s.locals[l] = class end
    local fn = line:match("^function ([%w_.:]+)%s*%(")
    if fn then s.funcs[fn] = true end
    local v = line:match("^([%w_]+%.[%w_]+) = ") or line:match("^([%w_]+) = ")
    if v then s.values[v] = true end
  end
  return s
end

local stubs = parse_stubs(STUBS)

-- names in @want missing from @have, sorted, one line
local function missing(want, have)
  local out = {}
  for k in pairs(want) do
    if not have[k] then out[#out + 1] = k end
  end
  table.sort(out)
  return table.concat(out, ", ")
end

local function set_equal(what, live, declared)
  assert_eq("", missing(live, declared), what .. ": in the API, no stub")
  assert_eq("", missing(declared, live), what .. ": stubbed, not in the API")
end

-- What a bare Lua 5.4 has: its globals, and the keys of its library tables.
local LIBS = { "table", "math", "string", "os", "io", "coroutine", "utf8", "debug", "package" }
local function baseline()
  local code = "for k in pairs(_G) do print('_G', k) end " ..
    "for _, lib in ipairs({'" .. table.concat(LIBS, "','") .. "'}) do " ..
    "for k in pairs(_G[lib]) do print(lib, k) end end"
  local file = os.tmpname()
  local f = assert(io.open(file, "w"))
  f:write(code)
  f:close()
  local p = assert(io.popen("lua5.4 " .. file))
  local base = {}
  for line in p:lines() do
    local t, k = line:match("^(%S+)\t(%S+)$")
    if t then
      base[t] = base[t] or {}
      base[t][k] = true
    end
  end
  p:close()
  os.remove(file)
  assert(base._G and base._G.print, "lua5.4 listed no globals: is lua5.4 installed?")
  base._G.arg = true -- lua5.4 sets it too (for scripts), as provium run does
  return base
end

test("globals and library additions: each has a stub, each stub exists", function()
  local base = baseline()
  local live, declared = {}, {}
  for k, v in pairs(_G) do
    if not base._G[k] then
      live[k] = true -- provium, test, todo, assert_eq, ... and compat names
    elseif type(v) == "function" and debug.getinfo(v, "S").what ~= "C" then
      live[k] = true -- a standard function provium replaced (assert)
    end
  end
  for _, lib in ipairs(LIBS) do
    for k, v in pairs(_G[lib]) do
      if not base[lib][k] and type(v) == "function" then live[lib .. "." .. k] = true end
    end
  end
  for name in pairs(stubs.funcs) do
    if not name:find("[.:]") then
      declared[name] = true
    else
      local lib = name:match("^(%w+)%.")
      if lib and _G[lib] ~= nil and lib ~= "provium" and (base._G[lib]) then
        -- a stub for a library name must name a function that exists
        local v = _G[lib][name:match("%.([%w_]+)$")]
        assert(type(v) == "function", name .. " is stubbed but is no function here")
        if not base[lib][name:match("%.([%w_]+)$")] then declared[name] = true end
      end
    end
  end
  for name in pairs(stubs.values) do
    if not name:find("%.") then declared[name] = true end
  end
  set_equal("globals", live, declared)
  for name in pairs(declared) do
    if not name:find("%.") then
      assert(_G[name] ~= nil, name .. " is stubbed but is not a global")
    end
  end
end)

test("provium.*: each function and value has a stub, each stub exists", function()
  local live, declared = {}, {}
  for k, v in pairs(provium) do
    live[k .. (type(v) == "function" and "()" or "")] = true
  end
  for name in pairs(stubs.funcs) do
    local k = name:match("^provium%.([%w_]+)$")
    if k then declared[k .. "()"] = true end
  end
  for name in pairs(stubs.values) do
    local k = name:match("^provium%.([%w_]+)$")
    if k then
      declared[k] = true
      -- nr and errno load at first use (they depend on the kernel booted)
      if provium[k] ~= nil then live[k] = true end
    end
  end
  set_equal("provium", live, declared)
end)

-- the stubbed methods of the class a local table stands for ("VM" -> provium.VM)
local function methods_of(class)
  local out = {}
  for name in pairs(stubs.funcs) do
    local l, m = name:match("^([%w_]+):([%w_]+)$")
    if l and stubs.locals[l] == class then out[m] = true end
  end
  return out
end

test("VM methods: each public one has a stub, each stub exists", function()
  local live = {}
  for k, v in pairs(require("provium.core").vm_methods) do
    if type(v) == "function" and k:sub(1, 1) ~= "_" then live[k] = true end
  end
  set_equal("provium.VM", live, methods_of("provium.VM"))
  -- workers are VM objects: no methods of their own to stub
  assert_eq("", next(methods_of("provium.Worker")) or "", "provium.Worker declares methods")
  assert(stubs.fields["provium.Worker"], "no provium.Worker class")
end)

test("command output helpers", function()
  local live = {}
  for k in pairs(require("provium.vm").output_helpers) do live[k] = true end
  set_equal("provium.Output", live, methods_of("provium.Output"))
  set_equal("provium.Output fields", { value = true }, stubs.fields["provium.Output"])
end)

-- the keys of a table a booted VM returns
local function keys(...)
  local out = {}
  for _, t in ipairs({ ... }) do
    for k in pairs(t) do out[k] = true end
  end
  return out
end

local vm = provium.create()
vm:boot()

test("what a VM returns: exec results, jobs, last_call(), info(), workers", function()
  local plain = vm:exec("echo hi")
  local killed = vm:exec("kill -9 $$") -- signal is set only when one killed it
  local job = vm:background("sleep 30")
  local still = vm:job_wait(job, 0.2) -- {ok, timed_out, running}
  vm:job_kill(job)
  local done = vm:job_wait(job)
  set_equal("provium.ExecResult", keys(plain, killed, still, done),
    stubs.fields["provium.ExecResult"])
  set_equal("provium.Job", keys(job), stubs.fields["provium.Job"])
  vm:syscall(provium.nr.getpid)
  local plain_call = vm:last_call()
  -- a traced call that fails adds errno_origin, errno_info and graph
  local trace = { errno = { "__x64_sys_close" }, graph = { depth = 1, filter = { "__x64_sys_close" } } }
  local lacks = require("guest").lacks(select(2, pcall(vm.set_trace, vm, trace)))
  if lacks then skip(lacks) end
  vm:set_trace(trace)
  vm:syscall(provium.nr.close, 999)
  local traced = vm:last_call()
  local origin, info = traced.errno_origin, vm:set_trace({})
  set_equal("provium.LastCall", keys(plain_call, traced), stubs.fields["provium.LastCall"])
  set_equal("provium.ErrnoOrigin", keys(origin), stubs.fields["provium.ErrnoOrigin"])
  set_equal("provium.TraceInfo", keys(info), stubs.fields["provium.TraceInfo"])
  set_equal("provium.VMInfo", keys(vm:info()), stubs.fields["provium.VMInfo"])
  local w = vm:spawn()
  assert(getmetatable(w) == getmetatable(vm), "a worker is no longer a VM object")
  w:kill()
end)

vm:shutdown()
