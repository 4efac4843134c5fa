/* SPDX-License-Identifier: GPL-2.0 */

#include "../../coco/tdx/tdcall.S"
