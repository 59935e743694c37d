/*
 * alloc_trap.c - see alloc_trap.h.
 */
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

#include "alloc_trap.h"

/* per thread: the engines run helper threads (rss limit, merge) that
 * allocate while the fuzzing thread is inside the parser */
static __thread volatile int armed;

static void trap(const char *what)
{
    static const char head[] = "alloc_trap: ";
    static const char tail[] = " called while the parser was running\n";
    size_t n = 0;

    while (what[n])
        n++;
    armed = 0;
    if (write(2, head, sizeof head - 1) < 0 || write(2, what, n) < 0 ||
        write(2, tail, sizeof tail - 1) < 0) {
        /* nothing more to say */
    }
    abort();
}

void alloc_trap_arm(void) { armed = 1; }
void alloc_trap_disarm(void) { armed = 0; }

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TRAP_WITH_SANITIZER_HOOKS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TRAP_WITH_SANITIZER_HOOKS 1
#endif

#ifdef TRAP_WITH_SANITIZER_HOOKS
#include <sanitizer/allocator_interface.h>

static void on_malloc(const volatile void *ptr, size_t size)
{
    (void)ptr;
    (void)size;
    if (armed)
        trap("malloc/calloc/realloc");
}

static void on_free(const volatile void *ptr)
{
    (void)ptr;
    if (armed)
        trap("free");
}

__attribute__((constructor)) static void install_hooks(void)
{
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}

#else /* interpose the allocator */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

void *malloc(size_t n)
{
    if (armed)
        trap("malloc");
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    if (armed)
        trap("calloc");
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    if (armed)
        trap("realloc");
    return __libc_realloc(p, n);
}

void free(void *p)
{
    if (armed)
        trap("free");
    __libc_free(p);
}
#endif
