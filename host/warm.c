/*
 * warm.c - warm start. A boot looks up the snapshot of its inputs
 * (warm-<key>); if there is a usable one it is restored, else a cold boot
 * with its RAM in the snapshot's file is saved as soon as the agent says
 * hello, killed, and restored. Builders hold the snapshot's lock
 * exclusively, restorers shared while QEMU opens the files, so parallel
 * runners wait for one build. A snapshot that fails its checks or its
 * restore is rebuilt once, with a note; then the VM boots cold.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "initramfs.h"
#include "rootfs.h"
#include "snapshot.h"
#include "warm.h"
#include "warm_key.h"

static const char *cold_reason(const struct vm_config *cfg)
{
	const char *env = getenv("PROVIUM_COLD");

	if (cfg->cold)
		return "cold = true";
	if (env && *env && strcmp(env, "0"))
		return "PROVIUM_COLD=1 (provium test --cold)";
	if (cfg->interactive)
		return "an interactive console";
	/* QEMU's 9p device refuses to migrate while the guest has it mounted */
	if (rootfs_is_host(cfg))
		return "rootfs = \"host\" (a 9p share cannot be saved)";
	/*
	 * A rootfs image is mounted at boot behind a throwaway overlay: what
	 * the guest wrote to it by then is in the builder's overlay, not in
	 * the image a restore would attach.
	 */
	if (cfg->rootfs[0])
		return "a rootfs image (its overlay at boot is not part of a snapshot)";
	return NULL;
}

static void set_note(struct vm *vm, enum vm_start start, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set_note(struct vm *vm, enum vm_start start, const char *fmt, ...)
{
	va_list ap;

	vm->start = start;
	va_start(ap, fmt);
	vsnprintf(vm->start_note, sizeof(vm->start_note), fmt, ap);
	va_end(ap);
	logv("%s", vm->start_note);
}

/* A cold boot; while a fixture is built its RAM is a file of its own. */
static int boot_cold(struct vm *vm, const struct vm_config *cfg, const char *why,
		     struct error *e)
{
	struct vm_config c = *cfg;
	char ram[620];

	if (snapshot_keeping) {
		snapshot_own_stem(ram, sizeof(ram) - 4);
		strcat(ram, ".ram");
		c.ram_file = ram;
		c.ram_shared = 1;
	}
	if (vm_boot(vm, &c, e))
		return -1;
	set_note(vm, VM_START_COLD, "cold boot: %s", why);
	return 0;
}

static int restore(struct vm *vm, struct snapshot *s, const struct vm_config *cfg,
		   struct error *e)
{
	struct vm_config got;

	/* the disks are the user's, as they are now: the guest re-reads them */
	return snapshot_restore(s, vm, &got, cfg, cfg->ndisks > 0, e);
}

/*
 * Did a restore fail because of the snapshot? Not if QEMU never started (the
 * resource pool refused the VM, a setting is wrong) or the user interrupted
 * it: that error is the caller's, as it would be for a cold boot.
 */
static int snapshot_to_blame(const struct vm *vm)
{
	return vm->qemu_started && !provium_interrupted;
}

/* Why there is no snapshot for @inputs: the nearest saved one and what differs. */
static void explain_miss(const char *inputs, char *out, size_t len)
{
	const char *dir = cache_dir();
	char *best = NULL, *best_name = NULL;
	int best_count = 1 << 30;
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		size_t n = strlen(de->d_name), tlen;
		char *p, *text, *diff;
		int count;

		if (strncmp(de->d_name, "warm-", 5) || n < 6 || strcmp(de->d_name + n - 5, ".meta"))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		text = (char *)read_whole_file(p, &tlen);
		free(p);
		if (!text)
			continue;
		diff = warm_key_diff(inputs, text, &count);
		free(text);
		if (count && count < best_count) {
			free(best);
			free(best_name);
			best = diff;
			best_name = xasprintf("%.*s", (int)(n - 5), de->d_name);
			best_count = count;
		} else {
			free(diff);
		}
	}
	if (d)
		closedir(d);
	if (best)
		snprintf(out, len, "no snapshot of this configuration; the nearest, %s, differs "
			 "in %s", best_name, best);
	else
		snprintf(out, len, "no snapshot of this configuration yet");
	free(best);
	free(best_name);
}

/*
 * A guest whose disks were mounted before it said hello (a root disk, a
 * user init) holds their state in its memory: restored over disks that
 * changed since, it would corrupt them. Such a configuration boots cold.
 */
/* A small guest file (/proc), NUL-terminated; NULL with @e set. */
static char *guest_file(struct vm *vm, const char *path, struct error *e)
{
	struct proto_msg m;

	vm_begin(vm, PROTO_MSG_READ_FILE);
	proto_put_str(&vm->out, PROTO_A_PATH, path);
	if (vm_request(vm, 10000, &m, e))
		return NULL;
	return xasprintf("%.*s", (int)m.attr_len[PROTO_A_DATA],
			 m.attr[PROTO_A_DATA] ? (const char *)m.attr[PROTO_A_DATA] : "");
}

static int disks_in_use(struct vm *vm, char *why, size_t len)
{
	static const char *const files[] = { "/proc/mounts", "/proc/swaps" };
	struct error e;
	size_t i;

	if (!vm->cfg.ndisks)
		return 0;
	for (i = 0; i < 2; i++) {
		char *data = guest_file(vm, files[i], &e), *line;

		if (!data) {
			snprintf(why, len, "cannot tell whether its disks are in use (%.200s)", e.msg);
			return 1;
		}
		for (line = data; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
			if (!strncmp(line, "/dev/vd", 7) || !strncmp(line, "/dev/root ", 10)) {
				snprintf(why, len, "a disk was in use when the agent became ready "
					 "(%.*s)", (int)strcspn(line, " \n"), line);
				free(data);
				return 1;
			}
		free(data);
	}
	return 0;
}

double warm_lapic_bus_mhz(const char *timer_list)
{
	const char *dev = strstr(timer_list, "Clock Event Device: lapic\n");
	const char *m, *s, *end;

	if (!dev)
		return 0;	/* none, or lapic-deadline: no calibration */
	end = strstr(dev + 1, "Clock Event Device:");
	m = strstr(dev, " mult:");
	s = strstr(dev, " shift:");
	if (!m || !s || (end && (m > end || s > end)))
		return 0;
	/* the clockevent counts the bus clock divided by APIC_DIVISOR (16) */
	return strtod(m + 6, NULL) * 1e3 / (double)(1ull << strtoul(s + 7, NULL, 10)) * 16;
}

/*
 * Under TCG the guest calibrates its local APIC timer against the TSC at
 * boot, and a vCPU preempted between the two reads (a loaded host) skews
 * the result by tens of per cent: every timer of that guest then fires that
 * much late or early. A cold boot draws again each time; a snapshot would
 * keep a bad draw for every restore. QEMU's APIC bus runs at 1 GHz.
 */
static int timer_miscalibrated(struct vm *vm, double *mhz, char *why, size_t len)
{
	const char *env = getenv("PROVIUM_TIMER_TOLERANCE");
	double tolerance = env && *env ? strtod(env, NULL) : WARM_TIMER_TOLERANCE;
	struct error e;
	char *list;

	*mhz = 0;
	if (env && !strcmp(env, "off"))
		return 0;
	if (strcmp(vm->accel, "tcg") || !(list = guest_file(vm, "/proc/timer_list", &e)))
		return 0;
	*mhz = warm_lapic_bus_mhz(list);
	free(list);
	if (*mhz && (*mhz < 1000 * (1 - tolerance) || *mhz > 1000 * (1 + tolerance))) {
		snprintf(why, len, "the guest calibrated its APIC timer %+.0f%% off under host "
			 "load (a %.0f MHz bus, 1000 expected)", (*mhz / 1000 - 1) * 100, *mhz);
		return 1;
	}
	return 0;
}

/*
 * Boot @cfg cold with its RAM in the snapshot's file, save it once the agent
 * is ready, kill it. 1 = saved; 0 = the configuration cannot be saved, and
 * @vm is that cold-booted guest, running (note set); -1 = the boot failed;
 * -2 = saving failed.
 */
static int build(struct vm *vm, struct snapshot *s, const struct vm_config *cfg,
		 const char *inputs, struct error *e)
{
	struct vm_config c = *cfg;
	char *ram = xasprintf("%s.ram.tmp-%d", s->base, (int)getpid());
	char why[300], *marker, *extra;
	double mhz;
	int rc;

	c.ram_file = ram;
	c.ram_shared = 1;
	rc = vm_boot(vm, &c, e);
	free(ram);
	if (rc)
		return -1;
	if (disks_in_use(vm, why, sizeof(why))) {
		/* it runs on as an ordinary guest (whose RAM a fixture may keep) */
		if (!snapshot_keeping) {
			unlink(vm->own_ram);
			vm->own_ram[0] = '\0';
		}
		marker = xasprintf("%s.cold", s->base);
		write_whole_file(marker, why, strlen(why));
		free(marker);
		set_note(vm, VM_START_COLD, "cold boot, no snapshot: %s", why);
		return 0;
	}
	if (timer_miscalibrated(vm, &mhz, why, sizeof(why))) {
		/*
		 * As good as any cold boot: it serves, and the next boot tries
		 * again. In a fixture build its RAM stays its own, to be saved.
		 */
		if (!snapshot_keeping) {
			unlink(vm->own_ram);
			vm->own_ram[0] = '\0';
		}
		set_note(vm, VM_START_COLD, "cold boot, snapshot not saved: %s", why);
		return 0;
	}
	extra = xasprintf("%slapic_bus_mhz %.1f\n", inputs, mhz);
	rc = snapshot_save(s, vm, 0, extra, e);
	free(extra);
	vm_kill(vm);
	if (rc)
		return -2;
	snapshot_prune("warm", s);
	return 1;
}

/*
 * Room for the builder's RAM file: a guest writing into a shared mapping of
 * a file the disk cannot hold would kill QEMU (SIGBUS). The guest can write
 * all of its memory; keep 256 MiB more.
 */
static int cache_has_room(unsigned int memory_mb, char *why, size_t len)
{
	struct statvfs st;
	unsigned long long need = ((unsigned long long)memory_mb + 256) << 20, have;

	if (statvfs(cache_dir(), &st))
		return 1;	/* let the build find out */
	have = (unsigned long long)st.f_bavail * st.f_frsize;
	if (have >= need)
		return 1;
	snprintf(why, len, "no room for a snapshot in %s (%llu MiB free, %llu needed)",
		 cache_dir(), have >> 20, need >> 20);
	return 0;
}

int warm_boot(struct vm *vm, const struct vm_config *in, struct error *e)
{
	uint64_t t0 = mono_ns();
	struct vm_config cfg = *in;
	const char *cold = cold_reason(in);
	char initramfs[600], why[700] = "", *cmdline, *inputs, *marker, *name;
	unsigned long long key, gen = 0;
	struct snapshot s;
	size_t len;
	int rc, built;

	if (cold)
		return boot_cold(vm, &cfg, cold, e);
	if (vm_config_settle(&cfg, e))
		return -1;
	/*
	 * Under TCG a guest restored with more than one vCPU now and then
	 * loses an inter-processor interrupt: the other CPU never answers and
	 * the caller spins (a soft lockup in stop_machine when ftrace patches
	 * text, about one run in five of tests/e2e/trace_graph.lua; never
	 * seen cold). Such guests boot cold until that is understood.
	 */
	if (cfg.cpus > 1 && !strcmp(cfg.accel, "tcg"))
		return boot_cold(vm, in, "more than one CPU under TCG (a restored "
				 "multi-CPU guest can lose an interrupt between its CPUs)", e);
	if (initramfs_prepare(&cfg.kernel, cfg.module[0] ? cfg.module : NULL, initramfs,
			      sizeof(initramfs), e))
		return -1;
	cmdline = vm_cmdline(&cfg);
	inputs = warm_key_inputs(&cfg, cmdline, initramfs, snapshot_qemu_path(), &key);
	free(cmdline);
	snapshot_init(&s, "warm", key);
	name = strrchr(s.base, '/') + 1;

	/* a configuration found unsaveable before */
	marker = xasprintf("%s.cold", s.base);
	cold = (char *)read_whole_file(marker, &len);
	free(marker);
	if (cold) {
		snprintf(why, sizeof(why), "%s (remembered in %s.cold)", cold, name);
		free((char *)cold);
		free(inputs);
		return boot_cold(vm, &cfg, why, e);
	}

	if (snapshot_lock(&s, LOCK_SH, e))
		goto fail;
	if (snapshot_usable(&s, why, sizeof(why))) {
		gen = snapshot_generation(&s);
		if (restore(vm, &s, &cfg, e) == 0)
			goto restored;
		if (!snapshot_to_blame(vm))
			goto fail;
		snprintf(why, sizeof(why), "it could not be restored: %.600s", e->msg);
	}
	/* build it, or wait for whoever builds it */
	if (snapshot_lock(&s, LOCK_EX, e))
		goto fail;
	if (!why[0] || snapshot_generation(&s) != gen) {
		char again[700];

		if (snapshot_usable(&s, again, sizeof(again))) {
			if (restore(vm, &s, &cfg, e) == 0)
				goto restored;
			if (!snapshot_to_blame(vm))
				goto fail;
			snprintf(why, sizeof(why), "it could not be restored: %.600s", e->msg);
		} else if (again[0]) {
			copy_str(why, sizeof(why), again);
		} else {
			why[0] = '\0';
		}
	}
	{
		char room[300];

		if (!cache_has_room(cfg.memory_mb, room, sizeof(room))) {
			snapshot_unlock(&s);
			free(inputs);
			return boot_cold(vm, &cfg, room, e);
		}
	}
	if (why[0])
		fprintf(stderr, "provium: note: snapshot %s is unusable (%s): rebuilding it\n",
			name, why);
	else
		explain_miss(inputs, why, sizeof(why));
	logv("building snapshot %s: %s", name, why);
	built = build(vm, &s, &cfg, inputs, e);
	if (built == -2) {
		fprintf(stderr, "provium: note: saving snapshot %s failed (%s); booting cold\n",
			name, e->msg);
		snapshot_unlock(&s);
		rc = boot_cold(vm, &cfg, "its snapshot could not be saved", e);
		goto done;
	}
	if (built <= 0) {
		rc = built;
		goto done;	/* the boot failed, or a guest that runs cold */
	}
	snapshot_lock(&s, LOCK_SH, e);	/* others may restore alongside */
	if (restore(vm, &s, &cfg, e) == 0) {
		set_note(vm, VM_START_WARM, "built snapshot %s (%s), then restored it", name, why);
		vm->snapshot_built = 1;
		rc = 0;
		goto done;
	}
	if (!snapshot_to_blame(vm))
		goto fail;
	fprintf(stderr, "provium: note: snapshot %s, just built, could not be restored (%s): "
		"removed; booting cold\n", name, e->msg);
	if (snapshot_lock(&s, LOCK_EX, e) == 0)
		snapshot_remove(&s);	/* nobody restores it meanwhile */
	snapshot_unlock(&s);
	rc = boot_cold(vm, &cfg, "its snapshot could not be restored", e);
	goto done;
restored:
	set_note(vm, VM_START_WARM, "restored snapshot %s", name);
	rc = 0;
	goto done;
fail:
	rc = -1;
done:
	snapshot_unlock(&s);
	free(inputs);
	if (!rc)
		vm->boot_ns = mono_ns() - t0;
	return rc;
}
