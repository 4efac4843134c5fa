/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * provium_desc.h - validation and staging layout of a call description.
 *
 * Shared, as plain C, by provium.ko and the agent's user-space executor so
 * both accept exactly the same descriptions and lay buffers out the same
 * way. Include <linux/errno.h> (kernel) or <errno.h> (user) first.
 */
#ifndef _PROVIUM_DESC_H
#define _PROVIUM_DESC_H

#include "provium_uapi.h"

/* Staging alignment of each buffer in guest memory. */
#define PROVIUM_STAGE_ALIGN	16ULL

static inline const struct provium_buf *
provium_desc_bufs(const struct provium_call *c)
{
	return (const struct provium_buf *)(c + 1);
}

static inline const struct provium_patch *
provium_desc_patches(const struct provium_call *c)
{
	return (const struct provium_patch *)(provium_desc_bufs(c) + c->nbufs);
}

/* Bytes before the data area; only valid once nbufs/npatches are bounded. */
static inline __u64 provium_desc_tables_end(const struct provium_call *c)
{
	return sizeof(*c) + (__u64)c->nbufs * sizeof(struct provium_buf) +
	       (__u64)c->npatches * sizeof(struct provium_patch);
}

/* Where buffer @i lives in the staging area; returns the area's size. */
static inline __u64 provium_desc_layout(const struct provium_call *c,
					__u64 *place)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	__u64 at = 0;
	__u32 i;

	for (i = 0; i < c->nbufs; i++) {
		__u64 span = b[i].len ? b[i].len : 1;

		place[i] = at;
		at += (span + PROVIUM_STAGE_ALIGN - 1) & ~(PROVIUM_STAGE_ALIGN - 1);
	}
	return at;
}

/* The header alone: sizes and counts, before the tables are read. */
static inline int provium_desc_check_header(const struct provium_call *c)
{
	if (c->version != PROVIUM_UAPI_VERSION || (c->flags & ~PROVIUM_CALL_FLAGS))
		return -EINVAL;
	if (c->size < sizeof(*c))
		return -EINVAL;
	if (c->size > PROVIUM_MAX_DESC_LEN)
		return -E2BIG;
	if (c->nbufs > PROVIUM_MAX_BUFS || c->npatches > PROVIUM_MAX_PATCHES)
		return -E2BIG;
	if (provium_desc_tables_end(c) > c->size)
		return -EINVAL;
	return 0;
}

/*
 * The whole description. Returns 0, -EINVAL (malformed), -E2BIG (over a
 * limit) or -ELOOP (a patch chain that never reaches an argument).
 */
static inline int provium_desc_check(const struct provium_call *c)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	const struct provium_patch *p = provium_desc_patches(c);
	__s16 parent[PROVIUM_MAX_BUFS];	/* patch reaching each buffer */
	__u32 args_used = 0;
	__u32 i, j;
	int err;

	err = provium_desc_check_header(c);
	if (err)
		return err;

	for (i = 0; i < c->nbufs; i++) {
		if (b[i].flags & ~PROVIUM_BUF_FLAGS)
			return -EINVAL;
		if (b[i].len > PROVIUM_MAX_BUF_LEN)
			return -E2BIG;
		if (b[i].offset < provium_desc_tables_end(c) ||
		    (__u64)b[i].offset + b[i].len > c->size)
			return -EINVAL;
		/* disjoint in the blob, so staging never exceeds its size */
		for (j = 0; j < i; j++)
			if (b[i].offset < b[j].offset + b[j].len &&
			    b[j].offset < b[i].offset + b[i].len)
				return -EINVAL;
		if (b[i].arg == PROVIUM_ARG_NONE) {
			parent[i] = -1;
			continue;
		}
		if (b[i].arg < 0 || b[i].arg >= PROVIUM_NARGS ||
		    (args_used & (1U << b[i].arg)))
			return -EINVAL;
		args_used |= 1U << b[i].arg;
		parent[i] = -2;		/* a root */
	}

	for (i = 0; i < c->npatches; i++) {
		if (p[i].reserved || p[i].buf >= c->nbufs ||
		    p[i].target >= c->nbufs)
			return -EINVAL;
		if (p[i].offset % sizeof(__u64) ||
		    (__u64)p[i].offset + sizeof(__u64) > b[p[i].buf].len)
			return -EINVAL;
		/* reached twice, or an argument buffer also patched in */
		if (parent[p[i].target] != -1)
			return -EINVAL;
		parent[p[i].target] = (__s16)i;
		for (j = 0; j < i; j++)
			if (p[j].buf == p[i].buf && p[j].offset == p[i].offset)
				return -EINVAL;
	}

	for (i = 0; i < c->nbufs; i++) {
		__u32 cur = i, depth = 0;

		if (parent[i] == -1)
			return -EINVAL;		/* reached by nothing */
		while (parent[cur] >= 0) {
			cur = p[parent[cur]].buf;
			if (++depth > c->nbufs)
				return -ELOOP;
		}
	}
	return 0;
}

/* Frame-dependent calls: they need the caller's real register frame. */
static inline int provium_call_needs_frame(__u64 nr)
{
	switch (nr) {
	case 15:	/* rt_sigreturn */
	case 56:	/* clone */
	case 57:	/* fork */
	case 58:	/* vfork */
	case 59:	/* execve */
	case 60:	/* exit */
	case 231:	/* exit_group */
	case 322:	/* execveat */
	case 435:	/* clone3 */
		return 1;
	}
	return 0;
}

/* What user space would see for a raw kernel return value. */
static inline __s64 provium_user_ret(__s64 kernel_ret)
{
	switch (kernel_ret) {
	case -PROVIUM_ERESTARTSYS:
	case -PROVIUM_ERESTARTNOINTR:
	case -PROVIUM_ERESTARTNOHAND:
	case -PROVIUM_ERESTART_RESTARTBLOCK:
		return -EINTR;	/* the caller's handler did not restart it */
	}
	return kernel_ret;
}

#endif /* _PROVIUM_DESC_H */
