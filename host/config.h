/*
 * config.h - provium.toml: named VM profiles, found by walking up from the
 * working directory. No file means the built-in "default" profile.
 */
#ifndef PROVIUM_CONFIG_H
#define PROVIUM_CONFIG_H

#include "vm.h"

int config_profile(const char *name, struct vm_config *cfg, struct error *e);

#endif
