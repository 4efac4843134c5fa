-- tests/lib/guest.lua: guest-side helpers shared by end-to-end tests.
local M = {}

-- open(path, flags?) for @vm through openat, asserting it worked.
function M.opener(vm)
  return function(path, flags)
    local fd = vm:syscall_buf(provium.nr.openat, 1, path .. "\0", -100, 0, flags or 0, 0)
    assert(fd >= 0, "openat " .. path .. ": " .. fd)
    return fd
  end
end

-- Skip the running test unless provium.ko dispatches in @vm: a kernel
-- without it (no CONFIG_MODULES, no kbuild) runs only the user-space
-- executor, and says why in vm:info().module_error.
function M.need_module(vm)
  local info = vm:info()
  if not info.module then
    skip("provium.ko is not in use: " .. info.module_error)
  end
end

-- For a file whose every test needs provium.ko: true if @vm has it; else
-- one test named @name, skipped with the reason, and false (the file then
-- returns).
function M.module_for_file(vm, name)
  local info = vm:info()
  if info.module then return true end
  test(name, function() skip("provium.ko is not in use: " .. info.module_error) end)
  return false
end

return M
