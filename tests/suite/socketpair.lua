-- socketpair + sendto/recvfrom: datagram boundaries kept, MSG_PEEK and
-- MSG_DONTWAIT on a stream, EOF after close, the sockets in /proc/net/unix.
local NR, E = provium.nr, provium.errno
local AF_UNIX, SOCK_STREAM, SOCK_DGRAM = 1, 1, 2
local MSG_PEEK, MSG_DONTWAIT = 2, 0x40
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

local function pair(kind)
  local ret, sv = vm:syscall_buf(NR.socketpair, 3, string.rep("\0", 8), AF_UNIX, kind, 0)
  assert_eq(0, ret, "socketpair")
  return provium.unpack("i32 i32", sv)
end

local function send(fd, data, flags)
  return (vm:syscall_buf(NR.sendto, 1, data, fd, 0, #data, flags or 0, 0, 0))
end

local function recv(fd, n, flags)
  local r, buf = vm:syscall_buf(NR.recvfrom, 1, string.rep("\0", n), fd, 0, n, flags or 0, 0, 0)
  return r, r > 0 and buf:sub(1, r) or ""
end

test("SOCK_DGRAM keeps message boundaries in both directions", function()
  local a, b = pair(SOCK_DGRAM)
  assert_eq(2, send(a, "ab"))
  assert_eq(3, send(a, "cde"))
  local n, got = recv(b, 64)
  assert_eq(2, n)
  assert_eq("ab", got)
  n, got = recv(b, 64)
  assert_eq(3, n)
  assert_eq("cde", got)
  assert_eq(4, send(b, "pong"))
  n, got = recv(a, 2)
  assert_eq(2, n, "a datagram larger than the buffer is truncated")
  assert_eq("po", got)
  assert_eq(-E.EAGAIN, (recv(a, 64, MSG_DONTWAIT)), "and its rest is gone")
  vm:syscall(NR.close, a)
  vm:syscall(NR.close, b)
end)

test("SOCK_STREAM: MSG_PEEK leaves the data, MSG_DONTWAIT on empty is -EAGAIN, EOF after close", function()
  local a, b = pair(SOCK_STREAM)
  assert_eq(-E.EAGAIN, (recv(b, 8, MSG_DONTWAIT)))
  assert_eq(6, send(a, "stream"))
  local n, got = recv(b, 64, MSG_PEEK)
  assert_eq(6, n)
  assert_eq("stream", got)
  n, got = recv(b, 64)
  assert_eq(6, n)
  assert_eq("stream", got)
  assert_eq(0, vm:syscall(NR.close, a))
  assert_eq(0, (recv(b, 8)), "EOF once the peer is closed")
  vm:syscall(NR.close, b)
end)

test("both sockets are listed in the guest's /proc/net/unix by inode, as connected", function()
  local a, b = pair(SOCK_STREAM)
  local unix = vm:read_file("/proc/net/unix")
  for _, fd in ipairs({ a, b }) do
    local link = vm:exec("readlink /proc/" .. pid .. "/fd/" .. fd).stdout:trim()
    local ino = link:match("^socket:%[(%d+)%]$")
    assert(ino, "fd " .. fd .. " is " .. link)
    -- Num RefCount Protocol Flags Type St Inode: type 0001 stream, state 03 connected
    local line = unix:match("\n[^\n]* 0001 03%s+" .. ino .. "[^\n]*")
    assert(line, "inode " .. ino .. " not a connected stream in /proc/net/unix:\n" .. unix)
  end
  vm:syscall(NR.close, a)
  vm:syscall(NR.close, b)
end)

test("sendto on a closed fd is -EBADF, on a non-socket -ENOTSOCK", function()
  assert_eq(-E.EBADF, send(999, "x"))
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, 2, 0)
  assert(fd >= 0)
  assert_eq(-E.ENOTSOCK, send(fd, "x"))
  vm:syscall(NR.close, fd)
end)

vm:shutdown()
