-- provium.testing: test(), todo(), assert_eq(), assert_contains(). Each
-- test runs isolated: a failure is recorded and the file goes on. Under
-- "provium test" results go to the runner's event pipe (provium.core.emit).
local M = {}

local core = require("provium.core")
local events = core.emit("") -- true when a runner listens

-- one event per line, fields split by tabs: fold both out of the text
local function oneline(s)
  return (tostring(s):gsub("\t", "  "):gsub("\n", "\v"))
end

local function emit(status, secs, name, msg)
  if events then
    core.emit(string.format("test\t%s\t%.3f\t%s\t%s\n", status, secs,
      oneline(name), oneline(msg or "")))
  else
    local line = string.format("%-5s %s (%.2fs)", status, name, secs)
    if msg and msg ~= "" then line = line .. "\n      " .. msg:gsub("\n", "\n      ") end
    print(line)
  end
end

-- the last @n lines of @s
local function tail(s, n)
  local lines = {}
  for l in s:gmatch("[^\n]*\n?") do
    if l ~= "" then lines[#lines + 1] = l end
  end
  return table.concat(lines, "", math.max(1, #lines - n + 1))
end

-- Each kselftest result (vm:kselftest) as a sub-test of the file, named
-- "collection:test", and each result the test printed itself as
-- "collection:test: name" before it.
function M.kselftest_results(results)
  for _, r in ipairs(results) do
    for i, s in ipairs(r.subtests) do
      local name = r.name .. ": " .. (s.name ~= "" and s.name or "#" .. i)
      if s.status == "fail" then
        local msg = "not ok" .. (s.reason ~= "" and (" # " .. s.reason) or "")
        if s.diagnostics ~= "" then msg = msg .. "\n" .. s.diagnostics end
        emit("FAIL", 0, name, msg)
      elseif s.status == "skip" then
        emit("skip", 0, name, s.reason)
      elseif s.status == "xfail" or s.status == "todo" then
        emit("todo", 0, name, s.status:upper() .. (s.reason ~= "" and (" " .. s.reason) or ""))
      else
        emit("ok", 0, name)
      end
    end
    if r.status == "pass" then
      emit("ok", r.secs, r.name)
    elseif r.status == "skip" or r.status == "notrun" then
      emit("skip", r.secs, r.name, r.reason)
    elseif r.status == "xfail" then
      emit("todo", r.secs, r.name, "XFAIL" .. (r.reason ~= "" and (" " .. r.reason) or ""))
    else
      local msg = r.status:upper() .. (r.reason ~= "" and (" " .. r.reason) or "")
      if r.output ~= "" then msg = msg .. "\n--- its output (the end) ---\n" .. tail(r.output, 40) end
      if r.splats ~= "" then msg = msg .. "\n" .. r.splats end
      emit("FAIL", r.secs, r.name, msg)
    end
  end
end

local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local errname -- provium.errname, set by install()
local nr_names -- syscall number -> name, from provium.nr

-- "guest kernel warning in the call ioctl (nr 16) of pid 1, from provium.ko:"
-- and the report: which call it belongs to, as the module attributed it
local function describe_event(ev)
  local head = "guest kernel " .. ev.kind
  local function call()
    local name = nr_names and nr_names[ev.call_nr]
    return string.format("%s(nr %d) of pid %d", name and (name .. " ") or "", ev.call_nr or -1,
      ev.call_pid or -1)
  end
  if ev.context == "call" then
    head = head .. " in the call " .. call()
  elseif ev.context == "concurrent" then
    head = head .. string.format(" in %s (pid %d), concurrent with the call %s",
      ev.comm or "?", ev.pid or 0, call())
  elseif ev.context == "none" then
    head = head .. " outside any call"
  end
  head = head .. (ev.source == "module" and ", reported by provium.ko" or ", from the kernel log")
  return head .. ":\n" .. ev.text
end

-- a negative errno reads as its name: -ENOENT (-2)
local function show(v, bare)
  if math.type(v) == "integer" and v < 0 and v >= -4095 and errname and errname(v) then
    return bare and ("-" .. errname(v)) or string.format("-%s (%d)", errname(v), v)
  end
  if type(v) == "string" then
    if v:find("[^\32-\126\t\r\n]") then return "hex:" .. hex(v) end
    return string.format("%q", v)
  end
  return tostring(v)
end

-- splats shown in full in a failing test's message; the rest are counted
local SPLATS_SHOWN = 3

-- a todo() inside a test marks it expected-to-fail and stops it; a skip()
-- stops it as not applicable here (a kernel feature that is missing)
local TODO = setmetatable({}, { __tostring = function() return "todo" end })
local SKIP = setmetatable({}, { __tostring = function() return "skip" end })

function M.install(env, provium)
  errname = provium.errname
  nr_names = {}
  for name, nr in pairs(provium.nr or {}) do nr_names[nr] = name end
  local now = require("provium.core").now

  function env.test(name, fn)
    if type(name) ~= "string" or type(fn) ~= "function" then
      error("usage: test(name, function() ... end)", 2)
    end
    if events then
      -- lets the runner name the test that was running if the file times out
      core.emit("start\t" .. oneline(name) .. "\n")
    end
    local t0 = now()
    -- kernel splats seen before the test are not its fault
    local seen, console_at = {}, {}
    for _, vm in ipairs(provium.vms()) do
      seen[vm] = select(2, vm:events())
      console_at[vm] = vm:info().console_size
    end
    local ok, err = xpcall(fn, function(e)
      if type(e) == "table" and (e.todo == TODO or e.todo == SKIP) then return e end
      return debug.traceback(tostring(e), 2)
    end)
    local secs = now() - t0
    -- a warning, BUG or lockdep splat while the test ran fails it, with the
    -- first few in full: a flood of thousands is counted, not listed
    for _, vm in ipairs(provium.vms()) do
      if vm:info().running then pcall(vm.ping, vm) end
      local new, _, dropped = vm:events((seen[vm] or 0) + 1)
      if #new > 0 then
        local parts = {}
        for i = 1, math.min(#new, SPLATS_SHOWN) do
          parts[i] = describe_event(new[i])
        end
        local more = #new - #parts + dropped
        if more > 0 then
          parts[#parts + 1] = string.format("[provium: %d more guest kernel splats during this test, "
            .. "not shown; vm:events() keeps the first and the latest]", more)
        end
        err = ok and table.concat(parts, "\n") or (tostring(err) .. "\n" .. table.concat(parts, "\n"))
        ok = false
      end
    end
    if ok then
      emit("ok", secs, name)
    elseif type(err) == "table" and err.todo == TODO then
      emit("todo", secs, name, err.reason)
    elseif type(err) == "table" and err.todo == SKIP then
      emit("skip", secs, name, err.reason)
    else
      -- the guest console is what explains most kernel-side failures
      -- (what it printed while the test ran, in a copy that outlives the run)
      for _, vm in ipairs(provium.vms()) do
        local info = vm:info()
        if info.console ~= "" and not err:find("--- console tail", 1, true) then
          local path = vm:keep_console()
          local during = vm:console(1200, console_at[vm] or 0)
          if during:find("%S") then
            err = err .. "\n--- console tail (" .. path .. ") ---\n" .. during
          else
            err = err .. "\n--- console: nothing printed during this test (whole log: " .. path .. ") ---"
          end
        end
      end
      emit("FAIL", secs, name, err)
    end
    return ok
  end

  -- assert(cond, msg): a failure names the file and line, as the original's
  -- override did (Lua's own assert gives the bare message)
  function env.assert(cond, msg, ...)
    if cond then return cond, msg, ... end
    if msg == nil or type(msg) == "string" or type(msg) == "number" then
      error(msg ~= nil and tostring(msg) or "assertion failed!", 2)
    end
    error(msg, 0)
  end

  function env.todo(reason)
    error({ todo = TODO, reason = reason or "" }, 0)
  end

  function env.skip(reason)
    if type(reason) ~= "string" or reason == "" then
      error("usage: skip(reason): say what is missing", 2)
    end
    error({ todo = SKIP, reason = reason }, 0)
  end

  -- command output (r.stdout) compares with a string by its text
  local function text(v)
    local mt = type(v) == "table" and getmetatable(v)
    if mt and mt.__provium_text then return v.value end
    return v
  end

  function env.assert_eq(expected, actual, msg)
    if type(expected) == "string" or type(actual) == "string" then
      expected, actual = text(expected), text(actual)
    end
    if expected ~= actual then
      error(string.format("%sexpected %s, got %s", msg and (msg .. ": ") or "",
        show(expected, true), show(actual)), 2)
    end
  end

  function env.assert_contains(haystack, needle, msg)
    local h = type(haystack) == "table" and haystack.value or haystack
    if type(h) ~= "string" or not h:find(needle, 1, true) then
      error(string.format("%sexpected %s to contain %s", msg and (msg .. ": ") or "",
        show(h), show(needle)), 2)
    end
  end
end

return M
