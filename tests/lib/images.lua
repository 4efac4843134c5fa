-- tests/lib/images.lua: guest images built by tests on the host: a newc
-- (cpio) archive, and an ext4 root file system with busybox and an init.
local M = {}

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- A newc archive of entries { name, mode, data } (mode with its type bits:
-- 0x41ed a directory, 0x81a4 a file, 0x81ed an executable).
function M.newc(entries)
  local out, ino = {}, 1
  local function pad(s) return s .. string.rep("\0", (4 - #s % 4) % 4) end
  local function entry(name, mode, data)
    local hdr = string.format("070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
      ino, mode, 0, 0, 1, 0, #data, 0, 0, 0, 0, #name + 1, 0)
    ino = ino + 1
    out[#out + 1] = pad(hdr .. name .. "\0") .. pad(data)
  end
  for _, e in ipairs(entries) do entry(e[1], e[2], e[3]) end
  entry("TRAILER!!!", 0, "")
  local s = table.concat(out)
  return s .. string.rep("\0", (512 - #s % 512) % 512)
end

function M.write(path, data, mode)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
  if mode then assert(os.execute(string.format("chmod %o %s", mode, q(path)))) end
end

-- An ext4 image at @path (mke2fs -d) holding a small userland: static
-- busybox with its applets in /bin, the usual empty directories, and
-- @files: { [guest path] = text } (paths under /sbin or /bin executable).
function M.ext4_root(path, files)
  local dir = path .. ".d"
  assert(os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir)))
  for _, d in ipairs({ "bin", "sbin", "etc", "dev", "proc", "sys", "tmp", "run", "root" }) do
    assert(os.execute("mkdir -p " .. q(dir .. "/" .. d)))
  end
  assert(os.execute("cp /bin/busybox " .. q(dir .. "/bin/busybox")))
  -- links to /bin/busybox, as the guest will see it
  assert(os.execute(string.format("for a in $(/bin/busybox --list); do " ..
    "[ $a = busybox ] || [ $a = init ] || ln -s /bin/busybox %s/bin/$a; done", q(dir))))
  for name, text in pairs(files or {}) do
    local exec = name:match("^/s?bin/")
    assert(os.execute("mkdir -p " .. q(dir .. name:match("^(.*)/[^/]*$"))))
    M.write(dir .. name, text, exec and 493 or 420)
  end
  assert(os.execute(string.format("PATH=\"$PATH:/usr/sbin:/sbin\" mke2fs -q -F -t ext4 -d %s %s 64M >/dev/null", q(dir), q(path))))
  assert(os.execute("rm -rf " .. q(dir)))
end

return M
