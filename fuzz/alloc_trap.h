/*
 * alloc_trap.h - abort if anything reaches the heap while armed.
 *
 * The fuzz targets arm the trap around every call into the runtime and
 * the generated parser (hookrt.h promises "no heap") and disarm it
 * before returning to the fuzzing engine, which allocates freely.
 *
 * Under AddressSanitizer the trap is a sanitizer malloc/free hook; in
 * the other builds (AFL++, replay) malloc, calloc, realloc and free are
 * interposed and forwarded to glibc's __libc_* entry points.
 */
#ifndef FUZZ_ALLOC_TRAP_H
#define FUZZ_ALLOC_TRAP_H

void alloc_trap_arm(void);
void alloc_trap_disarm(void);

#endif
