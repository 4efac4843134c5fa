/* doctor.h - "provium doctor": check what booting a VM needs. */
#ifndef PROVIUM_DOCTOR_H
#define PROVIUM_DOCTOR_H

/* 0 if everything needed to boot is present, else 2. */
int doctor_run(void);

#endif
