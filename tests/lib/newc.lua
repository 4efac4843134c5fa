-- tests/lib/newc.lua: a cpio "newc" archive (a user initramfs) from
-- { {name, mode, data}, ... }, padded to 512 bytes like cpio writes it.
return function(entries)
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
