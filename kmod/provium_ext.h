/* SPDX-License-Identifier: GPL-2.0 */
/*
 * provium_ext.h - system calls a module under test adds while it is being
 * developed. A driver that will add a real syscall can register its handler
 * here under a number outside the kernel's table (PROVIUM_EXT_NR_MIN and
 * up); provium.ko then dispatches calls to that number like any other, so a
 * test script drives it with vm:syscall() before the syscall table changes.
 * Kernel-internal: build against provium.ko's Module.symvers.
 */
#ifndef _PROVIUM_EXT_H
#define _PROVIUM_EXT_H

#include <linux/module.h>
#include <linux/ptrace.h>

#define PROVIUM_EXT_NR_MIN	1000
#define PROVIUM_EXT_NR_COUNT	1024

typedef long (*provium_syscall_fn)(const struct pt_regs *regs);

/*
 * Arguments are in regs->di, si, dx, r10, r8, r9 as for a real syscall.
 * Returns 0, -EINVAL (number out of range, or @fn not a valid indirect call
 * target: no ENDBR64 on an IBT kernel) or -EBUSY (taken).
 */
int provium_register_syscall(unsigned int nr, provium_syscall_fn fn,
			     struct module *owner);
void provium_unregister_syscall(unsigned int nr);

#endif /* _PROVIUM_EXT_H */
