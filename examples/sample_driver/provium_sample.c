// SPDX-License-Identifier: GPL-2.0
/*
 * provium_sample.ko - a small misc device to show how a driver is tested
 * with Provium: /dev/provium_sample takes four ioctls whose arguments carry
 * user pointers, from one output buffer up to pointers two levels deep.
 * The user API is in provium_sample.h; tests/e2e/sample_driver.lua drives
 * every ioctl from Lua.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uidgid.h>
#include <linux/workqueue.h>

#include "provium_sample.h"

/* What KSAMPLE_IOC_QUERY returns for one class. */
union ksample_data {
	char name[sizeof(KSAMPLE_NAME) - 1];
	struct ksample_ident ident;
	u32 table[KSAMPLE_TABLE_LEN];
};

/* Fill @d with the data of @class; returns its size or -EINVAL. */
static int ksample_fill(u32 class, union ksample_data *d)
{
	int i;

	switch (class) {
	case KSAMPLE_CLASS_NAME:
		memcpy(d->name, KSAMPLE_NAME, sizeof(d->name));
		return sizeof(d->name);
	case KSAMPLE_CLASS_IDENT:
		d->ident.pid = task_tgid_vnr(current);
		d->ident.uid = from_kuid_munged(current_user_ns(), current_uid());
		return sizeof(d->ident);
	case KSAMPLE_CLASS_TABLE:
		for (i = 0; i < KSAMPLE_TABLE_LEN; i++)
			d->table[i] = (i + 1) * (i + 1);
		return sizeof(d->table);
	}
	return -EINVAL;
}

static long ksample_ioctl_query(struct ksample_query __user *uarg)
{
	struct ksample_query q;
	union ksample_data d;
	long err = 0;
	int ret;
	u32 len;

	if (copy_from_user(&q, uarg, sizeof(q)))
		return -EFAULT;
	ret = ksample_fill(q.class, &d);
	if (ret < 0)
		return ret;
	len = ret;

	if (q.buf_len && q.buf) {
		if (q.buf_len < len)
			err = -ERANGE;
		else if (copy_to_user(u64_to_user_ptr(q.buf), &d, len))
			return -EFAULT;
	}
	/* a size query, a short buffer or the bytes written: all are len */
	q.buf_len = len;
	if (copy_to_user(uarg, &q, sizeof(q)))
		return -EFAULT;
	return err;
}

static long ksample_ioctl_multi(struct ksample_multi __user *uarg)
{
	union ksample_data name, table;
	struct ksample_multi m;
	u32 name_len, table_len;
	bool fits;

	if (copy_from_user(&m, uarg, sizeof(m)))
		return -EFAULT;
	if (m.flags || m.reserved)
		return -EINVAL;

	/* both classes always exist */
	name_len = ksample_fill(KSAMPLE_CLASS_NAME, &name);
	table_len = ksample_fill(KSAMPLE_CLASS_TABLE, &table);
	fits = m.name && m.name_len >= name_len &&
	       m.table && m.table_len >= table_len;
	if (fits &&
	    (copy_to_user(u64_to_user_ptr(m.name), &name, name_len) ||
	     copy_to_user(u64_to_user_ptr(m.table), &table, table_len)))
		return -EFAULT;

	m.name_len = name_len;
	m.table_len = table_len;
	if (copy_to_user(uarg, &m, sizeof(m)))
		return -EFAULT;
	return fits ? 0 : -ERANGE;
}

static long ksample_ioctl_sum(const struct ksample_sum __user *uarg)
{
	const u8 __user *data;
	struct ksample_sum s;
	u8 chunk[128];
	u32 done, n, i;
	long sum = 0;

	if (copy_from_user(&s, uarg, sizeof(s)))
		return -EFAULT;
	if (s.reserved)
		return -EINVAL;
	if (s.len > KSAMPLE_SUM_MAX)
		return -E2BIG;

	data = u64_to_user_ptr(s.data);
	for (done = 0; done < s.len; done += n) {
		n = min_t(u32, s.len - done, sizeof(chunk));
		if (copy_from_user(chunk, data + done, n))
			return -EFAULT;
		for (i = 0; i < n; i++)
			sum += chunk[i];
	}
	return sum;
}

/* Reverse @len bytes in place, upper-casing ASCII letters. */
static void ksample_transform(u8 *buf, u32 len)
{
	u32 i;

	for (i = 0; i < len / 2; i++)
		swap(buf[i], buf[len - 1 - i]);
	for (i = 0; i < len; i++) {
		if (buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] -= 'a' - 'A';
	}
}

/*
 * Every length is checked before any out buffer is written. A short
 * out buffer is -ERANGE, with out_len set to what that item needs.
 */
static long ksample_check_items(struct ksample_item *items, u32 count)
{
	long err = 0;
	u32 i;

	for (i = 0; i < count; i++) {
		if (items[i].in_len > KSAMPLE_ITEM_MAX)
			return -E2BIG;
		if (items[i].out_len < items[i].in_len) {
			items[i].out_len = items[i].in_len;
			err = -ERANGE;
		}
	}
	return err;
}

/* @buf holds KSAMPLE_ITEM_MAX bytes; @item's lengths are checked. */
static long ksample_transform_item(struct ksample_item *item, u8 *buf)
{
	if (copy_from_user(buf, u64_to_user_ptr(item->in), item->in_len))
		return -EFAULT;
	ksample_transform(buf, item->in_len);
	if (copy_to_user(u64_to_user_ptr(item->out), buf, item->in_len))
		return -EFAULT;
	item->out_len = item->in_len;
	return 0;
}

static long ksample_ioctl_nested(const struct ksample_nested __user *uarg)
{
	struct ksample_item __user *uitems;
	struct ksample_item *items;
	struct ksample_nested n;
	size_t size;
	long err;
	u8 *buf;
	u32 i;

	if (copy_from_user(&n, uarg, sizeof(n)))
		return -EFAULT;
	if (n.reserved)
		return -EINVAL;
	if (n.count > KSAMPLE_NESTED_MAX)
		return -E2BIG;
	if (!n.count)
		return 0;

	buf = kmalloc(KSAMPLE_ITEM_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	uitems = u64_to_user_ptr(n.items);
	size = array_size(n.count, sizeof(*items));
	items = memdup_user(uitems, size);
	if (IS_ERR(items)) {
		err = PTR_ERR(items);
		goto out_free_buf;
	}

	err = ksample_check_items(items, n.count);
	if (err == -ERANGE)
		goto out_copy_back;	/* tell the caller the sizes needed */
	if (err)
		goto out_free_items;
	for (i = 0; i < n.count; i++) {
		err = ksample_transform_item(&items[i], buf);
		if (err)
			goto out_free_items;
	}

out_copy_back:
	if (copy_to_user(uitems, items, size))
		err = -EFAULT;
out_free_items:
	kfree(items);
out_free_buf:
	kfree(buf);
	return err;
}

static void ksample_warn_work(struct work_struct *work)
{
	WARN(1, "provium_sample: warning from a work item (KSAMPLE_IOC_WARN_WORK)\n");
}

static DECLARE_WORK(ksample_work, ksample_warn_work);

static long ksample_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case KSAMPLE_IOC_QUERY:
		return ksample_ioctl_query(uarg);
	case KSAMPLE_IOC_MULTI:
		return ksample_ioctl_multi(uarg);
	case KSAMPLE_IOC_SUM:
		return ksample_ioctl_sum(uarg);
	case KSAMPLE_IOC_NESTED:
		return ksample_ioctl_nested(uarg);
	case KSAMPLE_IOC_WARN:
		WARN(1, "provium_sample: warning requested through KSAMPLE_IOC_WARN\n");
		return 0;
	case KSAMPLE_IOC_WARN_WORK:
		schedule_work(&ksample_work);
		flush_work(&ksample_work);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations ksample_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = ksample_ioctl,
	/* every struct has the same layout for 32-bit callers */
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice ksample_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "provium_sample",
	.fops = &ksample_fops,
	.mode = 0666,
};

static int __init ksample_init(void)
{
	int err;

	err = misc_register(&ksample_misc);
	if (err) {
		pr_err("cannot register %s: %d\n", KSAMPLE_DEVICE, err);
		return err;
	}
	pr_info("ready: %s\n", KSAMPLE_DEVICE);
	return 0;
}

static void __exit ksample_exit(void)
{
	misc_deregister(&ksample_misc);
	flush_work(&ksample_work);
}

module_init(ksample_init);
module_exit(ksample_exit);

MODULE_DESCRIPTION("Provium sample driver: ioctls with embedded user pointers");
MODULE_AUTHOR("Provium developers");
MODULE_LICENSE("GPL");
