/*
 * fixture.h - fixtures: a VM state built once by tests/fixtures/NAME.lua,
 * saved with QMP stop + migrate, and started fresh from that file by every
 * provium.fixture("NAME"). The cache key covers everything that shapes the
 * state, so a change to the kernel, agent, module or fixture rebuilds it.
 */
#ifndef PROVIUM_FIXTURE_H
#define PROVIUM_FIXTURE_H

#include "vm.h"

/*
 * A fixture's build step: return the booted VM whose state is saved (it is
 * killed after), or NULL with what went wrong in @e.
 */
typedef struct vm *fixture_build_fn(void *ctx, struct error *e);

/*
 * Start @vm from the saved state of fixture file @path, building and saving
 * that state first if there is none: the first caller anywhere runs @build,
 * concurrent callers wait on the fixture's lock and then restore. @cfg
 * receives the VM's configuration.
 */
int fixture_start(const char *path, fixture_build_fn *build, void *ctx, struct vm *vm,
		  struct vm_config *cfg, struct error *e);

#endif
