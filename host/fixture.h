/*
 * fixture.h - fixtures: a VM state built once by tests/fixtures/NAME.lua,
 * saved with QMP stop + migrate, and started fresh from that file by every
 * provium.fixture("NAME"). The cache key covers everything that shapes the
 * state, so a change to the kernel, agent, module or fixture rebuilds it.
 */
#ifndef PROVIUM_FIXTURE_H
#define PROVIUM_FIXTURE_H

#include "vm.h"

struct fixture {
	char snapshot[600];	/* the migration stream */
	char meta[600];		/* how to start a VM that can take it */
	int lock_fd;
};

/* Find the cache entry for fixture file @path and lock it (one builder). */
int fixture_open(struct fixture *f, const char *path, struct error *e);
int fixture_ready(const struct fixture *f);
/* Save @vm (left stopped) as the fixture's state. */
int fixture_save(struct fixture *f, struct vm *vm, struct error *e);
void fixture_unlock(struct fixture *f);
/* Start a fresh VM from the saved state; @cfg receives its configuration. */
int fixture_restore(const struct fixture *f, struct vm *vm, struct vm_config *cfg,
		    struct error *e);

#endif
