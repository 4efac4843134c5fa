/*
 * runner.h - the provium subcommands that run Lua files: run and test.
 */
#ifndef PROVIUM_RUNNER_H
#define PROVIUM_RUNNER_H

int runner_run_script(int argc, char **argv);
int runner_test(int argc, char **argv);

#endif
