/* define arch_align_stack() here */
