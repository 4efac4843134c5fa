/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * provium_uapi.h - the call description shared by provium.ko, the guest
 * agent, the host and the selftests. One layout, no kernel pointers.
 *
 * A description is one contiguous blob:
 *
 *   struct provium_call                   header, results written back here
 *   struct provium_buf   bufs[nbufs]      buffer table
 *   struct provium_patch patches[npatches] pointer-patch table
 *   data area                             each buffer's bytes at its offset
 *
 * Every buffer is reached exactly once: either through an argument
 * (arg 0..5) or as the target of exactly one patch, and every chain of
 * patches ends at an argument buffer. Output buffers are copied back into
 * the blob at their own offset after the call.
 */
#ifndef _UAPI_PROVIUM_H
#define _UAPI_PROVIUM_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define PROVIUM_UAPI_VERSION	2
#define PROVIUM_DEVICE		"/dev/provium"

/* Limits, checked before anything is staged. */
#define PROVIUM_MAX_BUFS	64
#define PROVIUM_MAX_PATCHES	64
#define PROVIUM_MAX_BUF_LEN	(16U << 20)	/* one buffer */
#define PROVIUM_MAX_DESC_LEN	(64U << 20)	/* whole blob */
#define PROVIUM_NARGS		6

/*
 * provium_call.flags: what the module records while the call runs (the
 * user-space executor records nothing and ignores them).
 */
#define PROVIUM_CALL_ERRNO	(1U << 0)	/* errno origin: PROVIUM_IOC_ERRNO_RESULT */
#define PROVIUM_CALL_GRAPH	(1U << 1)	/* run under provium_graph_call() */
#define PROVIUM_CALL_FLAGS	(PROVIUM_CALL_ERRNO | PROVIUM_CALL_GRAPH)

/* provium_buf.flags */
#define PROVIUM_BUF_OUT		(1U << 0)	/* copy back after the call */
#define PROVIUM_BUF_FLAGS	PROVIUM_BUF_OUT

/* provium_buf.arg for a buffer reached through a patch */
#define PROVIUM_ARG_NONE	(-1)

/* provium_call.status */
#define PROVIUM_STATUS_DONE	0	/* the call ran; ret/kernel_ret valid */
#define PROVIUM_STATUS_REFUSED	1	/* frame-dependent call, run it elsewhere */

/* provium_call.executor, filled by whoever ran the call */
#define PROVIUM_EXEC_MODULE	1
#define PROVIUM_EXEC_USER	2

struct provium_buf {
	__u32 offset;		/* of the bytes within the blob */
	__u32 len;		/* bytes the buffer spans in guest memory */
	__u32 flags;		/* PROVIUM_BUF_* */
	__s32 arg;		/* argument it replaces, or PROVIUM_ARG_NONE */
};

struct provium_patch {
	__u32 buf;		/* buffer written into */
	__u32 offset;		/* byte offset of the 8-byte pointer, aligned */
	__u32 target;		/* buffer whose guest address is written */
	__u32 reserved;		/* must be zero */
};

struct provium_call {
	__u32 size;		/* bytes of the whole blob */
	__u16 version;		/* PROVIUM_UAPI_VERSION */
	__u16 flags;		/* PROVIUM_CALL_*, what to record */
	__u32 nbufs;
	__u32 npatches;
	__u64 nr;		/* syscall number */
	__u64 args[PROVIUM_NARGS];
	/* results, written by the executor */
	__s64 ret;		/* as user space would see it */
	__s64 kernel_ret;	/* raw, including -ERESTART* codes */
	__u64 time_ns;		/* spent inside the call */
	__u32 status;		/* PROVIUM_STATUS_* */
	__u32 executor;		/* PROVIUM_EXEC_* */
	/* kernel reports provium.ko sent during the call (events group) */
	__u32 reports;
	__u32 reserved;		/* zero */
};

/* Kernel-internal restart codes a call may return (never seen by user space). */
#define PROVIUM_ERESTARTSYS		512
#define PROVIUM_ERESTARTNOINTR		513
#define PROVIUM_ERESTARTNOHAND		514
#define PROVIUM_ERESTART_RESTARTBLOCK	516

struct provium_info {
	__u32 size;		/* sizeof(struct provium_info) */
	__u32 version;		/* PROVIUM_UAPI_VERSION */
	__u32 dispatch;		/* PROVIUM_DISPATCH_* */
	__u32 features;		/* PROVIUM_FEAT_* */
};

/* provium_info.features, also PROVIUM_ATTR_FEATURES */
#define PROVIUM_FEAT_ERRNO_FPROBE	(1U << 0)	/* errno origins through fprobe */
#define PROVIUM_FEAT_ERRNO_RETHOOK	(1U << 1)	/* through an ftrace_ops and rethook */
#define PROVIUM_FEAT_EVENTS		(1U << 2)	/* reports on the "events" group */
#define PROVIUM_FEAT_CONSOLE		(1U << 3)	/* report text from the console tracepoint */
#define PROVIUM_FEAT_ERROR_REPORT	(1U << 4)	/* the error_report_end tracepoint */
#define PROVIUM_FEAT_ERRNO	(PROVIUM_FEAT_ERRNO_FPROBE | PROVIUM_FEAT_ERRNO_RETHOOK)

/*
 * Errno origins. PROVIUM_IOC_ERRNO_ARM takes one blob:
 *
 *   struct provium_errno_arm             header
 *   struct provium_errno_func funcs[n]   the functions to watch
 *   char names[names_len]                their NUL-terminated names
 *
 * Each function's address must be the start of the function of that name
 * (as /proc/kallsyms says) and a place ftrace can hook; functions of
 * provium.ko itself are refused. Arming replaces what the same open file
 * armed before; nfuncs = 0 disarms. Closing the file disarms too. Calls
 * with PROVIUM_CALL_ERRNO, from any open file, then follow the watched
 * functions of their own task, only while they run; PROVIUM_IOC_ERRNO_RESULT
 * reads the outcome of the last such call made on that file.
 */
#define PROVIUM_ERRNO_MAX_FUNCS		16384
#define PROVIUM_ERRNO_MAX_NAMES		(1U << 20)	/* bytes of names */
#define PROVIUM_ERRNO_MAX_DEPTH		64	/* watched frames followed at once */
#define PROVIUM_ERRNO_MAX_STACK		32	/* lines of the stack at the origin */

/* provium_errno_func.ret: what the function returns, from the guest's BTF */
#define PROVIUM_RET_NONE	0	/* void, bool, narrower than 32 bits...: never fails */
#define PROVIUM_RET_INT		1	/* 32-bit integer: failed if -4095..-1 */
#define PROVIUM_RET_LONG	2	/* 64-bit integer: failed if -4095..-1 */
#define PROVIUM_RET_PTR		3	/* pointer: failed if NULL or an ERR_PTR */
#define PROVIUM_RET_MAX		PROVIUM_RET_PTR

struct provium_errno_func {
	__u64 addr;		/* from /proc/kallsyms */
	__u32 name;		/* offset of its name in names[] */
	__u32 ret;		/* PROVIUM_RET_* */
};

struct provium_errno_arm {
	__u32 size;		/* bytes of the whole blob */
	__u32 version;		/* PROVIUM_UAPI_VERSION */
	__u32 nfuncs;		/* 0: disarm */
	__u32 names_len;	/* bytes of names[], after funcs[] */
	__u32 flags;		/* must be zero */
	__u32 bad;		/* out: index of the function refused, or ~0 */
	__u64 arm_ns;		/* out: time spent registering the probes */
};

/* provium_errno_result.flags */
#define PROVIUM_ERRNO_ORIGIN	(1U << 0)	/* an origin was found: chain, stack, ret */
#define PROVIUM_ERRNO_UNARMED	(1U << 1)	/* nothing was armed when the call ran */
#define PROVIUM_ERRNO_REPLACED	(1U << 2)	/* the watch was disarmed or replaced meanwhile */
#define PROVIUM_ERRNO_TRUNCATED	(1U << 3)	/* the text did not fit in size */

/*
 * The outcome of the last PROVIUM_CALL_ERRNO call on the file. The caller
 * sets size to the bytes it has room for (at least the header); the module
 * writes the header and text[]: nchain names, outermost first and the origin
 * last, then nstack lines of the kernel stack where the origin returned,
 * each NUL-terminated.
 */
struct provium_errno_result {
	__u32 size;		/* in: room; out: bytes written */
	__u32 version;		/* PROVIUM_UAPI_VERSION */
	__u32 flags;		/* PROVIUM_ERRNO_* */
	__u32 nchain;
	__u32 nstack;
	__u32 missed;		/* watched calls not followed (too deep, no hook free) */
	__s64 ret;		/* what the origin returned */
	__u64 entries;		/* watched functions entered during the call */
	__u32 failures;		/* watched returns that failed */
	__u32 handled;		/* marks cleared: a caller returned success after one */
	/* char text[] */
};

/* provium_info.dispatch: how the module calls a syscall */
#define PROVIUM_DISPATCH_X64_SYS_CALL	1	/* x64_sys_call(): kernels without the table */
#define PROVIUM_DISPATCH_TABLE		2	/* sys_call_table[nr]: the usual way */

/*
 * ioctls on /dev/provium. PROVIUM_IOC_CALL returns 0 once the call ran
 * (its result is in ret/kernel_ret) or was refused (status), else:
 *   ENOTTY      any other command (checked first, capability or not)
 *   EOPNOTSUPP  a 32-bit (compat) caller: descriptions are x86_64 only
 *   EDEADLK     the ioctl was itself dispatched by provium.ko (a call
 *               described as an ioctl on /dev/provium): never nested
 *   EPERM       no CAP_SYS_ADMIN
 *   EFAULT      the description or its results cannot be read or written,
 *               or the staging area went away during the call (another
 *               thread unmapped or replaced it): the outputs are lost
 *   EINVAL, E2BIG, ELOOP  a malformed description (provium_desc_check())
 *   EAGAIN      the staging area was replaced under the module three
 *               times in a row while the buffers were being staged
 *   ENOMEM, EINTR (a fatal signal)
 * PROVIUM_IOC_INFO fails only with ENOTTY, EOPNOTSUPP, EDEADLK, EPERM and
 * EFAULT. Calls on one open file may run concurrently from several threads.
 */
#define PROVIUM_IOC_MAGIC	'P'
#define PROVIUM_IOC_CALL	_IOWR(PROVIUM_IOC_MAGIC, 1, struct provium_call)
#define PROVIUM_IOC_INFO	_IOR(PROVIUM_IOC_MAGIC, 2, struct provium_info)
/*
 * PROVIUM_IOC_ERRNO_ARM fails with ENOTTY, EOPNOTSUPP (also: this kernel
 * cannot watch returns), EDEADLK, EPERM, EFAULT as above, and
 *   EINVAL   a malformed blob, or function @bad refused: not the start of a
 *            function of that name, not hookable by ftrace, in provium.ko,
 *            listed twice, or an unknown ret class
 *   E2BIG    more than PROVIUM_ERRNO_MAX_FUNCS functions or too many names
 *   EBUSY    another open file has functions armed
 *   ENOMEM
 * PROVIUM_IOC_ERRNO_RESULT: ENOENT if no call on this file asked for an
 * errno origin, EINVAL if size is below the header.
 */
#define PROVIUM_IOC_ERRNO_ARM	_IOWR(PROVIUM_IOC_MAGIC, 3, struct provium_errno_arm)
#define PROVIUM_IOC_ERRNO_RESULT _IOWR(PROVIUM_IOC_MAGIC, 4, struct provium_errno_result)

/* Generic netlink family */
#define PROVIUM_GENL_NAME	"provium"
#define PROVIUM_GENL_VERSION	1
#define PROVIUM_GENL_MCGRP	"events"

enum {
	PROVIUM_CMD_UNSPEC,
	PROVIUM_CMD_GET_INFO,	/* reply: VERSION, DISPATCH, KERNEL_RELEASE, FEATURES */
	PROVIUM_CMD_EVENT,	/* multicast on "events": one kernel report, EVENT_* */
	__PROVIUM_CMD_MAX,
};

enum {
	PROVIUM_ATTR_UNSPEC,
	PROVIUM_ATTR_VERSION,		/* u32 */
	PROVIUM_ATTR_DISPATCH,		/* u32 */
	PROVIUM_ATTR_KERNEL_RELEASE,	/* string */
	PROVIUM_ATTR_EVENT_KIND,	/* u32, PROVIUM_EVENT_* */
	PROVIUM_ATTR_EVENT_TEXT,	/* string: the report as the console got it */
	PROVIUM_ATTR_FEATURES,		/* u32, PROVIUM_FEAT_* */
	PROVIUM_ATTR_EVENT_CONTEXT,	/* u32, PROVIUM_CTX_*: whose report it is */
	PROVIUM_ATTR_EVENT_PID,		/* u32: the task that reported (0 in an interrupt) */
	PROVIUM_ATTR_EVENT_COMM,	/* string: its name, or the interrupt context */
	PROVIUM_ATTR_EVENT_CALL_PID,	/* u32: the calling task of the call it belongs to */
	PROVIUM_ATTR_EVENT_CALL_NR,	/* u64: that call's syscall number */
	PROVIUM_ATTR_EVENT_VIA,		/* u32, PROVIUM_VIA_*: how the module caught it */
	PROVIUM_ATTR_EVENT_SEQ,		/* u64: reports sent so far, this one included */
	PROVIUM_ATTR_PAD,
	__PROVIUM_ATTR_MAX,
};
#define PROVIUM_ATTR_MAX (__PROVIUM_ATTR_MAX - 1)

/* PROVIUM_ATTR_EVENT_KIND */
enum {
	PROVIUM_EVENT_WARN = 1,		/* WARNING: (WARN(), refcount_t) */
	PROVIUM_EVENT_BUG,		/* BUG:, kernel BUG at, general protection fault */
	PROVIUM_EVENT_OOPS,		/* Oops, the die notifier */
	PROVIUM_EVENT_LOCKDEP,		/* lockdep's reports, debug_locks turned off */
	PROVIUM_EVENT_SANITIZER,	/* KASAN, KFENCE, UBSAN */
	PROVIUM_EVENT_HANG,		/* soft lockup, hung task, RCU stall */
	PROVIUM_EVENT_TAINT,		/* the kernel tainted itself with no report seen */
};

/* PROVIUM_ATTR_EVENT_CONTEXT */
enum {
	PROVIUM_CTX_NONE = 1,		/* no call was running */
	PROVIUM_CTX_CALL,		/* the calling task, inside its call */
	PROVIUM_CTX_CONCURRENT,		/* another context while a call ran */
};

/* PROVIUM_ATTR_EVENT_VIA */
enum {
	PROVIUM_VIA_CONSOLE = 1,	/* console tracepoint (the text) */
	PROVIUM_VIA_ERROR_REPORT,	/* error_report_end without text seen */
	PROVIUM_VIA_DIE,		/* the die notifier */
	PROVIUM_VIA_TAINT,		/* taint or debug_locks changed during a call */
};

#endif /* _UAPI_PROVIUM_H */
