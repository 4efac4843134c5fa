/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * provium_sample.h - user API of the Provium sample driver, a misc device
 * whose ioctls show the shapes tests most often meet: a two-step size
 * query, several output buffers, an input buffer and pointers nested two
 * levels deep.
 *
 * Every length is in bytes. A "too small" output buffer fails with -ERANGE
 * and the length field is set to the size that is needed. Reserved fields
 * must be zero (-EINVAL otherwise).
 */
#ifndef _UAPI_PROVIUM_SAMPLE_H
#define _UAPI_PROVIUM_SAMPLE_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define KSAMPLE_DEVICE		"/dev/provium_sample"
#define KSAMPLE_IOC_MAGIC	'K'

/* KSAMPLE_IOC_QUERY classes */
#define KSAMPLE_CLASS_NAME	1	/* the bytes of KSAMPLE_NAME, no NUL */
#define KSAMPLE_CLASS_IDENT	2	/* struct ksample_ident of the caller */
#define KSAMPLE_CLASS_TABLE	3	/* __u32[KSAMPLE_TABLE_LEN]: (i + 1)^2 */

#define KSAMPLE_NAME		"provium-sample"
#define KSAMPLE_TABLE_LEN	8

#define KSAMPLE_SUM_MAX		(64U << 10)	/* KSAMPLE_IOC_SUM: len limit */
#define KSAMPLE_NESTED_MAX	16		/* KSAMPLE_IOC_NESTED: count limit */
#define KSAMPLE_ITEM_MAX	4096		/* one item's in_len limit */

struct ksample_ident {
	__u32 pid;		/* thread group id, in the caller's pid namespace */
	__u32 uid;		/* in the caller's user namespace */
};

/*
 * Two-step query: with buf_len == 0 or buf == 0 the driver only sets
 * buf_len to the size the class needs and returns 0. Otherwise it copies
 * the data to buf and sets buf_len to the bytes written, or fails with
 * -ERANGE (buf_len set to the size needed) when buf_len is too small.
 * An unknown class is -EINVAL.
 */
struct ksample_query {
	__u32 class;
	__u32 buf_len;		/* in: size of buf; out: bytes written or needed */
	__u64 buf;		/* user pointer */
};

/*
 * Two output buffers: the name (KSAMPLE_CLASS_NAME) and the table
 * (KSAMPLE_CLASS_TABLE). Both lengths are set to the sizes needed; if
 * either buffer is too small (or absent) nothing is copied and the call
 * fails with -ERANGE.
 */
struct ksample_multi {
	__u32 name_len;		/* offset 0 */
	__u32 flags;		/* offset 4, must be zero */
	__u64 name;		/* offset 8, user pointer */
	__u32 table_len;	/* offset 16 */
	__u32 reserved;		/* offset 20, must be zero */
	__u64 table;		/* offset 24, user pointer */
};

/*
 * Input buffer: returns the sum of the len bytes at data, each taken as
 * an unsigned value, as the ioctl's result. len above KSAMPLE_SUM_MAX is
 * -E2BIG.
 */
struct ksample_sum {
	__u64 data;		/* user pointer */
	__u32 len;
	__u32 reserved;		/* must be zero */
};

/*
 * One element of KSAMPLE_IOC_NESTED: in_len bytes are read from in and
 * written to out reversed, ASCII letters in upper case. out_len is the
 * size of out on entry and the bytes written on return; if it is smaller
 * than in_len the whole call fails with -ERANGE before writing any out
 * buffer, and out_len of each such item is set to in_len.
 */
struct ksample_item {
	__u64 in;		/* offset 0, user pointer */
	__u32 in_len;		/* offset 8, at most KSAMPLE_ITEM_MAX */
	__u32 out_len;		/* offset 12 */
	__u64 out;		/* offset 16, user pointer */
};

/* Pointers two levels deep: items points to count struct ksample_item. */
struct ksample_nested {
	__u64 items;		/* user pointer */
	__u32 count;		/* at most KSAMPLE_NESTED_MAX, -E2BIG beyond */
	__u32 reserved;		/* must be zero */
};

#define KSAMPLE_IOC_QUERY	_IOWR(KSAMPLE_IOC_MAGIC, 0, struct ksample_query)
#define KSAMPLE_IOC_MULTI	_IOWR(KSAMPLE_IOC_MAGIC, 1, struct ksample_multi)
#define KSAMPLE_IOC_SUM		_IOW(KSAMPLE_IOC_MAGIC, 2, struct ksample_sum)
#define KSAMPLE_IOC_NESTED	_IOWR(KSAMPLE_IOC_MAGIC, 3, struct ksample_nested)
/*
 * A deliberate WARN(), so a test can see Provium fail the test that caused
 * a kernel warning and show the splat. Returns 0.
 */
#define KSAMPLE_IOC_WARN	_IO(KSAMPLE_IOC_MAGIC, 4)
/*
 * The same WARN() from a work item, in a kernel worker thread while the
 * ioctl waits for it: a report from another context during the call.
 */
#define KSAMPLE_IOC_WARN_WORK	_IO(KSAMPLE_IOC_MAGIC, 5)

/*
 * System calls of provium_sample_sys.ko, registered with provium.ko under
 * numbers outside the kernel's table (see kmod/provium_ext.h).
 */
#define KSAMPLE_NR_OPEN_SELF_TOKEN	1000	/* (flags, access) -> fd */
#define KSAMPLE_NR_OPEN_TOKEN_SPEC	1003	/* (spec, sizeof spec) -> fd */
#define KSAMPLE_NR_GET_SD		1021	/* (dirfd, path, secinfo, buf, len, 0) */
#define KSAMPLE_NR_SET_SD		1022	/* (dirfd, path, secinfo, sd, len, 0) */
#define KSAMPLE_NR_ACCESS_CHECK		1023	/* (struct ksample_access_check *, 0) */

#define KSAMPLE_TOKEN_QUERY	0x0008
#define KSAMPLE_TOKEN_ALL	0x000f
#define KSAMPLE_SECINFO_ALL	0x000f
#define KSAMPLE_SPEC_KIND_MAX	4
#define KSAMPLE_PATH_MAX	256
#define KSAMPLE_SD_MAX		(64 * 1024)

struct ksample_spec {
	__u32 kind;		/* 1..KSAMPLE_SPEC_KIND_MAX */
	__u32 value;
};

/*
 * Access check (the "Pointer Patching" page's worked example): the
 * descriptor is reached through an embedded pointer. size is the caller's
 * struct size, at least sizeof(struct ksample_access_check); only these
 * fields are read. Returns desired if the token (an fd from 1000 or 1003)
 * holds every bit of it, -EACCES otherwise; -EBADF if token_fd is not a
 * token, -EINVAL for an empty or oversized descriptor or a bad size.
 */
struct ksample_access_check {
	__u32 size;		/* offset 0 */
	__s32 token_fd;		/* offset 4 */
	__u64 sd;		/* offset 8, user pointer */
	__u32 sd_len;		/* offset 16, 1..KSAMPLE_SD_MAX */
	__u32 desired;		/* offset 20 */
};

#endif /* _UAPI_PROVIUM_SAMPLE_H */
