/*
 * warm.h - warm start: the first boot of a configuration saves the ready
 * guest (snapshot.c); every later boot with the same inputs (warm_key.c)
 * restores it, unless told to boot cold.
 */
#ifndef PROVIUM_WARM_H
#define PROVIUM_WARM_H

#include "vm.h"

/*
 * Start @vm for @cfg: restore its snapshot, or build it (a cold boot, saved
 * and restored), or boot cold (cfg->cold, PROVIUM_COLD, an interactive
 * console, or a guest that cannot be saved). vm->start and vm->start_note
 * say which and why; a snapshot that cannot be restored is rebuilt, never
 * an error. vm->boot_ns is the whole time taken.
 */
int warm_boot(struct vm *vm, const struct vm_config *cfg, struct error *e);

/*
 * A snapshot is saved only if its APIC timer is this close to nominal
 * (PROVIUM_TIMER_TOLERANCE overrides it).
 */
#define WARM_TIMER_TOLERANCE 0.05

/*
 * The APIC bus clock (MHz) the guest calibrated its "lapic" clockevent to,
 * from /proc/timer_list; 0 if it has none (a TSC-deadline timer needs no
 * calibration).
 */
double warm_lapic_bus_mhz(const char *timer_list);

#endif
