-- tests/lib/sample.lua: examples/sample_driver for the kernel a VM booted.
-- The modules 'make sample' built serve when that is the kernel (and
-- kmod/provium.ko the provium.ko); any other kernel (--profile) gets them
-- built once against its build tree and its provium.ko's symbols, in the
-- cache, whichever test file asks first.
local M = {}

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok = p:close()
  return (out:gsub("%s+$", "")), ok
end

-- provium_sample.ko and provium_sample_sys.ko for @vm (booted); nil and why if
-- its kernel has no build tree or no provium.ko to link against
function M.modules(vm, root)
  root = sh("cd " .. q(root) .. " && pwd")
  local info = vm:info()
  local src = root .. "/examples/sample_driver"
  local made = src .. "/provium_sample.ko"
  local magic = sh("modinfo -F vermagic " .. q(made) .. " 2>/dev/null"):match("^(%S+)")
  if magic == info.release and info.module_path == root .. "/kmod/provium.ko" then
    return made, src .. "/provium_sample_sys.ko"
  end
  if info.kbuild == "" or info.module_path == "" then
    return nil, "no kernel build tree or provium.ko for " .. info.release ..
      " to build the sample driver against: " .. info.module_error
  end
  local symvers = info.module_path:match("^(.*)/[^/]*$") .. "/Module.symvers"
  if info.module_path == root .. "/kmod/provium.ko" then symvers = root .. "/Module.symvers" end
  local cache = os.getenv("PROVIUM_CACHE")
  if not cache or cache == "" then
    cache = (os.getenv("XDG_CACHE_HOME") or (os.getenv("HOME") .. "/.cache")) .. "/provium"
  end
  local key = sh(string.format("{ readlink -f %s; cat %s; cat %s/*.c %s/*.h %s/Kbuild; } | sha1sum | cut -c1-16",
    q(info.kbuild), q(symvers), q(src), q(src), q(src)))
  -- the sources keep their place beside kmod/ (they include ../../kmod/provium_ext.h)
  local top = cache .. "/sample-" .. key
  local dir = top .. "/examples/sample_driver"
  local out, ok = sh(string.format(
    "mkdir -p %s %s/kmod && cd %s && flock %s/.lock sh -c 'test -f provium_sample_sys.ko || " ..
    "{ cp %s/*.c %s/*.h %s/Kbuild . && cp %s/kmod/*.h %s/kmod/ && " ..
    "make -C %s M=%s KBUILD_EXTRA_SYMBOLS=%s modules > build.log 2>&1; }' || tail -n 20 build.log",
    q(dir), q(top), q(dir), q(top), q(src), q(src), q(src), q(root), q(top), q(info.kbuild), q(dir),
    q(symvers)))
  if not ok or out ~= "" then
    error("building the sample driver against " .. info.kbuild .. " failed:\n" .. out)
  end
  return dir .. "/provium_sample.ko", dir .. "/provium_sample_sys.ko"
end

return M
