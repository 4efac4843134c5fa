---@meta provium
-- Lua language server stubs for Provium's public API: the globals every
-- script has (provium, test, todo, assert_eq, assert_contains, assert and
-- the Lua 5.1 compatibility names), the VM and worker methods, and the
-- tables they return. Declarations only: nothing here runs. See
-- docs/editor.md; tests/e2e/editor_stubs.lua keeps them equal to the API.

---@alias provium.Command string|string[] a string for /bin/sh -c, or an argv table

---Command output: its bytes in `.value`, and helpers (callable with `:` or `.`).
---@class provium.Output
---@field value string the bytes, binary-safe
local Output = {}
---@param s string
---@return boolean # true if `s` occurs in the output (plain text)
function Output:contains(s) end
---@param s string
---@return boolean
function Output:starts_with(s) end
---@return string # without leading and trailing whitespace
function Output:trim() end
---@return string[] # the non-empty lines
function Output:lines() end

---What vm:exec and vm:job_wait return.
---@class provium.ExecResult
---@field ok boolean exit_code == 0
---@field exit_code integer the exit status; 128 + signal if a signal killed it
---@field signal integer? the signal that killed it, nil if it exited
---@field timed_out boolean killed because its timeout expired
---@field running boolean? only from vm:job_wait/job_kill: true while the job runs (exit_code is then -1)
---@field stdout provium.Output at most output_max bytes (32 MiB)
---@field stderr provium.Output at most output_max bytes (32 MiB)
---@field truncated boolean some output went past output_max and was dropped
---@field stdout_dropped integer bytes of stdout dropped
---@field stderr_dropped integer bytes of stderr dropped

---@class provium.ExecOptions
---@field stdin string? bytes fed to standard input
---@field timeout number? seconds (default 60)
---@field output_max integer? bytes kept of each stream, 0..32 MiB (default 32 MiB)

---@class provium.ReadOptions
---@field max integer? bytes accepted without length (default 64 MiB, at most 1 GiB)
---@field offset integer? start at this byte
---@field length integer? read at most this many bytes (at most 1 GiB)

---A background job, from vm:background.
---@class provium.Job
---@field id integer
---@field pid integer the job's pid in the guest
---@field cmd provium.Command the command it runs

---vm:last_call(): what the kernel did in the most recent call.
---@class provium.LastCall
---@field ret integer what user space sees (what the vm:syscall* call returned)
---@field kernel_ret integer the raw return, restart codes included (-512 = -ERESTARTSYS)
---@field executor "module"|"user" who dispatched the call
---@field time_ns integer nanoseconds in the call
---@field log string what the kernel logged while the call ran ("" if nothing)
---@field timed_out boolean interrupted by its timeout
---@field splats provium.Event[] the kernel reports provium.ko attributed to the call
---@field errno_origin provium.ErrnoOrigin? where the error came from (vm:set_trace{errno})
---@field errno_info provium.ErrnoInfo? how the call was followed (vm:set_trace{errno})
---@field graph provium.GraphEntry[]? the functions it went through (vm:set_trace{graph})

---The deepest watched function that returned the call's error.
---@class provium.ErrnoOrigin
---@field func string the origin
---@field ret integer what it returned (-errno; 0 for NULL)
---@field chain string[] the watched functions it was in, outermost first, the origin last
---@field stack string[] the kernel stack where it returned: the origin, its caller, ...

---@class provium.ErrnoInfo
---@field entries integer watched functions entered
---@field failures integer watched returns that failed
---@field handled integer errors a watched caller recovered from
---@field missed integer entries not followed (too deep, no return hook free)
---@field note string? why there is no origin

---One function of a call's graph; the list may carry lost = true, incomplete = true.
---@class provium.GraphEntry
---@field depth integer 1: the system call's own function
---@field func string
---@field ns integer time inside it
---@field module string? for a module's function
---@field ret integer? where the kernel prints return values

---vm:set_trace() options.
---@class provium.TraceOptions
---@field errno (string[]|boolean)? globs of functions to watch, true: the default set
---@field graph ({depth: integer?, filter: string[]?}|boolean)? record each call's graph

---vm:set_trace()'s result.
---@class provium.TraceInfo
---@field functions integer functions watched
---@field no_btf integer of them, without BTF (taken to return int)
---@field arm_time number seconds provium.ko took registering them
---@field resolve_time number seconds matching globs, kallsyms and BTF
---@field graph_time number seconds starting the function_graph tracer (0: it was on)

---vm:info()
---@class provium.VMInfo
---@field running boolean booted and not dead
---@field release string the guest's uname -r
---@field accel "kvm"|"tcg"|""
---@field module boolean provium.ko is loaded and answering
---@field module_error string why the module is not in use ("" when it is)
---@field boot_time number seconds vm:boot() (or provium.fixture) took until the agent was ready
---@field start "warm"|"fixture"|"cold"|"" how it started: a saved ready guest restored, a fixture restored, or booted
---@field start_note string why it took that path, as provium -v prints it
---@field console string path of the console log
---@field console_size integer bytes in the console log so far
---@field rundir string the VM's private run directory
---@field qemu_pid integer 0 once QEMU is gone
---@field dead_reason string why the VM stopped ("" while running)
---@field kernel string the kernel image it boots (or will)
---@field kbuild string that kernel's build tree ("" if none), for building modules against it
---@field module_path string the provium.ko it loads ("" if none)
---@field machine "microvm"|"q35"|"" the QEMU machine it booted on ("" before boot)
---@field rootfs string the profile's or boot option's rootfs: "host", a disk image, or ""

---A kernel splat, from vm:events() or vm:last_call().splats.
---@class provium.Event
---@field kind "warning"|"bug"|"oops"|"lockdep"|"sanitizer"|"hang"|"taint"
---@field text string
---@field source "module"|"kmsg" provium.ko's events group, or the kernel log
---@field context ("call"|"concurrent"|"none")? whose it is (from provium.ko)
---@field pid integer? who raised it (0 in an interrupt)
---@field comm string?
---@field call_pid integer? the task of the call it belongs to
---@field call_nr integer? that call's syscall number
---@field via ("console"|"error_report"|"die"|"taint")? how provium.ko caught it
---@field index integer? its number among all the VM's splats (vm:events() only)

---@class provium.Disk
---@field path string host image
---@field file string? older name of path
---@field format ("raw"|"qcow2")? default: qcow2 if the name says .qcow2, else raw
---@field readonly boolean?

---vm:boot() options.
---@class provium.BootOptions
---@field memory string? "512M", "2G" (64M..64G)
---@field cpus integer? 1..64
---@field timeout number? seconds: the limit of every later call (vm:set_timeout)
---@field files table<string, string>? {[guest_path] = host_path}, placed in the initramfs
---@field disks (string|provium.Disk)[]? attached as /dev/vda, /dev/vdb, ... (after a profile's rootfs)
---@field rootfs "host"? the host's root file system, read-only under a writable overlay, as the guest's root
---@field cold boolean? boot; do not restore (nor save) the ready guest of this configuration

---A pointer spec of vm:ioctl_buf (buf_len) or vm:syscall_ptr (buf_idx, data_len).
---@class provium.PtrSpec
---@field ptr_offset integer where the pointer is patched in its parent buffer
---@field buf_len integer? size of the pointed-to buffer (vm:ioctl_buf)
---@field data_len integer? size of the pointed-to buffer (vm:syscall_ptr)
---@field buf_idx integer? vm:syscall_ptr: the argument whose buffer holds the pointer
---@field data string? the buffer's initial bytes
---@field output boolean? return the buffer after the call
---@field ptrs provium.PtrSpec[]? pointers inside this buffer

---@class provium.WaitOptions
---@field timeout number? seconds (default 10)
---@field interval number? seconds between polls (default 0.5)
---@field desc string? names the condition in the error

---A virtual machine (provium.create, provium.fixture). Workers (vm:spawn)
---have the same methods, run in the worker's context.
---@class provium.VM
local VM = {}

---Start QEMU and wait for the guest agent; returns the VM itself.
---@param opts provium.BootOptions?
---@return provium.VM
function VM:boot(opts) end

---Power the guest off (10 s, then QEMU is killed); nothing if not running.
function VM:shutdown() end

---Kill QEMU at once. On a worker: stop the worker.
function VM:kill() end

---A raw system call with integer arguments, dispatched in the guest.
---@param nr integer
---@param ... integer up to six arguments
---@return integer # the result, -errno on error
function VM:syscall(nr, ...) end

---Integer-only calls back to back: {{nr, a0, ...}, ...}.
---@param list integer[][]
---@return integer[]
function VM:syscalls(list) end

---One buffer argument; returns the result and the buffer after the call.
---@param nr integer
---@param buf_index integer 0..5
---@param data string
---@param ... integer the arguments (the buffer's slot is replaced by its address)
---@return integer ret
---@return string buffer
function VM:syscall_buf(nr, buf_index, data, ...) end

---Several buffer arguments {[index] = data}; returns the result, then the buffers in index order.
---@param nr integer
---@param bufs table<integer, string>
---@param ... integer
---@return integer ret
---@return string ...
function VM:syscall_bufs(nr, bufs, ...) end

---Buffers with pointers to further buffers patched in.
---@param nr integer
---@param bufs table<integer, string>
---@param specs provium.PtrSpec[]
---@param ... integer
---@return integer ret
---@return string ... # the buffers in index order, then outputs in spec order
function VM:syscall_ptr(nr, bufs, specs, ...) end

---ioctl(fd, cmd, data): _IOR/_IOWR (and direction-less) commands return the buffer.
---@param fd integer
---@param cmd integer
---@param data string|integer?
---@return integer ret
---@return string? out
function VM:ioctl(fd, cmd, data) end

---ioctl whose struct carries pointers to further buffers.
---@param fd integer
---@param cmd integer
---@param struct string
---@param specs provium.PtrSpec[]
---@return integer ret
---@return string? struct_out
---@return string ... # outputs in spec order
function VM:ioctl_buf(fd, cmd, struct, specs) end

---Run a command and wait for it.
---@param cmd provium.Command
---@param opts provium.ExecOptions?
---@return provium.ExecResult
function VM:exec(cmd, opts) end

---Start a command and return at once.
---@param cmd provium.Command
---@param opts {stdin: string?, output_max: integer?}?
---@return provium.Job
function VM:background(cmd, opts) end

---A job's result: no timeout or 0 polls, a positive one waits up to that many
---seconds; while it runs {running = true, exit_code = -1, ...}. A finished
---job gives the same result every time.
---@param job provium.Job
---@param timeout number?
---@return provium.ExecResult
function VM:job_wait(job, timeout) end

---Signal a job's whole session (default SIGKILL) and return its final result.
---@param job provium.Job
---@param sig integer?
---@return provium.ExecResult
function VM:job_kill(job, sig) end

---Start a worker: a process (default) or a thread of the agent.
---@param opts {thread: boolean?}?
---@return provium.Worker worker
---@return integer pid # 0 for a thread
function VM:spawn(opts) end

---A command's stdout decoded as JSON (an error if it failed).
---@param cmd provium.Command
---@return any
function VM:json(cmd) end

---The kernel log, or its lines matching a POSIX basic regular expression.
---@param pattern string?
---@return string
function VM:dmesg(pattern) end

---Mount debugfs, tracefs, configfs, securityfs, bpf, cgroup2, devpts, /dev/shm.
---@return boolean ok
---@return string? failed
function VM:mount_vfs() end

---Poll fn(vm) until it returns a true value, which is returned.
---@generic T
---@param fn fun(vm: provium.VM): T
---@param opts provium.WaitOptions?
---@return T
function VM:wait_until(fn, opts) end

---Copy a module from the host into the guest and load it.
---@param host_path string
---@param params string?
function VM:insmod(host_path, params) end

---Create or truncate a guest file.
---@param path string
---@param data string
---@param mode integer? default 420 (0644)
function VM:write_file(path, data, mode) end

---The guest file (at most 64 MiB without options), or part of it.
---@param path string
---@param opts provium.ReadOptions?
---@return string
function VM:read_file(path, opts) end

---@return provium.LastCall? # nil before the first call
function VM:last_call() end

---What every later call of the VM (and its workers) records: errno origins, graphs.
---vm:set_trace({}) records nothing. Not for workers.
---@param opts provium.TraceOptions
---@return provium.TraceInfo
function VM:set_trace(opts) end

---Who runs system calls: "auto" (default), "module" or "user"; returns the previous.
---@param executor "auto"|"module"|"user"
---@return string
function VM:set_executor(executor) end

---The time limit of every later call, in seconds; returns the previous.
---@param seconds number
---@return number
function VM:set_timeout(seconds) end

---@return provium.VMInfo
function VM:info() end

---The console log's last `max` bytes (default 1 MiB), from byte `from` on.
---@param max integer?
---@param from integer?
---@return string
function VM:console(max, from) end

---Path of a copy of the console that outlives the VM.
---@return string
function VM:keep_console() end

---Kernel splats seen so far, from index `first` (default 1), their total
---count, and how many from `first` on were dropped (the first 64 and latest 64 are kept).
---@param first integer?
---@return provium.Event[]
---@return integer
---@return integer
function VM:events(first) end

---A round trip to the agent (pending splats arrive first).
function VM:ping() end

---vm:kselftest() options.
---@class provium.KselftestOptions
---@field collections string[]? "collection" or "collection:test" (default: the whole list)
---@field timeout_factor number? settings' timeouts times this (default 1 under KVM, 4 under TCG)

---One of a kselftest's own TAP results.
---@class provium.KselftestSubtest
---@field name string
---@field status "pass"|"fail"|"skip"|"xfail"|"todo"
---@field directive string "SKIP", "XFAIL", ... or ""
---@field reason string the text after the directive
---@field diagnostics string the lines it printed before this result
---@field subtests provium.KselftestSubtest[]

---One kselftest's result (vm:kselftest).
---@class provium.KselftestResult
---@field name string "collection:test"
---@field collection string
---@field test string
---@field status "pass"|"fail"|"skip"|"xfail"|"xpass"|"timeout"|"error"|"notrun"
---@field ok boolean false for fail, xpass, timeout and error
---@field exit_code integer? its exit status (nil when it did not exit by itself)
---@field secs number how long it ran
---@field timeout integer its limit in seconds
---@field reason string "exit=1", "180 seconds", "kernel panic", a skip's reason, or ""
---@field output string stdout and stderr, merged
---@field splats string kernel reports logged while it ran ("" if none)
---@field subtests provium.KselftestSubtest[] its own TAP results

---Run an installed kselftest tree in this VM (booted with rootfs = "host");
---each result is also reported as a sub-test of the running file.
---@param install_dir string what make -C tools/testing/selftests install wrote
---@param opts provium.KselftestOptions?
---@return provium.KselftestResult[]
function VM:kselftest(install_dir, opts) end

---A worker from vm:spawn: every VM method, run in the worker's context;
---kill() stops the worker.
---@class provium.Worker: provium.VM

---The provium library, a global in every script.
provium = {}

---The version string.
---@type string
provium.version = ""

---Syscall numbers of the run's kernel (the default's, or --profile's), by
---name (provium.nr.openat), from that kernel's headers.
---@type table<string, integer>
provium.nr = {}

---errno values by name (provium.errno.ENOENT), kernel-internal codes included,
---from the run's kernel's headers.
---@type table<string, integer>
provium.errno = {}

---Pack integers little-endian: provium.pack("u32 u32 u64", 1, 0, 0).
---@param fmt string fields u8 u16 i16 u32 i32 u64 i64
---@param ... integer
---@return string
function provium.pack(fmt, ...) end

---Unpack little-endian fields from `data` (from byte `offset`, 1-based).
---@param fmt string
---@param data string
---@param offset integer?
---@return integer ...
function provium.unpack(fmt, data, offset) end

---@param type_ string|integer
---@param nr integer
---@return integer
function provium.IO(type_, nr) end
---@param type_ string|integer
---@param nr integer
---@param size integer
---@return integer
function provium.IOR(type_, nr, size) end
---@param type_ string|integer
---@param nr integer
---@param size integer
---@return integer
function provium.IOW(type_, nr, size) end
---@param type_ string|integer
---@param nr integer
---@param size integer
---@return integer
function provium.IOWR(type_, nr, size) end

---vm:last_call().graph as text: a line per function, indented by depth, with its time.
---@param graph provium.GraphEntry[]
---@return string
function provium.format_graph(graph) end

---The errno name of a number, sign ignored: provium.errname(-2) == "ENOENT".
---@param n integer
---@return string?
function provium.errname(n) end

---A VM of a profile ("default" when nil); nothing starts until vm:boot().
---@param profile string?
---@param opts {config: string?}?
---@return provium.VM
function provium.create(profile, opts) end

---A fresh VM restored from the state fixtures/NAME.lua built (once, then cached).
---@param name string
---@return provium.VM
function provium.fixture(name) end

---Every VM this script created.
---@return provium.VM[]
function provium.vms() end

---vm:shutdown() for every VM this script created that still runs.
function provium.shutdown_all() end

---A test: `fn` runs isolated; an error fails this test and the file goes on.
---@param name string
---@param fn fun()
---@return boolean passed
function test(name, fn) end

---Inside a test: stop here and count it as skipped, with a reason if given.
---@param reason string?
function todo(reason) end

---Inside a test: stop here, not applicable on this guest (counted as skipped,
---`# SKIP reason` in TAP). Say what is missing: skip("the kernel lacks CONFIG_X").
---@param reason string
function skip(reason) end

---Fails with "msg: expected X, got Y" (negative errnos by name, binary as hex).
---@param expected any
---@param actual any
---@param msg string?
function assert_eq(expected, actual, msg) end

---Fails unless `needle` occurs in `haystack` (plain text).
---@param haystack string|provium.Output
---@param needle string
---@param msg string?
function assert_contains(haystack, needle, msg) end

---Lua's assert, whose failure names the file and line.
---@generic T
---@param v T
---@param message any?
---@return T
---@return any ...
function assert(v, message, ...) end

-- Lua 5.1 names kept for scripts written for the original Provium.

---@deprecated use table.unpack
---@param list table
---@param i integer?
---@param j integer?
---@return any ...
function unpack(list, i, j) end

---@deprecated use load
---@param chunk string
---@param chunkname string?
---@return function?
---@return string? error
function loadstring(chunk, chunkname) end

---@deprecated use #t
---@param t table
---@return integer
function table.getn(t) end

---@deprecated the largest positive integer key
---@param t table
---@return integer
function table.maxn(t) end

---@deprecated use pairs
---@param t table
---@param f fun(k: any, v: any): any
---@return any
function table.foreach(t, f) end

---@deprecated use ipairs
---@param t table
---@param f fun(i: integer, v: any): any
---@return any
function table.foreachi(t, f) end

---@deprecated use x ^ y
---@param x number
---@param y number
---@return number
function math.pow(x, y) end

---@deprecated use math.fmod
---@param x number
---@param y number
---@return number
function math.mod(x, y) end

---@deprecated use math.log(x, 10)
---@param x number
---@return number
function math.log10(x) end

---@deprecated use m * 2.0 ^ e
---@param m number
---@param e integer
---@return number
function math.ldexp(m, e) end

---@deprecated
---@param x number
---@return number m
---@return integer e
function math.frexp(x) end

---@deprecated
---@param x number
---@return number
function math.cosh(x) end

---@deprecated
---@param x number
---@return number
function math.sinh(x) end

---@deprecated
---@param x number
---@return number
function math.tanh(x) end

---@deprecated use string.gmatch
---@param s string
---@param pattern string
---@return fun(): string, ...
function string.gfind(s, pattern) end
