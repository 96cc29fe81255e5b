/*
 * default.c - the default dataset, compiled into the library.
 */
#include "internal.h"

CASIA_API int casia_dataset_open_default(casia_dataset **out, casia_error *err)
{
    return casia_dataset_load_buffer(out, (const char *)casia__default_json,
                                     casia__default_json_size,
                                     "<default dataset>", err);
}

CASIA_API const char *casia_default_sha256(void)
{
    return casia__default_json_sha256;
}
