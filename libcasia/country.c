/*
 * country.c - look-ups in the generated country registry.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_INPUT 256

int casia__country_index_n(const char *code, size_t len)
{
    size_t lo = 0, hi = casia__country_total;
    if (memchr(code, '\0', len))   /* "KAZ\0X" is not KAZ */
        return -1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = casia__countries[mid].code;
        int r = strncmp(c, code, len);
        if (r == 0 && c[len] != '\0')
            r = 1;
        if (r == 0)
            return (int)mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int casia__country_index(const char *code)
{
    return code ? casia__country_index_n(code, strlen(code)) : -1;
}

int casia__country_world(void)
{
    return casia__country_index_n("WLD", 3);
}

static int find_code(const char *upper)
{
    size_t lo = 0, hi = casia__country_code_total;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(casia__country_codes[mid].text, upper);
        if (r == 0)
            return casia__country_codes[mid].index;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static const casia__country_key *find_key(const char *key)
{
    size_t lo = 0, hi = casia__country_key_total;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(casia__country_keys[mid].key, key);
        if (r == 0)
            return &casia__country_keys[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

int casia__country_resolve_n(int *index, const char *text, size_t len,
                             casia_error *err)
{
    char code[16];
    char key[3 * MAX_INPUT + 1];
    const casia__country_key *k;
    size_t i;
    int idx, n;

    while (len && is_space(*text)) {
        text++;
        len--;
    }
    while (len && is_space(text[len - 1]))
        len--;
    if (len == 0)
        return casia__error_set(err, CASIA_ENOTFOUND, NULL,
                                "empty country name or code");
    if (len > MAX_INPUT)
        return casia__error_set(err, CASIA_ENOTFOUND, NULL,
                                "unknown country: text of %lu bytes is too long "
                                "for a country name", (unsigned long)len);
    if (casia__utf8_invalid_at(text, len) != len)
        return casia__error_set(err, CASIA_EINVAL, NULL,
                                "country name is not valid UTF-8");
    if (memchr(text, '\0', len))
        return casia__error_set(err, CASIA_ENOTFOUND, NULL,
                                "unknown country: the text holds a NUL byte");

    /* 1. exact codes: alpha-2, alpha-3, numeric, provider codes */
    if (len < sizeof code) {
        size_t start = 0;
        int digits = 1;
        for (i = 0; i < len; i++)
            if (text[i] < '0' || text[i] > '9')
                digits = 0;
        if (digits)
            while (start + 1 < len && text[start] == '0')
                start++;
        for (i = start; i < len; i++) {
            char c = text[i];
            code[i - start] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
        }
        code[len - start] = '\0';
        idx = find_code(code);
        if (idx >= 0) {
            *index = idx;
            return CASIA_OK;
        }
    }

    /* 2. names and aliases, normalised */
    n = casia__normalize(key, text, len);
    if (n > 0 && (k = find_key(key)) != NULL) {
        if (k->index >= 0) {
            *index = k->index;
            return CASIA_OK;
        }
        return casia__error_set(err, CASIA_EAMBIGUOUS, NULL,
                                "ambiguous country \"%.*s\": it may be any of %s; "
                                "give a code instead", (int)len, text,
                                k->choices);
    }
    return casia__error_set(err, CASIA_ENOTFOUND, NULL,
                            "unknown country \"%.*s\"", (int)len, text);
}

CASIA_API int casia_country_resolve(const char **out, const char *text,
                                    casia_error *err)
{
    int idx, rc;
    if (!out || !text)
        return casia__error_set(err, CASIA_EINVAL, NULL,
                                "casia_country_resolve: NULL argument");
    rc = casia__country_resolve_n(&idx, text, strlen(text), err);
    if (rc == CASIA_OK)
        *out = casia__countries[idx].code;
    return rc;
}

static void fill(casia_country *out, int i)
{
    const casia__country_rec *r = &casia__countries[i];
    out->code = r->code;
    out->alpha2 = r->alpha2;
    out->numeric = r->numeric;
    out->name = r->name;
    out->kind = (casia_country_kind)r->kind;
}

CASIA_API int casia_country_info(casia_country *out, const char *code)
{
    int i;
    if (!out || !code)
        return CASIA_EINVAL;
    i = casia__country_index(code);
    if (i < 0)
        return CASIA_ENOTFOUND;
    fill(out, i);
    return CASIA_OK;
}

CASIA_API size_t casia_country_count(void)
{
    return casia__country_total;
}

CASIA_API int casia_country_at(casia_country *out, size_t index)
{
    if (!out)
        return CASIA_EINVAL;
    if (index >= casia__country_total)
        return CASIA_ENOTFOUND;
    fill(out, (int)index);
    return CASIA_OK;
}
