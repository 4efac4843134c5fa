-- tests/lib/host.lua: host-side helpers for end-to-end tests that drive
-- the provium command or inspect the host (processes, temp files).
local M = {}

-- Output of a shell command, trailing whitespace removed.
function M.sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  p:close()
  return (out:gsub("%s+$", ""))
end

-- The repository root, absolute, from a test file under tests/e2e/.
function M.repo_root()
  local src = debug.getinfo(2, "S").source
  local root = src:match("^@(.*)/tests/e2e/[^/]*$") or "."
  if root:sub(1, 1) ~= "/" then root = M.sh("cd " .. root .. " && pwd") end
  return root
end

return M
