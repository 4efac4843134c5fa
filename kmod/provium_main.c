// SPDX-License-Identifier: GPL-2.0
/*
 * provium.ko - dispatch system calls described from a test script in the
 * calling process's own context, so the script sees exactly what the
 * kernel returned.
 *
 * /dev/provium takes one ioctl, PROVIUM_IOC_CALL, carrying a complete call
 * description (see provium_uapi.h). The module validates it, stages the
 * buffers in the caller's memory, in a mapping of a file only the module
 * can map, patches the embedded pointers, runs the system call through
 * sys_call_table, and copies the output buffers back. No lock is held
 * across the call. A generic netlink family "provium" answers GET_INFO and
 * carries kernel reports (provium_events.c); calls may ask for their errno
 * origin (provium_errno.c) or to run under provium_graph_call() for the
 * function_graph tracer.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/hashtable.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/module.h>
#include <linux/nospec.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/version.h>
#include <net/genetlink.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#include "provium_desc.h"
#include "provium_ext.h"
#include "provium_internal.h"

typedef long (*provium_sys_call_t)(const struct pt_regs *regs, unsigned int nr);
typedef long (*provium_sys_fn_t)(const struct pt_regs *regs);

/*
 * Declared so the agent may pass "provium.enable=1" from the command line
 * the way modprobe does; the command line itself is what is checked.
 */
static bool enable;
module_param(enable, bool, 0444);
MODULE_PARM_DESC(enable, "must be set on the kernel command line (provium.enable=1)");

static const provium_sys_fn_t *provium_sys_call_table;
static provium_sys_call_t provium_x64_sys_call;
static u32 provium_dispatch_mode;

/* ---- finding kernel symbols ---- */

/*
 * With CONFIG_X86_KERNEL_IBT the kernel turns the ENDBR64 of every function
 * whose address is never taken into a NOP ("sealing"): an indirect call to
 * it faults on a CPU that enforces IBT. kallsyms_lookup_name() and
 * x64_sys_call() are such functions, so this module calls neither through a
 * pointer. An indirect call target must start with ENDBR64 (f3 0f 1e fa);
 * is_endbr() is not used because it also accepts the sealed NOP.
 */
static bool provium_callable(const void *fn)
{
	static const u8 endbr64[] = { 0xf3, 0x0f, 0x1e, 0xfa };
	u8 insn[sizeof(endbr64)];

	if (!fn)
		return false;
	if (!IS_ENABLED(CONFIG_X86_KERNEL_IBT))
		return true;
	if (copy_from_kernel_nofault(insn, fn, sizeof(insn)))
		return false;
	return !memcmp(insn, endbr64, sizeof(insn));
}

/*
 * kallsyms_lookup_name() is neither exported nor callable through a
 * pointer. register_kprobe() calls it directly to turn a symbol_name into
 * an address, for data symbols too (the registration then fails: data is
 * not text). A return probe on kallsyms_lookup_name(), filtered to that one
 * call by its name argument and task, reads the value it returns.
 */
static struct {
	struct task_struct *task;
	const char *name;
	unsigned long addr;
	bool found;
} provium_lookup;

static int provium_lookup_entry(struct kretprobe_instance *ri,
				struct pt_regs *regs)
{
	/* non-zero: not the lookup this module asked for, no return probe */
	return current != READ_ONCE(provium_lookup.task) ||
	       regs->di != (unsigned long)READ_ONCE(provium_lookup.name);
}

static int provium_lookup_return(struct kretprobe_instance *ri,
				 struct pt_regs *regs)
{
	provium_lookup.addr = regs_return_value(regs);
	provium_lookup.found = true;
	return 0;
}

static struct kretprobe provium_lookup_probe = {
	.kp.symbol_name = "kallsyms_lookup_name",
	.entry_handler = provium_lookup_entry,
	.handler = provium_lookup_return,
	.maxactive = 16,
};

/* The address of @name, or 0; provium_lookup_probe must be registered. */
unsigned long provium_resolve(const char *name)
{
	struct kprobe kp = { .symbol_name = name };

	provium_lookup.addr = 0;
	provium_lookup.found = false;
	WRITE_ONCE(provium_lookup.name, name);
	WRITE_ONCE(provium_lookup.task, current);
	if (!register_kprobe(&kp))
		unregister_kprobe(&kp);
	WRITE_ONCE(provium_lookup.task, NULL);
	WRITE_ONCE(provium_lookup.name, NULL);
	return provium_lookup.found ? provium_lookup.addr : 0;
}

/* The kernel command line must carry provium.enable=1. */
static bool provium_enabled(char **cmdline)
{
	const char *p;

	if (!cmdline || !*cmdline)
		return false;
	for (p = *cmdline; (p = strstr(p, "provium.enable=1")); p++) {
		char next = p[strlen("provium.enable=1")];

		if ((p == *cmdline || p[-1] == ' ') && (!next || next == ' '))
			return true;
	}
	return false;
}

/*
 * sys_call_table is what the module calls through: its entries are
 * address-taken, so they keep their ENDBR64. Checked to be the symbol it
 * claims to be, at least as large as the table this module was built for
 * (kallsyms counts the padding up to the next symbol too), and every entry
 * to be a valid indirect call target.
 */
static bool provium_table_ok(const provium_sys_fn_t *table)
{
	static const char want[] = "sys_call_table+0x0/";
	char sym[KSYM_SYMBOL_LEN];
	unsigned long size;
	unsigned int nr;

	if (!table)
		return false;
	sprint_symbol(sym, (unsigned long)table);
	if (strncmp(sym, want, strlen(want)) ||
	    kstrtoul(sym + strlen(want), 16, &size) ||
	    size < NR_syscalls * sizeof(*table)) {
		pr_err("sys_call_table is %s, not a %u-entry table\n", sym,
		       NR_syscalls);
		return false;
	}
	for (nr = 0; nr < NR_syscalls; nr++) {
		if (!provium_callable(table[nr])) {
			pr_err("sys_call_table[%u] (%ps) has no ENDBR64\n",
			       nr, table[nr]);
			return false;
		}
	}
	return true;
}

static int provium_find_dispatcher(void)
{
	const provium_sys_fn_t *table;
	provium_sys_call_t x64;

	table = (const provium_sys_fn_t *)provium_resolve("sys_call_table");
	if (provium_table_ok(table)) {
		provium_sys_call_table = table;
		provium_dispatch_mode = PROVIUM_DISPATCH_TABLE;
		return 0;
	}
	/* a kernel without the table: x64_sys_call, unless it is sealed */
	x64 = (provium_sys_call_t)provium_resolve("x64_sys_call");
	if (provium_callable(x64)) {
		provium_x64_sys_call = x64;
		provium_dispatch_mode = PROVIUM_DISPATCH_X64_SYS_CALL;
		return 0;
	}
	pr_err("no usable sys_call_table, and x64_sys_call %s\n",
	       x64 ? "has no ENDBR64" : "is missing");
	return -ENOENT;
}

/* ---- syscalls registered by modules under test ---- */

/* By number - PROVIUM_EXT_NR_MIN. */
static struct provium_ext {
	provium_syscall_fn fn;
	struct module *owner;
} provium_ext[PROVIUM_EXT_NR_COUNT];
static DEFINE_SPINLOCK(provium_ext_lock);

int provium_register_syscall(unsigned int nr, provium_syscall_fn fn,
			     struct module *owner)
{
	struct provium_ext *x;
	int err = 0;

	if (nr < PROVIUM_EXT_NR_MIN ||
	    nr - PROVIUM_EXT_NR_MIN >= PROVIUM_EXT_NR_COUNT ||
	    !provium_callable(fn))
		return -EINVAL;
	x = &provium_ext[nr - PROVIUM_EXT_NR_MIN];
	spin_lock(&provium_ext_lock);
	if (x->fn) {
		err = -EBUSY;
	} else {
		x->fn = fn;
		x->owner = owner;
	}
	spin_unlock(&provium_ext_lock);
	return err;
}
EXPORT_SYMBOL_GPL(provium_register_syscall);

void provium_unregister_syscall(unsigned int nr)
{
	if (nr < PROVIUM_EXT_NR_MIN ||
	    nr - PROVIUM_EXT_NR_MIN >= PROVIUM_EXT_NR_COUNT)
		return;
	spin_lock(&provium_ext_lock);
	provium_ext[nr - PROVIUM_EXT_NR_MIN].fn = NULL;
	provium_ext[nr - PROVIUM_EXT_NR_MIN].owner = NULL;
	spin_unlock(&provium_ext_lock);
}
EXPORT_SYMBOL_GPL(provium_unregister_syscall);

/* A registered handler, with a reference on its module, or NULL. */
static struct provium_ext provium_ext_get(u64 nr)
{
	struct provium_ext x = { NULL, NULL };

	if (nr < PROVIUM_EXT_NR_MIN ||
	    nr - PROVIUM_EXT_NR_MIN >= PROVIUM_EXT_NR_COUNT)
		return x;
	nr = array_index_nospec(nr - PROVIUM_EXT_NR_MIN, PROVIUM_EXT_NR_COUNT);
	spin_lock(&provium_ext_lock);
	x = provium_ext[nr];
	/* the module cannot go away while its handler runs */
	if (x.fn && !try_module_get(x.owner))
		x.fn = NULL;
	spin_unlock(&provium_ext_lock);
	return x;
}

/* ---- dispatch ---- */

/* Inlined: under provium_graph_call() the call's first function must be its own. */
static __always_inline void provium_fill_regs(struct pt_regs *regs, u64 nr, const u64 *args)
{
	memset(regs, 0, sizeof(*regs));
	regs->di = args[0];
	regs->si = args[1];
	regs->dx = args[2];
	regs->r10 = args[3];
	regs->r8 = args[4];
	regs->r9 = args[5];
	regs->orig_ax = nr;
	regs->ax = -ENOSYS;
}

static __always_inline long provium_dispatch(u64 nr, const u64 *args)
{
	struct pt_regs regs;

	if (nr >= NR_syscalls) {
		struct provium_ext x = provium_ext_get(nr);
		long ret;

		if (!x.fn)
			return -ENOSYS;
		provium_fill_regs(&regs, nr, args);
		ret = x.fn(&regs);
		module_put(x.owner);
		return ret;
	}
	nr = array_index_nospec(nr, NR_syscalls);
	provium_fill_regs(&regs, nr, args);
	if (provium_sys_call_table)
		return provium_sys_call_table[nr](&regs);
	return provium_x64_sys_call(&regs, nr);
}

/*
 * The function tracefs's set_graph_function names: the function_graph
 * tracer records the subtree of exactly the calls that run through here
 * (PROVIUM_CALL_GRAPH). Not static, so it keeps its name.
 */
noinline long provium_graph_call(u64 nr, const u64 *args)
{
	return provium_dispatch(nr, args);
}

/* ---- calls in flight, for probes in any context ---- */

struct provium_inflight provium_inflight[PROVIUM_INFLIGHT_MAX];
atomic_t provium_inflight_count = ATOMIC_INIT(0);

/* Claim a slot for the current task's call to @nr; NULL if all are taken. */
static struct provium_inflight *provium_inflight_enter(u64 nr)
{
	int i;

	for (i = 0; i < PROVIUM_INFLIGHT_MAX; i++) {
		struct provium_inflight *s = &provium_inflight[i];

		if (READ_ONCE(s->task) || cmpxchg(&s->task, NULL, current))
			continue;
		/* seen by others only once task is set: they read them racily */
		WRITE_ONCE(s->pid, task_pid_nr(current));
		WRITE_ONCE(s->nr, nr);
		s->errno_call = NULL;
		atomic_inc(&provium_inflight_count);
		return s;
	}
	return NULL;
}

static void provium_inflight_leave(struct provium_inflight *s)
{
	if (!s)
		return;
	atomic_dec(&provium_inflight_count);
	/* the slot's fields are written before the next owner can claim it */
	smp_store_release(&s->task, NULL);
}

/* ---- tasks inside an ioctl ---- */

/*
 * Every task running a /dev/provium ioctl is listed here while it does.
 * A task found already listed is a call dispatched by the module coming
 * back to it (an ioctl on /dev/provium described as the call): refused
 * with -EDEADLK before anything is taken. The entry also says which
 * staging file the task is mapping, the only mapping of it allowed.
 */
struct provium_task {
	struct hlist_node node;
	struct task_struct *task;
	struct file *mapping;
};

static DEFINE_HASHTABLE(provium_tasks, 6);
static DEFINE_SPINLOCK(provium_tasks_lock);

static struct provium_task *provium_task_find(void)
{
	struct provium_task *t;

	lockdep_assert_held(&provium_tasks_lock);
	hash_for_each_possible(provium_tasks, t, node, (unsigned long)current)
		if (t->task == current)
			return t;
	return NULL;
}

static int provium_task_enter(struct provium_task *t)
{
	int err = 0;

	t->task = current;
	t->mapping = NULL;
	spin_lock(&provium_tasks_lock);
	if (provium_task_find())
		err = -EDEADLK;
	else
		hash_add(provium_tasks, &t->node, (unsigned long)current);
	spin_unlock(&provium_tasks_lock);
	return err;
}

static void provium_task_leave(struct provium_task *t)
{
	spin_lock(&provium_tasks_lock);
	hash_del(&t->node);
	spin_unlock(&provium_tasks_lock);
}

/* ---- staging areas ---- */

/*
 * Buffers are staged in private anonymous memory mapped from a file the
 * module owns (one per open of /dev/provium). Its mmap refuses every
 * mapping the module is not making itself, and no descriptor of it ever
 * reaches user space, so a mapping whose vm_file is that file, exactly at
 * the recorded range, is one the module made: user space cannot forge it
 * (an anonymous mapping with MADV_DONTFORK, say). Each copy into or out of
 * an area checks that under the same hold of the mmap lock, so an area
 * unmapped or replaced meanwhile is never written.
 */
struct provium_map {
	unsigned long addr;
	unsigned long len;	/* exactly what was mapped */
	bool kept;		/* the file's kept area, else mapped for one call */
};

struct provium_file {
	struct file *area_file;	/* what every staging mapping maps */
	struct provium_errno_file errno;	/* the last errno origin asked for */
	unsigned long flags;	/* PROVIUM_AREA_BUSY */
	/* the kept area: only touched by the call holding PROVIUM_AREA_BUSY */
	struct mm_struct *mm;	/* whose memory it is in (a grabbed reference) */
	struct provium_map area;
};

#define PROVIUM_AREA_BUSY	0	/* the kept area is lent to a call */
#define PROVIUM_AREA_MIN	(64UL << 10)
#define PROVIUM_AREA_KEEP	(1UL << 20)	/* larger: mapped for one call */
#define PROVIUM_STAGE_TRIES	3	/* areas replaced under us before giving up */
#define PROVIUM_FAULT_TRIES	8	/* faults in a row with no progress */

static int provium_area_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct provium_task *t;
	bool ours;

	spin_lock(&provium_tasks_lock);
	t = provium_task_find();
	ours = t && t->mapping == file;
	spin_unlock(&provium_tasks_lock);
	if (!ours || (vma->vm_flags & VM_SHARED))
		return -EPERM;
	/* like a private mapping of /dev/zero; never merged, grown or inherited */
	vma_set_anonymous(vma);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTEXPAND);
#else
	vma->vm_flags |= VM_DONTCOPY | VM_DONTEXPAND;
#endif
	return 0;
}

static const struct file_operations provium_area_fops = {
	.owner = THIS_MODULE,
	.mmap = provium_area_mmap,
};

/*
 * Is @m still the mapping the module made of @file, with at least the
 * @need permissions? Under the mmap lock.
 */
static bool provium_map_ours(struct mm_struct *mm, struct file *file,
			     const struct provium_map *m, unsigned long need)
{
	struct vm_area_struct *vma;

	mmap_assert_locked(mm);
	vma = find_vma(mm, m->addr);
	return vma && vma->vm_start == m->addr &&
	       vma->vm_end == m->addr + m->len && vma->vm_file == file &&
	       (vma->vm_flags & need) == need;
}

/* A new mapping of @len bytes of the file, in the caller's memory. */
static int provium_map_new(struct provium_file *pf, struct provium_task *t,
			   unsigned long len, struct provium_map *m)
{
	unsigned long addr;

	len = PAGE_ALIGN(len);
	WRITE_ONCE(t->mapping, pf->area_file);
	addr = vm_mmap(pf->area_file, 0, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_POPULATE, 0);
	WRITE_ONCE(t->mapping, NULL);
	if (IS_ERR_VALUE(addr))
		return (int)addr;
	m->addr = addr;
	m->len = len;
	return 0;
}

/*
 * Unmap @m if it is still the module's mapping. (A thread that replaces it
 * after the check and before vm_munmap() takes the lock again loses its own
 * mapping there: no exported call checks and unmaps under one lock hold.)
 */
static void provium_map_drop(struct file *file, struct provium_map *m)
{
	struct mm_struct *mm = current->mm;
	bool ours;

	if (!m->addr || !mm)
		return;
	if (mmap_read_lock_killable(mm))
		return;		/* dying: the whole address space goes */
	ours = provium_map_ours(mm, file, m, 0);
	mmap_read_unlock(mm);
	if (ours)
		vm_munmap(m->addr, m->len);
	m->addr = 0;
	m->len = 0;
}

/* The kept area is no longer in use; the caller holds PROVIUM_AREA_BUSY. */
static void provium_area_forget(struct provium_file *pf)
{
	if (pf->mm)
		mmdrop(pf->mm);
	pf->mm = NULL;
	pf->area.addr = 0;
	pf->area.len = 0;
}

/* Make the kept area at least @need bytes; the caller holds the flag. */
static int provium_area_ready(struct provium_file *pf, struct provium_task *t,
			      u64 need, struct provium_map *m)
{
	int err;

	if (pf->area.addr && pf->area.len < need) {
		provium_map_drop(pf->area_file, &pf->area);
		provium_area_forget(pf);
	}
	if (!pf->area.addr) {
		err = provium_map_new(pf, t, max_t(u64, need, PROVIUM_AREA_MIN),
				      &pf->area);
		if (err)
			return err;
		mmgrab(current->mm);
		pf->mm = current->mm;
	}
	m->addr = pf->area.addr;
	m->len = pf->area.len;
	return 0;
}

/*
 * Copy between the kernel and user memory with the mmap lock held: page
 * faults are disabled (a fault would take the lock again) and a missing
 * page is faulted in under the same hold.
 */
static int provium_copy_locked(struct mm_struct *mm, unsigned long uaddr,
			       u8 *kbuf, unsigned long len, bool to_user)
{
	unsigned int stuck = 0;

	while (len) {
		unsigned long left;

		pagefault_disable();
		if (to_user)
			left = copy_to_user((void __user *)uaddr, kbuf, len);
		else
			left = copy_from_user(kbuf, (const void __user *)uaddr,
					      len);
		pagefault_enable();
		uaddr += len - left;
		kbuf += len - left;
		stuck = left == len ? stuck + 1 : 0;
		len = left;
		if (!len)
			break;
		if (stuck > PROVIUM_FAULT_TRIES || fatal_signal_pending(current))
			return -EFAULT;
		if (fixup_user_fault(mm, uaddr, to_user ? FAULT_FLAG_WRITE : 0,
				     NULL))
			return -EFAULT;
	}
	return 0;
}

/*
 * Copy the inputs into @m and patch pointers, all under one mmap lock
 * hold that also checks @m is still ours: -EAGAIN if it is not.
 */
static int provium_stage_locked(struct provium_file *pf,
				const struct provium_map *m,
				struct provium_call *c, const u64 *place,
				u64 *args)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	const struct provium_patch *p = provium_desc_patches(c);
	struct mm_struct *mm = current->mm;
	int err = 0;
	u32 i;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	if (!provium_map_ours(mm, pf->area_file, m, VM_READ | VM_WRITE)) {
		err = -EAGAIN;
		goto out_unlock;
	}
	for (i = 0; i < c->nbufs; i++) {
		err = provium_copy_locked(mm, m->addr + place[i],
					  (u8 *)c + b[i].offset, b[i].len, true);
		if (err)
			goto out_unlock;
		if (b[i].arg != PROVIUM_ARG_NONE)
			args[b[i].arg] = m->addr + place[i];
	}
	for (i = 0; i < c->npatches; i++) {
		u64 ptr = m->addr + place[p[i].target];

		err = provium_copy_locked(mm, m->addr + place[p[i].buf] +
					  p[i].offset, (u8 *)&ptr, sizeof(ptr),
					  true);
		if (err)
			goto out_unlock;
	}
out_unlock:
	mmap_read_unlock(mm);
	return err;
}

/*
 * Stage the buffers: in the file's kept area if no other call has it and
 * it is in this process, else in a mapping for this call only. *@m is what
 * provium_area_done() gives back, whatever this returns.
 */
static int provium_stage(struct provium_file *pf, struct provium_task *t,
			 struct provium_call *c, u64 *place, u64 *args,
			 struct provium_map *m)
{
	u64 need = provium_desc_layout(c, place);
	int tries, err;

	memset(m, 0, sizeof(*m));
	if (need <= PROVIUM_AREA_KEEP &&
	    !test_and_set_bit_lock(PROVIUM_AREA_BUSY, &pf->flags)) {
		/* the area's process exited or exec'd: its area went with it */
		if (pf->mm && pf->mm != current->mm &&
		    !atomic_read(&pf->mm->mm_users))
			provium_area_forget(pf);
		m->kept = !pf->mm || pf->mm == current->mm;
		if (!m->kept)
			clear_bit_unlock(PROVIUM_AREA_BUSY, &pf->flags);
	}
	for (tries = 0; tries < PROVIUM_STAGE_TRIES; tries++) {
		if (m->kept)
			err = provium_area_ready(pf, t, need, m);
		else
			err = provium_map_new(pf, t, need, m);
		if (err)
			return err;
		err = provium_stage_locked(pf, m, c, place, args);
		if (err != -EAGAIN)
			return err;
		/* unmapped or replaced under us: never written, map another */
		if (m->kept) {
			provium_map_drop(pf->area_file, &pf->area);
			provium_area_forget(pf);
			m->addr = 0;
		} else {
			provium_map_drop(pf->area_file, m);
		}
	}
	return -EAGAIN;
}

/* Copy the output buffers out of @m, if it is still ours. */
static int provium_collect_outputs(struct provium_file *pf,
				   const struct provium_map *m,
				   struct provium_call *c, const u64 *place)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	struct mm_struct *mm = current->mm;
	int err = 0;
	u32 i;

	for (i = 0; i < c->nbufs; i++)
		if (b[i].flags & PROVIUM_BUF_OUT)
			break;
	if (i == c->nbufs)
		return 0;
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	if (!provium_map_ours(mm, pf->area_file, m, VM_READ)) {
		err = -EFAULT;		/* the call's outputs are gone */
		goto out_unlock;
	}
	for (; i < c->nbufs && !err; i++) {
		if (!(b[i].flags & PROVIUM_BUF_OUT))
			continue;
		err = provium_copy_locked(mm, m->addr + place[i],
					  (u8 *)c + b[i].offset, b[i].len,
					  false);
	}
out_unlock:
	mmap_read_unlock(mm);
	return err;
}

/* The call is over with @m: unmap a one-call mapping, free the kept area. */
static void provium_area_done(struct provium_file *pf, struct provium_map *m)
{
	if (m->kept)
		clear_bit_unlock(PROVIUM_AREA_BUSY, &pf->flags);
	else
		provium_map_drop(pf->area_file, m);
}

/* ---- the ioctls ---- */

/* Copy the results header and every output buffer back to the caller. */
static int provium_copy_back(void __user *uarg, const struct provium_call *c)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	u32 i;

	for (i = 0; i < c->nbufs; i++) {
		if (!(b[i].flags & PROVIUM_BUF_OUT))
			continue;
		if (copy_to_user((u8 __user *)uarg + b[i].offset,
				 (const u8 *)c + b[i].offset, b[i].len))
			return -EFAULT;
	}
	if (copy_to_user(uarg, c, sizeof(*c)))
		return -EFAULT;
	return 0;
}

/*
 * Run the call: in a slot (reports raised meanwhile name it), followed for
 * its errno origin and under provium_graph_call() if it asks.
 */
static void provium_run(struct provium_file *pf, struct provium_call *c, const u64 *args)
{
	struct provium_errno_call *ec = NULL;
	struct provium_events_mark mark;
	struct provium_inflight *slot;
	u64 t0;

	slot = provium_inflight_enter(c->nr);
	provium_events_call_begin(&mark);
	if (c->flags & PROVIUM_CALL_ERRNO)
		ec = provium_errno_begin(slot);
	t0 = ktime_get_ns();
	if (c->flags & PROVIUM_CALL_GRAPH)
		c->kernel_ret = provium_graph_call(c->nr, args);
	else
		c->kernel_ret = provium_dispatch(c->nr, args);
	c->time_ns = ktime_get_ns() - t0;
	if (ec)
		provium_errno_end(&pf->errno, slot, ec, c->kernel_ret);
	/* the agent reads its events socket only after a call that sent some */
	c->reports = provium_events_call_end(slot, &mark);
	provium_inflight_leave(slot);
}

static long provium_ioctl_call(struct provium_file *pf, struct provium_task *t,
			       void __user *uarg)
{
	struct provium_call hdr, *c;
	struct provium_map m = { 0 };
	u64 place[PROVIUM_MAX_BUFS];
	u64 args[PROVIUM_NARGS];
	long err;

	if (copy_from_user(&hdr, uarg, sizeof(hdr)))
		return -EFAULT;
	err = provium_desc_check_header(&hdr);
	if (err)
		return err;

	c = kvmalloc(hdr.size, GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	err = -EFAULT;
	if (copy_from_user(c, uarg, hdr.size))
		goto out_free;
	/* The caller may have changed the header in between: check this copy. */
	err = -EINVAL;
	if (c->size != hdr.size)
		goto out_free;
	err = provium_desc_check(c);
	if (err)
		goto out_free;

	c->executor = PROVIUM_EXEC_MODULE;
	c->time_ns = 0;
	c->reports = 0;
	if (provium_call_needs_frame(c->nr)) {
		c->status = PROVIUM_STATUS_REFUSED;
		c->ret = c->kernel_ret = 0;
		err = copy_to_user(uarg, c, sizeof(*c)) ? -EFAULT : 0;
		goto out_free;
	}

	memcpy(args, c->args, sizeof(args));
	if (c->nbufs) {
		err = provium_stage(pf, t, c, place, args, &m);
		if (err)
			goto out_done;
	}

	provium_run(pf, c, args);
	c->ret = provium_user_ret(c->kernel_ret);
	c->status = PROVIUM_STATUS_DONE;

	/*
	 * Whatever the call returned, this ioctl returns 0 or its own error:
	 * a restart code leaking out here would run the call a second time.
	 */
	err = c->nbufs ? provium_collect_outputs(pf, &m, c, place) : 0;
	if (!err)
		err = provium_copy_back(uarg, c);
out_done:
	if (c->nbufs)
		provium_area_done(pf, &m);
out_free:
	kvfree(c);
	return err;
}

static long provium_ioctl_info(void __user *uarg)
{
	struct provium_info info = {
		.size = sizeof(info),
		.version = PROVIUM_UAPI_VERSION,
		.dispatch = provium_dispatch_mode,
		.features = provium_errno_features() | provium_events_features(),
	};

	return copy_to_user(uarg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long provium_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct provium_file *pf = file->private_data;
	struct provium_task t;
	long ret;

	if (cmd != PROVIUM_IOC_CALL && cmd != PROVIUM_IOC_INFO &&
	    cmd != PROVIUM_IOC_ERRNO_ARM && cmd != PROVIUM_IOC_ERRNO_RESULT)
		return -ENOTTY;
	/* descriptions carry 64-bit pointers and x86_64 syscall numbers */
	if (in_compat_syscall())
		return -EOPNOTSUPP;
	/* first, before any lock: an ioctl dispatched by this one */
	ret = provium_task_enter(&t);
	if (ret)
		return ret;
	if (!capable(CAP_SYS_ADMIN))
		ret = -EPERM;
	else if (cmd == PROVIUM_IOC_CALL)
		ret = provium_ioctl_call(pf, &t, (void __user *)arg);
	else if (cmd == PROVIUM_IOC_ERRNO_ARM)
		ret = provium_errno_arm(file, (void __user *)arg);
	else if (cmd == PROVIUM_IOC_ERRNO_RESULT)
		ret = provium_errno_result(&pf->errno, (void __user *)arg);
	else
		ret = provium_ioctl_info((void __user *)arg);
	provium_task_leave(&t);
	return ret;
}

static long provium_compat_ioctl(struct file *file, unsigned int cmd,
				 unsigned long arg)
{
	if (cmd != PROVIUM_IOC_CALL && cmd != PROVIUM_IOC_INFO &&
	    cmd != PROVIUM_IOC_ERRNO_ARM && cmd != PROVIUM_IOC_ERRNO_RESULT)
		return -ENOTTY;
	return -EOPNOTSUPP;
}

static int provium_open(struct inode *inode, struct file *file)
{
	struct provium_file *pf = kzalloc(sizeof(*pf), GFP_KERNEL);

	if (!pf)
		return -ENOMEM;
	pf->area_file = anon_inode_getfile("[provium-staging]",
					   &provium_area_fops, NULL, O_RDWR);
	if (IS_ERR(pf->area_file)) {
		int err = PTR_ERR(pf->area_file);

		kfree(pf);
		return err;
	}
	provium_errno_file_init(&pf->errno);
	file->private_data = pf;
	return 0;
}

static int provium_release(struct inode *inode, struct file *file)
{
	struct provium_file *pf = file->private_data;

	provium_errno_file_release(&pf->errno, file);
	/* at exit the address space is gone already; else give the area back */
	if (current->mm && current->mm == pf->mm)
		provium_map_drop(pf->area_file, &pf->area);
	provium_area_forget(pf);
	fput(pf->area_file);
	kfree(pf);
	return 0;
}

static const struct file_operations provium_fops = {
	.owner = THIS_MODULE,
	.open = provium_open,
	.release = provium_release,
	.unlocked_ioctl = provium_ioctl,
	.compat_ioctl = provium_compat_ioctl,
};

static struct miscdevice provium_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "provium",
	.fops = &provium_fops,
	.mode = 0600,
};

/* ---- generic netlink: module info and reports, for the agent's libnl-genl ---- */

static int provium_genl_get_info(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &provium_genl, 0,
				PROVIUM_CMD_GET_INFO);
	if (!hdr)
		goto err_free;
	if (nla_put_u32(msg, PROVIUM_ATTR_VERSION, PROVIUM_UAPI_VERSION) ||
	    nla_put_u32(msg, PROVIUM_ATTR_DISPATCH, provium_dispatch_mode) ||
	    nla_put_string(msg, PROVIUM_ATTR_KERNEL_RELEASE,
			   init_utsname()->release) ||
	    nla_put_u32(msg, PROVIUM_ATTR_FEATURES,
			provium_errno_features() | provium_events_features()))
		goto err_free;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static const struct genl_small_ops provium_genl_ops[] = {
	{
		.cmd = PROVIUM_CMD_GET_INFO,
		.doit = provium_genl_get_info,
	},
};

static const struct nla_policy provium_genl_policy[PROVIUM_ATTR_MAX + 1] = {
	[PROVIUM_ATTR_VERSION] = { .type = NLA_U32 },
	[PROVIUM_ATTR_DISPATCH] = { .type = NLA_U32 },
	[PROVIUM_ATTR_KERNEL_RELEASE] = { .type = NLA_NUL_STRING },
	[PROVIUM_ATTR_EVENT_KIND] = { .type = NLA_U32 },
	[PROVIUM_ATTR_EVENT_TEXT] = { .type = NLA_NUL_STRING },
	[PROVIUM_ATTR_FEATURES] = { .type = NLA_U32 },
	[PROVIUM_ATTR_EVENT_CONTEXT] = { .type = NLA_U32 },
	[PROVIUM_ATTR_EVENT_PID] = { .type = NLA_U32 },
	[PROVIUM_ATTR_EVENT_COMM] = { .type = NLA_NUL_STRING },
	[PROVIUM_ATTR_EVENT_CALL_PID] = { .type = NLA_U32 },
	[PROVIUM_ATTR_EVENT_CALL_NR] = { .type = NLA_U64 },
	[PROVIUM_ATTR_EVENT_VIA] = { .type = NLA_U32 },
	[PROVIUM_ATTR_EVENT_SEQ] = { .type = NLA_U64 },
};

static const struct genl_multicast_group provium_genl_mcgrps[] = {
	{ .name = PROVIUM_GENL_MCGRP },
};

struct genl_family provium_genl = {
	.name = PROVIUM_GENL_NAME,
	.version = PROVIUM_GENL_VERSION,
	.maxattr = PROVIUM_ATTR_MAX,
	.policy = provium_genl_policy,
	.module = THIS_MODULE,
	.small_ops = provium_genl_ops,
	.n_small_ops = ARRAY_SIZE(provium_genl_ops),
	.mcgrps = provium_genl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(provium_genl_mcgrps),
};

/* ---- loading ---- */

static int provium_resolve_all(void)
{
	int err;

	err = register_kretprobe(&provium_lookup_probe);
	if (err) {
		pr_err("cannot probe kallsyms_lookup_name: %d\n", err);
		return err;
	}
	if (!provium_enabled((char **)provium_resolve("saved_command_line"))) {
		pr_info("not loading: kernel command line lacks provium.enable=1\n");
		err = -EPERM;
	} else {
		err = provium_find_dispatcher();
		provium_errno_resolve();
	}
	unregister_kretprobe(&provium_lookup_probe);
	return err;
}

static int __init provium_init(void)
{
	int err;

	err = provium_resolve_all();
	if (err)
		return err;

	err = misc_register(&provium_misc);
	if (err)
		return err;
	err = genl_register_family(&provium_genl);
	if (err)
		goto err_misc;
	err = provium_events_init();
	if (err)
		goto err_genl;
	pr_info("ready (dispatch via %s, errno origins %s)\n",
		provium_sys_call_table ? "sys_call_table" : "x64_sys_call",
		provium_errno_features() & PROVIUM_FEAT_ERRNO_FPROBE ? "via fprobe" :
		provium_errno_features() ? "via ftrace and rethook" : "unavailable");
	return 0;

err_genl:
	genl_unregister_family(&provium_genl);
err_misc:
	misc_deregister(&provium_misc);
	return err;
}

static void __exit provium_exit(void)
{
	provium_errno_exit();
	provium_events_exit();
	genl_unregister_family(&provium_genl);
	misc_deregister(&provium_misc);
}

module_init(provium_init);
module_exit(provium_exit);

MODULE_DESCRIPTION("Provium: dispatch described system calls in kernel context");
MODULE_AUTHOR("Provium developers");
MODULE_LICENSE("GPL");
