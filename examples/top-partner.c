/*
 * top-partner - who is each Central Asian state's top trade partner, and
 * since when?
 *
 * For each state, the top partner by turnover in the latest year whose
 * ranking lists both China and Russia (a year where one of them has no
 * figure would crown the other by default), and the first year of the run
 * of such years in which it has been on top ever since. libcasia's default
 * choice of figures: the state's own where it has them, else its
 * partners' (mirror).
 *
 *   cc top-partner.c $(pkg-config --cflags --libs casia)
 */
#include <casia.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    static const char *const states[] = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};
    casia_dataset *ds;
    casia_error err;
    size_t s;

    if (casia_dataset_open_default(&ds, &err) != CASIA_OK) {
        fprintf(stderr, "top-partner: %s\n", err.text);
        return 1;
    }
    for (s = 0; s < 5; s++) {
        casia_country info;
        char top[8] = "";
        int year, latest = 0, since = 0;
        double share = 0;
        /* walk back from the latest year while the same partner leads */
        for (year = 2025; year >= 1990; year--) {
            casia_rank_entry e[64];
            size_t n = 0, i;
            int both = 0;
            if (casia_top_partners(e, 64, &n, NULL, ds, states[s], year,
                                   CASIA_FLOW_TURNOVER, NULL) != CASIA_OK || n == 0)
                continue;   /* no ranking this year: the run goes on */
            for (i = 0; i < n && i < 64; i++)
                both += !strcmp(e[i].partner, "CHN") || !strcmp(e[i].partner, "RUS");
            if (both < 2)
                continue;   /* China or Russia missing: not a fair ranking */
            if (!latest) {
                latest = year;
                snprintf(top, sizeof top, "%s", e[0].partner);
                share = e[0].share;
            } else if (strcmp(e[0].partner, top) != 0) {
                break;
            }
            since = year;
        }
        casia_country_info(&info, states[s]);
        if (!latest) {
            printf("%-13s no ranking in the data\n", info.name);
            continue;
        }
        {
            casia_country p;
            casia_country_info(&p, top);
            printf("%-13s %-18s %4.1f%% of trade in %d, on top since %d\n", info.name,
                   p.name, 100 * share, latest, since);
        }
    }
    casia_dataset_free(ds);
    return 0;
}
