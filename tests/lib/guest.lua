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

-- What a kernel lacks, from an error of vm:boot or vm:set_trace ("the
-- kernel lacks CONFIG_..."): the message, else nil.
function M.lacks(err)
  err = tostring(err)
  if err:find("the kernel lacks", 1, true) then return err end
end

-- For a file whose tests need @vm booted with @opts (rootfs = "host", ...):
-- true once booted; if the kernel lacks what that needs, one test named
-- @name, skipped with the reason, and false (the file then returns).
function M.boot_for_file(vm, opts, name)
  local ok, err = pcall(vm.boot, vm, opts)
  if ok then return true end
  if not M.lacks(err) then error(err, 2) end
  test(name, function() skip(err) end)
  return false
end

-- For a file whose every test traces: true if @vm's kernel can (an errno
-- watch on one syscall is armed and disarmed); else as boot_for_file.
function M.tracing_for_file(vm, name)
  local ok, err = pcall(vm.set_trace, vm, { errno = { "__x64_sys_getpid" } })
  if ok then
    vm:set_trace({})
    return true
  end
  if not M.lacks(err) then return true end -- the file's own tests say what is wrong
  test(name, function() skip(err) end)
  return false
end

return M
