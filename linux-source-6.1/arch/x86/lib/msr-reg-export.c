// SPDX-License-Identifier: GPL-2.0
#include <linux/export.h>
#include <asm/msr.h>

EXPORT_SYMBOL(rdmsr_safe_regs);
EXPORT_SYMBOL(wrmsr_safe_regs);
