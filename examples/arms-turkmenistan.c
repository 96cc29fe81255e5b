/*
 * arms-turkmenistan - who arms Turkmenistan?
 *
 * The source analysis: "Turkey has consistently ranked as the largest
 * military supplier ... Turkmenistan has received over 20% of its arms
 * from Beijing since 2013." Ranks the suppliers of 2013-2024 in SIPRI
 * trend-indicator values (a volume measure, not money).
 *
 *   cc arms-turkmenistan.c $(pkg-config --cflags --libs casia)
 */
#include <casia.h>
#include <stdio.h>

int main(void)
{
    casia_dataset *ds;
    casia_error err;
    casia_rank_entry e[32];
    casia_result total;
    size_t n = 0, i;

    if (casia_dataset_open_default(&ds, &err) != CASIA_OK) {
        fprintf(stderr, "arms-turkmenistan: %s\n", err.text);
        return 1;
    }
    if (casia_arms_suppliers(e, 32, &n, &total, ds, "Turkmenistan", 2013, 2024, NULL) !=
        CASIA_OK) {
        fprintf(stderr, "arms-turkmenistan: no SIPRI data\n");
        casia_dataset_free(ds);
        return 1;
    }
    printf("Turkmenistan's arms imports 2013-2024: %.2f million TIV (source %s)\n",
           total.value, total.source_count ? total.sources[0] : "-");
    for (i = 0; i < n && i < 32; i++) {
        casia_country c;
        casia_country_info(&c, e[i].partner);
        printf("%2lu. %-20s %8.2f  %5.1f%%\n", (unsigned long)i + 1, c.name, e[i].value,
               100 * e[i].share);
    }
    casia_dataset_free(ds);
    return 0;
}
