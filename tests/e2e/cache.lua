-- The cache: a new initramfs image prunes the ones nobody booted for a
-- week, and keeps recent ones.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh, root = host.sh, host.repo_root()

test("building an initramfs prunes week-old images and keeps recent ones", function()
  local cache = sh("mktemp -d")
  local real = sh("echo ${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}")
  -- share the extracted kernel, the unpacked ones (--profile) and the KVM
  -- verdict, but no initramfs
  os.execute("for f in " .. real .. "/vmlinux-* " .. real .. "/accel-* " .. real ..
    "/kernels; do ln -s $f " .. cache .. "/; done")
  os.execute("touch -d '10 days ago' " .. cache .. "/initramfs-00000000000old0.cpio")
  os.execute("touch " .. cache .. "/initramfs-0000000000recent.cpio")
  local out = sh(string.format("cd %s && PROVIUM_CACHE=%s build/provium run examples/hello.lua", root, cache))
  assert_contains(out, "getpid() in the guest")
  local left = sh("ls " .. cache .. " | grep '^initramfs-' | sort")
  assert(not left:find("old0", 1, true), "the week-old image was pruned: " .. left)
  assert_contains(left, "recent")
  assert_eq(2, select(2, left:gsub("initramfs%-", "")), "the recent one and the new one")
  os.execute("rm -rf " .. cache)
end)
