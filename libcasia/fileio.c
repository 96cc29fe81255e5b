/*
 * fileio.c - reading whole files with errors that name the file.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int casia__read_file(char **out, size_t *size, const char *path,
                     casia_error *err)
{
    char ebuf[128];
    FILE *f;
    char *buf = NULL;
    size_t len = 0, cap = 0;

    if (!path)
        return casia__error_set(err, CASIA_EINVAL, NULL, "no file name given");
    f = fopen(path, "rb");
    if (!f)
        return casia__error_set(err, CASIA_EIO, path, "cannot open: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    for (;;) {
        size_t n;
        if (cap - len < 65536 + 1) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                fclose(f);
                return casia__error_set(err, CASIA_ENOMEM, path,
                                        "out of memory reading the file");
            }
            buf = nbuf;
            cap = ncap;
        }
        n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                fclose(f);
                return casia__error_set(err, CASIA_EIO, path,
                                        "cannot read: %s", casia__errno_text(e, ebuf, sizeof ebuf));
            }
            break;
        }
    }
    fclose(f);
    buf[len] = '\0';
    *out = buf;
    *size = len;
    return CASIA_OK;
}

int casia__load_file(void *out, const char *path, casia_error *err,
                     int (*load)(void *out, const char *data, size_t size,
                                 const char *name, casia_error *err))
{
    char *buf;
    size_t size;
    int rc = casia__read_file(&buf, &size, path, err);
    if (rc)
        return rc;
    rc = load(out, buf, size, path, err);
    free(buf);
    return rc;
}
