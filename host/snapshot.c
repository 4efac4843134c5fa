/*
 * snapshot.c - saved guests on disk (see snapshot.h): save a VM whose RAM
 * is a file of its own, check a saved guest before trusting it, start a VM
 * from it, prune old ones.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "snapshot.h"

#define META_FORMAT	"3"	/* 2: a calibrated APIC timer; 3: kbuild */
#define PRUNE_AFTER_S	(7 * 24 * 3600)
#define DEFAULT_BUDGET	(4ull << 30)
#define RESTORE_TIMEOUT_MS 20000

int snapshot_keeping;

void snapshot_init(struct snapshot *s, const char *kind, unsigned long long key)
{
	snprintf(s->base, sizeof(s->base), "%s/%s-%016llx", cache_dir(), kind, key);
	s->lock_fd = -1;
}

static char *path_of(const struct snapshot *s, const char *what)
{
	return xasprintf("%s.%s", s->base, what);
}

int snapshot_lock(struct snapshot *s, int how, struct error *e)
{
	if (s->lock_fd < 0) {
		char *lock = path_of(s, "lock");

		s->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
		free(lock);
		if (s->lock_fd < 0)
			return errorf(e, "cannot create the lock of %s: %s", s->base,
				      strerror(errno));
	}
	while (flock(s->lock_fd, how)) {
		int err = errno;

		if (err != EINTR || provium_interrupted) {
			snapshot_unlock(s);
			return errorf(e, "%s", err == EINTR ? "interrupted" : strerror(err));
		}
	}
	return 0;
}

void snapshot_unlock(struct snapshot *s)
{
	if (s->lock_fd >= 0)
		close(s->lock_fd);	/* releases the flock */
	s->lock_fd = -1;
}

/* "key value" lines: the value of @key up to its line's end, or "". */
static char *meta_value(const char *text, const char *key)
{
	size_t klen = strlen(key);
	const char *line;

	for (line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (!strncmp(line, key, klen) && line[klen] == ' ') {
			const char *v = line + klen + 1;

			return xasprintf("%.*s", (int)strcspn(v, "\n"), v);
		}
	return xstrdup("");
}

char *snapshot_meta(const struct snapshot *s, const char *key)
{
	char *meta = path_of(s, "meta"), *v;
	size_t len;
	char *text = (char *)read_whole_file(meta, &len);

	free(meta);
	v = meta_value(text ? text : "", key);
	free(text);
	return v;
}

static unsigned long long meta_num(const char *text, const char *key)
{
	char *v = meta_value(text, key);
	unsigned long long n = strtoull(v, NULL, 10);

	free(v);
	return n;
}

static off_t file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : st.st_size;
}

static unsigned long long content_hash(const char *path)
{
	size_t len;
	uint8_t *d = read_whole_file(path, &len);
	uint64_t h = hash_bytes(HASH_INIT, d ? d : (uint8_t *)"", d ? len : 0);

	free(d);
	return (unsigned long long)h;
}

const char *snapshot_qemu_path(void)
{
	static char path[4096];
	const char *env = getenv("PATH");
	char *dirs, *dir, *save;

	if (path[0])
		return path;
	dirs = xstrdup(env && *env ? env : "/usr/bin:/bin");
	for (dir = strtok_r(dirs, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		snprintf(path, sizeof(path), "%s/qemu-system-x86_64", *dir ? dir : ".");
		if (access(path, X_OK) == 0)
			break;
		path[0] = '\0';
	}
	free(dirs);
	if (!path[0])
		snprintf(path, sizeof(path), "qemu-system-x86_64");
	return path;
}

unsigned long long snapshot_qemu_id(void)
{
	return (unsigned long long)hash_file_meta(HASH_INIT, snapshot_qemu_path());
}

int snapshot_usable(const struct snapshot *s, char *why, size_t whylen)
{
	char *meta = path_of(s, "meta"), *state = path_of(s, "state"), *ram = path_of(s, "ram");
	char *v = NULL, *cpu = NULL;
	size_t len;
	char *text = (char *)read_whole_file(meta, &len);
	unsigned long long n, i;
	off_t got;
	int ok = 0;

	why[0] = '\0';
	if (!text)
		goto out;
	v = meta_value(text, "format");
	cpu = meta_value(text, "cpu");
	if (strcmp(v, META_FORMAT)) {
		snprintf(why, whylen, "it was saved by another version of Provium");
		goto out;
	}
	n = meta_num(text, "state_size");
	got = file_size(state);
	if (got < 0 || (unsigned long long)got != n) {
		snprintf(why, whylen, "its device state is %lld bytes, %llu were saved",
			 (long long)got, n);
		goto out;
	}
	if (content_hash(state) != meta_num(text, "state_hash")) {
		snprintf(why, whylen, "its device state does not match what was saved");
		goto out;
	}
	n = meta_num(text, "ram_size");
	got = file_size(ram);
	if (got < 0 || (unsigned long long)got != n) {
		snprintf(why, whylen, "its RAM file is %lld bytes, %llu were saved",
			 (long long)got, n);
		goto out;
	}
	if (meta_num(text, "qemu") != snapshot_qemu_id()) {
		snprintf(why, whylen, "QEMU changed since it was saved");
		goto out;
	}
	if (strcmp(cpu, getenv("PROVIUM_CPU") ? getenv("PROVIUM_CPU") : "")) {
		snprintf(why, whylen, "it was saved with PROVIUM_CPU='%s'", cpu);
		goto out;
	}
	n = meta_num(text, "ndisks");
	for (i = 0; i < n; i++) {
		char key[32], *disk;

		snprintf(key, sizeof(key), "disk%llu", i);
		disk = meta_value(text, key);
		if (disk[0] && access(disk, R_OK))
			snprintf(why, whylen, "its copy of disk %llu is gone", i);
		free(disk);
		if (why[0])
			goto out;
	}
	ok = 1;
out:
	free(v);
	free(cpu);
	free(text);
	free(meta);
	free(state);
	free(ram);
	return ok;
}

void snapshot_remove(const struct snapshot *s)
{
	static const char *const what[] = { "meta", "ram", "state", "console" };
	char *prefix = xasprintf("%s.disk", s->base), *dir = xstrdup(s->base);
	char *slash = strrchr(dir, '/');
	struct dirent *de;
	size_t i;
	DIR *d;

	/* the meta first: without it nothing else is trusted */
	for (i = 0; i < sizeof(what) / sizeof(what[0]); i++) {
		char *p = path_of(s, what[i]);

		unlink(p);
		free(p);
	}
	*slash = '\0';
	d = opendir(dir);
	while (d && (de = readdir(d))) {
		char *p = xasprintf("%s/%s", dir, de->d_name);

		if (!strncmp(p, prefix, strlen(prefix)))
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
	free(prefix);
}

unsigned long long snapshot_generation(const struct snapshot *s)
{
	char *id = snapshot_meta(s, "id");
	unsigned long long g = strtoull(id, NULL, 16);

	free(id);
	return g;
}

void snapshot_touch(const struct snapshot *s)
{
	char *meta = path_of(s, "meta");

	utimensat(AT_FDCWD, meta, NULL, 0);
	free(meta);
}

void snapshot_own_stem(char *out, size_t len)
{
	static unsigned int seq;

	snprintf(out, len, "%s/own-%d-%u", cache_dir(), (int)getpid(), ++seq);
}

int copy_sparse(const char *from, const char *to, struct error *e)
{
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
	struct stat st;
	off_t off = 0;

	if (in < 0 || fstat(in, &st)) {
		errorf(e, "cannot read %s: %s", from, strerror(errno));
		goto out;
	}
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		errorf(e, "cannot create %s: %s", to, strerror(errno));
		goto out;
	}
	for (;;) {
		off_t data = lseek(in, off, SEEK_DATA), hole, at;

		if (data < 0 && errno == ENXIO)
			break;		/* only a hole is left */
		hole = data < 0 ? -1 : lseek(in, data, SEEK_HOLE);
		if (hole < 0) {
			errorf(e, "cannot read %s: %s", from, strerror(errno));
			goto out;
		}
		for (at = data; at < hole;) {
			off_t dst = at;
			ssize_t n = copy_file_range(in, &at, out, &dst, hole - at, 0);

			if (n <= 0) {
				errorf(e, "cannot copy %s: %s", from, n ? strerror(errno) :
				       "it shrank");
				goto out;
			}
		}
		off = hole;
	}
	if (ftruncate(out, st.st_size)) {
		errorf(e, "cannot write %s: %s", to, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) && !rc)
		rc = errorf(e, "cannot write %s: %s", to, strerror(errno));
	if (rc && out >= 0)
		unlink(to);
	return rc;
}

static int take(const char *from, const char *to, struct error *e)
{
	if (rename(from, to))
		return errorf(e, "cannot store %s: %s", to, strerror(errno));
	return 0;
}

static void write_meta_text(char **text, const struct vm *vm, const struct vm_config *c)
{
	const char *cpu = getenv("PROVIUM_CPU");
	unsigned long long id = 0;

	/* which save this is: restorers tell a rebuild from the one that failed them */
	if (getrandom(&id, sizeof(id), 0) != sizeof(id))
		id = (unsigned long long)mono_ns() ^ (unsigned long long)getpid() << 40;

	*text = xasprintf("format %s\naccel %s\nimage %s\nvmlinux %s\nmoddir %s\nkrelease %s\n"
			  "kbuild %s\nmodule %s\nmemory %u\ncpus %u\nappend %s\ninit %s\ncpu %s\nqemu %llu\n"
			  "release %s\nmodule_dispatch %u\nmodule_error %s\nsaved %lld\nid %016llx\n",
			  META_FORMAT, vm->accel, c->kernel.image, c->kernel.vmlinux,
			  c->kernel.moddir, c->kernel.release, c->kernel.kbuild, c->module, c->memory_mb, c->cpus,
			  c->append, c->init, cpu ? cpu : "", snapshot_qemu_id(), vm->release,
			  vm->module_dispatch, vm->module_error, (long long)time(NULL), id);
}

static void appendf(char **s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void appendf(char **s, const char *fmt, ...)
{
	va_list ap;
	char *add, *both;

	va_start(ap, fmt);
	add = xvasprintf(fmt, ap);
	va_end(ap);
	both = xasprintf("%s%s", *s, add);
	free(add);
	free(*s);
	*s = both;
}

int snapshot_save(struct snapshot *s, struct vm *vm, int with_disks, const char *extra,
		  struct error *e)
{
	char *state = path_of(s, "state"), *ram = path_of(s, "ram");
	char *console = path_of(s, "console"), *meta = path_of(s, "meta");
	char *tmp = xasprintf("%s.state.tmp-%d", s->base, (int)getpid());
	char *text = NULL;
	size_t i, len, stem_len;
	uint8_t *con;
	int rc = -1;

	if (!vm->own_ram[0]) {
		errorf(e, "this VM was not started to be saved (its RAM is not a file of its own)");
		goto out;
	}
	snapshot_remove(s);
	for (i = 0; with_disks && i < vm->cfg.ndisks; i++)
		if (access(vm->cfg.disks[i].path, F_OK)) {
			errorf(e, "disk %zu (%s) was deleted while the VM ran: QEMU reopens it to "
			       "save the VM, keep it until the fixture is saved", i,
			       vm->cfg.disks[i].path);
			goto out;
		}
	/* the device state first: saving deactivates the disks, reopening them by name */
	if (vm_save_state(vm, tmp, e))
		goto out;
	write_meta_text(&text, vm, &vm->cfg);
	appendf(&text, "state_size %lld\nstate_hash %llu\nram_size %lld\nndisks %zu\n",
		(long long)file_size(tmp), content_hash(tmp), (long long)file_size(vm->own_ram),
		with_disks ? vm->cfg.ndisks : 0);
	stem_len = strlen(vm->own_ram) - 4;	/* "<stem>.ram" */
	for (i = 0; with_disks && i < vm->cfg.ndisks; i++) {
		const char *disk = vm->cfg.disks[i].path;
		const char *ext = vm->cfg.disks[i].format ? vm->cfg.disks[i].format :
				  strstr(disk, ".qcow2") ? "qcow2" : "raw";
		char *copy = xasprintf("%s.disk%zu.%s", s->base, i, ext);
		char *part = xasprintf("%s.disk%zu.tmp-%d.%s", s->base, i, (int)getpid(), ext);

		/* the VM is stopped and its disks flushed: each file is the disk */
		if (!strncmp(disk, vm->own_ram, stem_len) && disk[stem_len] == '.')
			rc = take(disk, copy, e);	/* a copy of its own already */
		else if (!(rc = copy_sparse(disk, part, e)))
			rc = take(part, copy, e);
		if (rc)
			unlink(part);
		appendf(&text, "disk%zu %s\ndisk%zu_ro %d\n", i, copy, i,
			vm->cfg.disks[i].readonly);
		free(copy);
		free(part);
		if (rc)
			goto out;
	}
	rc = -1;
	if (take(tmp, state, e) || take(vm->own_ram, ram, e))
		goto out;
	vm->own_ram[0] = '\0';	/* it is the snapshot's now */
	con = read_whole_file(vm->console, &len);
	if (write_whole_file(console, con ? con : (uint8_t *)"", con ? len : 0)) {
		free(con);
		errorf(e, "cannot store %s: %s", console, strerror(errno));
		goto out;
	}
	free(con);
	if (extra)
		appendf(&text, "%s", extra);
	/* the meta last: its presence says the rest is whole */
	if (write_whole_file(meta, text, strlen(text))) {
		errorf(e, "cannot store %s: %s", meta, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc) {
		unlink(tmp);
		snapshot_remove(s);
	}
	free(text);
	free(tmp);
	free(state);
	free(ram);
	free(console);
	free(meta);
	return rc;
}

void snapshot_free_disks(struct vm_config *cfg)
{
	struct vm_disk *d = (struct vm_disk *)cfg->disks;
	size_t i;

	for (i = 0; d && i < cfg->ndisks; i++)
		free(d[i].path);
	free(d);
	cfg->disks = NULL;
	cfg->ndisks = 0;
}

int snapshot_restore(const struct snapshot *s, struct vm *vm, struct vm_config *cfg,
		     const struct vm_config *base, int refresh_disks, struct error *e)
{
	const struct vm_disk *disks = base ? base->disks : NULL;
	char *meta = path_of(s, "meta"), *state = path_of(s, "state");
	char *ram = path_of(s, "ram"), *console = path_of(s, "console");
	char stem[600] = "", own[620] = "", *v;
	size_t len, i;
	char *text = (char *)read_whole_file(meta, &len);
	int rc = -1;

	memset(cfg, 0, sizeof(*cfg));
	if (!text) {
		errorf(e, "cannot read %s: %s", meta, strerror(errno));
		goto out;
	}
	if (base) {
		/* the caller's configuration, which the snapshot's key matched */
		*cfg = *base;
		cfg->accel = NULL;
	}
#define COPY(field, key) do { v = meta_value(text, key); \
		copy_str(field, sizeof(field), v); free(v); } while (0)
	if (!base) {
		COPY(cfg->kernel.image, "image");
		COPY(cfg->kernel.vmlinux, "vmlinux");
		COPY(cfg->kernel.moddir, "moddir");
		COPY(cfg->kernel.release, "krelease");
		COPY(cfg->kernel.kbuild, "kbuild");
		COPY(cfg->module, "module");
		COPY(cfg->append, "append");
		COPY(cfg->init, "init");
		cfg->memory_mb = (unsigned int)meta_num(text, "memory");
		cfg->cpus = (unsigned int)meta_num(text, "cpus");
	}
#undef COPY
	v = meta_value(text, "accel");
	cfg->accel = !strcmp(v, "kvm") ? "kvm" : "tcg";
	free(v);
	cfg->boot_timeout_ms = RESTORE_TIMEOUT_MS;
	/* a VM that may be saved in turn runs on copies of its own */
	if (snapshot_keeping)
		snapshot_own_stem(stem, sizeof(stem));
	if (base) {
		/* the disks are the caller's */
	} else if ((cfg->ndisks = meta_num(text, "ndisks"))) {
		struct vm_disk *d = xcalloc(cfg->ndisks, sizeof(*d));

		cfg->disks = d;
		for (i = 0; i < cfg->ndisks; i++) {
			char key[32];

			snprintf(key, sizeof(key), "disk%zu", i);
			d[i].path = meta_value(text, key);
			snprintf(key, sizeof(key), "disk%zu_ro", i);
			d[i].readonly = (int)meta_num(text, key);
			/* the saved copy stays as saved: an overlay takes the writes */
			d[i].overlay = !d[i].readonly && !stem[0];
			if (stem[0]) {
				char *mine = xasprintf("%s.disk%zu.%s", stem, i,
						       strstr(d[i].path, ".qcow2") ? "qcow2" : "raw");

				rc = copy_sparse(d[i].path, mine, e);
				free(d[i].path);
				d[i].path = mine;
				if (rc)
					goto out;
				rc = -1;
			}
		}
	}
	cfg->refresh_disks = refresh_disks;
	cfg->ram_file = ram;
	if (stem[0]) {
		snprintf(own, sizeof(own), "%s.ram", stem);
		if (copy_sparse(ram, own, e))
			goto out;
		cfg->ram_file = own;
		cfg->ram_shared = 1;
	}
	cfg->restore = state;
	cfg->console_seed = console;
	rc = vm_boot(vm, cfg, e);
	cfg->ram_file = cfg->restore = cfg->console_seed = NULL;
	if (!rc) {
		v = meta_value(text, "release");
		copy_str(vm->release, sizeof(vm->release), v);
		free(v);
		v = meta_value(text, "module_error");
		copy_str(vm->module_error, sizeof(vm->module_error), v);
		free(v);
		vm->module_dispatch = (uint32_t)meta_num(text, "module_dispatch");
		snapshot_touch(s);
	}
out:
	/* on failure vm_boot removed what it owned; copies made before it go here */
	if (rc && own[0])
		unlink(own);
	for (i = 0; rc && stem[0] && !disks && i < cfg->ndisks; i++)
		unlink(cfg->disks[i].path);
	if (rc && !disks)
		snapshot_free_disks(cfg);
	free(text);
	free(meta);
	free(state);
	free(ram);
	free(console);
	return rc;
}

/* "own-<pid>-<n>.*" or "<base>.<what>.tmp-<pid>[.ext]" of a process gone. */
static int leftover_of_dead(const char *name)
{
	const char *p = NULL;
	long pid;

	if (!strncmp(name, "own-", 4))
		p = name + 4;
	else if (strstr(name, ".tmp-"))
		p = strstr(name, ".tmp-") + 5;
	if (!p)
		return 0;
	pid = strtol(p, NULL, 10);
	return pid > 0 && kill((pid_t)pid, 0) && errno == ESRCH;
}

struct saved {
	char base[600];
	time_t used;
	unsigned long long bytes;
};

static int by_use(const void *a, const void *b)
{
	const struct saved *x = a, *y = b;

	return x->used < y->used ? -1 : x->used > y->used;
}

/* Bytes on disk of every file of @base (holes do not count). */
static unsigned long long allocated(const char *dir, const char *base)
{
	size_t blen = strlen(base);
	unsigned long long sum = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		struct stat st;
		char *p = xasprintf("%s/%s", dir, de->d_name);

		if (!strncmp(p, base, blen) && p[blen] == '.' && stat(p, &st) == 0)
			sum += (unsigned long long)st.st_blocks * 512;
		free(p);
	}
	if (d)
		closedir(d);
	return sum;
}

void snapshot_prune(const char *kind, const struct snapshot *keep)
{
	const char *dir = cache_dir(), *env = getenv("PROVIUM_SNAPSHOT_CACHE");
	unsigned long long budget = env ? strtoull(env, NULL, 0) : DEFAULT_BUDGET, total = 0;
	size_t klen = strlen(kind), n = 0, i;
	struct saved *list = NULL;
	time_t now = time(NULL);
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		size_t len = strlen(de->d_name);
		char *p = xasprintf("%s/%s", dir, de->d_name);
		struct stat st;

		if (leftover_of_dead(de->d_name)) {
			unlink(p);
		} else if (!strncmp(de->d_name, kind, klen) && de->d_name[klen] == '-' &&
			   len > 5 && !strcmp(de->d_name + len - 5, ".meta") &&
			   stat(p, &st) == 0) {
			list = xrealloc(list, (n + 1) * sizeof(*list));
			snprintf(list[n].base, sizeof(list[n].base), "%.*s", (int)(strlen(p) - 5), p);
			list[n].used = st.st_mtime;
			list[n].bytes = allocated(dir, list[n].base);
			total += list[n].bytes;
			n++;
		}
		free(p);
	}
	if (d)
		closedir(d);
	qsort(list, n, sizeof(*list), by_use);
	for (i = 0; i < n; i++) {
		struct snapshot s = { .lock_fd = -1 };
		struct error e;

		if (now - list[i].used <= PRUNE_AFTER_S && total <= budget)
			break;	/* the rest are newer */
		copy_str(s.base, sizeof(s.base), list[i].base);
		if (keep && !strcmp(s.base, keep->base))
			continue;
		/* one being restored or rebuilt right now stays */
		if (snapshot_lock(&s, LOCK_EX | LOCK_NB, &e) == 0) {
			logv("pruning %s (%s)", s.base, now - list[i].used > PRUNE_AFTER_S ?
			     "unused for a week" : "over the snapshot cache budget");
			snapshot_remove(&s);
			total -= list[i].bytes;
		}
		snapshot_unlock(&s);
	}
	free(list);
}
