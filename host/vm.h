/*
 * vm.h - one guest: QEMU process, its private run directory, the agent
 * channel and the console log.
 */
#ifndef PROVIUM_VM_H
#define PROVIUM_VM_H

#include <stdint.h>
#include <sys/types.h>

#include "../proto/proto.h"
#include "kernel.h"
#include "logcap.h"
#include "qmp.h"
#include "util.h"

#define VM_DEFAULT_CALL_TIMEOUT_MS	60000
/* Splats kept per VM: the first ones and the latest; those between are counted. */
#define VM_EVENTS_HEAD		64
#define VM_EVENTS_TAIL		64
#define VM_EVENT_TEXT_MAX	16384	/* bytes of one splat's text */

struct vm_file {
	char *guest;		/* absolute path in the guest */
	char *host;		/* file on the host */
};

struct vm_disk {
	char *path;		/* raw or qcow2 image on the host */
	const char *format;	/* "raw" or "qcow2" (vm_disk_format); NULL = from the name */
	int readonly;
	int overlay;		/* writes go to a throwaway overlay (-drive snapshot=on) */
};

struct vm_config {
	struct kernel kernel;
	char module[640];	/* provium.ko for this kernel, "" = none */
	char module_note[256];	/* why there is none, when the host knows */
	char initrd[512];	/* user initramfs to keep, "" = none */
	char init[512];		/* user init to chain to, "" = the default */
	/*
	 * The root file system: "" = the initramfs; else a disk image, attached
	 * first (/dev/vda, writes to a throw-away overlay) and made the root by
	 * the agent unless there is a user initrd; or "host": the host's root,
	 * shared read-only under an overlay (rootfs.h).
	 */
	char rootfs[512];
	char append[1024];	/* extra kernel command line */
	const struct vm_file *files;	/* injected into the initramfs */
	size_t nfiles;
	const struct vm_disk *disks;	/* virtio-blk: /dev/vda, /dev/vdb, ... */
	size_t ndisks;
	unsigned int memory_mb;
	unsigned int cpus;
	const char *accel;	/* "kvm" or "tcg"; NULL = decide */
	int boot_timeout_ms;
	int probe_silence_ms;	/* KVM probe: fail if the console stays empty */
	int interactive;	/* serial console on this terminal (provium shell) */
	int cold;		/* boot; never restore a snapshot (vm:boot{cold = true}) */
	/*
	 * Saved states (snapshot.c), set by warm.c and fixture.c. @ram_file
	 * holds the guest's RAM: shared, the file is the RAM (a VM whose state
	 * may be saved); private, the VM maps a saved RAM copy-on-write.
	 */
	const char *ram_file;
	int ram_shared;
	const char *restore;	/* device state to load (-incoming defer), then RESUME */
	const char *console_seed;	/* the saved guest's console, copied first */
	int refresh_disks;	/* RESUME: the guest re-reads its disks */
};

/* How a VM started, for vm:info() and provium -v. */
enum vm_start { VM_START_COLD, VM_START_WARM, VM_START_FIXTURE };

struct vm {
	struct vm_config cfg;
	char rundir[256];	/* private, 0700; removed on teardown */
	char sockdir[64];	/* short private dir for the socket, if rundir is deep */
	struct qmp qmp;		/* QEMU's monitor (fixtures: stop, migrate, cont) */
	char console[300];	/* console log (kept in rundir until teardown) */
	struct console *con;	/* the thread filling it, NULL = none (interactive) */
	struct logcap con_final;	/* its bounds once it ended (con_ended) */
	int con_ended;
	char kept_console[600];	/* its copy outside rundir once asked for, "" = none */
	char accel[8];
	pid_t qemu_pid;
	int pidfd;		/* readable when QEMU exits */
	int fd;			/* agent channel */
	uint32_t next_id;
	struct proto_buf out;
	uint8_t *in;
	size_t in_len, in_cap, in_used;
	int dead;		/* channel or QEMU gone: no more requests */
	char dead_reason[2048];
	/* from HELLO */
	char release[128];
	uint32_t module_dispatch;
	char module_error[256];
	uint64_t boot_ns;	/* host: start to ready */
	uint32_t pool_id;	/* its grant from the resource pool, 0 = none */
	enum vm_start start;
	char start_note[512];	/* why it took that path */
	int snapshot_built;	/* its boot built the snapshot it was restored from */
	int qemu_started;	/* a failed boot got as far as starting QEMU */
	/*
	 * The shared RAM file of a VM whose state may be saved: unlinked at
	 * teardown unless a save took it ("" once taken), with the disk copies
	 * of its own beside it (<stem>.disk<N>.raw|.qcow2 for <stem>.ram).
	 * Paths in cfg that point to the caller's memory are cleared once the
	 * VM runs.
	 */
	char own_ram[600];
	struct vm_event {
		char *kind;	/* warning, bug, oops, lockdep, sanitizer, hang, taint */
		char *text;
		uint8_t *payload;	/* the whole EVENT frame's payload (trace.h) */
		uint32_t payload_len;
	} *events;		/* kept splats: see vm_event() */
	uint64_t nevents;	/* every splat the agent reported */
};

int vm_config_default(struct vm_config *cfg, struct error *e);
/*
 * The QEMU format of the disk image @path: @asked ("raw" or "qcow2") if
 * given, else "qcow2" for a name containing ".qcow2" and "raw" otherwise.
 * A qcow2 image must start with qcow2's magic. NULL with @e on error.
 */
const char *vm_disk_format(const char *path, const char *asked, struct error *e);
/*
 * Decide what a boot of @cfg would by itself, unless cfg->accel is set
 * already: the machine (a vmlinux for microvm, else q35) and the
 * accelerator (accel_choose). A snapshot's key needs both.
 */
int vm_config_settle(struct vm_config *cfg, struct error *e);
/* The guest kernel's command line for @cfg; caller frees. */
char *vm_cmdline(const struct vm_config *cfg);
int vm_boot(struct vm *vm, const struct vm_config *cfg, struct error *e);
/* Send a request built in vm->out (type set by caller) and wait for its reply. */
int vm_request(struct vm *vm, int timeout_ms, struct proto_msg *reply, struct error *e);
void vm_begin(struct vm *vm, unsigned int type);
/* Pipelining: send finished frames now, collect each reply by id later. */
int vm_send(struct vm *vm, const uint8_t *frames, size_t len, struct error *e);
int vm_wait(struct vm *vm, uint32_t id, int timeout_ms, struct proto_msg *reply,
	    struct error *e);
/*
 * The next frame from the agent, whatever its id (a reply, or an EVENT,
 * which is also recorded), within @timeout_ms; for the channel fuzzer,
 * which has many requests in flight. A timeout leaves the VM running.
 */
int vm_next(struct vm *vm, int timeout_ms, struct proto_msg *m, struct error *e);
int vm_shutdown(struct vm *vm, struct error *e);
void vm_kill(struct vm *vm);
void vm_free_events(struct vm *vm);
/* Splat @i (1-based, of vm->nevents), or NULL if it was dropped. */
const struct vm_event *vm_event(const struct vm *vm, uint64_t i);
/* The last @max bytes of the console, NUL-terminated; caller frees. */
char *vm_console_tail(const struct vm *vm, size_t max);
/* What the console got from byte @from on (its last @max bytes); caller frees. */
char *vm_console_since(const struct vm *vm, off_t from, size_t max);
off_t vm_console_size(const struct vm *vm);
/*
 * Keep the console past the VM's end (a test failed): copied to the
 * runner's log directory (or the cache's logs/), refreshed at teardown.
 * Returns the path that will exist after the run.
 */
const char *vm_keep_console(struct vm *vm);

/* Pause the guest (QMP stop); a save follows. */
int vm_stop(struct vm *vm, struct error *e);
/*
 * Save the device state of a VM whose RAM is a shared file (cfg.ram_file,
 * ram_shared) to @path: QMP stop, then migrate with x-ignore-shared, so the
 * stream carries no RAM. The VM stays stopped. Restore with cfg.ram_file =
 * that RAM file (private) and cfg.restore = @path.
 */
int vm_save_state(struct vm *vm, const char *path, struct error *e);
/*
 * RESUME: the restored guest takes the host's clock and fresh entropy (and
 * re-reads its disks if @refresh_disks); its answer is the first of the
 * restored agent.
 */
int vm_resume(struct vm *vm, int refresh_disks, int timeout_ms, struct error *e);

/* Decide KVM or TCG (probe once, cached); @why says how it was decided. */
const char *accel_choose(const struct vm_config *cfg, char *why, size_t whylen);

#endif
