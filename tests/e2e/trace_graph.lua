-- Per-call function graphs (vm:set_trace{graph = ...}, docs/tracing.md):
-- the function_graph tracer is set up once per VM and records only calls
-- that ask, under provium.ko's provium_graph_call: the functions an openat
-- went through, in order, with depth and time, none of another task's or of
-- the agent's own work; depth and filter; provium.format_graph. Where the
-- kernel has no function_graph tracer the tests are skipped with the reason.
local NR = provium.nr

local vm = provium.create()
-- two CPUs: another task can run while a call is being graphed
vm:boot({ cpus = 2 })
-- graphed calls run through provium.ko
package.path = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/../lib/?.lua;" ..
  package.path
if not require("guest").module_for_file(vm, "function graphs") then return end
if not require("guest").tracing_for_file(vm, "function graphs") then return end


local function graph_on(opts)
  local ok, info = pcall(vm.set_trace, vm, { graph = opts })
  if not ok and tostring(info):find("no function_graph tracer", 1, true) then
    skip(tostring(info))
  end
  if not ok then error(info, 2) end
  return info
end

local function index_of(g, func)
  for i, e in ipairs(g) do if e.func == func then return i end end
end

-- the entries make a tree in call order: each one at most one level deeper
local function check_tree(g, max_depth)
  assert(#g > 0, "an empty graph")
  assert_eq(1, g[1].depth, "the first entry is at the top")
  for i, e in ipairs(g) do
    assert(e.depth >= 1 and e.depth <= max_depth,
      string.format("entry %d (%s) at depth %d", i, e.func, e.depth))
    if i > 1 then
      assert(e.depth <= g[i - 1].depth + 1, string.format("entry %d (%s) jumps from depth %d to %d",
        i, e.func, g[i - 1].depth, e.depth))
    end
    assert(math.type(e.ns) == "integer" and e.ns >= 0, e.func .. ": ns " .. tostring(e.ns))
    -- the call's own machinery is not part of its graph
    assert(not e.func:find("^provium_"), "provium.ko's own " .. e.func .. " in the graph")
  end
end

test("the graph of an openat: its functions in order, with depth and time", function()
  local info = graph_on({ depth = 6 })
  assert(info.graph_time >= 0)
  local fd = vm:syscall_buf(NR.openat, 1, "/proc/version\0", -100, 0, 0, 0)
  assert(fd >= 0, "open: " .. fd)
  local g = vm:last_call().graph
  check_tree(g, 6)
  assert(not g.lost and not g.incomplete, "holes in the graph")
  -- the system call's own function at the top (a timer interrupt's way out
  -- may leave a stray function beside it)
  local sys = index_of(g, "__x64_sys_openat")
  assert(sys and g[sys].depth == 1, provium.format_graph(g))
  local open2, getname, filp = index_of(g, "do_sys_openat2"), index_of(g, "getname"),
    index_of(g, "do_filp_open")
  assert(open2 and getname and filp, provium.format_graph(g))
  assert_eq(2, g[open2].depth)
  -- in the order the kernel calls them: the name, then the open
  assert(sys < open2 and open2 < getname and getname < filp, provium.format_graph(g))
  assert_eq(3, g[filp].depth)
  -- a parent's time covers its children's
  assert(g[sys].ns >= g[open2].ns and g[open2].ns >= g[filp].ns and g[filp].ns > 0,
    provium.format_graph(g))
  -- the readable form has a line per entry, indented by depth
  local text = provium.format_graph(g)
  local lines = select(2, text:gsub("\n", "")) + 1
  assert_eq(#g, lines)
  assert(text:find("\n [ %d.]+ us      do_filp_open\n") or text:find(" us      do_filp_open"),
    text:sub(1, 600))
  vm:syscall(NR.close, fd)
end)

test("only the call: no other task's functions, however busy the guest", function()
  graph_on({ depth = 4 })
  -- another task opens files as fast as it can on the other CPU, counting them
  local job = vm:background("i=0; while :; do cat /proc/version > /dev/null; i=$((i+1)); " ..
    "echo $i > /tmp/busy; done")
  local function opened()
    return tonumber(vm:exec("cat /tmp/busy 2>/dev/null || echo 0").stdout:trim()) or 0
  end
  local seen = 0
  for _ = 1, 3 do
    -- the loop is going: it made progress since the last call
    seen = vm:wait_until(function()
      local n = opened()
      return n > seen and n
    end, { desc = "the busy loop runs" })
    assert(vm:syscall(NR.getpid) > 0)
    local g = vm:last_call().graph
    check_tree(g, 4)
    -- getpid's entry point goes by its alias __do_sys_getpid on some kernels
    assert(index_of(g, "__do_sys_getpid") or index_of(g, "__x64_sys_getpid"),
      provium.format_graph(g))
    assert_eq(nil, index_of(g, "do_sys_openat2"), provium.format_graph(g))
  end
  vm:job_kill(job)
  vm:job_wait(job)
end)

test("depth and filter: fewer levels, only the functions asked for", function()
  graph_on({ depth = 2, filter = { "*openat*", "do_filp_open", "getname*" } })
  local fd = vm:syscall_buf(NR.openat, 1, "/proc/version\0", -100, 0, 0, 0)
  assert(fd >= 0)
  local g = vm:last_call().graph
  check_tree(g, 2)
  for _, e in ipairs(g) do
    assert(e.func:find("openat") or e.func == "do_filp_open" or e.func:find("^getname"),
      "filtered out, yet there: " .. e.func)
  end
  assert(index_of(g, "do_sys_openat2"), provium.format_graph(g))
  -- getname sits below do_sys_openat2: level 3, beyond the depth
  assert_eq(nil, index_of(g, "getname"), provium.format_graph(g))
  vm:syscall(NR.close, fd)
  local ok, err = pcall(vm.set_trace, vm, { graph = { filter = { "no_such_fn_xyz*" } } })
  assert(not ok)
  assert_contains(err, "filter 'no_such_fn_xyz*' matches no traceable function")
  ok, err = pcall(vm.set_trace, vm, { graph = { depth = 0 } })
  assert(not ok)
  assert_contains(err, "graph.depth must be an integer 1..64")
end)

test("graph and errno origin together, and calls without the graph record none", function()
  graph_on({ depth = 4, filter = { "*openat*", "do_filp_open", "path_openat" } })
  vm:set_trace({ errno = { "__x64_sys_openat", "do_sys_openat2", "do_filp_open", "path_openat" },
    graph = { depth = 4, filter = { "*openat*", "do_filp_open", "path_openat" } } })
  assert_eq(-provium.errno.ENOENT, (vm:syscall_buf(NR.openat, 1, "/nope\0", -100, 0, 0, 0)))
  local lc = vm:last_call()
  assert_eq("path_openat", lc.errno_origin.func)
  assert(index_of(lc.graph, "path_openat"), provium.format_graph(lc.graph))
  vm:set_trace({})
  assert(vm:syscall(NR.getpid) > 0)
  assert_eq(nil, vm:last_call().graph)
  local ok, err = pcall(provium.format_graph, "x")
  assert(not ok)
  assert_contains(err, "a graph from vm:last_call() expected")
end)
