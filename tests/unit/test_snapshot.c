/*
** test_snapshot.c - host/warm_key.c (the inputs of a boot and their key)
** and the parts of host/snapshot.c that need no VM: checking a saved
** guest before trusting it, copying a sparse RAM file.
*/
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../host/snapshot.h"
#include "../../host/warm.h"
#include "../../host/warm_key.h"
#include "unit.h"


static char *tmp_path (const char *name) {
  return xasprintf("%s/%s", unit_tmpdir(), name);
}


static void put (const char *path, const char *data) {
  CHECK(write_whole_file(path, data, strlen(data)) == 0);
}


/* the default machine of the tests below: microvm, 512M, 1 CPU, tcg */
static void base_config (struct vm_config *c) {
  memset(c, 0, sizeof(*c));
  snprintf(c->kernel.image, sizeof(c->kernel.image), "%s", "/boot/no-such-kernel");
  snprintf(c->kernel.vmlinux, sizeof(c->kernel.vmlinux), "%s", "/cache/vmlinux-1");
  c->memory_mb = 512;
  c->cpus = 1;
  c->accel = "tcg";
}


static char *inputs (const struct vm_config *c, const char *cmdline,
                     unsigned long long *key) {
  return warm_key_inputs(c, cmdline, "/cache/initramfs-1.cpio", "/bin/sh", key);
}


static void same_inputs_same_key (void) {
  struct vm_config c;
  unsigned long long k1, k2;
  char *a, *b;
  base_config(&c);
  a = inputs(&c, "console=ttyS0", &k1);
  b = inputs(&c, "console=ttyS0", &k2);
  CHECK_STR(a, b);
  CHECK_EQ_U64(k1, k2);
  CHECK_HAS(a, "in.memory 512M\n");
  CHECK_HAS(a, "in.machine microvm /cache/vmlinux-1\n");
  free(a);
  free(b);
}


/* what a test passes as `append` lands in the command line */
static void command_line_changes_key (void) {
  struct vm_config c;
  unsigned long long k1, k2;
  char *a, *b, *diff;
  int n;
  base_config(&c);
  a = inputs(&c, "console=ttyS0", &k1);
  b = inputs(&c, "console=ttyS0 foo=1", &k2);
  CHECK(k1 != k2);
  diff = warm_key_diff(a, b, &n);
  CHECK_STR(diff, "cmdline");
  CHECK_EQ_INT(n, 1);
  free(diff);
  diff = warm_key_diff(a, a, &n);
  CHECK_STR(diff, "");
  CHECK_EQ_INT(n, 0);
  free(diff);
  free(a);
  free(b);
}


static void machine_memory_cpus_accel_change_key (void) {
  struct vm_config c;
  unsigned long long k0, k;
  char *a, *b, *diff;
  int n;
  base_config(&c);
  a = inputs(&c, "x", &k0);
  c.memory_mb = 256;
  c.cpus = 2;
  c.kernel.vmlinux[0] = '\0';  /* q35 */
  c.accel = "kvm";
  b = inputs(&c, "x", &k);
  CHECK(k != k0);
  diff = warm_key_diff(a, b, &n);
  /* host_cpu: a KVM guest sees the host's CPU */
  CHECK_STR(diff, "machine, memory, cpus, accel, host_cpu");
  CHECK_EQ_INT(n, 5);
  free(diff);
  free(a);
  free(b);
}


/* a boot file is known by its contents: a fresh temporary copy is the same input */
static void boot_files_by_contents (void) {
  char *h1 = tmp_path("one"), *h2 = tmp_path("two");
  struct vm_file f = { "/opt/seed", h1 };
  struct vm_config c;
  unsigned long long k1, k2, k3;
  char *a, *b, *d, *diff;
  int n;
  put(h1, "seed data");
  put(h2, "seed data");
  base_config(&c);
  c.files = &f;
  c.nfiles = 1;
  a = inputs(&c, "x", &k1);
  f.host = h2;
  b = inputs(&c, "x", &k2);
  CHECK_EQ_U64(k1, k2);
  put(h2, "other data");
  d = inputs(&c, "x", &k3);
  CHECK(k3 != k2);
  diff = warm_key_diff(b, d, &n);
  CHECK_STR(diff, "files");
  free(diff);
  f.guest = "/opt/elsewhere";
  f.host = h1;
  free(d);
  d = inputs(&c, "x", &k3);
  CHECK(k3 != k1);
  free(a);
  free(b);
  free(d);
  free(h1);
  free(h2);
}


/* a disk by its shape: the guest re-reads it at restore */
static void disks_by_shape (void) {
  char *d1 = tmp_path("a.img"), *d2 = tmp_path("b.img"), *q = tmp_path("c.qcow2");
  struct vm_disk disk = { .path = d1 };
  struct vm_config c;
  unsigned long long k1, k2, k3;
  uint8_t hdr[32] = { 'Q', 'F', 'I', 0xfb };
  char *a, *b;
  int fd;
  fd = open(d1, O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0 && ftruncate(fd, 1 << 20) == 0);
  close(fd);
  fd = open(d2, O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0 && write(fd, "different bytes", 15) == 15 && ftruncate(fd, 1 << 20) == 0);
  close(fd);
  base_config(&c);
  c.disks = &disk;
  c.ndisks = 1;
  a = inputs(&c, "x", &k1);
  CHECK_HAS(a, "in.disks 1 raw:rw:1048576\n");
  disk.path = d2;
  free(inputs(&c, "x", &k2));
  CHECK_EQ_U64(k1, k2);
  disk.readonly = 1;
  free(inputs(&c, "x", &k3));
  CHECK(k3 != k2);
  /* qcow2: the virtual size from the header, not the file's */
  hdr[24 + 3] = 0x40;  /* 0x4000000000 = 256 GiB, big-endian */
  fd = open(q, O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0 && write(fd, hdr, sizeof(hdr)) == (ssize_t)sizeof(hdr));
  close(fd);
  disk.path = q;
  b = inputs(&c, "x", &k3);
  CHECK_HAS(b, "in.disks 1 qcow2:ro:274877906944\n");
  free(a);
  free(b);
  free(d1);
  free(d2);
  free(q);
}


static void diff_names_inputs_only_one_side_has (void) {
  int n;
  char *d = warm_key_diff("in.a 1\nin.b 2\n", "in.b 3\nin.c 4\n", &n);
  CHECK_STR(d, "a, b, c");
  CHECK_EQ_INT(n, 3);
  free(d);
  /* names are whole: in.ab is not in.a */
  d = warm_key_diff("in.a 1\n", "in.ab 1\nin.a 1\n", &n);
  CHECK_STR(d, "ab");
  free(d);
}


/* a saved guest of the right shape in the temporary directory */
static void fake_snapshot (struct snapshot *s, const char *state) {
  char *p, *meta;
  int fd;
  snprintf(s->base, sizeof(s->base), "%s/warm-1", unit_tmpdir());
  s->lock_fd = -1;
  p = xasprintf("%s.state", s->base);
  put(p, state);
  free(p);
  p = xasprintf("%s.ram", s->base);
  fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  CHECK(fd >= 0 && ftruncate(fd, 4096 * 16) == 0);
  close(fd);
  free(p);
  meta = xasprintf("format 3\ncpu %s\nqemu %llu\nstate_size %zu\nstate_hash %llu\n"
                   "ram_size %d\nndisks 0\nid 00000000000000ab\n",
                   getenv("PROVIUM_CPU") ? getenv("PROVIUM_CPU") : "",
                   snapshot_qemu_id(), strlen(state),
                   (unsigned long long)hash_bytes(HASH_INIT, state, strlen(state)),
                   4096 * 16);
  p = xasprintf("%s.meta", s->base);
  put(p, meta);
  free(p);
  free(meta);
}


static void usable_when_whole (void) {
  struct snapshot s;
  char why[256];
  fake_snapshot(&s, "QEVM device state");
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 1);
  CHECK_STR(why, "");
  CHECK_EQ_U64(snapshot_generation(&s), 0xab);
}


static void none_is_not_damaged (void) {
  struct snapshot s;
  char why[256] = "x";
  snprintf(s.base, sizeof(s.base), "%s/warm-absent", unit_tmpdir());
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 0);
  CHECK_STR(why, "");
  CHECK_EQ_U64(snapshot_generation(&s), 0);
}


static void damage_is_named (void) {
  struct snapshot s;
  char why[256], *p;
  int fd;
  /* a truncated device state */
  fake_snapshot(&s, "QEVM device state");
  p = xasprintf("%s.state", s.base);
  CHECK(truncate(p, 4) == 0);
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 0);
  CHECK_HAS(why, "device state is 4 bytes, 17 were saved");
  /* same size, other bytes */
  put(p, "QEVM DEVICE STATE");
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 0);
  CHECK_HAS(why, "does not match");
  free(p);
  /* a truncated RAM file */
  fake_snapshot(&s, "QEVM device state");
  p = xasprintf("%s.ram", s.base);
  fd = open(p, O_WRONLY);
  CHECK(fd >= 0 && ftruncate(fd, 4096) == 0);
  close(fd);
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 0);
  CHECK_HAS(why, "RAM file is 4096 bytes");
  free(p);
  /* another QEMU, another format */
  fake_snapshot(&s, "QEVM device state");
  p = xasprintf("%s.meta", s.base);
  put(p, "format 3\nqemu 7\n");
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 0);
  CHECK(strlen(why) > 0);
  put(p, "format 1\n");
  CHECK_EQ_INT(snapshot_usable(&s, why, sizeof(why)), 0);
  CHECK_HAS(why, "another version");
  free(p);
}


static void sparse_copy_keeps_holes (void) {
  char *src = tmp_path("ram"), *dst = tmp_path("copy");
  size_t len;
  uint8_t *a, *b;
  struct stat st;
  int fd = open(src, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  struct error e;
  CHECK(fd >= 0);
  CHECK(pwrite(fd, "start", 5, 0) == 5);
  CHECK(pwrite(fd, "middle", 6, 8 << 20) == 6);
  CHECK(ftruncate(fd, 64 << 20) == 0);  /* ends in a hole */
  close(fd);
  CHECK(copy_sparse(src, dst, &e) == 0);
  a = read_whole_file(src, &len);
  b = read_whole_file(dst, &len);
  CHECK_EQ_INT(len, 64 << 20);
  CHECK(a && b && memcmp(a, b, len) == 0);
  CHECK(stat(dst, &st) == 0);
  CHECK(st.st_blocks * 512 < (1 << 20));  /* holes stayed holes */
  free(a);
  free(b);
  CHECK(copy_sparse("/no/such/file", dst, &e) == -1);
  CHECK_HAS(e.msg, "/no/such/file");
  free(src);
  free(dst);
}


/* the APIC timer's calibration, read from /proc/timer_list */
static void lapic_calibration (void) {
  static const char list[] =
    "Tick Device: mode:     1\n"
    "Broadcast device\n"
    "Clock Event Device: <NULL>\n"
    "tick_broadcast_mask: 0\n"
    "\n"
    "Tick Device: mode:     1\n"
    "Per CPU device: 0\n"
    "Clock Event Device: lapic\n"
    " max_delta_ns:   34359738368\n"
    " min_delta_ns:   1000\n"
    " mult:           424027088\n"
    " shift:          32\n"
    " mode:           3\n";
  double mhz = warm_lapic_bus_mhz(list);
  CHECK(mhz > 1579 && mhz < 1580);  /* calibrated 58 % fast: timers fire late */
  mhz = warm_lapic_bus_mhz("Clock Event Device: lapic\n mult: 268435456\n shift: 32\n");
  CHECK(mhz > 999.9 && mhz < 1000.1);  /* QEMU's 1 GHz bus, exactly */
  /* a TSC-deadline timer is not calibrated; nothing to read */
  CHECK(warm_lapic_bus_mhz("Clock Event Device: lapic-deadline\n mult: 1\n shift: 32\n") == 0);
  CHECK(warm_lapic_bus_mhz("Clock Event Device: lapic\n mult: 5\n") == 0);
  /* the fields must be the lapic device's own */
  CHECK(warm_lapic_bus_mhz("Clock Event Device: lapic\nClock Event Device: hpet\n"
                           " mult: 268435456\n shift: 32\n") == 0);
}


static const struct unit_case cases[] = {
  { "the APIC timer's calibration", lapic_calibration },
  { "same inputs, same key", same_inputs_same_key },
  { "the command line changes the key", command_line_changes_key },
  { "machine, memory, cpus and accelerator change it", machine_memory_cpus_accel_change_key },
  { "boot files by their contents", boot_files_by_contents },
  { "disks by their shape", disks_by_shape },
  { "a diff names inputs only one side has", diff_names_inputs_only_one_side_has },
  { "a whole saved guest is usable", usable_when_whole },
  { "no saved guest is not a damaged one", none_is_not_damaged },
  { "damage is found and named", damage_is_named },
  { "a sparse copy keeps holes", sparse_copy_keeps_holes },
  { NULL, NULL }
};

const struct unit_suite unit_snapshot = { "snapshot", cases };
