/*
 * error.c - status codes, messages and the error record.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct status_entry {
    int code;
    const char *name;
    const char *text;
} status_entry;

static const status_entry status_table[] = {
#define CASIA_STATUS_ROW_(name, value, text) {value, #name, text},
    CASIA_STATUS_MAP(CASIA_STATUS_ROW_)
#undef CASIA_STATUS_ROW_
};

static const status_entry *find_status(int code)
{
    size_t i;
    for (i = 0; i < sizeof status_table / sizeof status_table[0]; i++)
        if (status_table[i].code == code)
            return &status_table[i];
    return NULL;
}

CASIA_API const char *casia_strerror(int code)
{
    const status_entry *e = find_status(code);
    return e ? e->text : "unknown status";
}

CASIA_API const char *casia_status_name(int code)
{
    const status_entry *e = find_status(code);
    return e ? e->name : "UNKNOWN";
}

CASIA_API const char *casia_version(void)
{
    return CASIA_VERSION_STRING;
}

CASIA_API int casia_version_number(void)
{
    return CASIA_VERSION_HEX;
}

CASIA_API void casia_free(void *ptr)
{
    free(ptr);
}

static void copy_bounded(char *dst, size_t size, const char *src)
{
    size_t n;
    if (!src)
        src = "";
    n = strlen(src);
    if (n >= size) {
        n = size - 1;
        /* do not cut a UTF-8 sequence in half */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

const char *casia__errno_text(int errnum, char *buf, size_t size)
{
    /* strerror() may share one buffer between threads; strerror_r does
     * not. glibc has two strerror_r: the GNU one returns the text. */
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    const char *s = strerror_r(errnum, buf, size);
    if (s != buf)
        snprintf(buf, size, "%s", s);
#else
    if (strerror_r(errnum, buf, size) != 0)
        snprintf(buf, size, "error %d", errnum);
#endif
    return buf;
}

int casia__error_vset(casia_error *err, int code, const char *source,
                      const char *fmt, va_list ap)
{
    if (err) {
        char buf[CASIA_ERROR_TEXT_SIZE * 2];
        memset(err, 0, sizeof *err);
        err->code = code;
        err->offset = -1;
        copy_bounded(err->source, sizeof err->source, source);
        if (fmt) {
            vsnprintf(buf, sizeof buf, fmt, ap);
            copy_bounded(err->text, sizeof err->text, buf);
        } else {
            copy_bounded(err->text, sizeof err->text, casia_strerror(code));
        }
    }
    return code;
}

int casia__error_set(casia_error *err, int code, const char *source,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    casia__error_vset(err, code, source, fmt, ap);
    va_end(ap);
    return code;
}

void casia__error_position(casia_error *err, const char *text, size_t len,
                           size_t offset)
{
    size_t i;
    int line = 1, column = 1;
    if (!err)
        return;
    if (offset > len)
        offset = len;
    for (i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            line++;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            column++;   /* count code points, not bytes */
        }
    }
    err->line = line;
    err->column = column;
    err->offset = (long long)offset;
}

CASIA_API int casia_error_format(const casia_error *err, char *buf, size_t size)
{
    int n;
    if (!err)
        return CASIA_EINVAL;
    if (err->source[0] && err->line > 0 && err->column > 0)
        n = snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line,
                     err->column, err->text);
    else if (err->source[0] && err->line > 0)
        n = snprintf(buf, size, "%s:%d: %s", err->source, err->line,
                     err->text);
    else if (err->source[0])
        n = snprintf(buf, size, "%s: %s", err->source, err->text);
    else
        n = snprintf(buf, size, "%s", err->text);
    return n;
}
