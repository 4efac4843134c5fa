-- provium shell: an interactive guest shell on a terminal. "script" gives
-- it a pty; the test talks to it through FIFOs and waits for what the
-- shell prints (the prompt, the answer), never for a length of time.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local root = host.repo_root()

test("provium shell runs commands in the guest and stops the VM on exit", function()
  local tmp = sh("mktemp -d")
  local fin, fout = tmp .. "/in", tmp .. "/out"
  assert(os.execute("mkfifo " .. fin .. " " .. fout))
  os.execute(string.format("cd %q && TMPDIR=%q script -qfec %q /dev/null < %q > %q 2>&1 &",
    root, tmp, root .. "/build/provium shell", fin, fout))
  local w = assert(io.open(fin, "w"))
  local r = assert(io.open(fout, "r"))
  local seen = ""
  local function expect(s)
    while not seen:find(s, 1, true) do
      local c = r:read(1)
      assert(c, "the shell ended before printing " .. s .. ":\n" .. seen)
      seen = seen .. c
    end
  end
  expect("/ # ")
  w:write("echo SHELL-$((6*7)); uname -r; tty\r")
  w:flush()
  expect("SHELL-42")
  expect("/dev/ttyS0")
  w:write("exit\r")
  w:flush()
  local rest = r:read("a") -- until provium and script have exited
  r:close()
  w:close()
  assert_contains(seen .. rest, "ready")
  assert_eq("", sh("pgrep -af '[q]emu-system.*" .. tmp .. "' || true"), "QEMU left running")
  assert_eq("", sh("find " .. tmp .. " -name 'provium-*'"), "run directory left behind")
  os.execute("rm -rf " .. tmp)
end)
