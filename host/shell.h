/* shell.h - provium shell: an interactive guest shell on this terminal. */
#ifndef PROVIUM_SHELL_H
#define PROVIUM_SHELL_H

int shell_run(int argc, char **argv);

#endif
