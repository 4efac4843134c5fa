#ifndef _OBJTOOL_ARCH_ELF
#define _OBJTOOL_ARCH_ELF

#define R_NONE R_X86_64_NONE

#endif /* _OBJTOOL_ARCH_ELF */
