/*
 * fixture.c - build once, save, restore many times. A fixture's saved guest
 * (snapshot.c: fixture-<key>.*) is keyed by a hash of the fixture
 * directory's scripts, provium.toml, the agent, the module, the default
 * kernel and the QEMU binary; its lock makes concurrent requests wait for
 * one builder. A saved guest that cannot be restored is rebuilt once.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "config.h"
#include "fixture.h"
#include "layout.h"
#include "snapshot.h"

static uint64_t hash_contents(uint64_t h, const char *path)
{
	size_t len;
	uint8_t *d = read_whole_file(path, &len);

	h = hash_str(h, path);
	if (d) {
		h = hash_bytes(h, d, len);
		free(d);
	}
	return h;
}

/* Every script beside the fixture: fixtures may start from each other. */
static uint64_t hash_fixture_dir(uint64_t h, const char *path)
{
	char dir[PATH_MAX], *slash;
	struct dirent **names;
	int n, i;

	copy_str(dir, sizeof(dir), path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		copy_str(dir, sizeof(dir), ".");
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		size_t len = strlen(names[i]->d_name);

		if (len > 4 && !strcmp(names[i]->d_name + len - 4, ".lua")) {
			char *p = xasprintf("%s/%s", dir, names[i]->d_name);

			h = hash_contents(h, p);
			free(p);
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	return h;
}

static unsigned long long fixture_key(const char *path)
{
	char toml[PATH_MAX], *home = xasprintf("%s", provium_home());
	uint64_t h = hash_contents(HASH_INIT, path);
	struct kernel k;
	struct error ignored;
	char *p;

	h = hash_fixture_dir(h, path);
	if (config_find(toml, sizeof(toml)) == 0)
		h = hash_contents(h, toml);
	h = hash_file_meta(h, layout()->agent);
	p = xasprintf("%s/kmod/provium.ko", home);
	h = hash_file_meta(h, p);
	free(p);
	free(home);
	/* the kernel provium.create() boots: the run's profile (--profile) */
	h = hash_str(h, config_default_profile());
	if (config_profile_kernel(config_default_profile(), NULL, &k, &ignored) == 0)
		h = hash_file_meta(h, k.image);
	h = hash_file_meta(h, "/usr/bin/qemu-system-x86_64");
	if (getenv("PROVIUM_ACCEL"))
		h = hash_str(h, getenv("PROVIUM_ACCEL"));
	return (unsigned long long)h;
}

/*
 * Run the fixture script and save the VM it keeps. While it runs every VM
 * keeps its RAM in a file of its own (snapshot_keeping), so the one it
 * keeps is saved as it is, disks included.
 */
static int build_and_save(struct snapshot *s, fixture_build_fn *build, void *ctx,
			  struct error *e)
{
	struct vm *built;
	int rc;

	snapshot_keeping++;
	built = build(ctx, e);
	snapshot_keeping--;
	if (!built)
		return -1;
	rc = snapshot_save(s, built, 1, NULL, e);
	vm_kill(built);
	if (!rc)
		snapshot_prune("fixture", s);
	return rc;
}

int fixture_start(const char *path, fixture_build_fn *build, void *ctx, struct vm *vm,
		  struct vm_config *cfg, struct error *e)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int nlen = (int)strcspn(name, ".");
	unsigned long long failed_gen = 0;
	char why[sizeof(e->msg)];
	struct snapshot s;
	uint64_t t0;
	int attempt, rc = -1;

	snapshot_init(&s, "fixture", fixture_key(path));
	for (attempt = 0; attempt < 2; attempt++) {
		if (snapshot_lock(&s, LOCK_EX, e))
			return -1;
		/* a restore failed: rebuild, unless someone else did meanwhile */
		if (failed_gen && snapshot_generation(&s) == failed_gen)
			snapshot_remove(&s);
		if (!snapshot_usable(&s, why, sizeof(why))) {
			if (why[0])
				fprintf(stderr, "provium: note: fixture %.*s is unusable (%s): "
					"rebuilding it\n", nlen, name, why);
			if (build_and_save(&s, build, ctx, e)) {
				snapshot_unlock(&s);
				return -1;
			}
		}
		/* restorers share the lock while QEMU opens the files */
		if (snapshot_lock(&s, LOCK_SH, e))
			return -1;
		t0 = mono_ns();
		failed_gen = snapshot_generation(&s);
		rc = snapshot_restore(&s, vm, cfg, NULL, 0, e);
		snapshot_unlock(&s);
		if (!rc)
			break;
		/* QEMU never started (the pool refused it) or Ctrl-C: not the state's fault */
		if (!vm->qemu_started || provium_interrupted)
			return -1;
		copy_str(why, sizeof(why), e->msg);
		if (attempt == 0)
			fprintf(stderr, "provium: note: fixture %.*s could not be restored (%s): "
				"rebuilding it\n", nlen, name, why);
	}
	if (rc)
		return errorf(e, "restoring it failed: %s", why);
	vm->boot_ns = mono_ns() - t0;
	vm->start = VM_START_FIXTURE;
	snprintf(vm->start_note, sizeof(vm->start_note), "restored fixture %.*s (%s)", nlen,
		 name, strrchr(s.base, '/') + 1);
	logv("%s", vm->start_note);
	return 0;
}
