/*
 * kconfig.h - the kernel configuration a Provium guest needs.
 */
#ifndef PROVIUM_KCONFIG_H
#define PROVIUM_KCONFIG_H

/* The fragment 'provium kconfig' prints. */
const char *kconfig_fragment(void);
/* provium kconfig [--check FILE] */
int kconfig_main(int argc, char **argv);

#endif
