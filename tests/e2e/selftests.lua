-- The kselftests of the module's uapi (selftests/provium_test.c), installed
-- by "make selftests" as a kselftest tree (build/kselftest, collection
-- "provium") and run in the guest by vm:kselftest, the path every kselftest
-- takes: each harness TEST and the binary itself become sub-tests of this
-- file ("provium:provium_test: fixture.test", "provium:provium_test").

-- the repository: this file is <root>/tests/e2e/selftests.lua
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local INSTALL = here .. "/../../build/kselftest"
assert(io.open(INSTALL .. "/kselftest-list.txt"),
  "no kselftest install at " .. INSTALL .. " (run 'make selftests')")

package.path = here .. "/../lib/?.lua;" .. package.path
local guest = require("guest")
local vm = provium.create()
-- two CPUs, so the size-changing thread really races the ioctl
if not guest.boot_for_file(vm, { memory = "512M", cpus = 2, rootfs = "host" },
  "the uapi kselftests") then return end
if not guest.module_for_file(vm, "the uapi kselftests") then return end
local results = vm:kselftest(INSTALL, { collections = { "provium" } })

test("the uapi kselftests ran as one kselftest with its own results", function()
  assert_eq(1, #results)
  local r = results[1]
  assert_eq("provium:provium_test", r.name)
  assert(#r.subtests > 10, "only " .. #r.subtests .. " harness results in:\n" .. r.output)
  assert_eq("pass", r.status, r.reason .. "\n" .. r.output:sub(-3000))
  assert_eq(0, r.exit_code)
  assert_eq("", r.splats)
  assert_contains(r.output, "# Totals: pass:")
end)

vm:shutdown()
