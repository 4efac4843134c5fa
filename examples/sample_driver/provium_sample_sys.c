// SPDX-License-Identifier: GPL-2.0
/*
 * provium_sample_sys.ko - system calls a driver under development adds,
 * registered with provium.ko under numbers outside the kernel's table so a
 * test drives them with vm:syscall() before the syscall table changes. They
 * have the shapes of the examples on the "Raw Syscalls" page:
 *
 *   1000 open_self_token(flags, access)            -> token fd
 *   1003 open_token_spec(spec, spec_len)           -> token fd
 *   1021 get_sd(dirfd, path, secinfo, buf, len, 0) -> bytes of the descriptor
 *   1022 set_sd(dirfd, path, secinfo, sd, len, 0)  -> 0
 *   1023 access_check(args, 0)                     -> granted access
 *
 * and 1023 has the shape of the "Pointer Patching" page's worked example:
 * a struct whose descriptor is reached through an embedded pointer.
 *
 * A token fd reads back as "access=0x... kind=... value=...\n". Security
 * descriptors are opaque blobs kept per path while the module is loaded.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "provium_ext.h"	/* kmod/, see Kbuild */
#include "provium_sample.h"

/* 6.12 hides struct fd's members behind fd_file() */
#ifndef fd_file
#define fd_file(f) ((f).file)
#endif

struct ksample_token {
	u32 access;
	u32 kind;
	u32 value;
};

struct ksample_sd {
	struct list_head node;
	char path[KSAMPLE_PATH_MAX];
	u32 secinfo;
	u32 len;
	u8 data[];
};

static LIST_HEAD(ksample_sds);
static DEFINE_MUTEX(ksample_sd_lock);

static ssize_t ksample_token_read(struct file *file, char __user *buf,
				  size_t count, loff_t *pos)
{
	const struct ksample_token *t = file->private_data;
	char text[80];
	int len;

	len = scnprintf(text, sizeof(text), "access=0x%x kind=%u value=%u\n",
			t->access, t->kind, t->value);
	return simple_read_from_buffer(buf, count, pos, text, len);
}

static int ksample_token_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations ksample_token_fops = {
	.owner = THIS_MODULE,
	.read = ksample_token_read,
	.release = ksample_token_release,
	.llseek = noop_llseek,
};

static long ksample_new_token(u32 access, u32 kind, u32 value)
{
	struct ksample_token *t = kzalloc(sizeof(*t), GFP_KERNEL);
	int fd;

	if (!t)
		return -ENOMEM;
	t->access = access;
	t->kind = kind;
	t->value = value;
	fd = anon_inode_getfd("[ksample-token]", &ksample_token_fops, t,
			      O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		kfree(t);
	return fd;
}

/* 1000: (flags, access); flags must be 0, access a non-empty subset. */
static long ksample_sys_open_self_token(const struct pt_regs *regs)
{
	u64 flags = regs->di, access = regs->si;

	if (flags || !access || access & ~(u64)KSAMPLE_TOKEN_ALL)
		return -EINVAL;
	return ksample_new_token(access, 0, 0);
}

/* 1003: (const struct ksample_spec *spec, u32 len) */
static long ksample_sys_open_token_spec(const struct pt_regs *regs)
{
	struct ksample_spec spec;

	if (regs->si != sizeof(spec))
		return -EINVAL;
	if (copy_from_user(&spec, (const void __user *)regs->di, sizeof(spec)))
		return -EFAULT;
	if (!spec.kind || spec.kind > KSAMPLE_SPEC_KIND_MAX)
		return -EINVAL;
	return ksample_new_token(KSAMPLE_TOKEN_QUERY, spec.kind, spec.value);
}

/* Checks shared by get_sd and set_sd; copies the path in. */
static long ksample_sd_args(const struct pt_regs *regs, char *path)
{
	long n;

	if ((int)regs->di != AT_FDCWD || regs->r9)
		return -EINVAL;
	if (!regs->dx || regs->dx & ~(u64)KSAMPLE_SECINFO_ALL)
		return -EINVAL;
	n = strncpy_from_user(path, (const char __user *)regs->si,
			      KSAMPLE_PATH_MAX);
	if (n < 0)
		return n;
	if (n == 0 || n == KSAMPLE_PATH_MAX)
		return n ? -ENAMETOOLONG : -ENOENT;
	return 0;
}

static struct ksample_sd *ksample_sd_find(const char *path)
{
	struct ksample_sd *sd;

	list_for_each_entry(sd, &ksample_sds, node)
		if (!strcmp(sd->path, path))
			return sd;
	return NULL;
}

/* 1022: (dirfd, path, secinfo, sd, len, flags) */
static long ksample_sys_set_sd(const struct pt_regs *regs)
{
	char path[KSAMPLE_PATH_MAX];
	struct ksample_sd *sd, *old;
	u64 len = regs->r8;
	long err;

	err = ksample_sd_args(regs, path);
	if (err)
		return err;
	if (!len || len > KSAMPLE_SD_MAX)
		return -EINVAL;
	sd = kzalloc(struct_size(sd, data, len), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	if (copy_from_user(sd->data, (const void __user *)regs->r10, len)) {
		kfree(sd);
		return -EFAULT;
	}
	strscpy(sd->path, path, sizeof(sd->path));
	sd->secinfo = regs->dx;
	sd->len = len;
	mutex_lock(&ksample_sd_lock);
	old = ksample_sd_find(path);
	if (old) {
		list_del(&old->node);
		kfree(old);
	}
	list_add(&sd->node, &ksample_sds);
	mutex_unlock(&ksample_sd_lock);
	return 0;
}

/* 1021: (dirfd, path, secinfo, buf, len, flags) -> bytes, or -ERANGE */
static long ksample_sys_get_sd(const struct pt_regs *regs)
{
	char path[KSAMPLE_PATH_MAX];
	struct ksample_sd *sd;
	long ret;

	ret = ksample_sd_args(regs, path);
	if (ret)
		return ret;
	mutex_lock(&ksample_sd_lock);
	sd = ksample_sd_find(path);
	if (!sd)
		ret = -ENODATA;
	else if (!(sd->secinfo & regs->dx))
		ret = -ENODATA;
	else if (regs->r8 < sd->len)
		ret = -ERANGE;
	else if (copy_to_user((void __user *)regs->r10, sd->data, sd->len))
		ret = -EFAULT;
	else
		ret = sd->len;
	mutex_unlock(&ksample_sd_lock);
	return ret;
}

/* 1023: (const struct ksample_access_check *args, flags) */
static long ksample_sys_access_check(const struct pt_regs *regs)
{
	struct ksample_access_check args;
	const struct ksample_token *t;
	struct fd f;
	long ret;
	u8 *sd;

	if (regs->si)
		return -EINVAL;
	if (copy_from_user(&args, (const void __user *)regs->di, sizeof(args)))
		return -EFAULT;
	if (args.size < sizeof(args) || !args.sd_len ||
	    args.sd_len > KSAMPLE_SD_MAX)
		return -EINVAL;
	sd = memdup_user((const void __user *)args.sd, args.sd_len);
	if (IS_ERR(sd))
		return PTR_ERR(sd);
	kfree(sd);	/* a real check would evaluate it */
	f = fdget(args.token_fd);
	if (!fd_file(f))
		return -EBADF;
	if (fd_file(f)->f_op != &ksample_token_fops) {
		fdput(f);
		return -EBADF;
	}
	t = fd_file(f)->private_data;
	ret = (args.desired & ~t->access) ? -EACCES : (long)args.desired;
	fdput(f);
	return ret;
}

static const struct {
	unsigned int nr;
	provium_syscall_fn fn;
} ksample_syscalls[] = {
	{ KSAMPLE_NR_OPEN_SELF_TOKEN, ksample_sys_open_self_token },
	{ KSAMPLE_NR_OPEN_TOKEN_SPEC, ksample_sys_open_token_spec },
	{ KSAMPLE_NR_GET_SD, ksample_sys_get_sd },
	{ KSAMPLE_NR_SET_SD, ksample_sys_set_sd },
	{ KSAMPLE_NR_ACCESS_CHECK, ksample_sys_access_check },
};

static int __init ksample_sys_init(void)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(ksample_syscalls); i++) {
		err = provium_register_syscall(ksample_syscalls[i].nr,
					       ksample_syscalls[i].fn, THIS_MODULE);
		if (err)
			goto err_unregister;
	}
	return 0;

err_unregister:
	pr_err("cannot register syscall %u: %d\n", ksample_syscalls[i].nr, err);
	while (i--)
		provium_unregister_syscall(ksample_syscalls[i].nr);
	return err;
}

static void __exit ksample_sys_exit(void)
{
	struct ksample_sd *sd, *next;
	int i;

	for (i = 0; i < ARRAY_SIZE(ksample_syscalls); i++)
		provium_unregister_syscall(ksample_syscalls[i].nr);
	list_for_each_entry_safe(sd, next, &ksample_sds, node)
		kfree(sd);
}

module_init(ksample_sys_init);
module_exit(ksample_sys_exit);

MODULE_DESCRIPTION("Provium sample: syscalls of a driver under development");
MODULE_AUTHOR("Provium developers");
MODULE_LICENSE("GPL");
