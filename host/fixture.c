/*
 * fixture.c - build once, save, restore many times. The state file is
 * keyed by a hash of the fixture directory's scripts, provium.toml, the
 * agent, the module, the default kernel and the QEMU binary; a lock file
 * makes concurrent requests wait for one builder.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "config.h"
#include "fixture.h"
#include "layout.h"

struct fixture {
	char snapshot[600];	/* the migration stream */
	char meta[600];		/* how to start a VM that can take it */
	int lock_fd;
};

static void fixture_unlock(struct fixture *f);

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

static int fixture_open(struct fixture *f, const char *path, struct error *e)
{
	char toml[PATH_MAX], *lock, *home = xasprintf("%s", provium_home());
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

	snprintf(f->snapshot, sizeof(f->snapshot), "%s/fixture-%016llx.state", cache_dir(),
		 (unsigned long long)h);
	snprintf(f->meta, sizeof(f->meta), "%s/fixture-%016llx.meta", cache_dir(),
		 (unsigned long long)h);
	lock = xasprintf("%s/fixture-%016llx.lock", cache_dir(), (unsigned long long)h);
	f->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	free(lock);
	if (f->lock_fd < 0)
		return errorf(e, "fixture: cannot create its lock: %s", strerror(errno));
	while (flock(f->lock_fd, LOCK_EX)) {
		int err = errno;

		if (err != EINTR || provium_interrupted) {
			fixture_unlock(f);
			return errorf(e, "%s", err == EINTR ? "interrupted" : strerror(err));
		}
	}
	return 0;
}

static int fixture_ready(const struct fixture *f)
{
	return access(f->snapshot, R_OK) == 0 && access(f->meta, R_OK) == 0;
}

static void fixture_unlock(struct fixture *f)
{
	if (f->lock_fd >= 0)
		close(f->lock_fd);	/* releases the flock */
	f->lock_fd = -1;
}

/* The fields a restore needs, one "key value" per line. */
static int write_meta(const char *path, const struct vm *vm)
{
	const struct vm_config *c = &vm->cfg;
	char *text = xasprintf(
		"accel %s\nrelease %s\nmodule_dispatch %u\nmodule_error %s\nimage %s\n"
		"vmlinux %s\nmoddir %s\nmodule %s\nmemory %u\ncpus %u\nappend %s\ninit %s\n",
		vm->accel, vm->release, vm->module_dispatch, vm->module_error, c->kernel.image,
		c->kernel.vmlinux, c->kernel.moddir, c->module, c->memory_mb, c->cpus,
		c->append, c->init);
	int rc = write_whole_file(path, text, strlen(text));

	free(text);
	return rc;
}

static int fixture_save(struct fixture *f, struct vm *vm, struct error *e)
{
	char *tmp = xasprintf("%s.tmp.%d", f->snapshot, (int)getpid());
	int rc;

	if (vm->cfg.initrd[0] || vm->cfg.nfiles)
		return errorf(e, "fixture: VMs booted with an initrd or files cannot be saved "
			      "yet; write the files with vm:write_file instead");
	rc = vm_snapshot(vm, tmp, e);
	if (!rc && rename(tmp, f->snapshot))
		rc = errorf(e, "fixture: cannot store %s: %s", f->snapshot, strerror(errno));
	if (!rc && write_meta(f->meta, vm))
		rc = errorf(e, "fixture: cannot store %s: %s", f->meta, strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

static const char *meta_value(char *text, const char *key)
{
	size_t klen = strlen(key);
	char *line;

	for (line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (!strncmp(line, key, klen) && line[klen] == ' ')
			return line + klen + 1;
	return "";
}

/* Copy the value (up to the end of its line) into @out. */
static void meta_copy(char *text, const char *key, char *out, size_t len)
{
	const char *v = meta_value(text, key);
	size_t n = strcspn(v, "\n");

	if (n >= len)
		n = len - 1;
	memcpy(out, v, n);
	out[n] = '\0';
}

static int fixture_restore(const struct fixture *f, struct vm *vm, struct vm_config *cfg,
		    struct error *e)
{
	char accel[8], num[32];
	size_t len;
	char *text = (char *)read_whole_file(f->meta, &len);
	int rc;

	if (!text)
		return errorf(e, "fixture: cannot read %s: %s", f->meta, strerror(errno));
	memset(cfg, 0, sizeof(*cfg));
	meta_copy(text, "accel", accel, sizeof(accel));
	meta_copy(text, "image", cfg->kernel.image, sizeof(cfg->kernel.image));
	meta_copy(text, "vmlinux", cfg->kernel.vmlinux, sizeof(cfg->kernel.vmlinux));
	meta_copy(text, "moddir", cfg->kernel.moddir, sizeof(cfg->kernel.moddir));
	meta_copy(text, "release", cfg->kernel.release, sizeof(cfg->kernel.release));
	meta_copy(text, "module", cfg->module, sizeof(cfg->module));
	meta_copy(text, "append", cfg->append, sizeof(cfg->append));
	meta_copy(text, "init", cfg->init, sizeof(cfg->init));
	meta_copy(text, "memory", num, sizeof(num));
	cfg->memory_mb = (unsigned int)strtoul(num, NULL, 10);
	meta_copy(text, "cpus", num, sizeof(num));
	cfg->cpus = (unsigned int)strtoul(num, NULL, 10);
	cfg->boot_timeout_ms = 30000;
	cfg->accel = !strcmp(accel, "kvm") ? "kvm" : "tcg";
	cfg->incoming = f->snapshot;
	rc = vm_boot(vm, cfg, e);
	vm->cfg.incoming = NULL;	/* points into @f */
	if (!rc) {
		meta_copy(text, "release", vm->release, sizeof(vm->release));
		meta_copy(text, "module_error", vm->module_error, sizeof(vm->module_error));
		meta_copy(text, "module_dispatch", num, sizeof(num));
		vm->module_dispatch = (uint32_t)strtoul(num, NULL, 10);
	}
	free(text);
	return rc;
}

int fixture_start(const char *path, fixture_build_fn *build, void *ctx, struct vm *vm,
		  struct vm_config *cfg, struct error *e)
{
	struct fixture f;
	uint64_t t0;
	int rc;

	if (fixture_open(&f, path, e))
		return -1;
	if (!fixture_ready(&f)) {
		struct vm *built = build(ctx, e);

		if (!built) {
			fixture_unlock(&f);
			return -1;
		}
		rc = fixture_save(&f, built, e);
		vm_kill(built);
		if (rc) {
			fixture_unlock(&f);
			return -1;
		}
	}
	fixture_unlock(&f);

	t0 = mono_ns();
	rc = fixture_restore(&f, vm, cfg, e);
	cfg->incoming = NULL;		/* pointed into @f */
	if (rc) {
		char why[sizeof(e->msg)];

		copy_str(why, sizeof(why), e->msg);
		return errorf(e, "restoring it failed: %s", why);
	}
	vm->boot_ns = mono_ns() - t0;
	return 0;
}
