/*
 * init.h - "provium init": a starter project in the current directory.
 */
#ifndef PROVIUM_INIT_H
#define PROVIUM_INIT_H

int init_run(int argc, char **argv);

#endif
