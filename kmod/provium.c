// SPDX-License-Identifier: GPL-2.0
/*
 * provium.ko - dispatch system calls described from a test script in the
 * calling process's own context, so the script sees exactly what the
 * kernel returned.
 *
 * /dev/provium takes one ioctl, PROVIUM_IOC_CALL, carrying a complete call
 * description (see provium_uapi.h). The module validates it, stages the
 * buffers in the caller's memory with vm_mmap(), patches the embedded
 * pointers, runs the system call, copies the output buffers back and unmaps.
 * A generic netlink family "provium" answers GET_INFO.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/sched/mm.h>
#include <linux/utsname.h>
#include <net/genetlink.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#include "provium_desc.h"
#include "provium_ext.h"

typedef long (*provium_sys_call_t)(const struct pt_regs *regs, unsigned int nr);
typedef long (*provium_sys_fn_t)(const struct pt_regs *regs);
typedef unsigned long (*provium_lookup_t)(const char *name);

/*
 * Declared so the agent may pass "provium.enable=1" from the command line
 * the way modprobe does; the command line itself is what is checked.
 */
static bool enable;
module_param(enable, bool, 0444);
MODULE_PARM_DESC(enable, "must be set on the kernel command line (provium.enable=1)");

static provium_sys_call_t provium_x64_sys_call;
static const provium_sys_fn_t *provium_sys_call_table;
static u32 provium_dispatch_mode;

/*
 * kallsyms_lookup_name() is not exported; a kprobe on it resolves its
 * address, which then finds the dispatcher.
 */
static provium_lookup_t provium_find_lookup(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	provium_lookup_t fn;

	if (register_kprobe(&kp) < 0)
		return NULL;
	fn = (provium_lookup_t)kp.addr;
	unregister_kprobe(&kp);
	return fn;
}

/* The kernel command line must carry provium.enable=1. */
static bool provium_enabled(provium_lookup_t lookup)
{
	char **cmdline = (char **)lookup("saved_command_line");
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

/* Syscalls registered by modules under test, by number - PROVIUM_EXT_NR_MIN. */
static struct provium_ext {
	provium_syscall_fn fn;
	struct module *owner;
} provium_ext[PROVIUM_EXT_NR_COUNT];
static DEFINE_MUTEX(provium_ext_lock);

int provium_register_syscall(unsigned int nr, provium_syscall_fn fn,
			     struct module *owner)
{
	struct provium_ext *x;
	int err = 0;

	if (nr < PROVIUM_EXT_NR_MIN ||
	    nr - PROVIUM_EXT_NR_MIN >= PROVIUM_EXT_NR_COUNT || !fn)
		return -EINVAL;
	x = &provium_ext[nr - PROVIUM_EXT_NR_MIN];
	mutex_lock(&provium_ext_lock);
	if (x->fn) {
		err = -EBUSY;
	} else {
		x->fn = fn;
		x->owner = owner;
	}
	mutex_unlock(&provium_ext_lock);
	return err;
}
EXPORT_SYMBOL_GPL(provium_register_syscall);

void provium_unregister_syscall(unsigned int nr)
{
	if (nr < PROVIUM_EXT_NR_MIN ||
	    nr - PROVIUM_EXT_NR_MIN >= PROVIUM_EXT_NR_COUNT)
		return;
	mutex_lock(&provium_ext_lock);
	provium_ext[nr - PROVIUM_EXT_NR_MIN].fn = NULL;
	provium_ext[nr - PROVIUM_EXT_NR_MIN].owner = NULL;
	mutex_unlock(&provium_ext_lock);
}
EXPORT_SYMBOL_GPL(provium_unregister_syscall);

/* A registered handler, with a reference on its module, or NULL. */
static struct provium_ext provium_ext_get(u64 nr)
{
	struct provium_ext x = { NULL, NULL };

	if (nr < PROVIUM_EXT_NR_MIN ||
	    nr - PROVIUM_EXT_NR_MIN >= PROVIUM_EXT_NR_COUNT)
		return x;
	mutex_lock(&provium_ext_lock);
	x = provium_ext[nr - PROVIUM_EXT_NR_MIN];
	/* the module cannot go away while its handler runs */
	if (x.fn && !try_module_get(x.owner))
		x.fn = NULL;
	mutex_unlock(&provium_ext_lock);
	return x;
}

static void provium_fill_regs(struct pt_regs *regs, u64 nr, const u64 *args)
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

static long provium_dispatch(u64 nr, const u64 *args)
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
	provium_fill_regs(&regs, nr, args);
	if (provium_x64_sys_call)
		return provium_x64_sys_call(&regs, nr);
	return provium_sys_call_table[nr](&regs);
}

/*
 * Per open file: the staging area kept in the caller's memory between
 * calls, so a call with buffers does not map, fault in and unmap a fresh
 * area each time. It is marked VM_DONTCOPY, which nothing in user space
 * can set on anonymous memory together with our exact range: that is how
 * a later call tells our area from one a test mapped in its place.
 */
struct provium_file {
	struct mutex lock;		/* one call at a time per open file */
	struct mm_struct *mm;		/* whose area (a grabbed reference) */
	unsigned long area;
	unsigned long area_len;
};

#define PROVIUM_AREA_MIN	(64UL << 10)
#define PROVIUM_AREA_KEEP	(1UL << 20)	/* larger: mapped for one call */

static bool provium_area_ours(struct provium_file *pf)
{
	struct vm_area_struct *vma;
	bool ours;

	if (!pf->area || pf->mm != current->mm)
		return false;
	mmap_read_lock(current->mm);
	vma = find_vma(current->mm, pf->area);
	ours = vma && vma->vm_start == pf->area &&
	       vma->vm_end == pf->area + pf->area_len && vma_is_anonymous(vma) &&
	       (vma->vm_flags & VM_DONTCOPY) &&
	       (vma->vm_flags & (VM_READ | VM_WRITE)) == (VM_READ | VM_WRITE);
	mmap_read_unlock(current->mm);
	return ours;
}

static void provium_area_forget(struct provium_file *pf)
{
	if (pf->mm)
		mmdrop(pf->mm);
	pf->mm = NULL;
	pf->area = 0;
	pf->area_len = 0;
}

/* Mark a fresh mapping as ours; false if it merged with a neighbour. */
static bool provium_area_mark(unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma;
	bool marked = false;

	mmap_write_lock(current->mm);
	vma = find_vma(current->mm, addr);
	if (vma && vma->vm_start == addr && vma->vm_end == addr + len) {
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
		vm_flags_set(vma, VM_DONTCOPY);
#else
		vma->vm_flags |= VM_DONTCOPY;
#endif
		marked = true;
	}
	mmap_write_unlock(current->mm);
	return marked;
}

/*
 * An area of at least @need bytes for this call. *@oneshot says the caller
 * must unmap it afterwards (large, shared file, or not markable).
 */
static long provium_area_get(struct provium_file *pf, u64 need, bool *oneshot)
{
	unsigned long addr, len;

	*oneshot = need > PROVIUM_AREA_KEEP ||
		   (pf->mm && pf->mm != current->mm);
	if (!*oneshot && provium_area_ours(pf)) {
		if (pf->area_len >= need)
			return pf->area;
		vm_munmap(pf->area, pf->area_len);
	}
	if (!*oneshot)
		provium_area_forget(pf);
	if (*oneshot)
		return (long)vm_mmap(NULL, 0, need, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, 0);
	/*
	 * A page of hole on either side keeps the area from merging with a
	 * neighbouring anonymous mapping, so it stays a VMA of its own.
	 */
	len = PAGE_ALIGN(max_t(u64, need, PROVIUM_AREA_MIN));
	addr = vm_mmap(NULL, 0, len + 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	vm_munmap(addr, PAGE_SIZE);
	vm_munmap(addr + PAGE_SIZE + len, PAGE_SIZE);
	addr += PAGE_SIZE;
	if (!provium_area_mark(addr, len)) {
		*oneshot = true;
		return (long)addr;
	}
	mmgrab(current->mm);
	pf->mm = current->mm;
	pf->area = addr;
	pf->area_len = len;
	return (long)addr;
}

/*
 * Copy the inputs into the staging area and patch pointers. Returns the
 * area's address, 0 without buffers, or a negative errno.
 */
static long provium_stage_buffers(struct provium_file *pf, struct provium_call *c,
				  u64 *place, u64 *args, u64 *area_len,
				  bool *oneshot)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	const struct provium_patch *p = provium_desc_patches(c);
	long addr;
	u32 i;

	*area_len = provium_desc_layout(c, place);
	*oneshot = false;
	if (!c->nbufs)
		return 0;
	addr = provium_area_get(pf, *area_len, oneshot);
	if (IS_ERR_VALUE(addr))
		return addr;

	for (i = 0; i < c->nbufs; i++) {
		void __user *dst = (void __user *)(addr + place[i]);

		if (copy_to_user(dst, (u8 *)c + b[i].offset, b[i].len))
			goto err_unmap;
		if (b[i].arg != PROVIUM_ARG_NONE)
			args[b[i].arg] = addr + place[i];
	}
	for (i = 0; i < c->npatches; i++) {
		u64 __user *slot = (u64 __user *)(addr + place[p[i].buf] +
						  p[i].offset);

		if (put_user(addr + place[p[i].target], slot))
			goto err_unmap;
	}
	return addr;

err_unmap:
	if (*oneshot)
		vm_munmap(addr, *area_len);
	return -EFAULT;
}

static int provium_collect_outputs(struct provium_call *c, unsigned long addr,
				   const u64 *place)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	u32 i;

	for (i = 0; i < c->nbufs; i++) {
		if (!(b[i].flags & PROVIUM_BUF_OUT))
			continue;
		if (copy_from_user((u8 *)c + b[i].offset,
				   (void __user *)(addr + place[i]), b[i].len))
			return -EFAULT;
	}
	return 0;
}

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

static long provium_ioctl_call(struct provium_file *pf, void __user *uarg)
{
	struct provium_call hdr, *c;
	u64 place[PROVIUM_MAX_BUFS];
	u64 args[PROVIUM_NARGS];
	u64 area_len, t0;
	long addr, err;
	bool oneshot;

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
	if (provium_call_needs_frame(c->nr)) {
		c->status = PROVIUM_STATUS_REFUSED;
		c->ret = c->kernel_ret = 0;
		err = copy_to_user(uarg, c, sizeof(*c)) ? -EFAULT : 0;
		goto out_free;
	}

	memcpy(args, c->args, sizeof(args));
	addr = provium_stage_buffers(pf, c, place, args, &area_len, &oneshot);
	if (addr < 0) {
		err = addr;
		goto out_free;
	}

	t0 = ktime_get_ns();
	c->kernel_ret = provium_dispatch(c->nr, args);
	c->time_ns = ktime_get_ns() - t0;
	c->ret = provium_user_ret(c->kernel_ret);
	c->status = PROVIUM_STATUS_DONE;

	/*
	 * Whatever the call returned, this ioctl returns 0 or its own error:
	 * a restart code leaking out here would run the call a second time.
	 */
	err = addr ? provium_collect_outputs(c, addr, place) : 0;
	if (addr && oneshot)
		vm_munmap(addr, area_len);
	if (!err)
		err = provium_copy_back(uarg, c);
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
	};

	return copy_to_user(uarg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long provium_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct provium_file *pf = file->private_data;
	long ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	switch (cmd) {
	case PROVIUM_IOC_CALL:
		mutex_lock(&pf->lock);
		ret = provium_ioctl_call(pf, (void __user *)arg);
		mutex_unlock(&pf->lock);
		return ret;
	case PROVIUM_IOC_INFO:
		return provium_ioctl_info((void __user *)arg);
	}
	return -ENOTTY;
}

static int provium_open(struct inode *inode, struct file *file)
{
	struct provium_file *pf = kzalloc(sizeof(*pf), GFP_KERNEL);

	if (!pf)
		return -ENOMEM;
	mutex_init(&pf->lock);
	file->private_data = pf;
	return 0;
}

static int provium_release(struct inode *inode, struct file *file)
{
	struct provium_file *pf = file->private_data;

	/* at exit the address space is gone already; else give the area back */
	if (current->mm && provium_area_ours(pf))
		vm_munmap(pf->area, pf->area_len);
	provium_area_forget(pf);
	kfree(pf);
	return 0;
}

static const struct file_operations provium_fops = {
	.owner = THIS_MODULE,
	.open = provium_open,
	.release = provium_release,
	.unlocked_ioctl = provium_ioctl,
	.compat_ioctl = provium_ioctl,
};

static struct miscdevice provium_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "provium",
	.fops = &provium_fops,
	.mode = 0600,
};

/* Generic netlink: module info for the agent (through libnl-genl). */
static struct genl_family provium_genl;

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
			   init_utsname()->release))
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
};

static const struct genl_multicast_group provium_genl_mcgrps[] = {
	{ .name = PROVIUM_GENL_MCGRP },
};

static struct genl_family provium_genl = {
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

static int __init provium_init(void)
{
	provium_lookup_t lookup;
	int err;

	lookup = provium_find_lookup();
	if (!lookup) {
		pr_err("cannot resolve kallsyms_lookup_name\n");
		return -ENOENT;
	}
	if (!provium_enabled(lookup)) {
		pr_info("not loading: kernel command line lacks provium.enable=1\n");
		return -EPERM;
	}

	provium_x64_sys_call = (provium_sys_call_t)lookup("x64_sys_call");
	if (provium_x64_sys_call) {
		provium_dispatch_mode = PROVIUM_DISPATCH_X64_SYS_CALL;
	} else {
		provium_sys_call_table =
			(const provium_sys_fn_t *)lookup("sys_call_table");
		if (!provium_sys_call_table) {
			pr_err("no x64_sys_call and no sys_call_table\n");
			return -ENOENT;
		}
		provium_dispatch_mode = PROVIUM_DISPATCH_TABLE;
	}

	err = misc_register(&provium_misc);
	if (err)
		return err;
	err = genl_register_family(&provium_genl);
	if (err)
		goto err_misc;
	pr_info("ready (dispatch via %s)\n",
		provium_x64_sys_call ? "x64_sys_call" : "sys_call_table");
	return 0;

err_misc:
	misc_deregister(&provium_misc);
	return err;
}

static void __exit provium_exit(void)
{
	genl_unregister_family(&provium_genl);
	misc_deregister(&provium_misc);
}

module_init(provium_init);
module_exit(provium_exit);

MODULE_DESCRIPTION("Provium: dispatch described system calls in kernel context");
MODULE_AUTHOR("Provium developers");
MODULE_LICENSE("GPL");
