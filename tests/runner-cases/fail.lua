-- Case file for tests/e2e/runner_cli.lua: one passing test, one failing with
-- a multi-line message full of characters that TAP, XML and JSON must escape.
test("passes first", function()
  assert_eq(1, 1)
end)

test("fails with <markup> & \"quotes\"", function()
  error("first line <b>bold</b> & \"quoted\"\n\tsecond line after a tab\n"
    .. "third line with an escape \27[31mred\27[0m and a # hash", 0)
end)
