-- tests/pool-cases/lib/pool_log.lua: what the runner's -v log says about
-- the resource pool (its stderr, in the file POOL_LOG names).
local M = {}

function M.read()
  local path = os.getenv("POOL_LOG")
  assert(path, "POOL_LOG is not set")
  local f = io.open(path)
  if not f then return "" end
  local s = f:read("a")
  f:close()
  return s
end

-- wait (polling the host file) until the log has @text
function M.wait_for(vm, text)
  vm:wait_until(function() return M.read():find(text, 1, true) end,
    { timeout = 300, interval = 0.2, desc = "'" .. text .. "' in the runner's log" })
end

return M
