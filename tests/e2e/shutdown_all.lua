-- provium.shutdown_all(): every VM the script created is shut down, and
-- each one's QEMU and run directory are gone afterwards.
test("shutdown_all stops every running VM", function()
  local a, b = provium.create(), provium.create()
  a:boot()
  b:boot()
  local dirs = { a:info().rundir, b:info().rundir }
  assert(a:syscall(provium.nr.getpid) > 0 and b:syscall(provium.nr.getpid) > 0)
  provium.shutdown_all()
  for _, vm in ipairs({ a, b }) do
    assert_eq(false, vm:info().running)
    local ok, err = pcall(vm.syscall, vm, provium.nr.getpid)
    assert(not ok)
    assert_contains(err, "not running")
  end
  for _, d in ipairs(dirs) do assert_eq(nil, io.open(d), "run directory " .. d .. " removed") end
  provium.shutdown_all() -- nothing left: a no-op
end)
