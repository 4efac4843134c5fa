-- Case file for tests/e2e/runner_cli.lua: a passing test and a todo().
test("works already", function()
  assert_eq("a", ("A"):lower())
end)

test("not written yet", function()
  todo("waiting for the frobnicator")
  error("never reached")
end)
