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

return M
