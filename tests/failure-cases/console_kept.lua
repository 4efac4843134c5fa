-- Failure case: assertions fail while the VM keeps running; one test made the
-- kernel print to the console, the other printed nothing.
local vm = provium.create()
vm:boot()
test("fails after a console message", function()
  vm:exec("echo '<3>provium-console-marker during the test' > /dev/kmsg")
  assert_eq(1, 2, "deliberate")
end)
test("fails quietly", function()
  assert_eq("a", "b", "deliberate")
end)
vm:shutdown()
