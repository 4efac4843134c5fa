-- Legacy ioctl numbers without direction bits (most tty and network
-- ioctls) return the buffer after the call, and errno values read as names.
local NR, E = provium.nr, provium.errno
local vm = provium.create()
vm:boot()

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local open = require("guest").opener(vm)

local TCGETS, TIOCGWINSZ, TIOCSWINSZ, FIONREAD = 0x5401, 0x5413, 0x5414, 0x541B
local SIOCGIFCONF, SIOCGIFFLAGS = 0x8912, 0x8913
local IFF_UP, IFF_LOOPBACK, ECHO = 0x1, 0x8, 0x8

test("FIONREAD on a pipe returns how many bytes wait in it", function()
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0)
  assert_eq(0, ret)
  local rd, wr = provium.unpack("i32 i32", fds)
  assert_eq(5, (vm:syscall_buf(NR.write, 1, "hello", wr, 0, 5)))
  local r, out = vm:ioctl(rd, FIONREAD, provium.pack("i32", 0))
  assert_eq(0, r)
  assert_eq(5, (provium.unpack("i32", out)))
  vm:syscall(NR.close, rd)
  vm:syscall(NR.close, wr)
end)

test("TCGETS and TIOCGWINSZ on a pty return the kernel's structs", function()
  assert(vm:exec("mkdir -p /dev/pts && (grep -q devpts /proc/mounts || mount -t devpts devpts /dev/pts)").ok)
  local fd = open("/dev/pts/ptmx", 2 | 0x100 --[[O_RDWR | O_NOCTTY]])
  -- struct termios for TCGETS: four u32 flags, c_line, c_cc[19]
  local r, termios = vm:ioctl(fd, TCGETS, string.rep("\0", 36))
  assert_eq(0, r)
  assert_eq(36, #termios)
  local _, _, _, lflag = provium.unpack("u32 u32 u32 u32", termios)
  assert(lflag & ECHO ~= 0, string.format("a new pty echoes: c_lflag 0x%x", lflag))
  assert_eq(0, (vm:ioctl(fd, TIOCSWINSZ, provium.pack("u16 u16 u16 u16", 24, 80, 0, 0))))
  local r2, ws = vm:ioctl(fd, TIOCGWINSZ, string.rep("\0", 8))
  assert_eq(0, r2)
  assert_eq(provium.pack("u16 u16 u16 u16", 24, 80, 0, 0), ws)
  vm:syscall(NR.close, fd)
end)

test("SIOCGIFFLAGS and SIOCGIFCONF (a struct with a pointer) on loopback", function()
  assert(vm:exec("ifconfig lo 127.0.0.1 up").ok)
  local s = vm:syscall(NR.socket, 2 --[[AF_INET]], 2 --[[SOCK_DGRAM]], 0)
  assert(s >= 0, "socket: " .. s)
  local ifreq = "lo" .. string.rep("\0", 38)
  local r, out = vm:ioctl(s, SIOCGIFFLAGS, ifreq)
  assert_eq(0, r)
  local flags = provium.unpack("u16", out:sub(17, 18))
  assert(flags & IFF_LOOPBACK ~= 0 and flags & IFF_UP ~= 0,
    string.format("lo flags 0x%x", flags))
  -- struct ifconf { int ifc_len; char *ifc_buf; }: the kernel writes both
  local len = 40 * 4
  local r2, ifc, names = vm:ioctl_buf(s, SIOCGIFCONF, provium.pack("i32 u32 u64", len, 0, 0),
    { { ptr_offset = 8, buf_len = len, output = true } })
  assert_eq(0, r2)
  local used = provium.unpack("i32", ifc)
  assert(used >= 40 and used % 40 == 0, "ifc_len " .. used)
  assert_eq("lo\0", names:sub(1, 3))
  vm:syscall(NR.close, s)
end)

test("provium.errname names errno values, user-visible and kernel-internal", function()
  assert_eq("ENOENT", provium.errname(-2))
  assert_eq("ENOENT", provium.errname(E.ENOENT))
  assert_eq("EAGAIN", provium.errname(-E.EWOULDBLOCK))
  assert_eq("ERESTARTSYS", provium.errname(-512))
  assert_eq(nil, provium.errname(-4000))
  local ok, err = pcall(provium.errname, "x")
  assert(not ok and err:find("integer expected", 1, true), err)
end)

test("assert_eq shows negative errno values by name", function()
  local fd = vm:syscall_buf(NR.openat, 1, "/no/such\0", -100, 0, 0, 0)
  local ok, err = pcall(assert_eq, -E.EBADF, fd)
  assert(not ok)
  assert_contains(err, "expected -EBADF, got -ENOENT (-2)")
  ok, err = pcall(assert_eq, 0, -E.EBADF)
  assert_contains(err, "expected 0, got -EBADF (-9)")
  ok, err = pcall(assert_eq, -1, 3)
  assert_contains(err, "expected -EPERM, got 3")
end)
