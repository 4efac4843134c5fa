-- The original documentation's "Assertions and Sub-tests" page
-- (writing-tests/assertions-and-subtests), as written. Adapted: the
-- "Shared setup" example's KACS fixture and helpers (token queries) are
-- in tests/compat/fixtures.lua's territory; here the values its asserts
-- compare come from ordinary commands.

local vm = provium.create("minimal")
vm:boot()
vm:mount_vfs()

test("assert(condition, message)", function()
  local fd = vm:syscall(provium.nr.dup, 1)
  local r = vm:exec("echo expected")
  assert(fd >= 0, "open failed: " .. fd)
  assert(r.ok, "command failed")
  assert(r.stdout.contains("expected"))
  vm:syscall(provium.nr.close, fd)
  -- and its failure says why, and where
  local ok, err = pcall(function() assert(fd < 0, "open failed: " .. fd) end)
  assert(not ok)
  assert_contains(err, "open failed: " .. fd)
  assert_contains(err, "assertions_and_subtests.lua:")
end)

test("assert_eq(expected, actual, message)", function()
  local r = vm:exec("echo hello")
  local h = { SID_SYSTEM = provium.pack("u8 u8 u8 u8 u8 u8 u8 u8 u32", 1, 1, 0, 0, 0, 0, 0, 5, 18) }
  local data = h.SID_SYSTEM
  assert_eq(0, r.exit_code, "expected success")
  assert_eq("hello\n", r.stdout.value, "wrong output")
  assert_eq(data, h.SID_SYSTEM, "expected SYSTEM SID")
  -- on failure the message shows both values
  local ok, err = pcall(assert_eq, 1, r.exit_code, "expected failure")
  assert(not ok)
  assert_contains(err, "expected failure")
  assert_contains(err, "1")
  assert_contains(err, "0")
end)

test("assert_contains(haystack, needle, message)", function()
  local r = vm:exec("cat /proc/version")
  local log = "kacs: initialized"
  assert_contains(r.stdout.value, "Linux", "not Linux")
  assert_contains(log, "initialized", "module not loaded")
  local ok, err = pcall(assert_contains, r.stdout.value, "Windows", "not Windows")
  assert(not ok)
  assert_contains(err, "not Windows")
end)

-- "Sub-tests": the page's three tests, on the VM booted above
test("kernel boots", function()
    local r = vm:exec("uname -r")
    assert(r.ok)
end)

test("proc mounted", function()
    local r = vm:exec("cat /proc/version")
    assert(r.ok)
end)

test("sysfs mounted", function()
    local r = vm:exec("ls /sys/kernel/")
    assert(r.ok)
end)

-- "Marking tests as not yet implemented": reported as todo, not failures
test("complex scenario", function()
    todo("waiting on kernel feature X")
end)

test("another todo", function()
    todo()
end)

vm:shutdown()
