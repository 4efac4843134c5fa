/*
 * cache.h - "provium cache": list what the cache holds (boot snapshots,
 * fixtures, images, modules) with their sizes, and clear it.
 */
#ifndef PROVIUM_CACHE_H
#define PROVIUM_CACHE_H

int cache_command(int argc, char **argv);

#endif
