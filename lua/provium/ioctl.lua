-- provium.ioctl: ioctl command numbers as the kernel's <asm-generic/ioctl.h>
-- builds them: dir(2) size(14) type(8) nr(8).
local M = {}

local NONE, WRITE, READ = 0, 1, 2

local function int(v)
  return type(v) == "number" and math.tointeger(v) or v
end

local function ioc(dir, type_, nr, size)
  if type(type_) == "string" then type_ = type_:byte() end
  type_, nr, size = int(type_), int(nr), int(size)
  if math.type(type_) ~= "integer" or type_ < 0 or type_ > 0xff then
    error("ioctl type must be a character or 0..255", 3)
  end
  if math.type(nr) ~= "integer" or nr < 0 or nr > 0xff then
    error("ioctl nr must be 0..255", 3)
  end
  if math.type(size) ~= "integer" or size < 0 or size > 0x3fff then
    error("ioctl size must be 0..16383", 3)
  end
  return (dir << 30) | (size << 16) | (type_ << 8) | nr
end

function M.IO(t, nr) return ioc(NONE, t, nr, 0) end
function M.IOR(t, nr, size) return ioc(READ, t, nr, size) end
function M.IOW(t, nr, size) return ioc(WRITE, t, nr, size) end
function M.IOWR(t, nr, size) return ioc(READ | WRITE, t, nr, size) end

return M
