/* test_kernel.c - host/kernel.c: module signature stripping, vermagic */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../host/kernel.h"
#include "unit.h"

#define MAGIC  "~Module signature appended~\n"
#define MLEN   (sizeof(MAGIC) - 1)

/*
** A module image: @plen payload bytes, @slen signature bytes, the
** 12-byte struct module_signature claiming @claim, then the magic.
*/
static uint8_t *signed_module (size_t plen, size_t slen, uint32_t claim,
                               size_t *len) {
  uint8_t *d, *info;
  size_t i;
  *len = plen + slen + 12 + MLEN;
  d = malloc(*len);  /* exact size: ASan sees reads past the end */
  for (i = 0; i < plen; i++)
    d[i] = (uint8_t)(i * 13 + 1);
  memset(d + plen, 0x5A, slen);
  info = d + plen + slen;
  memset(info, 0, 12);
  info[2] = 2;  /* id_type PKEY_ID_PKCS7, as the kernel's sign-file writes */
  info[8] = claim >> 24;  /* sig_len, big-endian */
  info[9] = claim >> 16;
  info[10] = claim >> 8;
  info[11] = claim;
  memcpy(info + 12, MAGIC, MLEN);
  return d;
}


static void strip_signed (void) {
  size_t len;
  uint8_t *d = signed_module(1000, 0x125, 0x125, &len);  /* 0x125: byte order */
  CHECK_EQ_INT(len, 1000 + 0x125 + 12 + 28);
  CHECK_EQ_INT(module_strip_signature(d, len), 1000);
  free(d);
  d = signed_module(0, 7, 7, &len);  /* nothing but the signature */
  CHECK_EQ_INT(module_strip_signature(d, len), 0);
  free(d);
  d = signed_module(64, 0, 0, &len);  /* empty signature */
  CHECK_EQ_INT(module_strip_signature(d, len), 64);
  free(d);
}


static void strip_unsigned (void) {
  static const uint8_t elf[] = "\x7f" "ELF\2\1\1 some module bytes";
  size_t len;
  uint8_t *d;
  CHECK_EQ_INT(module_strip_signature(elf, sizeof(elf)), sizeof(elf));
  CHECK_EQ_INT(module_strip_signature(elf, 0), 0);
  /* the magic alone, no room for struct module_signature */
  d = malloc(MLEN + 11);
  memset(d, 0, 11);
  memcpy(d + 11, MAGIC, MLEN);
  CHECK_EQ_INT(module_strip_signature(d, MLEN + 11), MLEN + 11);
  free(d);
  /* a magic with its last byte wrong */
  d = signed_module(100, 10, 10, &len);
  d[len - 1] = ' ';
  CHECK_EQ_INT(module_strip_signature(d, len), len);
  free(d);
}


static void strip_corrupt (void) {
  size_t len;
  uint8_t *d = signed_module(100, 10, 111, &len);  /* one more than there is */
  CHECK_EQ_INT(module_strip_signature(d, len), len);
  free(d);
  d = signed_module(100, 10, 110, &len);  /* exactly everything */
  CHECK_EQ_INT(module_strip_signature(d, len), 0);
  free(d);
  d = signed_module(100, 10, 0xFFFFFFFF, &len);
  CHECK_EQ_INT(module_strip_signature(d, len), len);
  free(d);
  d = signed_module(100, 10, 0x0A000000, &len);  /* little-endian reading */
  CHECK_EQ_INT(module_strip_signature(d, len), len);
  free(d);
}


/* module_vermagic of @n bytes in an exact-size copy */
static void vermagic (const char *bytes, size_t n, size_t outlen, char *out) {
  uint8_t *d = malloc(n ? n : 1);
  memcpy(d, bytes, n);
  memset(out, 'X', outlen);
  module_vermagic(d, n, out, outlen);
  free(d);
}


static const char modinfo[] =
  "\x7f" "ELF\0\0\0junk\0license=GPL\0name=provium\0"
  "vermagic=6.1.0-56-amd64 SMP preempt mod_unload modversions \0"
  "srcversion=ABC\0";


static void vermagic_found (void) {
  char out[64];
  vermagic(modinfo, sizeof(modinfo) - 1, sizeof(out), out);
  CHECK_STR(out, "6.1.0-56-amd64");
  /* a short output buffer truncates, still terminated */
  vermagic(modinfo, sizeof(modinfo) - 1, 6, out);
  CHECK_STR(out, "6.1.0");
  /* at the very end of the data, nothing after it */
  vermagic("\0vermagic=6.12.3", 16, sizeof(out), out);
  CHECK_STR(out, "6.12.3");
  vermagic("vermagic=", 9, sizeof(out), out);
  CHECK_STR(out, "");
}


static void vermagic_absent (void) {
  char out[64];
  vermagic("\x7f" "ELF\0license=GPL\0name=x\0", 23, sizeof(out), out);
  CHECK_STR(out, "");
  vermagic("vermagi", 7, sizeof(out), out);  /* cut short */
  CHECK_STR(out, "");
  vermagic("", 0, sizeof(out), out);
  CHECK_STR(out, "");
}


/* @tool's output for @n bytes of input, or NULL if it is not installed. */
static uint8_t *compress_with (char *const tool[], const uint8_t *d, size_t n,
                               size_t *outlen) {
  int in = memfd_create("in", MFD_CLOEXEC), out = memfd_create("out", MFD_CLOEXEC);
  uint8_t *buf = NULL;
  off_t len;
  if (in < 0 || out < 0 || write(in, d, n) != (ssize_t)n)
    goto done;
  lseek(in, 0, SEEK_SET);
  if (run_command_io(tool, in, out, -1) != 0)
    goto done;
  len = lseek(out, 0, SEEK_END);
  buf = malloc((size_t)len + 4);  /* room for the size word */
  if (pread(out, buf, (size_t)len, 0) != len) {
    free(buf);
    buf = NULL;
    goto done;
  }
  *outlen = (size_t)len;
done:
  close(in);
  close(out);
  return buf;
}


/* What the kernel's image would decompress to: an ELF header, then bulk. */
static uint8_t *fake_vmlinux (size_t n) {
  uint8_t *d = malloc(n);
  size_t i;
  for (i = 0; i < n; i++)
    d[i] = (uint8_t)((i * 2654435761u) >> 13) & 0x3f;
  memcpy(d, "\x7f" "ELF\2\1\1", 7);
  return d;
}


/*
** A bzImage around @payload: one setup sector, "HdrS" at 0x202, the
** payload offset (from the protected-mode code) at 0x248 and length at 0x24c.
*/
static char *write_bzimage (const char *dir, const char *name,
                            const uint8_t *payload, size_t plen) {
  size_t pm = 2 * 512, off = 0x100, n = pm + off + plen + 64;
  uint8_t *img = calloc(1, n);
  char *path = xasprintf("%s/%s", dir, name);
  img[0x1f1] = 1;
  memcpy(img + 0x202, "HdrS", 4);
  img[0x248] = off & 0xff;
  img[0x249] = off >> 8;
  img[0x24c] = plen & 0xff;
  img[0x24d] = plen >> 8 & 0xff;
  img[0x24e] = plen >> 16 & 0xff;
  img[0x24f] = plen >> 24 & 0xff;
  memcpy(img + pm + off, payload, plen);
  write_whole_file(path, img, n);
  free(img);
  return path;
}


/*
** Each format as the kernel's build makes it (scripts/Makefile.lib): the
** compressed vmlinux, then its size as a little-endian u32, except gzip.
*/
static void payload_formats (void) {
  static const struct {
    const char *name;
    char *tool[8];
    int size_word;
  } fmts[] = {
    { "gzip", { "gzip", "-n", "-9", "-c", NULL }, 0 },
    { "bzip2", { "bzip2", "-9", "-c", NULL }, 1 },
    { "lzma", { "xz", "--format=lzma", "-9", "-c", NULL }, 1 },
    { "xz", { "xz", "--check=crc32", "--x86", "--lzma2=dict=1MiB", "-c", NULL }, 1 },
    { "lz4", { "lz4", "-l", "-9", "-c", NULL }, 1 },
    { "zstd", { "zstd", "-19", "-c", NULL }, 1 },
    { "lzo", { "lzop", "-9", "-c", NULL }, 1 },
  };
  size_t vlen = 300000, i;
  uint8_t *vmlinux = fake_vmlinux(vlen);
  const char *dir = unit_tmpdir();
  for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
    size_t clen, got;
    uint8_t *c = compress_with(fmts[i].tool, vmlinux, vlen, &clen), *out;
    char *img, *dst;
    struct error e = { "" };
    if (!c) {
      unit_note("skip %s: %s is not installed", fmts[i].name, fmts[i].tool[0]);
      continue;
    }
    CHECK_STR(compression_of(c, clen), fmts[i].name);
    if (fmts[i].size_word) {
      c[clen++] = vlen & 0xff;
      c[clen++] = vlen >> 8 & 0xff;
      c[clen++] = vlen >> 16 & 0xff;
      c[clen++] = vlen >> 24 & 0xff;
    }
    img = write_bzimage(dir, fmts[i].name, c, clen);
    dst = xasprintf("%s/vmlinux-%s", dir, fmts[i].name);
    if (!unit_check(kernel_extract_vmlinux(img, dst, &e) == 0, UNIT_AT,
                    "%s: %s", fmts[i].name, e.msg))
      goto next;
    out = read_whole_file(dst, &got);
    unit_check(out && got == vlen && !memcmp(out, vmlinux, vlen), UNIT_AT,
               "%s: the vmlinux differs (%zu bytes, want %zu)", fmts[i].name, got, vlen);
    free(out);
next:
    free(c);
    free(img);
    free(dst);
  }
  free(vmlinux);
}


/* A payload whose size word disagrees, or that no tool knows, is refused. */
static void payload_bad (void) {
  static char *zstd[] = { "zstd", "-3", "-c", NULL };
  size_t vlen = 5000, clen;
  uint8_t *vmlinux = fake_vmlinux(vlen), *c;
  const char *dir = unit_tmpdir();
  char *img, *dst = xasprintf("%s/vmlinux", dir);
  struct error e = { "" };
  c = compress_with(zstd, vmlinux, vlen, &clen);
  if (!c) {
    CHECK(1);
    unit_note("skip: zstd is not installed");
    free(vmlinux);
    free(dst);
    return;
  }
  memcpy(c + clen, "\x01\x00\x00\x00", 4);  /* claims 1 byte */
  img = write_bzimage(dir, "short", c, clen + 4);
  CHECK_EQ_INT(kernel_extract_vmlinux(img, dst, &e), -1);
  CHECK(strstr(e.msg, "gave 5000 bytes, its image says 1") != NULL);
  CHECK(access(dst, F_OK) != 0);  /* nothing half-written left */
  free(img);
  memset(c, 0x42, 8);
  img = write_bzimage(dir, "unknown", c, clen);
  CHECK_EQ_INT(kernel_extract_vmlinux(img, dst, &e), -1);
  CHECK(strstr(e.msg, "unknown kernel compression (payload starts 42 42)") != NULL);
  free(img);
  free(c);
  free(vmlinux);
  free(dst);
}


/* Compressed modules decompress by their magic. */
static void decompress_modules (void) {
  static char *tools[][5] = {
    { "xz", "--check=crc32", "-c", NULL }, { "zstd", "-c", NULL }, { "gzip", "-c", NULL },
  };
  static const char *names[] = { "xz", "zstd", "gzip" };
  static const uint8_t ko[] = "\x7f" "ELF\2\1\1 a module, vermagic=6.12.9 SMP";
  struct error e = { "" };
  size_t i, clen, olen;
  for (i = 0; i < 3; i++) {
    uint8_t *c = compress_with(tools[i], ko, sizeof(ko), &clen), *out;
    if (!c) {
      unit_note("skip %s: not installed", names[i]);
      continue;
    }
    CHECK_STR(compression_of(c, clen), names[i]);
    out = decompress(c, clen, &olen, &e);
    unit_check(out && olen == sizeof(ko) && !memcmp(out, ko, olen), UNIT_AT,
               "%s: %s", names[i], out ? "differs" : e.msg);
    free(out);
    free(c);
  }
  CHECK(compression_of(ko, sizeof(ko)) == NULL);
  CHECK(decompress(ko, sizeof(ko), &olen, &e) == NULL);
}


/* What a test kernel has, one line per option, with @drop left out. */
static char *config_without (const char *drop, const char *extra) {
  static const char *const opts[] = {
    "CONFIG_BLK_DEV_INITRD=y", "CONFIG_BINFMT_ELF=y", "CONFIG_DEVTMPFS=y",
    "CONFIG_PROC_FS=y", "CONFIG_SYSFS=y", "CONFIG_SIGNALFD=y",
    "CONFIG_VIRTIO_CONSOLE=y", "CONFIG_PVH=y", "CONFIG_VIRTIO_MMIO=y",
    "CONFIG_VIRTIO_PCI=y", "CONFIG_VIRTIO_BLK=m", NULL,
  };
  char *out = xasprintf("# generated\n%s", extra), *next;
  size_t i;
  for (i = 0; opts[i]; i++) {
    if (drop && !strncmp(opts[i], drop, strlen(drop)) && opts[i][strlen(drop)] == '=') {
      next = xasprintf("%s# %s is not set\n", out, drop);
    } else {
      next = xasprintf("%s%s\n", out, opts[i]);
    }
    free(out);
    out = next;
  }
  return out;
}


static void config_values (void) {
  const char *c = "CONFIG_A=y\nCONFIG_AB=m\n# CONFIG_B is not set\nCONFIG_S=\"x\"\nXCONFIG_C=y\n";
  CHECK_EQ_INT(kconfig_value(c, "CONFIG_A"), 'y');
  CHECK_EQ_INT(kconfig_value(c, "CONFIG_AB"), 'm');
  CHECK_EQ_INT(kconfig_value(c, "CONFIG_B"), 0);
  CHECK_EQ_INT(kconfig_value(c, "CONFIG_S"), 'v');
  CHECK_EQ_INT(kconfig_value(c, "CONFIG_C"), 0);  /* only at a line's start */
  CHECK_EQ_INT(kconfig_value(c, "CONFIG_Z"), 0);
  /* Debian 6.12: xz modules, decompressed by the kernel */
  c = "CONFIG_MODULE_COMPRESS_XZ=y\nCONFIG_MODULE_DECOMPRESS=y\n";
  CHECK(kernel_decompresses(c, "xz"));
  CHECK(!kernel_decompresses(c, "gzip"));
  CHECK(!kernel_decompresses(c, "zstd"));
  CHECK(!kernel_decompresses("CONFIG_MODULE_COMPRESS_XZ=y\n", "xz"));
  CHECK(!kernel_decompresses(NULL, "xz"));
}


/* A kernel that lacks what the guest needs is named by its option. */
static void config_checks (void) {
  static const char *const missing[] = {
    "CONFIG_VIRTIO_CONSOLE", "CONFIG_DEVTMPFS", "CONFIG_BLK_DEV_INITRD", NULL,
  };
  struct error e = { "" };
  const char *dir = unit_tmpdir();
  char *moddir = xasprintf("%s/mods", dir), *dep = xasprintf("%s/modules.dep", moddir);
  char *c;
  int microvm;
  size_t i;
  for (i = 0; missing[i]; i++) {
    c = config_without(missing[i], "");
    microvm = 1;
    CHECK_EQ_INT(kernel_check_config(c, "/k/.config", NULL, &microvm, 1, 0, &e), -1);
    unit_check(strstr(e.msg, missing[i]) && strstr(e.msg, "/k/.config"), UNIT_AT,
               "%s: %s", missing[i], e.msg);
    free(c);
  }
  /* all there */
  c = config_without(NULL, "");
  microvm = 1;
  CHECK_EQ_INT(kernel_check_config(c, "x", NULL, &microvm, 1, 0, &e), 0);
  CHECK_EQ_INT(microvm, 1);
  /* disks need virtio_blk: here a module, so the modules dir must have it */
  CHECK_EQ_INT(kernel_check_config(c, "x", "", &microvm, 1, 1, &e), -1);
  CHECK(strstr(e.msg, "CONFIG_VIRTIO_BLK") != NULL);
  CHECK_EQ_INT(kernel_check_config(c, "x", NULL, &microvm, 1, 1, &e), 0);  /* unknown */
  mkdir_p(moddir, 0755);
  write_whole_file(dep, "kernel/drivers/block/virtio_blk.ko.xz: kernel/x/virtio_ring.ko.xz\n", 66);
  CHECK_EQ_INT(kernel_check_config(c, "x", moddir, &microvm, 1, 1, &e), 0);
  free(c);
  /* no PVH entry: q35 if there is a bzImage, else nothing boots it */
  c = config_without("CONFIG_PVH", "");
  microvm = 1;
  CHECK_EQ_INT(kernel_check_config(c, "x", NULL, &microvm, 1, 0, &e), 0);
  CHECK_EQ_INT(microvm, 0);
  microvm = 1;
  CHECK_EQ_INT(kernel_check_config(c, "x", NULL, &microvm, 0, 0, &e), -1);
  CHECK(strstr(e.msg, "CONFIG_PVH") != NULL);
  free(c);
  /* a console driver as a module the modules dir lacks */
  c = config_without("CONFIG_VIRTIO_CONSOLE", "CONFIG_VIRTIO_CONSOLE=m\n");
  microvm = 1;
  CHECK_EQ_INT(kernel_check_config(c, "x", moddir, &microvm, 1, 0, &e), -1);
  CHECK(strstr(e.msg, "CONFIG_VIRTIO_CONSOLE=m") && strstr(e.msg, "virtio_console"));
  free(c);
  free(dep);
  free(moddir);
}


/* A built tree: its bzImage (else vmlinux), release, .config; kbuild = the tree. */
static void kernel_tree (void) {
  const char *dir = unit_tmpdir();
  char *tree = xasprintf("%s/linux", dir), *p;
  struct kernel k;
  struct error e = { "" };
  mkdir_p(tree, 0755);
  CHECK_EQ_INT(kernel_from_tree(tree, &k, &e), -1);
  CHECK(strstr(e.msg, "neither arch/x86/boot/bzImage nor vmlinux") != NULL);
  p = xasprintf("%s/vmlinux", tree);
  write_whole_file(p, "\x7f" "ELF", 4);
  free(p);
  p = xasprintf("%s/include/config", tree);
  mkdir_p(p, 0755);
  free(p);
  p = xasprintf("%s/include/config/kernel.release", tree);
  write_whole_file(p, "6.1.192\n", 8);
  free(p);
  CHECK_EQ_INT(kernel_from_tree(tree, &k, &e), 0);
  CHECK(strstr(k.image, "/linux/vmlinux") != NULL);
  CHECK_STR(k.release, "6.1.192");
  CHECK_STR(k.kbuild, tree);
  CHECK_STR(k.config, "");  /* no .config yet */
  p = xasprintf("%s/.config", tree);
  write_whole_file(p, "CONFIG_MODULES=y\n", 17);
  free(p);
  p = xasprintf("%s/arch/x86/boot", tree);
  mkdir_p(p, 0755);
  free(p);
  p = xasprintf("%s/arch/x86/boot/bzImage", tree);
  write_whole_file(p, "bz", 2);
  CHECK_EQ_INT(kernel_from_tree(tree, &k, &e), 0);
  CHECK_STR(k.image, p);  /* the bzImage wins */
  CHECK(strstr(k.config, "/linux/.config") != NULL);
  /* the same image named directly: its tree's .config is found */
  memset(&k, 0, sizeof(k));
  snprintf(k.image, sizeof(k.image), "%s", p);
  kernel_locate_config(&k);
  CHECK(strstr(k.config, "/linux/.config") != NULL);
  free(p);
  free(tree);
}


static const struct unit_case cases[] = {
  { "strip an appended signature", strip_signed },
  { "unsigned modules unchanged", strip_unsigned },
  { "corrupt sig_len left alone", strip_corrupt },
  { "vermagic release", vermagic_found },
  { "vermagic absent", vermagic_absent },
  { "bzImage payloads in every format", payload_formats },
  { "bad bzImage payloads refused", payload_bad },
  { "compressed modules", decompress_modules },
  { "configuration values", config_values },
  { "what a guest kernel needs", config_checks },
  { "a built kernel tree", kernel_tree },
  { NULL, NULL }
};

const struct unit_suite unit_kernel = { "kernel", cases };
