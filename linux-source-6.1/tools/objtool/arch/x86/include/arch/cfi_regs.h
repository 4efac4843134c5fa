/* SPDX-License-Identifier: GPL-2.0-or-later */

#ifndef _OBJTOOL_CFI_REGS_H
#define _OBJTOOL_CFI_REGS_H

#define CFI_AX			0
#define CFI_CX			1
#define CFI_DX			2
#define CFI_BX			3
#define CFI_SP			4
#define CFI_BP			5
#define CFI_SI			6
#define CFI_DI			7
#define CFI_R8			8
#define CFI_R9			9
#define CFI_R10			10
#define CFI_R11			11
#define CFI_R12			12
#define CFI_R13			13
#define CFI_R14			14
#define CFI_R15			15
#define CFI_RA			16
#define CFI_NUM_REGS		17

#endif /* _OBJTOOL_CFI_REGS_H */
