/* test_kernel.c - host/kernel.c: module signature stripping, vermagic */
#include <stdlib.h>

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


static const struct unit_case cases[] = {
  { "strip an appended signature", strip_signed },
  { "unsigned modules unchanged", strip_unsigned },
  { "corrupt sig_len left alone", strip_corrupt },
  { "vermagic release", vermagic_found },
  { "vermagic absent", vermagic_absent },
  { NULL, NULL }
};

const struct unit_suite unit_kernel = { "kernel", cases };
