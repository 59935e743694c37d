/*
 * internal.h - helpers shared by the runtime's own files; not installed.
 */
#ifndef HOOKRT_INTERNAL_H
#define HOOKRT_INTERNAL_H

#include <stdint.h>

int hook_days_in_month(int year, int month);
int64_t hook_days_from_civil(int year, int month, int day);
void hook_civil_from_days(int64_t days, int *year, int *month, int *day);

#endif
