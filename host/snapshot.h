/*
 * snapshot.h - saved guests on disk, shared by warm start (warm.c) and
 * fixtures (fixture.c). A saved guest <base> is:
 *   <base>.ram      its RAM, the very file the saved VM ran on (sparse)
 *   <base>.state    QEMU's device state, saved with x-ignore-shared: no RAM
 *   <base>.console  its console up to the save
 *   <base>.disk<N>.raw|.qcow2  its disks as they were (fixtures only)
 *   <base>.meta     how to start a VM from it, and what it was made from
 *   <base>.lock     flock: builders exclusive, restorers shared while QEMU
 *                   opens the files
 * A restore maps the RAM file copy-on-write, so it reads only the pages the
 * guest touches and parallel VMs share them in the page cache.
 */
#ifndef PROVIUM_SNAPSHOT_H
#define PROVIUM_SNAPSHOT_H

#include <stddef.h>

#include "vm.h"

struct snapshot {
	char base[600];		/* <cache>/warm-<key> or <cache>/fixture-<key> */
	int lock_fd;
};

/*
 * > 0 while a fixture script runs: every VM started then keeps its RAM in
 * a file of its own (fresh, or a copy of the saved RAM it starts from), and
 * the disks of a restored fixture in copies of its own, so that whichever
 * one the fixture keeps can be saved as it is.
 */
extern int snapshot_keeping;

void snapshot_init(struct snapshot *s, const char *kind, unsigned long long key);
/* Take the lock, LOCK_SH or LOCK_EX, waiting; changes a lock already held. */
int snapshot_lock(struct snapshot *s, int how, struct error *e);
void snapshot_unlock(struct snapshot *s);

/*
 * Is there a saved guest that can be restored? 1 = yes; 0 = none (@why
 * empty) or a damaged or stale one (@why says what is wrong).
 */
int snapshot_usable(const struct snapshot *s, char *why, size_t whylen);

/*
 * Save @vm, whose RAM is a file of its own, as @s: its disks (when
 * @with_disks), its device state, its RAM file (taken over), its console and
 * the meta, with @extra lines added to it. The VM is left stopped.
 */
int snapshot_save(struct snapshot *s, struct vm *vm, int with_disks, const char *extra,
		  struct error *e);

/*
 * Start @vm from @s; @cfg receives its configuration: @base (warm start:
 * the caller's, whose key matched; its disks are attached), or, with @base
 * NULL (fixtures), the saved one with the saved copies of the disks behind
 * throwaway overlays (allocated: free them with snapshot_free_disks).
 * @refresh_disks: the guest re-reads its disks at RESUME (warm start: they
 * are the user's, as they are now).
 */
int snapshot_restore(const struct snapshot *s, struct vm *vm, struct vm_config *cfg,
		     const struct vm_config *base, int refresh_disks, struct error *e);
void snapshot_free_disks(struct vm_config *cfg);

/* A value of the meta file ("" if absent); caller frees. */
char *snapshot_meta(const struct snapshot *s, const char *key);
/* Delete every file of @s (the lock file stays). */
void snapshot_remove(const struct snapshot *s);
/* Which save this is (0 = none): a rebuild by another process changes it. */
unsigned long long snapshot_generation(const struct snapshot *s);
/* Mark @s used now: pruning keeps what was used lately. */
void snapshot_touch(const struct snapshot *s);
/*
 * Delete saved guests of @kind ("warm") unused for a week, then the least
 * recently used ones until they take at most PROVIUM_SNAPSHOT_CACHE bytes
 * (default 4 GiB); never @keep or one that is in use. Leftovers of dead
 * processes go too.
 */
void snapshot_prune(const char *kind, const struct snapshot *keep);

/*
 * The QEMU that runs VMs (qemu-system-x86_64 on PATH), and its identity
 * (path, size, time): a saved state needs the same QEMU.
 */
const char *snapshot_qemu_path(void);
unsigned long long snapshot_qemu_id(void);

/*
 * Files of their own for a VM whose state may be saved: <stem>.ram and
 * <stem>.disk<N>.raw|.qcow2, stem = <cache>/own-<pid>-<n>.
 */
void snapshot_own_stem(char *out, size_t len);

/* Copy @from to @to keeping holes (a RAM file is mostly holes). */
int copy_sparse(const char *from, const char *to, struct error *e);

#endif
