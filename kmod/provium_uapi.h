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

#define PROVIUM_UAPI_VERSION	1
#define PROVIUM_DEVICE		"/dev/provium"

/* Limits, checked before anything is staged. */
#define PROVIUM_MAX_BUFS	64
#define PROVIUM_MAX_PATCHES	64
#define PROVIUM_MAX_BUF_LEN	(16U << 20)	/* one buffer */
#define PROVIUM_MAX_DESC_LEN	(64U << 20)	/* whole blob */
#define PROVIUM_NARGS		6

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
	__u16 flags;		/* must be zero */
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
	__u32 reserved;
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

/* Generic netlink family */
#define PROVIUM_GENL_NAME	"provium"
#define PROVIUM_GENL_VERSION	1
#define PROVIUM_GENL_MCGRP	"events"

enum {
	PROVIUM_CMD_UNSPEC,
	PROVIUM_CMD_GET_INFO,	/* reply: VERSION, DISPATCH, KERNEL_RELEASE */
	PROVIUM_CMD_EVENT,	/* multicast: EVENT_KIND, EVENT_TEXT */
	__PROVIUM_CMD_MAX,
};

enum {
	PROVIUM_ATTR_UNSPEC,
	PROVIUM_ATTR_VERSION,		/* u32 */
	PROVIUM_ATTR_DISPATCH,		/* u32 */
	PROVIUM_ATTR_KERNEL_RELEASE,	/* string */
	PROVIUM_ATTR_EVENT_KIND,	/* u32, PROVIUM_EVENT_* */
	PROVIUM_ATTR_EVENT_TEXT,	/* string */
	__PROVIUM_ATTR_MAX,
};
#define PROVIUM_ATTR_MAX (__PROVIUM_ATTR_MAX - 1)

enum {
	PROVIUM_EVENT_WARN = 1,
	PROVIUM_EVENT_BUG,
	PROVIUM_EVENT_OOPS,
};

#endif /* _UAPI_PROVIUM_H */
