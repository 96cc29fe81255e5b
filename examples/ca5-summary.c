/*
 * ca5-summary - opens libcasia's embedded default dataset and prints what
 * it holds: indicators with their observation counts, the countries
 * reporting, memberships, votes and sources.
 *
 *   cc ca5-summary.c $(pkg-config --cflags --libs casia)
 */
#include <casia.h>
#include <stdio.h>

int main(void)
{
    casia_dataset *ds;
    casia_error err;
    size_t i, n;
    int rc = casia_dataset_open_default(&ds, &err);

    if (rc != CASIA_OK) {
        char msg[512];
        casia_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "ca5-summary: %s\n", msg);
        return 1;
    }
    printf("%s\n", casia_dataset_title(ds) ? casia_dataset_title(ds) : "(untitled)");
    printf("libcasia %s, data sha256 %s\n\n", casia_version(),
           casia_default_sha256());

    n = casia_dataset_indicator_count(ds);
    printf("%-36s %-12s %8s\n", "indicator", "unit", "values");
    for (i = 0; i < n; i++) {
        const char *id, *unit;
        casia_query q = CASIA_QUERY_INIT;
        casia_cursor *cur;
        casia_observation o;
        size_t count = 0;
        casia_dataset_indicator(&id, &unit, ds, i);
        q.indicator = id;
        if (casia_dataset_query(&cur, ds, &q) != CASIA_OK)
            continue;
        while (casia_cursor_next(cur, &o) == CASIA_OK)
            count++;
        casia_cursor_free(cur);
        printf("%-36s %-12s %8lu\n", id, unit, (unsigned long)count);
    }
    printf("\n%lu observations, %lu sources, %lu memberships, %lu organisations, "
           "%lu UN votes\n",
           (unsigned long)casia_dataset_observation_count(ds),
           (unsigned long)casia_dataset_source_count(ds),
           (unsigned long)casia_dataset_membership_count(ds),
           (unsigned long)casia_dataset_organisation_count(ds),
           (unsigned long)casia_dataset_vote_count(ds));
    printf("%lu bytes in memory\n", (unsigned long)casia_dataset_memory_usage(ds));
    casia_dataset_free(ds);
    return 0;
}
