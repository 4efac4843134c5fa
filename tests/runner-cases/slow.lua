-- Case file for tests/e2e/runner_cli.lua: busy for 4 s, so "--timeout 1"
-- ends it; without a timeout it passes.
test("spins", function()
  local t0 = os.time()
  local x = 0
  while os.time() - t0 < 4 do x = x + 1 end
  assert(x > 0)
end)
