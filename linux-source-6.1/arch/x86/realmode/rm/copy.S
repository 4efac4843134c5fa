#include "../../boot/copy.S"
