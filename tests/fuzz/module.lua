-- tests/fuzz/module.lua: random call descriptions to /dev/provium from a
-- guest-side fuzzer (selftests/provium_fuzz.c, build/provium_fuzz) for a
-- bounded time. The module answers each with a result or an errno; the
-- guest must not panic or WARN, and the agent must keep answering.
--
-- Environment: FUZZ_SECONDS (default 5), FUZZ_SEED (default from the clock).
local core = require("provium.core")
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local root = here:match("^(.*)/tests/fuzz$") or "."
local SECONDS = tonumber(os.getenv("FUZZ_SECONDS") or "5")
local SEED = tonumber(os.getenv("FUZZ_SEED") or "") or (os.time() ~ math.floor(core.now() * 1e6))

local vm = provium.create()
vm:boot({ files = { ["/bin/provium_fuzz"] = root .. "/build/provium_fuzz" } })
local before = select(2, vm:events())
local r = vm:exec({ "/bin/provium_fuzz", tostring(SECONDS), tostring(SEED) },
  { timeout = SECONDS + 60 })
local failed = {}
if not r.ok then
  failed[#failed + 1] = string.format("the fuzzer exited %d%s: %s", r.exit_code,
    r.signal and (" (signal " .. r.signal .. ")") or "", r.stderr.value)
end
-- the agent answers, and the kernel said nothing bad
local ok, pid = pcall(vm.syscall, vm, provium.nr.getpid)
if not ok or pid <= 0 then failed[#failed + 1] = "the agent does not answer getpid: " .. tostring(pid) end
local new = vm:events(before + 1)
for _, ev in ipairs(new) do failed[#failed + 1] = "guest kernel " .. ev.kind .. ":\n" .. ev.text end
if ok then
  local bad = vm:dmesg("WARNING:\\|BUG:\\|Oops\\|general protection")
  if bad ~= "" then failed[#failed + 1] = "the kernel log:\n" .. bad end
end
local summary = r.stdout.value:match("(%d+ descriptions[^\n]*)") or "no summary"
print(string.format("fuzz module: %s, seed %d: %d findings", summary, SEED, #failed))
for _, f in ipairs(failed) do print("fuzz module: FINDING: " .. f) end
if vm:info().running then vm:shutdown() end
if #failed > 0 then os.exit(1) end
