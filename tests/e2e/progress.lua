-- The live status line of "provium test": on a terminal (a pty made by
-- script(1)) it shows files done/total, failures so far and the running
-- file with its time, and erasing it leaves the screen exactly as the plain
-- report; off a terminal, with --no-progress or TERM=dumb there is none.
-- The case files are tests/runner-cases (pure Lua, no VM), run with -p 1,
-- so they finish in sorted order: error, fail, pass, slow, todo.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local root = host.repo_root()

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local scratch = host.sh("mktemp -d")

-- provium test on the case files; @pty: under script(1), on a terminal
local function run(pty, env, opts)
  local cmd = string.format("cd %s && exec env PROVIUM_CACHE=%s TMPDIR=%s %s " ..
    "build/provium test -p 1 %s tests/runner-cases", q(root), q(scratch .. "/cache"), q(scratch),
    env or "TERM=xterm", opts or "")
  if pty then cmd = "script -qfec " .. q(cmd) .. " /dev/null" end
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  p:close()
  return out
end

-- What a terminal shows for @raw: \r returns to column 0, ESC[K erases to
-- the end of the line, \n (after \r, as a pty sends it) starts a new line.
local function screen(raw)
  local lines, line, col = {}, {}, 1
  local i = 1
  while i <= #raw do
    local c = raw:sub(i, i)
    if raw:sub(i, i + 2) == "\27[K" then
      for k = col, #line do line[k] = nil end
      i = i + 3
    elseif c == "\r" then
      col = 1
      i = i + 1
    elseif c == "\n" then
      lines[#lines + 1] = table.concat(line)
      line, col = {}, 1
      i = i + 1
    else
      line[col] = c
      col = col + 1
      i = i + 1
    end
  end
  if #line > 0 then lines[#lines + 1] = table.concat(line) end
  return table.concat(lines, "\n")
end

-- durations, the log directory and the free memory differ from run to run
local function normal(s)
  return (s:gsub("%(%d+%.%d+s%)", "(T)"):gsub("logs: %S+", "logs: DIR")
    :gsub("resource pool: [^\r\n]*", "resource pool: POOL"):gsub("%s+$", ""))
end

local plain = run(false)

test("off a terminal: one report per file, no status line", function()
  assert_contains(plain, "FAIL tests/runner-cases/error.lua")
  assert(not plain:find("\27[K", 1, true), "an erase sequence in the plain output")
  assert(not plain:find("done |", 1, true), "a status line in the plain output")
end)

test("on a terminal: done/total, failures so far, the running file and its time", function()
  local raw = run(true)
  assert(raw:find("\r\27%[K0/5 done | running: tests/runner%-cases/error%.lua %d+s"),
    "no first status line in:\n" .. raw)
  -- after error.lua failed, while fail.lua runs
  assert(raw:find("1/5 done, 1 failed | running: tests/runner%-cases/fail%.lua %d+s"),
    "no status line after the first failure in:\n" .. raw)
  assert(raw:find("3/5 done, 2 failed | running: tests/runner%-cases/slow%.lua %d+s"),
    "no status line while slow.lua runs in:\n" .. raw)
  -- and what stays on the screen is the plain report, line for line
  local want, got = {}, {}
  for l in (normal(plain) .. "\n"):gmatch("(.-)\n") do want[#want + 1] = l end
  for l in (normal(screen(raw)) .. "\n"):gmatch("(.-)\n") do got[#got + 1] = l end
  for i = 1, math.max(#want, #got) do
    assert_eq(want[i], got[i], "screen line " .. i)
  end
end)

test("--no-progress and TERM=dumb draw nothing on a terminal", function()
  for _, v in ipairs({ { "TERM=xterm", "--no-progress" }, { "TERM=dumb" } }) do
    local raw = run(true, v[1], v[2])
    assert_contains(raw, "6 passed, 2 failed, 1 skipped")
    assert(not raw:find("done |", 1, true), table.concat(v, " ") .. ": a status line")
    assert(not raw:find("\27[K", 1, true), table.concat(v, " ") .. ": an erase sequence")
  end
end)

test("--tap and --json on a terminal stay pure", function()
  local raw = run(true, "TERM=xterm", "--tap")
  assert_contains(raw, "TAP version 13")
  assert(not raw:find("done |", 1, true), "a status line in TAP")
end)

os.execute("rm -rf " .. q(scratch))
