#include "../../boot/bioscall.S"
