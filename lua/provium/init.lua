-- provium: the Lua API. provium.core (C) supplies VM objects and packing;
-- this file adds the methods written in Lua and the test framework.
local core = require("provium.core")
local vmapi = require("provium.vm")
local testing = require("provium.testing")

local provium = {
  version = core.version,
  pack = core.pack,
  unpack = core.unpack,
}

for k, v in pairs(require("provium.ioctl")) do provium[k] = v end

-- Codes the kernel uses internally (include/linux/errno.h): they show up in
-- vm:last_call().kernel_ret, never in what user space sees.
local kernel_errno = {
  ERESTARTSYS = 512, ERESTARTNOINTR = 513, ERESTARTNOHAND = 514, ENOIOCTLCMD = 515,
  ERESTART_RESTARTBLOCK = 516, EPROBE_DEFER = 517, EOPENSTALE = 518, ENOPARAM = 519,
  EBADHANDLE = 521, ENOTSYNC = 522, EBADCOOKIE = 523, ENOTSUPP = 524, ETOOSMALL = 525,
  ESERVERFAULT = 526, EBADTYPE = 527, EJUKEBOX = 528, EIOCBQUEUED = 529,
  ERECALLCONFLICT = 530, ENOGRACE = 531,
}

-- number -> name; where two names share a value, the one errno(3) lists first
local errnames

-- provium.nr and provium.errno: the numbers of the kernel this run boots
-- (provium.create() with no name: the default kernel, or --profile's),
-- from its build tree's headers; the tables 'make' generated for the
-- default kernel if it has none. Loaded at first use, once the script's
-- provium.toml is known.
local function load_tables()
  local dir = core.kernel_tables()
  local nr = dir and loadfile(dir .. "/nr.lua")
  local errno = dir and loadfile(dir .. "/errno.lua")
  rawset(provium, "nr", nr and nr() or require("provium.nr"))
  rawset(provium, "errno", errno and errno() or require("provium.errno"))
  for k, v in pairs(kernel_errno) do provium.errno[k] = provium.errno[k] or v end
  errnames = {}
  local preferred = { EAGAIN = true, EDEADLK = true, EOPNOTSUPP = true }
  for name, v in pairs(provium.errno) do
    if not errnames[v] or preferred[name] or (not preferred[errnames[v]] and name < errnames[v]) then
      errnames[v] = name
    end
  end
end

setmetatable(provium, {
  __index = function(t, k)
    if k == "nr" or k == "errno" then
      load_tables()
      return rawget(t, k)
    end
  end,
  -- pairs(provium) lists them too
  __pairs = function(t)
    if not errnames then load_tables() end
    return next, t, nil
  end,
})

-- provium.errname(-2) == "ENOENT" (the sign is ignored); nil for a number
-- that is no errno.
function provium.errname(n)
  n = type(n) == "number" and math.tointeger(n) or n
  if math.type(n) ~= "integer" then
    error("bad argument #1 to 'provium.errname' (integer expected, got "
      .. (math.type(n) or type(n)) .. ")", 2)
  end
  if not errnames then load_tables() end
  return errnames[n < 0 and -n or n]
end

-- provium.format_graph(graph) -> text: one line a function of
-- vm:last_call().graph, indented by depth, with the time spent inside it
function provium.format_graph(graph)
  if type(graph) ~= "table" then
    error("bad argument #1 to 'provium.format_graph' (a graph from vm:last_call() expected, got "
      .. type(graph) .. ")", 2)
  end
  local lines = {}
  for i, e in ipairs(graph) do
    if type(e) ~= "table" or math.type(e.depth) ~= "integer" or type(e.func) ~= "string" then
      error("bad argument #1 to 'provium.format_graph' (entry " .. i .. " is no {depth, func, ns})", 2)
    end
    local ns = e.ns or 0
    lines[#lines + 1] = string.format("%s  %s%s%s%s",
      ns > 0 and string.format("%11.3f us", ns / 1000) or string.rep(" ", 14),
      string.rep("  ", e.depth - 1), e.func, e.module and (" [" .. e.module .. "]") or "",
      e.ret and (" = " .. e.ret) or "")
  end
  if graph.lost then lines[#lines + 1] = "(the tracer lost events: there are holes)" end
  if graph.incomplete then lines[#lines + 1] = "(the call's subtree did not close)" end
  return table.concat(lines, "\n")
end

vmapi.install(core.vm_methods)

-- every VM a script creates, so shutdown_all and failure reports find them
local live = setmetatable({}, { __mode = "k" })
-- the VMs the fixture script running now created, in order (nil: none runs)
local made

-- provium.create(profile?, {config = "path/to/provium.toml"}?)
function provium.create(profile, opts)
  if profile ~= nil and type(profile) ~= "string" then
    error("bad argument #1 to 'provium.create' (profile name expected, got "
      .. type(profile) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'provium.create' (options table expected)", 2)
  end
  local vm = core.create(profile, opts)
  live[vm] = true
  if made then made[#made + 1] = vm end
  return vm
end

local building = {} -- fixture scripts running now, to refuse a cycle

-- provium.fixture(name): a fresh VM started from the state that
-- fixtures/NAME.lua built (once, then cached). The script returns a booted
-- VM, or returns nothing and the last VM it created and booted is saved, as
-- the original Provium did; its other VMs end with it. It is searched in
-- fixtures/ beside the calling test or any parent directory, then in
-- tests/fixtures/ of the working directory.
function provium.fixture(name)
  if type(name) ~= "string" or not name:match("^[%w_%-]+$") then
    error("bad argument #1 to 'provium.fixture' (fixture name of letters, digits, _ and - expected)", 2)
  end
  local src = debug.getinfo(2, "S").source
  local dir = src:sub(1, 1) == "@" and (src:match("^@(.*)/[^/]*$") or ".") or "."
  local candidates = {}
  while true do
    candidates[#candidates + 1] = dir .. "/fixtures/" .. name .. ".lua"
    candidates[#candidates + 1] = dir .. "/tests/fixtures/" .. name .. ".lua"
    local parent = dir:match("^(.*)/[^/]+$")
    if not parent or parent == dir or parent == "" then break end
    dir = parent
  end
  candidates[#candidates + 1] = "tests/fixtures/" .. name .. ".lua"
  local path
  for _, c in ipairs(candidates) do
    local f = io.open(c)
    if f then
      f:close()
      path = c
      break
    end
  end
  if not path then
    error("provium.fixture: no fixtures/" .. name .. ".lua beside the test or in a parent directory", 2)
  end
  if building[path] then
    error("provium.fixture: " .. name .. " requests itself while it is being built", 2)
  end
  local vm = core.fixture(name, path, function()
    local chunk = assert(loadfile(path))
    local outer = made
    building[path] = true
    made = {}
    local ok, built = pcall(chunk)
    local mine = made
    made = outer
    building[path] = nil
    if ok and built == nil then
      for i = #mine, 1, -1 do
        if mine[i]:info().running then
          built = mine[i]
          break
        end
      end
    end
    for _, other in ipairs(mine) do
      if other ~= built and other:info().running then pcall(other.kill, other) end
    end
    if not ok then error(built, 0) end
    return built
  end)
  live[vm] = true
  if made then made[#made + 1] = vm end
  return vm
end

function provium.vms()
  local list = {}
  for vm in pairs(live) do list[#list + 1] = vm end
  return list
end

function provium.shutdown_all()
  for vm in pairs(live) do
    if vm:info().running then pcall(vm.shutdown, vm) end
  end
end

testing.install(_G, provium)
require("provium.compat").install(_G)
return provium
