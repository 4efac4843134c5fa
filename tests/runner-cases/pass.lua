-- Case file for tests/e2e/runner_cli.lua: two passing tests, no VM.
test("adds", function()
  assert_eq(4, 2 + 2)
end)

test("concatenates", function()
  assert_contains("provium" .. " runner", "um ru")
end)
