/*
 * installed.c - built by `make installcheck` with nothing but
 * `pkg-config --cflags --libs casia` against the installed library: loads
 * the installed dataset file, reads values, and checks that the embedded
 * copy's SHA-256 is the file's (given as argv[2], from sha256sum).
 */
#include <casia.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    casia_dataset *file = NULL, *embedded = NULL;
    casia_error err;
    double v;
    int rc;
    if (argc != 3) {
        fprintf(stderr, "usage: installed CA5.JSON SHA256\n");
        return 2;
    }
    if (strcmp(casia_version(), CASIA_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s, library %s\n", CASIA_VERSION_STRING, casia_version());
        return 1;
    }
    if (casia_dataset_load_file(&file, argv[1], &err) != CASIA_OK) {
        char msg[700];
        casia_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
        return 1;
    }
    if (casia_dataset_open_default(&embedded, &err) != CASIA_OK ||
        casia_dataset_observation_count(file) != casia_dataset_observation_count(embedded)) {
        fprintf(stderr, "the installed file and the embedded dataset differ\n");
        return 1;
    }
    if (strcmp(casia_default_sha256(), argv[2]) != 0) {
        fprintf(stderr, "embedded sha256 %s, installed file %s\n",
                casia_default_sha256(), argv[2]);
        return 1;
    }
    /* observations.csv: trade.import,UZB,CHN,2023,11260000000,USD,
     * national_stats,gazeta_uz_20240209 -- the only UZB-CHN 2023 import
     * figure of that basis */
    {
        casia_query q = CASIA_QUERY_INIT;
        casia_observation o;
        q.indicator = "trade.import";
        q.reporter = "UZ";
        q.partner = "China";
        q.year_from = 2023;
        q.basis = CASIA_BASIS_NATIONAL_STATS;
        rc = casia_dataset_get(&o, file, &q);
        if (rc != CASIA_OK || o.value != 11260000000.0 ||
            strcmp(o.source, "gazeta_uz_20240209") != 0) {
            fprintf(stderr, "UZB-CHN 2023 imports: %s\n", casia_strerror(rc));
            return 1;
        }
        v = o.value;
    }
    printf("installed libcasia %s: %lu observations; UZB imports from CHN 2023: %.0f USD\n",
           casia_version(), (unsigned long)casia_dataset_observation_count(file), v);
    casia_dataset_free(file);
    casia_dataset_free(embedded);
    return 0;
}
