-- statx of files written with vm:write_file: size, mode, inode, link count
-- and mtime agree with what the guest's stat(1) prints.
local NR, E = provium.nr, provium.errno
local AT_FDCWD, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH = -100, 0x100, 0x1000
local STATX_BASIC_STATS = 0x7ff
local vm = provium.create()
vm:boot()

-- struct statx: mask u32 @0, blksize u32 @4, attributes u64 @8, nlink u32 @16,
-- uid @20, gid @24, mode u16 @28, ino u64 @32, size u64 @40, blocks u64 @48,
-- mtime {i64 sec, u32 nsec} @112; 256 bytes in all
local function parse(buf)
  local u32 = function(off) return (provium.unpack("u32", buf:sub(off + 1, off + 4))) end
  local u64 = function(off) return (provium.unpack("u64", buf:sub(off + 1, off + 8))) end
  return {
    mask = u32(0), nlink = u32(16), uid = u32(20), gid = u32(24),
    mode = provium.unpack("u16", buf:sub(29, 30)),
    ino = u64(32), size = u64(40), mtime = u64(112),
  }
end

local function statx(path, flags, mask, dirfd)
  local ret, _, buf = vm:syscall_bufs(NR.statx, { [1] = path .. "\0", [4] = string.rep("\0", 256) },
    dirfd or AT_FDCWD, 0, flags or 0, mask or STATX_BASIC_STATS, 0)
  return ret, ret == 0 and parse(buf) or nil
end

local function guest_stat(fmt, path)
  local r = vm:exec("stat -c '" .. fmt .. "' " .. path)
  assert(r.ok, "stat: " .. r.stderr.value)
  return r.stdout:trim()
end

test("size, mode, inode, nlink and mtime match the guest's stat", function()
  local data = string.rep("0123456789", 123) .. "abcd"
  vm:write_file("/tmp/statx-file", data)
  assert(vm:exec("chmod 640 /tmp/statx-file && ln -f /tmp/statx-file /tmp/statx-link").ok)
  local ret, st = statx("/tmp/statx-file")
  assert_eq(0, ret)
  assert_eq(STATX_BASIC_STATS, st.mask & STATX_BASIC_STATS, "every basic field filled")
  assert_eq(1234, st.size)
  assert_eq(#data, st.size)
  assert_eq(0x8000 | 416, st.mode, "S_IFREG | 0640")
  assert_eq(2, st.nlink, "with the hard link")
  assert_eq(0, st.uid)
  assert_eq(tonumber(guest_stat("%i", "/tmp/statx-file")), st.ino)
  assert_eq(tonumber(guest_stat("%s", "/tmp/statx-file")), st.size)
  assert_eq(tonumber(guest_stat("%Y", "/tmp/statx-file")), st.mtime)
  assert_eq("640", guest_stat("%a", "/tmp/statx-file"))
end)

test("AT_SYMLINK_NOFOLLOW stats the link itself; AT_EMPTY_PATH stats an fd", function()
  vm:write_file("/tmp/statx-target", "12345")
  assert(vm:exec("ln -sf /tmp/statx-target /tmp/statx-sym").ok)
  local _, followed = statx("/tmp/statx-sym")
  assert_eq(5, followed.size)
  assert_eq(0x8000, followed.mode & 0xf000)
  local _, link = statx("/tmp/statx-sym", AT_SYMLINK_NOFOLLOW)
  assert_eq(0xa000, link.mode & 0xf000, "S_IFLNK")
  assert_eq(#"/tmp/statx-target", link.size, "a symlink's size is its target's length")
  local fd = vm:syscall_buf(NR.openat, 1, "/tmp/statx-target\0", AT_FDCWD, 0, 0, 0)
  assert(fd >= 0)
  local ret, byfd = statx("", AT_EMPTY_PATH, STATX_BASIC_STATS, fd)
  assert_eq(0, ret)
  assert_eq(followed.ino, byfd.ino)
  vm:syscall(NR.close, fd)
end)

test("statx errnos: -ENOENT, -ENOTDIR, -EINVAL for bad flags or the reserved mask bit", function()
  assert_eq(-E.ENOENT, (statx("/tmp/no-such-file")))
  vm:write_file("/tmp/statx-plain", "")
  assert_eq(-E.ENOTDIR, (statx("/tmp/statx-plain/x")))
  assert_eq(-E.EINVAL, (statx("/tmp/statx-plain", 0x1)), "unknown flag")
  assert_eq(-E.EINVAL, (statx("/tmp/statx-plain", 0, 0x80000000)), "STATX__RESERVED")
end)

vm:shutdown()
