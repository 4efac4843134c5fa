#include "../../boot/video-vga.c"
