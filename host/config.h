/*
 * config.h - provium.toml: named VM profiles, found by walking up from the
 * running script's directory, then from the working directory. No file
 * means the built-in "default" profile.
 */
#ifndef PROVIUM_CONFIG_H
#define PROVIUM_CONFIG_H

#include "vm.h"

/* Resolve profile @name from @config (NULL: the provium.toml in force). */
int config_profile(const char *name, const char *config, struct vm_config *cfg,
		   struct error *e);
/*
 * The provium.toml in force: PROVIUM_CONFIG, else the nearest one walking up
 * from the script's directory, else from the working directory; -1 if none.
 */
int config_find(char *out, size_t len);
/*
 * provium.ko for the kernel build tree @kbuild, built once into
 * <cache>/module-<key>/ from the module's sources (<home>/kmod).
 */
int config_build_module(const char *kbuild, char *out, size_t len, struct error *e);
/* The script being run (provium run / test): where config_find starts. */
void config_set_script(const char *path);
/* "512M", "2G" or a number of MiB -> MiB, -1 if invalid (64M..64G). */
long config_parse_memory(const char *s);

#endif
