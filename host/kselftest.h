/*
 * kselftest.h - "provium kselftest": installed kselftests run in fresh
 * guests, and "--build", which makes such an install into the cache.
 */
#ifndef PROVIUM_KSELFTEST_H
#define PROVIUM_KSELFTEST_H

int kselftest_main(int argc, char **argv);
/* provium kselftest --build SRC_TREE TARGET... (ksft_build.c) */
int ksft_build(int argc, char **argv);

#endif
