/*
 * strtab.c - interned strings: each distinct string stored once, with a
 * small integer id, in an arena so pointers never move.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536

struct casia__arena_block {
    struct casia__arena_block *next;
    size_t used, size;
    char data[];
};

static uint64_t hash_bytes(const char *s, size_t len)
{
    /* FNV-1a, 64 bits */
    uint64_t h = 14695981039346656037ULL;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static char *arena_copy(casia__strtab *t, const char *s, size_t len)
{
    struct casia__arena_block *b = t->arena;
    char *p;
    if (!b || b->size - b->used < len + 1) {
        size_t size = len + 1 > ARENA_BLOCK ? len + 1 : ARENA_BLOCK;
        b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->next = t->arena;
        b->used = 0;
        b->size = size;
        t->arena = b;
        t->bytes += sizeof *b + size;
    }
    p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

static int grow_slots(casia__strtab *t)
{
    uint32_t nslots = t->nslots ? t->nslots * 2 : 64;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    uint32_t i;
    if (!slots)
        return CASIA_ENOMEM;
    for (i = 0; i < t->count; i++) {
        const char *s = t->strs[i];
        uint32_t h = (uint32_t)hash_bytes(s, strlen(s)) & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = i + 1;
    }
    t->bytes -= (size_t)t->nslots * sizeof *slots;
    t->bytes += (size_t)nslots * sizeof *slots;
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return CASIA_OK;
}

int casia__strtab_init(casia__strtab *t)
{
    uint32_t id;
    memset(t, 0, sizeof *t);
    return casia__strtab_intern(t, "", 0, &id);
}

void casia__strtab_free(casia__strtab *t)
{
    struct casia__arena_block *b = t->arena;
    while (b) {
        struct casia__arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(t->strs);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static uint32_t probe(const casia__strtab *t, const char *s, size_t len,
                      uint32_t *slot)
{
    uint32_t h = (uint32_t)hash_bytes(s, len) & (t->nslots - 1);
    for (;;) {
        uint32_t v = t->slots[h];
        if (!v) {
            *slot = h;
            return 0;
        }
        {
            const char *c = t->strs[v - 1];
            /* strncmp stops at c's end, so c[len] is inside c */
            if (strncmp(c, s, len) == 0 && c[len] == '\0')
                return v;
        }
        h = (h + 1) & (t->nslots - 1);
    }
}

int casia__strtab_find(const casia__strtab *t, const char *s, size_t len,
                       uint32_t *id)
{
    uint32_t slot, v;
    if (!t->nslots)
        return CASIA_ENOTFOUND;
    v = probe(t, s, len, &slot);
    if (!v)
        return CASIA_ENOTFOUND;
    *id = v - 1;
    return CASIA_OK;
}

int casia__strtab_intern(casia__strtab *t, const char *s, size_t len,
                         uint32_t *id)
{
    uint32_t slot, v;
    char *copy;
    if (memchr(s, '\0', len))
        return CASIA_EINVAL;
    if ((t->count + 1) * 2 > t->nslots) {
        int rc = grow_slots(t);
        if (rc)
            return rc;
    }
    v = probe(t, s, len, &slot);
    if (v) {
        *id = v - 1;
        return CASIA_OK;
    }
    if (t->count == UINT32_MAX - 1)
        return CASIA_ENOMEM;
    if (t->count == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 64;
        const char **strs = realloc(t->strs, (size_t)cap * sizeof *strs);
        if (!strs)
            return CASIA_ENOMEM;
        t->bytes += (size_t)(cap - t->cap) * sizeof *strs;
        t->strs = strs;
        t->cap = cap;
    }
    copy = arena_copy(t, s, len);
    if (!copy)
        return CASIA_ENOMEM;
    t->strs[t->count] = copy;
    t->slots[slot] = t->count + 1;
    *id = t->count++;
    return CASIA_OK;
}
