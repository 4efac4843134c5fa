-- provium: the Lua API. provium.core (C) supplies VM objects and packing;
-- this file adds the methods written in Lua and the test framework.
local core = require("provium.core")
local vmapi = require("provium.vm")
local testing = require("provium.testing")

local provium = {
  version = core.version,
  pack = core.pack,
  unpack = core.unpack,
  errno = require("provium.errno"),
  nr = require("provium.nr"),
}

for k, v in pairs(require("provium.ioctl")) do provium[k] = v end

vmapi.install(core.vm_methods)

-- every VM a script creates, so shutdown_all and failure reports find them
local live = setmetatable({}, { __mode = "k" })

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
return provium
