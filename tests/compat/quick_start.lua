-- The original documentation's "Quick Start" page (getting-started/quick-start),
-- its three scripts as written: the first test, the one with more
-- assertions, and the one with sub-tests. The "minimal" profile is this
-- repository's (provium.toml); the page's points at the user's own kernel.

-- "Write a test": tests/hello.lua
do
  local vm = provium.create("minimal")
  vm:boot()

  local r = vm:exec("uname -r")
  assert(r.ok, "uname failed")

  vm:shutdown()
end

-- "Add assertions"
do
  local vm = provium.create("minimal")
  vm:boot()

  local r = vm:exec("uname -r")
  assert(r.ok, "uname failed")
  assert_contains(r.stdout.value, "6.", "expected kernel 6.x")

  local r2 = vm:exec("cat /proc/cpuinfo")
  assert(r2.ok, "cpuinfo failed")

  vm:shutdown()
end

-- "Use sub-tests"
local vm = provium.create("minimal")
vm:boot()
vm:mount_vfs()

test("kernel version", function()
    local r = vm:exec("uname -r")
    assert(r.ok)
    assert_contains(r.stdout.value, "6.")
end)

test("proc mounted", function()
    local r = vm:exec("cat /proc/version")
    assert(r.ok, "proc not mounted")
end)

vm:shutdown()
