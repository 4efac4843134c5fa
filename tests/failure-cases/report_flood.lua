-- Failure case: a script floods its own output and its report. The
-- runner keeps a bounded log (PROVIUM_LOG_MAX) and bounded event lines, and
-- fails the file whose report went past the limit. No VM: this is the host's.
local line = ("x"):rep(1024 * 1024 - 1) .. "\n"
for _ = 1, 20 do io.write(line) end
io.write("provium-output-last\n")
io.flush()

test("a 1 MiB failure message", function()
  error(("m"):rep(1024 * 1024), 0)
end)

-- 80 messages of 256 KiB: more than the runner keeps of one file's report
for i = 1, 80 do
  test("big " .. i, function() error(("b"):rep(256 * 1024), 0) end)
end
