/* SPDX-License-Identifier: GPL-2.0 */
/*
 * provium_internal.h - what the parts of provium.ko share: the calls in
 * flight (so probes in any context can tell whose call they are in), the
 * generic netlink family, errno origins (provium_errno.c) and kernel
 * reports (provium_events.c).
 */
#ifndef _PROVIUM_INTERNAL_H
#define _PROVIUM_INTERNAL_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <net/genetlink.h>

struct provium_errno_call;
struct provium_errno_last;

/*
 * A call running in the module. Slots are claimed with cmpxchg on @task and
 * read without a lock: a probe compares @task with current (never
 * dereferencing it), reads @pid and @nr of another task's call only to
 * name it, and only the calling task itself uses @errno_call.
 */
struct provium_inflight {
	struct task_struct *task;	/* NULL: free */
	pid_t pid;
	u64 nr;
	struct provium_errno_call *errno_call;
};

#define PROVIUM_INFLIGHT_MAX	64

extern struct provium_inflight provium_inflight[PROVIUM_INFLIGHT_MAX];
extern atomic_t provium_inflight_count;

/* The call @task is running, or NULL. Any context. */
static __always_inline struct provium_inflight *
provium_inflight_find(struct task_struct *task)
{
	int i;

	if (!atomic_read(&provium_inflight_count))
		return NULL;
	for (i = 0; i < PROVIUM_INFLIGHT_MAX; i++)
		if (READ_ONCE(provium_inflight[i].task) == task)
			return &provium_inflight[i];
	return NULL;
}

extern struct genl_family provium_genl;

/* While provium_init() runs: the address of a kernel symbol, or 0. */
unsigned long provium_resolve(const char *name);

/* A call with PROVIUM_CALL_GRAPH; tracefs's set_graph_function names it. */
long provium_graph_call(u64 nr, const u64 *args);

/* ---- provium_errno.c ---- */

/* Per open file: the outcome of its last PROVIUM_CALL_ERRNO call. */
struct provium_errno_file {
	struct mutex lock;
	struct provium_errno_last *last;
};

void provium_errno_resolve(void);	/* with provium_resolve() usable */
u32 provium_errno_features(void);
void provium_errno_exit(void);
void provium_errno_file_init(struct provium_errno_file *ef);
/* The file goes: disarm what it armed, forget its last outcome. */
void provium_errno_file_release(struct provium_errno_file *ef, struct file *file);
long provium_errno_arm(struct file *file, void __user *uarg);
long provium_errno_result(struct provium_errno_file *ef, void __user *uarg);
/* Around a call's dispatch; @slot may be NULL (every slot taken). */
struct provium_errno_call *provium_errno_begin(struct provium_inflight *slot);
void provium_errno_end(struct provium_errno_file *ef, struct provium_inflight *slot,
		       struct provium_errno_call *ec, s64 ret);

/* ---- provium_events.c ---- */

/* What a call's end compares with its start. */
struct provium_events_mark {
	unsigned long taint;
	bool debug_locks;
	u64 opened;		/* reports opened before the call */
	u64 sent;		/* reports delivered before the call */
};

int provium_events_init(void);
void provium_events_exit(void);
u32 provium_events_features(void);
void provium_events_call_begin(struct provium_events_mark *m);
/*
 * In the calling task after its call: close and send its reports. Returns
 * how many reports were sent during the call, by this task or another.
 */
u32 provium_events_call_end(struct provium_inflight *slot,
			    const struct provium_events_mark *m);

#endif /* _PROVIUM_INTERNAL_H */
