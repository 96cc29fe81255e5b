/*
 * comtrade-rank - import a UN Comtrade download and rank a reporter's
 * trade partners.
 *
 *   comtrade-rank FILE REPORTER YEAR [N]
 *
 * FILE is a Comtrade file as downloaded (Comtrade Plus or legacy layout;
 * libcasia recognises which). Partners are ranked by turnover (exports +
 * imports), each with its share of the reporter's trade with the world.
 *
 *   cc comtrade-rank.c $(pkg-config --cflags --libs casia)
 */
#include <casia.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    casia_dataset *ds;
    casia_import_report rep;
    casia_error err;
    casia_rank_entry top[50];
    casia_result total;
    size_t n = 0, i, want;
    int rc;

    if (argc < 4) {
        fprintf(stderr, "usage: comtrade-rank FILE REPORTER YEAR [N]\n");
        return 2;
    }
    want = argc > 4 ? (size_t)atoi(argv[4]) : 10;
    if (want < 1 || want > 50)
        want = 10;
    rc = casia_import_file(&ds, argv[1], CASIA_FORMAT_AUTO, NULL, &rep, &err);
    if (rc != CASIA_OK) {
        char msg[700];
        casia_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "comtrade-rank: %s\n", msg);
        return 3;
    }
    printf("%s: %s, %llu rows, %llu observations\n", argv[1],
           casia_format_describe(rep.format), rep.rows, rep.observations);
    rc = casia_top_partners(top, 50, &n, &total, ds, argv[2], atoi(argv[3]),
                            CASIA_FLOW_TURNOVER, NULL);
    if (rc != CASIA_OK) {
        fprintf(stderr, "comtrade-rank: %s %s: %s\n", argv[2], argv[3],
                casia_strerror(rc));
        casia_dataset_free(ds);
        return 1;
    }
    printf("%s's trade in %s: %.0f USD with the world, %lu partners\n", argv[2],
           argv[3], total.value, (unsigned long)n);
    for (i = 0; i < n && i < want; i++) {
        casia_country c;
        casia_country_info(&c, top[i].partner);
        printf("%2lu. %-4s %-28s %18.0f %6.2f%%\n", (unsigned long)i + 1,
               top[i].partner, c.name, top[i].value, 100 * top[i].share);
    }
    casia_dataset_free(ds);
    return 0;
}
