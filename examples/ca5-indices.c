/*
 * ca5-indices - how dependent is each Central Asian state on China and on
 * Russia, year by year? For each of the five states and each year of
 * libcasia's default dataset it prints China's and Russia's shares of the
 * state's trade (exports + imports), its top trade partner, the partner
 * concentration (HHI, with its bounds where the listed partners cover only
 * part of the trade), China's and Russia's shares of its arms imports over
 * the 5-year window ending that year, remittances as a percentage of GDP,
 * and the composite dependence on each with the share of random weightings
 * in which the one on China exceeds the one on Russia.
 *
 *   cc ca5-indices.c $(pkg-config --cflags --libs casia)
 */
#include <casia.h>
#include <stdio.h>
#include <string.h>

/* A share as a percentage with its markers, or "-" when it has no value. */
static const char *pct(char *buf, size_t size, int rc, const casia_result *r)
{
    if (rc != CASIA_OK) {
        snprintf(buf, size, "-");
        return buf;
    }
    snprintf(buf, size, "%.1f%%%s%s", 100 * r->value,
             (r->flags & CASIA_RESULT_MIRROR) ? "m" : "",
             (r->flags & CASIA_RESULT_MIXED_BASIS) ? "~" : "");
    return buf;
}

/* The years of the dataset's trade figures. */
static void trade_years(const casia_dataset *ds, int *first, int *last)
{
    size_t i, n = casia_dataset_observation_count(ds);
    *first = *last = 0;
    for (i = 0; i < n; i++) {
        casia_observation o;
        if (casia_dataset_observation(&o, ds, i) != CASIA_OK ||
            strncmp(o.indicator, "trade.", 6) != 0)
            continue;
        if (*first == 0 || o.year < *first)
            *first = o.year;
        if (o.year > *last)
            *last = o.year;
    }
}

int main(void)
{
    static const char *const states[] = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};
    casia_dataset *ds;
    casia_error err;
    int first, last, year;
    size_t s;

    if (casia_dataset_open_default(&ds, &err) != CASIA_OK) {
        char msg[512];
        casia_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "ca5-indices: %s\n", msg);
        return 1;
    }
    trade_years(ds, &first, &last);
    printf("Dependence of the Central Asian states on China and Russia, %d-%d\n",
           first, last);
    printf("trade: share of exports + imports; top: largest listed partner;\n"
           "HHI: concentration over the listed partners [upper bound];\n"
           "arms: share of SIPRI TIV over the 5 years ending that year;\n"
           "remit: remittances, %% of GDP; D: composite dependence (equal weights\n"
           "over the dimensions with data); P: share of %lu Dirichlet weightings\n"
           "(seed %llu) in which D(China) > D(Russia).\n"
           "m: partner (mirror) data used; ~: inputs of several bases;\n"
           "r: published ratio; !: published and computed figures disagree; -: no data.\n",
           CASIA_DEFAULT_DRAWS, CASIA_DEFAULT_SEED);

    for (s = 0; s < sizeof states / sizeof states[0]; s++) {
        casia_country info;
        casia_country_info(&info, states[s]);
        printf("\n%s (%s)\n", info.name, states[s]);
        printf("%-4s %9s %9s %-12s %-15s %8s %8s %8s %7s %7s %6s\n", "year",
               "trade CHN", "trade RUS", "top", "HHI", "arms CHN", "arms RUS",
               "remit", "D CHN", "D RUS", "P");
        for (year = first; year <= last; year++) {
            casia_result r;
            casia_composite_result dc, dr;
            casia_rank_entry top;
            size_t n = 0;
            char tc[24], tr[24], tp[24], hhi[32], ac[24], ar[24], rem[24];
            char dch[16], drs[16], p[16];
            int rc;

            rc = casia_trade_share(&r, ds, states[s], "CHN", year,
                                   CASIA_FLOW_TURNOVER, NULL);
            pct(tc, sizeof tc, rc, &r);
            rc = casia_trade_share(&r, ds, states[s], "RUS", year,
                                   CASIA_FLOW_TURNOVER, NULL);
            pct(tr, sizeof tr, rc, &r);

            rc = casia_top_partners(&top, 1, &n, NULL, ds, states[s], year,
                                    CASIA_FLOW_TURNOVER, NULL);
            if (rc == CASIA_OK && n > 0)
                snprintf(tp, sizeof tp, "%s %.1f%%", top.partner, 100 * top.share);
            else
                snprintf(tp, sizeof tp, "-");

            rc = casia_hhi(&r, ds, states[s], year, CASIA_FLOW_TURNOVER, NULL);
            if (rc == CASIA_OK)
                snprintf(hhi, sizeof hhi, "%.3f [%.3f]", r.lower, r.upper);
            else
                snprintf(hhi, sizeof hhi, "-");

            rc = casia_arms_share_5y(&r, ds, states[s], "CHN", year, NULL);
            pct(ac, sizeof ac, rc, &r);
            rc = casia_arms_share_5y(&r, ds, states[s], "RUS", year, NULL);
            pct(ar, sizeof ar, rc, &r);

            rc = casia_remittance_gdp(&r, ds, states[s], year, NULL);
            if (rc == CASIA_OK)
                snprintf(rem, sizeof rem, "%.2f%s%s", r.value,
                         (r.flags & CASIA_RESULT_REPORTED) ? "r" : "",
                         (r.flags & CASIA_RESULT_DISAGREE) ? "!" : "");
            else
                snprintf(rem, sizeof rem, "-");

            if (casia_composite(&dc, ds, states[s], "CHN", year, NULL) == CASIA_OK)
                snprintf(dch, sizeof dch, "%.3f", dc.result.value);
            else
                snprintf(dch, sizeof dch, "-");
            if (casia_composite(&dr, ds, states[s], "RUS", year, NULL) == CASIA_OK)
                snprintf(drs, sizeof drs, "%.3f", dr.result.value);
            else
                snprintf(drs, sizeof drs, "-");
            rc = casia_composite_sensitivity(&r, ds, states[s], "CHN", "RUS",
                                             year, NULL);
            if (rc == CASIA_OK)
                snprintf(p, sizeof p, "%.4f", r.value);
            else
                snprintf(p, sizeof p, "-");

            printf("%-4d %9s %9s %-12s %-15s %8s %8s %8s %7s %7s %6s\n", year, tc,
                   tr, tp, hhi, ac, ar, rem, dch, drs, p);
        }
    }
    casia_dataset_free(ds);
    return 0;
}
