#include "../../boot/video-bios.c"
