-- inotify_init1 + inotify_add_watch: creating a file in the watched
-- directory (from the guest's shell) queues one IN_CREATE event with its name.
local NR, E = provium.nr, provium.errno
local IN_NONBLOCK = 0x800
local IN_CREATE, IN_DELETE, IN_IGNORED, IN_ISDIR = 0x100, 0x200, 0x8000, 0x40000000
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

-- struct inotify_event: i32 wd, u32 mask, u32 cookie, u32 len, char name[len]
local function read_events(fd)
  local n, buf = vm:syscall_buf(NR.read, 1, string.rep("\0", 1024), fd, 0, 1024)
  if n < 0 then return n end
  local evs, off = {}, 1
  while off <= n do
    local wd, mask, cookie, len = provium.unpack("i32 u32 u32 u32", buf:sub(off, off + 15))
    local name = buf:sub(off + 16, off + 15 + len)
    evs[#evs + 1] = { wd = wd, mask = mask, cookie = cookie, len = len,
      name = name:match("^[^%z]*") }
    off = off + 16 + len
  end
  assert_eq(n + 1, off, "events fill the read exactly")
  return evs
end

local function watch(fd, path, mask)
  return (vm:syscall_buf(NR.inotify_add_watch, 1, path .. "\0", fd, 0, mask))
end

test("an empty nonblocking inotify fd reads -EAGAIN; the watch shows in fdinfo", function()
  local fd = vm:syscall(NR.inotify_init1, IN_NONBLOCK)
  assert(fd >= 0, "inotify_init1: " .. fd)
  assert_eq(-E.EAGAIN, read_events(fd))
  assert(vm:exec("mkdir -p /tmp/watched").ok)
  local wd = watch(fd, "/tmp/watched", IN_CREATE)
  assert_eq(1, wd, "the first watch descriptor")
  assert_eq(wd, watch(fd, "/tmp/watched", IN_CREATE | IN_DELETE), "same inode, same wd")
  local ino = vm:exec("stat -c %i /tmp/watched").stdout:trim()
  local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. fd)
  assert(info:find("inotify wd:1 ino:" .. string.format("%x", tonumber(ino)) .. " ", 1, true),
    "watch on inode " .. ino .. " in fdinfo:\n" .. info)
  assert_contains(info, "mask:300")
  vm:syscall(NR.close, fd)
end)

test("creating a file and a directory queues IN_CREATE events with their names", function()
  local fd = vm:syscall(NR.inotify_init1, IN_NONBLOCK)
  assert(vm:exec("rm -rf /tmp/w2 && mkdir /tmp/w2").ok)
  local wd = watch(fd, "/tmp/w2", IN_CREATE)
  assert(wd >= 1, "inotify_add_watch: " .. wd)
  assert(vm:exec("touch /tmp/w2/newfile && mkdir /tmp/w2/subdir").ok)
  local evs = read_events(fd)
  assert_eq("table", type(evs), "read: " .. tostring(evs))
  assert_eq(2, #evs)
  assert_eq(wd, evs[1].wd)
  assert_eq(IN_CREATE, evs[1].mask)
  assert_eq("newfile", evs[1].name)
  assert_eq(0, evs[1].len % 4, "the name is padded")
  assert_eq(IN_CREATE | IN_ISDIR, evs[2].mask)
  assert_eq("subdir", evs[2].name)
  assert_eq(-E.EAGAIN, read_events(fd), "nothing more")
  -- removing the watch queues IN_IGNORED for it
  assert_eq(0, vm:syscall(NR.inotify_rm_watch, fd, wd))
  evs = read_events(fd)
  assert_eq(1, #evs)
  assert_eq(IN_IGNORED, evs[1].mask)
  assert_eq(wd, evs[1].wd)
  vm:syscall(NR.close, fd)
end)

test("errnos: a missing path -ENOENT, a zero mask -EINVAL, a stale wd -EINVAL", function()
  local fd = vm:syscall(NR.inotify_init1, 0)
  assert_eq(-E.ENOENT, watch(fd, "/tmp/no/such/dir", IN_CREATE))
  assert_eq(-E.EINVAL, watch(fd, "/tmp", 0))
  assert_eq(-E.EINVAL, vm:syscall(NR.inotify_rm_watch, fd, 12345))
  assert_eq(-E.EINVAL, vm:syscall(NR.inotify_init1, 1), "unknown flag")
  vm:syscall(NR.close, fd)
end)

vm:shutdown()
