/*
 * fuzz_json.c - fuzz target for the native JSON reader.
 *
 * Property: any input either fails cleanly (a status, a message, a
 * position inside the input, nothing leaked) or loads; a loaded dataset
 * writes JSON that loads again and writes the same bytes (canonical).
 *
 * Built two ways: with clang's libFuzzer (`make fuzz`, see
 * tests/fuzz/README.md) for campaigns, and with tests/fuzz/driver.c as a
 * plain program that `make check` runs over the corpus in tests/fuzz/json/,
 * so every input a campaign found stays a regression test.
 */
#include <casia.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    casia_dataset *ds = NULL, *again = NULL;
    casia_error err;
    char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;
    int rc = casia_dataset_load_buffer(&ds, (const char *)data, size, "fuzz", &err);

    if (rc != CASIA_OK) {
        /* a failure names its position inside the input */
        if (ds != NULL || err.code != rc || err.text[0] == '\0' ||
            err.offset > (long long)size || err.line < 0 || err.column < 0)
            abort();
        return 0;
    }
    if (casia_dataset_to_json(&j1, &n1, ds) != CASIA_OK)
        abort();
    if (casia_dataset_load_buffer(&again, j1, n1, "rewritten", &err) != CASIA_OK)
        abort();
    if (casia_dataset_to_json(&j2, &n2, again) != CASIA_OK || n1 != n2 ||
        memcmp(j1, j2, n1) != 0 ||
        casia_dataset_observation_count(ds) != casia_dataset_observation_count(again))
        abort();
    casia_free(j1);
    casia_free(j2);
    casia_dataset_free(again);
    casia_dataset_free(ds);
    return 0;
}
