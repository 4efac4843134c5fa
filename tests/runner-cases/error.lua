-- Case file for tests/e2e/runner_cli.lua: an error outside any test ends
-- the file after its first test.
test("runs before the error", function()
  assert_eq(true, true)
end)

error("boom outside any test")
