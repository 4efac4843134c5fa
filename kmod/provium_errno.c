// SPDX-License-Identifier: GPL-2.0
/*
 * provium_errno.c - errno origins: which watched function first returned
 * the error a call ended with, through which chain of watched callers.
 *
 * The agent arms a set of functions: addresses from /proc/kallsyms, checked
 * here against kallsyms, and what each returns, from BTF. One registration
 * hooks them all: an fprobe where the kernel has one (6.12), else an
 * ftrace_ops whose callback hooks the return with the kernel's rethook, the
 * machinery fprobe and kretprobes are built on (6.1 builds neither fprobe
 * nor exports rethook; a kretprobe per function would cost a whole ftrace
 * update each, about 55 ms under TCG: minutes for 3,000 functions).
 *
 * The probes stay registered but idle. A call with PROVIUM_CALL_ERRNO is
 * followed in its own task only, in process context, and only while it
 * runs: a shadow stack of watched frames, and at each return whether the
 * function failed (a negative errno, NULL or ERR_PTR, as its class says).
 * A failure marks its frame as the origin unless the mark lies inside that
 * frame (the error propagating outwards); a success clears a mark that lies
 * inside it (the error was handled). When the call fails, the mark is its
 * origin.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/kref.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "provium_internal.h"
#include "provium_uapi.h"

/*
 * fprobe's handlers took their 6.5 shape (entry returns int, ret_ip) until
 * 6.14 moved them to ftrace_regs. Without fprobe: an ftrace_ops and rethook,
 * called through addresses (not exported), so not where IBT seals them.
 */
#if IS_ENABLED(CONFIG_FPROBE) && LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0) && \
	LINUX_VERSION_CODE < KERNEL_VERSION(6, 14, 0)
#define PROVIUM_ERRNO_FPROBE
#include <linux/fprobe.h>
#elif IS_ENABLED(CONFIG_RETHOOK) && IS_ENABLED(CONFIG_DYNAMIC_FTRACE_WITH_REGS) && \
	!IS_ENABLED(CONFIG_X86_KERNEL_IBT) && LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
#define PROVIUM_ERRNO_RETHOOK
#include <linux/rethook.h>
#include <linux/trace_recursion.h>
#endif
#if defined(PROVIUM_ERRNO_FPROBE) || defined(PROVIUM_ERRNO_RETHOOK)
#define PROVIUM_ERRNO_HOOKS	/* else a kernel without them: no errno origins */
#endif

/* Return hooks in use at once, over every task (most are given back at once). */
#define PROVIUM_ERRNO_NODES	1024
/* The fentry call is at most this far into a function (after ENDBR64). */
#define PROVIUM_FENTRY_MAX	8
/* Stack entries of the return-hook machinery above the origin's caller. */
#define PROVIUM_STACK_SKIP	12

struct provium_errno_fn {
	unsigned long addr;
	u32 name;		/* offset in names */
	u32 ret;		/* PROVIUM_RET_* */
};

struct provium_errno_set {
	struct kref ref;
	struct file *owner;
	bool registered;
	u32 nfuncs;
	struct provium_errno_fn *fns;	/* sorted by address */
	char *names;
#ifdef PROVIUM_ERRNO_FPROBE
	struct fprobe fp;
#endif
#ifdef PROVIUM_ERRNO_RETHOOK
	struct ftrace_ops ops;
	struct rethook *rh;
#endif
};

/* What an entry leaves for its return. */
struct provium_errno_data {
	u32 seq;
};

struct provium_errno_frame {
	u32 fn;
	u32 seq;		/* entries so far: a frame's descendants have larger ones */
};

struct provium_errno_call {
	struct provium_errno_set *set;	/* a reference; NULL if nothing was armed */
	u32 depth, seq, missed, failures, handled;
	bool busy;		/* in a handler: what it calls is not followed */
	bool origin;
	u32 origin_seq;
	s64 origin_ret;
	u32 nchain;
	u32 nstack;
	u32 chain[PROVIUM_ERRNO_MAX_DEPTH];
	unsigned long stack[PROVIUM_ERRNO_MAX_STACK + PROVIUM_STACK_SKIP];
	struct provium_errno_frame frames[PROVIUM_ERRNO_MAX_DEPTH];
#ifdef PROVIUM_ERRNO_FPROBE
	unsigned long fp_missed;	/* the fprobe's count when the call began */
#endif
};

/* The outcome of a call, kept per file until the next one. */
struct provium_errno_last {
	struct provium_errno_result hdr;
	u32 len;		/* bytes of text */
	char text[];
};

static DEFINE_MUTEX(provium_errno_mutex);	/* arming and disarming */
static DEFINE_SPINLOCK(provium_errno_lock);	/* the armed set, the count */
static struct provium_errno_set *provium_errno_armed;
static atomic_t provium_errno_calls = ATOMIC_INIT(0);	/* followed calls running */

/* ---- following one call: common to both mechanisms ---- */

#ifdef PROVIUM_ERRNO_HOOKS

/* The function @ip is the fentry site of, or -1. */
static notrace int provium_errno_lookup(const struct provium_errno_set *set,
					unsigned long ip)
{
	int lo = 0, hi = (int)set->nfuncs - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (set->fns[mid].addr > ip)
			hi = mid - 1;
		else if (ip - set->fns[mid].addr > PROVIUM_FENTRY_MAX)
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}

/* The followed call of the current task under @set, if any. */
static notrace struct provium_errno_call *
provium_errno_current(const struct provium_errno_set *set)
{
	struct provium_inflight *slot;
	struct provium_errno_call *ec;

	if (!atomic_read(&provium_errno_calls) || !in_task())
		return NULL;
	slot = provium_inflight_find(current);
	ec = slot ? READ_ONCE(slot->errno_call) : NULL;
	if (!ec || ec->set != set || ec->busy)
		return NULL;
	return ec;
}

/* Entry of a watched function: 0 = follow its return (@d filled). */
static notrace int provium_errno_enter(struct provium_errno_set *set,
				       struct provium_errno_call *ec,
				       unsigned long ip, struct provium_errno_data *d)
{
	struct provium_errno_frame *f;
	int fn = provium_errno_lookup(set, ip);

	if (fn < 0)
		return -1;
	if (ec->depth >= PROVIUM_ERRNO_MAX_DEPTH) {
		ec->missed++;
		return -1;
	}
	f = &ec->frames[ec->depth++];
	f->fn = fn;
	f->seq = ++ec->seq;
	d->seq = f->seq;
	return 0;
}

static notrace bool provium_errno_failed(u32 ret_class, unsigned long v)
{
	switch (ret_class) {
	case PROVIUM_RET_INT:
		return (s32)v < 0 && (s32)v >= -MAX_ERRNO;
	case PROVIUM_RET_LONG:
		return IS_ERR_VALUE(v);
	case PROVIUM_RET_PTR:
		return !v || IS_ERR_VALUE(v);
	}
	return false;
}

static notrace void provium_errno_return(struct provium_errno_set *set,
					 struct provium_errno_data *d, unsigned long v)
{
	struct provium_errno_call *ec = provium_errno_current(set);
	struct provium_errno_frame f;
	u32 ret_class, i;
	bool inside;

	if (!ec)
		return;
	ec->busy = true;
	/* frames whose return never came (cannot happen, but never trust it) */
	while (ec->depth && ec->frames[ec->depth - 1].seq > d->seq) {
		ec->depth--;
		ec->missed++;
	}
	if (!ec->depth || ec->frames[ec->depth - 1].seq != d->seq)
		goto out;
	f = ec->frames[--ec->depth];
	ret_class = set->fns[f.fn].ret;
	if (ret_class == PROVIUM_RET_NONE)
		goto out;
	inside = ec->origin && ec->origin_seq > f.seq;
	if (provium_errno_failed(ret_class, v)) {
		ec->failures++;
		if (inside)
			goto out;	/* propagating the error found deeper */
		ec->origin = true;
		ec->origin_seq = f.seq;
		ec->origin_ret = ret_class == PROVIUM_RET_INT ? (s32)v : (s64)v;
		/* frames[depth] still holds this frame */
		ec->nchain = ec->depth + 1;
		for (i = 0; i < ec->nchain; i++)
			ec->chain[i] = ec->frames[i].fn;
		ec->nstack = stack_trace_save(ec->stack, ARRAY_SIZE(ec->stack), 0);
	} else if (inside) {
		ec->origin = false;	/* handled: that error did not end the call */
		ec->handled++;
	}
out:
	ec->busy = false;
}

#endif /* PROVIUM_ERRNO_HOOKS */

/* ---- the mechanisms ---- */

#ifdef PROVIUM_ERRNO_FPROBE

static notrace int provium_fprobe_entry(struct fprobe *fp, unsigned long ip,
					unsigned long ret_ip, struct pt_regs *regs,
					void *data)
{
	struct provium_errno_set *set = container_of(fp, struct provium_errno_set, fp);
	struct provium_errno_call *ec = provium_errno_current(set);

	/* non-zero: no return hook */
	return !ec || provium_errno_enter(set, ec, ip, data);
}

static notrace void provium_fprobe_exit(struct fprobe *fp, unsigned long ip,
					unsigned long ret_ip, struct pt_regs *regs,
					void *data)
{
	struct provium_errno_set *set = container_of(fp, struct provium_errno_set, fp);

	provium_errno_return(set, data, regs_return_value(regs));
}

static bool provium_errno_supported(void)
{
	return true;
}

static int provium_errno_register(struct provium_errno_set *set, unsigned long *addrs)
{
	int err;

	set->fp.entry_handler = provium_fprobe_entry;
	set->fp.exit_handler = provium_fprobe_exit;
	set->fp.entry_data_size = sizeof(struct provium_errno_data);
	set->fp.nr_maxactive = PROVIUM_ERRNO_NODES;
	/* idle until a followed call runs: fprobe checks this first */
	set->fp.flags = FPROBE_FL_DISABLED;
	err = register_fprobe_ips(&set->fp, addrs, set->nfuncs);
	if (!err)
		disable_fprobe(&set->fp);
	return err;
}

static void provium_errno_unregister(struct provium_errno_set *set)
{
	unregister_fprobe(&set->fp);
}

/* Under provium_errno_lock: probes run (a followed call is running) or not. */
static void provium_errno_enable(struct provium_errno_set *set, bool on)
{
	if (on)
		enable_fprobe(&set->fp);
	else
		disable_fprobe(&set->fp);
}

#elif defined(PROVIUM_ERRNO_RETHOOK)

static struct {
	struct rethook *(*alloc)(void *data, rethook_handler_t handler);
	void (*free)(struct rethook *rh);
	void (*add_node)(struct rethook *rh, struct rethook_node *node);
	struct rethook_node *(*try_get)(struct rethook *rh);
	void (*recycle)(struct rethook_node *node);
	void (*hook)(struct rethook_node *node, struct pt_regs *regs, bool mcount);
} provium_rethook;

struct provium_errno_node {
	struct rethook_node node;
	struct provium_errno_data d;
};

static notrace void provium_ftrace_entry(unsigned long ip, unsigned long parent_ip,
					 struct ftrace_ops *ops,
					 struct ftrace_regs *fregs)
{
	struct provium_errno_set *set = container_of(ops, struct provium_errno_set, ops);
	struct provium_errno_call *ec;
	struct provium_errno_node *n;
	struct rethook_node *rh;
	struct pt_regs *regs;
	int bit;

	if (!atomic_read(&provium_errno_calls))
		return;		/* idle: the cost of an armed set outside calls */
	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;
	regs = ftrace_get_regs(fregs);
	ec = regs ? provium_errno_current(set) : NULL;
	if (!ec)
		goto out;
	rh = provium_rethook.try_get(set->rh);
	if (!rh) {
		ec->missed++;
		goto out;
	}
	n = container_of(rh, struct provium_errno_node, node);
	if (provium_errno_enter(set, ec, ip, &n->d))
		provium_rethook.recycle(rh);
	else
		provium_rethook.hook(rh, regs, true);
out:
	ftrace_test_recursion_unlock(bit);
}

static notrace void provium_rethook_exit(struct rethook_node *rh, void *data,
					 struct pt_regs *regs)
{
	struct provium_errno_node *n = container_of(rh, struct provium_errno_node, node);

	provium_errno_return(data, &n->d, regs_return_value(regs));
}

static bool provium_errno_supported(void)
{
	return provium_rethook.hook;
}

static int provium_errno_register(struct provium_errno_set *set, unsigned long *addrs)
{
	int i, err;

	set->rh = provium_rethook.alloc(set, provium_rethook_exit);
	if (!set->rh)
		return -ENOMEM;
	for (i = 0; i < PROVIUM_ERRNO_NODES; i++) {
		struct provium_errno_node *n = kzalloc(sizeof(*n), GFP_KERNEL);

		if (!n) {
			err = -ENOMEM;
			goto err_rethook;
		}
		provium_rethook.add_node(set->rh, &n->node);
	}
	set->ops.func = provium_ftrace_entry;
	set->ops.flags = FTRACE_OPS_FL_SAVE_REGS;
	err = ftrace_set_filter_ips(&set->ops, addrs, set->nfuncs, 0, 0);
	if (err)
		goto err_filter;
	err = register_ftrace_function(&set->ops);
	if (err)
		goto err_filter;
	return 0;

err_filter:
	ftrace_free_filter(&set->ops);
err_rethook:
	provium_rethook.free(set->rh);	/* frees the nodes too */
	set->rh = NULL;
	return err;
}

static void provium_errno_unregister(struct provium_errno_set *set)
{
	unregister_ftrace_function(&set->ops);
	provium_rethook.free(set->rh);
	ftrace_free_filter(&set->ops);
}

static void provium_errno_enable(struct provium_errno_set *set, bool on)
{
	/* the callback checks provium_errno_calls itself */
}

#else

static bool provium_errno_supported(void)
{
	return false;
}

static int provium_errno_register(struct provium_errno_set *set, unsigned long *addrs)
{
	return -EOPNOTSUPP;
}

static void provium_errno_unregister(struct provium_errno_set *set)
{
}

static void provium_errno_enable(struct provium_errno_set *set, bool on)
{
}

#endif

void provium_errno_resolve(void)
{
#ifdef PROVIUM_ERRNO_RETHOOK
	provium_rethook.alloc = (void *)provium_resolve("rethook_alloc");
	provium_rethook.free = (void *)provium_resolve("rethook_free");
	provium_rethook.add_node = (void *)provium_resolve("rethook_add_node");
	provium_rethook.try_get = (void *)provium_resolve("rethook_try_get");
	provium_rethook.recycle = (void *)provium_resolve("rethook_recycle");
	provium_rethook.hook = (void *)provium_resolve("rethook_hook");
	if (!provium_rethook.alloc || !provium_rethook.free ||
	    !provium_rethook.add_node || !provium_rethook.try_get ||
	    !provium_rethook.recycle || !provium_rethook.hook) {
		pr_info("rethook not found: no errno origins\n");
		provium_rethook.hook = NULL;
	}
#endif
}

u32 provium_errno_features(void)
{
	if (!provium_errno_supported())
		return 0;
#ifdef PROVIUM_ERRNO_FPROBE
	return PROVIUM_FEAT_ERRNO_FPROBE;
#else
	return PROVIUM_FEAT_ERRNO_RETHOOK;
#endif
}

/* ---- arming ---- */

static void provium_errno_set_free(struct kref *ref)
{
	struct provium_errno_set *set = container_of(ref, struct provium_errno_set, ref);

	kvfree(set->fns);
	kvfree(set->names);
	kfree(set);
}

/* Stop watching @set (armed or replaced); under provium_errno_mutex. */
static void provium_errno_disarm(struct provium_errno_set *set)
{
	spin_lock(&provium_errno_lock);
	if (provium_errno_armed == set)
		provium_errno_armed = NULL;
	spin_unlock(&provium_errno_lock);
	provium_errno_unregister(set);
	WRITE_ONCE(set->registered, false);
	/* handlers that were running when it went are done after this */
	synchronize_rcu();
	kref_put(&set->ref, provium_errno_set_free);
}

/* Does kallsyms put the start of a function called @name at @addr? */
static bool provium_errno_is_function(unsigned long addr, const char *name)
{
	char sym[KSYM_SYMBOL_LEN];
	size_t n = strlen(name);

	sprint_symbol(sym, addr);
	return !strncmp(sym, name, n) && !strncmp(sym + n, "+0x0/", 5);
}

static int provium_errno_fn_cmp(const void *a, const void *b)
{
	const struct provium_errno_fn *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Which function ftrace cannot hook, after a registration failed: its index, or ~0. */
static u32 provium_errno_find_unhookable(const struct provium_errno_func *in, u32 n)
{
#ifdef PROVIUM_ERRNO_HOOKS
	struct ftrace_ops *probe = kzalloc(sizeof(*probe), GFP_KERNEL);
	u32 i, bad = ~0U;

	if (!probe)
		return bad;
	/* an ops never registered: setting its filter patches nothing */
	for (i = 0; i < n && bad == ~0U; i++)
		if (ftrace_set_filter_ip(probe, in[i].addr, 0, 1))
			bad = i;
	ftrace_free_filter(probe);
	kfree(probe);
	return bad;
#else
	return ~0U;
#endif
}

/*
 * A set from the blob @a (whose header was checked), or an error with the
 * index of the function refused in *@bad.
 */
static struct provium_errno_set *provium_errno_set_new(const struct provium_errno_arm *a,
						       u32 *bad)
{
	const struct provium_errno_func *in = (const void *)(a + 1);
	const char *names = (const char *)(in + a->nfuncs);
	struct provium_errno_set *set;
	unsigned long *addrs = NULL;
	u32 i;
	int err;

	*bad = ~0U;
	if (!a->names_len || names[a->names_len - 1])
		return ERR_PTR(-EINVAL);	/* the last name must end */
	set = kzalloc(sizeof(*set), GFP_KERNEL);
	if (!set)
		return ERR_PTR(-ENOMEM);
	kref_init(&set->ref);
	set->nfuncs = a->nfuncs;
	set->fns = kvcalloc(a->nfuncs, sizeof(*set->fns), GFP_KERNEL);
	set->names = kvmalloc(a->names_len, GFP_KERNEL);
	addrs = kvcalloc(a->nfuncs, sizeof(*addrs), GFP_KERNEL);
	err = -ENOMEM;
	if (!set->fns || !set->names || !addrs)
		goto err_free;
	memcpy(set->names, names, a->names_len);

	err = -EINVAL;
	for (i = 0; i < a->nfuncs; i++) {
		*bad = i;
		if (in[i].name >= a->names_len || in[i].ret > PROVIUM_RET_MAX)
			goto err_free;
		if (!provium_errno_is_function(in[i].addr, set->names + in[i].name))
			goto err_free;
		/* following its own code would follow itself */
		if (within_module(in[i].addr, THIS_MODULE))
			goto err_free;
		set->fns[i].addr = in[i].addr;
		set->fns[i].name = in[i].name;
		set->fns[i].ret = in[i].ret;
	}
	*bad = ~0U;
	sort(set->fns, set->nfuncs, sizeof(*set->fns), provium_errno_fn_cmp, NULL);
	for (i = 0; i < set->nfuncs; i++) {
		if (i && set->fns[i].addr == set->fns[i - 1].addr) {
			u32 j;

			for (j = 0; j < a->nfuncs; j++)	/* report the second one */
				if (in[j].addr == set->fns[i].addr)
					*bad = j;
			goto err_free;
		}
		addrs[i] = set->fns[i].addr;
	}

	err = provium_errno_register(set, addrs);
	if (err) {
		if (err == -EINVAL)
			*bad = provium_errno_find_unhookable(in, a->nfuncs);
		goto err_free;
	}
	set->registered = true;
	kvfree(addrs);
	return set;

err_free:
	kvfree(addrs);
	kref_put(&set->ref, provium_errno_set_free);
	return ERR_PTR(err);
}

long provium_errno_arm(struct file *file, void __user *uarg)
{
	struct provium_errno_arm hdr, *a = NULL;
	struct provium_errno_set *set = NULL, *old;
	u64 need, t0;
	long err;

	if (copy_from_user(&hdr, uarg, sizeof(hdr)))
		return -EFAULT;
	if (hdr.version != PROVIUM_UAPI_VERSION || hdr.flags || hdr.size < sizeof(hdr))
		return -EINVAL;
	if (hdr.nfuncs > PROVIUM_ERRNO_MAX_FUNCS || hdr.names_len > PROVIUM_ERRNO_MAX_NAMES)
		return -E2BIG;
	need = sizeof(hdr) + (u64)hdr.nfuncs * sizeof(struct provium_errno_func) +
	       hdr.names_len;
	if (hdr.size != need)
		return -EINVAL;
	if (!provium_errno_supported())
		return -EOPNOTSUPP;
	hdr.bad = ~0U;
	hdr.arm_ns = 0;

	mutex_lock(&provium_errno_mutex);
	old = provium_errno_armed;
	err = -EBUSY;
	if (old && old->owner != file)
		goto out_unlock;
	if (hdr.nfuncs) {
		a = kvmalloc(hdr.size, GFP_KERNEL);
		err = -ENOMEM;
		if (!a)
			goto out_unlock;
		err = -EFAULT;
		if (copy_from_user(a, uarg, hdr.size))
			goto out_unlock;
		/* the caller may have changed the header in between */
		err = -EINVAL;
		if (a->size != hdr.size || a->nfuncs != hdr.nfuncs ||
		    a->names_len != hdr.names_len || a->version != hdr.version || a->flags)
			goto out_unlock;
		t0 = ktime_get_ns();
		set = provium_errno_set_new(a, &hdr.bad);
		if (IS_ERR(set)) {
			err = PTR_ERR(set);
			goto out_unlock;
		}
		hdr.arm_ns = ktime_get_ns() - t0;
		set->owner = file;
		spin_lock(&provium_errno_lock);
		provium_errno_armed = set;
		if (atomic_read(&provium_errno_calls))
			provium_errno_enable(set, true);
		spin_unlock(&provium_errno_lock);
	}
	if (old)
		provium_errno_disarm(old);
	err = 0;
out_unlock:
	mutex_unlock(&provium_errno_mutex);
	kvfree(a);
	/* bad says which function was refused: the caller reads it on error */
	if (copy_to_user(uarg, &hdr, sizeof(hdr)) && !err)
		err = -EFAULT;
	return err;
}

void provium_errno_file_init(struct provium_errno_file *ef)
{
	mutex_init(&ef->lock);
	ef->last = NULL;
}

void provium_errno_file_release(struct provium_errno_file *ef, struct file *file)
{
	mutex_lock(&provium_errno_mutex);
	if (provium_errno_armed && provium_errno_armed->owner == file)
		provium_errno_disarm(provium_errno_armed);
	mutex_unlock(&provium_errno_mutex);
	kfree(ef->last);
	ef->last = NULL;
}

void provium_errno_exit(void)
{
	mutex_lock(&provium_errno_mutex);
	if (provium_errno_armed)
		provium_errno_disarm(provium_errno_armed);
	mutex_unlock(&provium_errno_mutex);
}

/* ---- around a call ---- */

struct provium_errno_call *provium_errno_begin(struct provium_inflight *slot)
{
	struct provium_errno_call *ec = kzalloc(sizeof(*ec), GFP_KERNEL);

	if (!ec)
		return NULL;
	spin_lock(&provium_errno_lock);
	ec->set = slot ? provium_errno_armed : NULL;
	if (ec->set) {
		kref_get(&ec->set->ref);
		if (atomic_inc_return(&provium_errno_calls) == 1)
			provium_errno_enable(ec->set, true);
	}
	spin_unlock(&provium_errno_lock);
#ifdef PROVIUM_ERRNO_FPROBE
	if (ec->set)
		ec->fp_missed = READ_ONCE(ec->set->fp.nmissed);
#endif
	if (slot)
		WRITE_ONCE(slot->errno_call, ec);
	return ec;
}

/* Append @s and its NUL to @last's text, if it fits. */
static void provium_errno_put(struct provium_errno_last *last, u32 cap, const char *s)
{
	size_t n = strlen(s) + 1;

	if (last->len + n > cap) {
		last->hdr.flags |= PROVIUM_ERRNO_TRUNCATED;
		return;
	}
	memcpy(last->text + last->len, s, n);
	last->len += n;
}

/* Is @sym the return hook itself, on top of the stack saved at a return? */
static bool provium_errno_hook_frame(const char *sym)
{
	static const char *const hooks[] = {
		"stack_trace_save", "provium_errno_", "provium_fprobe_",
		"provium_rethook_", "fprobe_", "rethook_", "arch_rethook_",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hooks); i++)
		if (!strncmp(sym, hooks[i], strlen(hooks[i])))
			return true;
	return false;
}

/* Return addresses seen to be the hook's own frames: they never move. */
static unsigned long provium_hook_addrs[16];

/*
 * Is @addr a frame of the return hook, above the origin's caller? If not,
 * @sym holds its name (or stays empty when it was not needed).
 */
static bool provium_errno_hook_addr(unsigned long addr, char *sym)
{
	size_t i;

	sym[0] = '\0';
	if (within_module(addr, THIS_MODULE))
		return true;
	for (i = 0; i < ARRAY_SIZE(provium_hook_addrs); i++)
		if (READ_ONCE(provium_hook_addrs[i]) == addr)
			return true;
	sprint_symbol(sym, addr);
	if (!provium_errno_hook_frame(sym))
		return false;
	for (i = 0; i < ARRAY_SIZE(provium_hook_addrs); i++)
		if (!cmpxchg(&provium_hook_addrs[i], 0, addr))
			break;
	return true;
}

static struct provium_errno_last *provium_errno_outcome(struct provium_errno_call *ec,
							 s64 ret)
{
	struct provium_errno_set *set = ec->set;
	bool found = set && ec->origin && IS_ERR_VALUE((unsigned long)ret);
	struct provium_errno_last *last;
	char sym[KSYM_SYMBOL_LEN];
	u32 i, first, cap = 0;

	/* an origin only explains a call that failed: else only the header */
	if (found) {
		for (i = 0; i < ec->nchain; i++)
			cap += strlen(set->names + set->fns[ec->chain[i]].name) + 1;
		cap += (PROVIUM_ERRNO_MAX_STACK + 1) * KSYM_SYMBOL_LEN;
	}
	last = kzalloc(sizeof(*last) + cap, GFP_KERNEL);
	if (!last)
		return NULL;
	last->hdr.version = PROVIUM_UAPI_VERSION;
	last->hdr.missed = ec->missed;
	last->hdr.entries = ec->seq;
	last->hdr.failures = ec->failures;
	last->hdr.handled = ec->handled;
	if (!set) {
		last->hdr.flags |= PROVIUM_ERRNO_UNARMED;
		return last;
	}
#ifdef PROVIUM_ERRNO_FPROBE
	last->hdr.missed += READ_ONCE(set->fp.nmissed) - ec->fp_missed;
#endif
	if (!READ_ONCE(set->registered) || READ_ONCE(provium_errno_armed) != set)
		last->hdr.flags |= PROVIUM_ERRNO_REPLACED;
	if (!found)
		return last;
	last->hdr.flags |= PROVIUM_ERRNO_ORIGIN;
	last->hdr.ret = ec->origin_ret;
	last->hdr.nchain = ec->nchain;
	for (i = 0; i < ec->nchain; i++)
		provium_errno_put(last, cap, set->names + set->fns[ec->chain[i]].name);
	/* the stack where the origin returned: the origin, then its caller down */
	sym[0] = '\0';
	for (first = 0; first < ec->nstack && first < PROVIUM_STACK_SKIP; first++) {
		if (!provium_errno_hook_addr(ec->stack[first], sym))
			break;
	}
	provium_errno_put(last, cap, set->names + set->fns[ec->chain[ec->nchain - 1]].name);
	last->hdr.nstack = 1;
	for (i = first; i < ec->nstack && last->hdr.nstack < PROVIUM_ERRNO_MAX_STACK; i++) {
		/* below is provium.ko's dispatch and the agent's ioctl: not the call's */
		if (within_module(ec->stack[i], THIS_MODULE))
			break;
		if (i != first || !sym[0])	/* the first was named when it was judged */
			sprint_symbol(sym, ec->stack[i]);
		provium_errno_put(last, cap, sym);
		last->hdr.nstack++;
	}
	return last;
}

void provium_errno_end(struct provium_errno_file *ef, struct provium_inflight *slot,
		       struct provium_errno_call *ec, s64 ret)
{
	struct provium_errno_last *last;

	if (slot)
		WRITE_ONCE(slot->errno_call, NULL);
	if (ec->set) {
		spin_lock(&provium_errno_lock);
		if (atomic_dec_return(&provium_errno_calls) == 0 && provium_errno_armed)
			provium_errno_enable(provium_errno_armed, false);
		spin_unlock(&provium_errno_lock);
	}
	last = provium_errno_outcome(ec, ret);
	if (ec->set)
		kref_put(&ec->set->ref, provium_errno_set_free);
	kfree(ec);
	mutex_lock(&ef->lock);
	kfree(ef->last);
	ef->last = last;
	mutex_unlock(&ef->lock);
}

long provium_errno_result(struct provium_errno_file *ef, void __user *uarg)
{
	struct provium_errno_result hdr;
	struct provium_errno_last *last;
	long err = 0;
	u32 len;

	if (copy_from_user(&hdr, uarg, sizeof(hdr)))
		return -EFAULT;
	if (hdr.size < sizeof(hdr))
		return -EINVAL;
	mutex_lock(&ef->lock);
	last = ef->last;
	if (!last) {
		err = -ENOENT;
		goto out_unlock;
	}
	len = min_t(u32, last->len, hdr.size - sizeof(hdr));
	hdr = last->hdr;
	if (len < last->len)
		hdr.flags |= PROVIUM_ERRNO_TRUNCATED;
	hdr.size = sizeof(hdr) + len;
	if (copy_to_user((u8 __user *)uarg + sizeof(hdr), last->text, len) ||
	    copy_to_user(uarg, &hdr, sizeof(hdr)))
		err = -EFAULT;
out_unlock:
	mutex_unlock(&ef->lock);
	return err;
}
