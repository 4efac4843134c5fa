-- The original documentation's "Pointer Patching" page
-- (kernel-testing/pointer-patching), as written. Adapted: KACS's access
-- check (syscall 1023) and its tokens (1000) are served by
-- examples/sample_driver's provium_sample_sys.ko, which registers them
-- with provium.ko; the page's "sd" is a descriptor blob built here.
-- The "Raw Syscalls" and "Ioctl" pages run in tests/e2e/seeds.lua.

local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/compat/[^/]*$") or "."
local vm = provium.create("minimal")
vm:boot()
vm:insmod(root .. "/examples/sample_driver/provium_sample.ko")
vm:insmod(root .. "/examples/sample_driver/provium_sample_sys.ko")

local TOKEN_QUERY = 0x0008
local sd = provium.pack("u8 u8 u16 u32 u32 u32", 1, 0, 0x8004, 20, 0, 0)

test("worked example: access check with an embedded descriptor pointer", function()
  local token_fd = vm:syscall(1000, 0, TOKEN_QUERY)
  assert(token_fd >= 0, "open_self_token: " .. token_fd)
  local desired = TOKEN_QUERY

  -- Build the struct with a placeholder zero at the pointer offset
  local args = provium.pack("u32 i32 u64 u32 u32",
      96,       -- size
      token_fd, -- token_fd
      0,        -- sd_ptr (placeholder — will be patched)
      #sd,      -- sd_len
      desired)  -- desired access

  -- Call with pointer patching
  local ret, args_out, sd_out = vm:syscall_ptr(1023,
      {[0] = args},                                         -- buffer args
      {{buf_idx = 0, ptr_offset = 8, data_len = #sd, data = sd}},  -- pointer specs
      0)                                                    -- remaining int args

  assert(ret >= 0, "access check failed: " .. ret)
  assert_eq(desired, ret)
  -- the buffer comes back with the guest address patched in at offset 8
  assert_eq(#args, #args_out)
  assert(select(3, provium.unpack("u32 i32 u64", args_out)) ~= 0, "pointer patched")
  -- the spec is not an output: nothing more is returned
  assert_eq(nil, sd_out)

  -- and an access the token lacks is refused by the same path
  local args2 = provium.pack("u32 i32 u64 u32 u32", 96, token_fd, 0, #sd, 0x1)
  local ret2 = vm:syscall_ptr(1023, {[0] = args2},
      {{buf_idx = 0, ptr_offset = 8, data_len = #sd, data = sd}}, 0)
  assert_eq(-13, ret2) -- EACCES
  vm:syscall(provium.nr.close, token_fd)
end)

test("output sub-buffers come back after the buffer outputs", function()
  -- ptrs_table with output = true: ioctl query through syscall_ptr (ioctl is 16)
  local fd = vm:syscall_buf(provium.nr.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
  local args = provium.pack("u32 u32 u64", 1, 64, 0)
  local ret, buf_out, ptr_out = vm:syscall_ptr(16,
      {[2] = args},
      {{buf_idx = 2, ptr_offset = 8, data_len = 64, output = true}},
      fd, 0xC0104B00)
  assert_eq(0, ret)
  local _, written = provium.unpack("u32 u32", buf_out)
  assert_eq("provium-sample", ptr_out:sub(1, written))
  vm:syscall(provium.nr.close, fd)
end)

vm:shutdown()
