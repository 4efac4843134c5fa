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

-- A scratch project boots the run's kernel too: under --profile NAME
-- (PROVIUM_PROFILE), write that profile, copied from the repository's
-- provium.toml, into DIR/provium.toml, and give the project's own CACHE
-- (if any) the kernels unpacked in the real one; nothing without a profile.
function M.scratch_profile(dir, cache)
  local name = os.getenv("PROVIUM_PROFILE")
  if not name or name == "" then return end
  if cache then
    local real = M.sh("echo ${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}")
    os.execute("mkdir -p '" .. cache .. "' && ln -sfn '" .. real .. "/kernels' '" .. cache .. "/kernels'")
  end
  local src = debug.getinfo(1, "S").source:match("^@(.*)/tests/lib/[^/]*$") or "."
  local f = assert(io.open(src .. "/provium.toml"))
  local out, inside = {}, false
  for line in f:lines() do
    local header = line:match("^%[(.-)%]")
    if header then inside = header == "profile." .. name end
    if inside then out[#out + 1] = line end
  end
  f:close()
  assert(#out > 0, "no [profile." .. name .. "] in " .. src .. "/provium.toml")
  f = assert(io.open(dir .. "/provium.toml", "a"))
  f:write(table.concat(out, "\n"), "\n")
  f:close()
end

return M
