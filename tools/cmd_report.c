/*
 * cmd_report.c - `casia report`: for each Central Asian state, its
 * dependence on China and on Russia in every dimension the dataset can
 * answer, with years, bases and sources.
 *
 * Fair comparisons first: each measure is shown for the latest year (up
 * to --to) in which both China and Russia have a value, else the latest
 * in which either has one.
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const CA5[] = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};
static const char *const PARTNER[2] = {"CHN", "RUS"};

/* Sources cited by the report, in order of first use. */
typedef struct cited {
    const char *id[512];
    int n;
} cited;

static void cite(cited *c, const casia_result *r)
{
    unsigned i;
    int j;
    for (i = 0; i < r->source_count; i++) {
        for (j = 0; j < c->n; j++)
            if (strcmp(c->id[j], r->sources[i]) == 0)
                break;
        if (j == c->n && c->n < 512)
            c->id[c->n++] = r->sources[i];
    }
}

/* What the report shows for one measure and one partner. */
typedef struct cell {
    int status;
    casia_result r;
} cell;

typedef int (*annual_fn)(casia_result *out, const casia_dataset *ds,
                         const char *country, const char *partner, int year,
                         const void *arg, const casia_options *opt);

/* Finds the latest year in [from, to] where both partners have a value,
 * filling cells[2], and returns it. Where no year has both, each cell is
 * its partner's own latest value (years[p]; 0 for none) and the return
 * value is the later of the two, or 0. */
static int latest2(const casia_dataset *ds, const char *country, int from, int to,
                   annual_fn fn, const void *arg, const casia_options *opt,
                   cell cells[2], int years[2])
{
    int y, p;
    years[0] = years[1] = 0;
    cells[0].status = cells[1].status = CASIA_ENOTFOUND;
    for (y = to; y >= from; y--) {
        cell c[2];
        for (p = 0; p < 2; p++)
            c[p].status = fn(&c[p].r, ds, country, PARTNER[p], y, arg, opt);
        if (c[0].status == CASIA_OK && c[1].status == CASIA_OK) {
            cells[0] = c[0];
            cells[1] = c[1];
            years[0] = years[1] = y;
            return y;
        }
        for (p = 0; p < 2; p++)
            if (!years[p] && c[p].status == CASIA_OK) {
                cells[p] = c[p];
                years[p] = y;
            }
    }
    return years[0] > years[1] ? years[0] : years[1];
}

static int latest(const casia_dataset *ds, const char *country, int from, int to,
                  annual_fn fn, const void *arg, const casia_options *opt,
                  cell cells[2])
{
    int years[2];
    return latest2(ds, country, from, to, fn, arg, opt, cells, years);
}

static int fn_trade(casia_result *out, const casia_dataset *ds, const char *country,
                    const char *partner, int year, const void *arg,
                    const casia_options *opt)
{
    return casia_trade_share(out, ds, country, partner, year,
                             *(const casia_flow *)arg, opt);
}

static int fn_arms(casia_result *out, const casia_dataset *ds, const char *country,
                   const char *partner, int year, const void *arg,
                   const casia_options *opt)
{
    (void)arg;
    return casia_arms_share_5y(out, ds, country, partner, year, opt);
}

static int fn_members(casia_result *out, const casia_dataset *ds,
                      const char *country, const char *partner, int year,
                      const void *arg, const casia_options *opt)
{
    (void)arg;
    return casia_memberships(out, ds, country, partner, year, opt);
}

static int fn_un(casia_result *out, const casia_dataset *ds, const char *country,
                 const char *partner, int year, const void *arg,
                 const casia_options *opt)
{
    (void)arg;
    (void)year;
    return casia_un_agreement(out, ds, country, partner, NULL, 0, 0, opt);
}

static int fn_remit_share(casia_result *out, const casia_dataset *ds,
                          const char *country, const char *partner, int year,
                          const void *arg, const casia_options *opt)
{
    (void)arg;
    return casia_remittance_share(out, ds, country, partner, year, opt);
}

static int fn_composite(casia_result *out, const casia_dataset *ds,
                        const char *country, const char *partner, int year,
                        const void *arg, const casia_options *opt)
{
    casia_composite_result cr;
    int rc = casia_composite(&cr, ds, country, partner, year, opt);
    (void)arg;
    if (rc == CASIA_OK)
        *out = cr.result;
    return rc;
}

static const char *name_of(const char *code)
{
    casia_country info;
    return casia_country_info(&info, code) == CASIA_OK ? info.name : code;
}

/* "18.0%" / "0.098" / "-" */
static void fmt(char *buf, size_t size, const cell *c, const char *style)
{
    if (c->status != CASIA_OK) {
        snprintf(buf, size, "-");
        return;
    }
    if (strcmp(style, "trade") == 0 && c->r.numerator > 0)
        snprintf(buf, size, "%.1f%% $%.1fbn%s", 100 * c->r.value, c->r.numerator / 1e9,
                 c->r.value > 1 ? " (!)" : "");
    else if (strcmp(style, "share") == 0 || strcmp(style, "trade") == 0)
        snprintf(buf, size, "%.1f%%%s", 100 * c->r.value, c->r.value > 1 ? " (!)" : "");
    else if (strcmp(style, "count") == 0)
        snprintf(buf, size, "%.0f", c->r.value);
    else
        snprintf(buf, size, "%.3f", c->r.value);
}

static void basis_text(char *buf, size_t size, const cell cells[2])
{
    const char *b0 = cells[0].status == CASIA_OK ? casia_basis_name(cells[0].r.basis) : NULL;
    const char *b1 = cells[1].status == CASIA_OK ? casia_basis_name(cells[1].r.basis) : NULL;
    unsigned flags = (cells[0].status == CASIA_OK ? cells[0].r.flags : 0) |
                     (cells[1].status == CASIA_OK ? cells[1].r.flags : 0);
    if (b0 && b1 && strcmp(b0, b1) != 0)
        snprintf(buf, size, "%s / %s", b0, b1);
    else
        snprintf(buf, size, "%s", b0 ? b0 : b1 ? b1 : "");
    if (flags & CASIA_RESULT_MIRROR) {
        size_t l = strlen(buf);
        snprintf(buf + l, size - l, "%s", " (mirror)");
    }
    if (flags & CASIA_RESULT_PUBLISHED_TURNOVER) {
        size_t l = strlen(buf);
        snprintf(buf + l, size - l, "%s", " (published turnover)");
    }
    if (flags & CASIA_RESULT_PUBLISHED_SHARE) {
        size_t l = strlen(buf);
        snprintf(buf + l, size - l, "%s", " (published share)");
    }
}

/* The long form, for CSV and JSON: one row per measure and partner. */
static void long_row(table *t, const char *country, const char *measure,
                     const char *partner, int from, int to, const cell *c)
{
    if (c->status != CASIA_OK)
        return;
    table_row(t);
    table_text(t, country);
    table_text(t, measure);
    table_text(t, partner);
    table_int(t, from);
    table_int(t, to);
    result_cells(t, &c->r);
}

/* One measure: a text row and the long rows; partner p's value is for
 * the years from[p] to to[p] (0: none). */
static void measure_years(table *text, table *lng, cited *cites, const char *country,
                          const char *label, const char *key, const char *style,
                          const int from[2], const int to[2], const cell cells[2])
{
    char v[2][48], years[48], basis[96];
    int p;
    for (p = 0; p < 2; p++) {
        fmt(v[p], sizeof v[p], &cells[p], style);
        if (cells[p].status == CASIA_OK)
            cite(cites, &cells[p].r);
        long_row(lng, country, key, PARTNER[p], from[p], to[p], &cells[p]);
    }
    if (!to[0] && !to[1])
        snprintf(years, sizeof years, "-");
    else if (to[0] && to[1] && (from[0] != from[1] || to[0] != to[1]))
        /* no year in which both have a value: each its own latest */
        snprintf(years, sizeof years, "%d / %d", to[0], to[1]);
    else if (from[to[0] ? 0 : 1] != to[to[0] ? 0 : 1])
        snprintf(years, sizeof years, "%d-%d", from[to[0] ? 0 : 1], to[to[0] ? 0 : 1]);
    else
        snprintf(years, sizeof years, "%d", to[to[0] ? 0 : 1]);
    basis_text(basis, sizeof basis, cells);
    table_row(text);
    table_text(text, label);
    table_text(text, v[0]);
    table_text(text, v[1]);
    table_text(text, years);
    table_text(text, basis[0] ? basis : NULL);
}

/* One measure whose values are all for the years year_from to year_to. */
static void measure(table *text, table *lng, cited *cites, const char *country,
                    const char *label, const char *key, const char *style,
                    int year_from, int year_to, const cell cells[2])
{
    int from[2], to[2], p;
    for (p = 0; p < 2; p++) {
        from[p] = cells[p].status == CASIA_OK ? year_from : 0;
        to[p] = cells[p].status == CASIA_OK ? year_to : 0;
    }
    measure_years(text, lng, cites, country, label, key, style, from, to, cells);
}

static table *country_table(void)
{
    table *t = table_new(NULL);
    table_column(t, "measure", COL_TEXT);
    table_column(t, "China", COL_RATIO);   /* right-aligned text */
    table_column(t, "Russia", COL_RATIO);
    table_column(t, "year", COL_TEXT);
    table_column(t, "basis", COL_TEXT);
    return t;
}

static void report_country(cli *c, const casia_dataset *ds, const char *country,
                           int from, int to, const casia_options *opt,
                           table *lng, cited *cites)
{
    static const struct { casia_flow flow; const char *label, *key; } flows[] = {
        {CASIA_FLOW_TURNOVER, "trade share: turnover", "turnover_share"},
        {CASIA_FLOW_IMPORT, "trade share: imports", "import_share"},
        {CASIA_FLOW_EXPORT, "trade share: exports", "export_share"}};
    cell cells[2], lead[2];
    table *t = country_table();
    int i, y, trade_year = 0;
    char title[128];

    lead[0].status = lead[1].status = CASIA_ENOTFOUND;

    snprintf(title, sizeof title, "%s (%s)", name_of(country), country);
    for (i = 0; i < 3; i++) {
        int yrs[2];
        latest2(ds, country, from, to, fn_trade, &flows[i].flow, opt, cells, yrs);
        if (i == 0) {
            /* China against Russia: only in a year in which both have a
             * turnover share */
            trade_year = yrs[0] == yrs[1] ? yrs[0] : 0;
            lead[0] = cells[0];
            lead[1] = cells[1];
        }
        measure_years(t, lng, cites, country, flows[i].label, flows[i].key, "trade",
                      yrs, yrs, cells);
    }
    if (trade_year && lead[0].status == CASIA_OK && lead[1].status == CASIA_OK) {
        int k = lead[0].r.value >= lead[1].r.value ? 0 : 1;
        table_note(t, "China against Russia (turnover share, %d): %s %s, %.1f%% "
                   "against %.1f%%.", trade_year, name_of(PARTNER[k]),
                   lead[0].r.value == lead[1].r.value ? "ties" : "leads",
                   100 * lead[k].r.value, 100 * lead[1 - k].r.value);
    } else {
        table_note(t, "China against Russia (turnover share): no year in which both "
                   "have a value; each partner's latest is shown, and no ranking is "
                   "drawn.");
    }

    /* top partner and HHI of turnover: the latest year whose ranking lists
     * both China and Russia, else the latest with any ranking */
    {
        int chosen = 0, any = 0;
        for (y = to; y >= from && !chosen; y--) {
            casia_rank_entry e[64];
            casia_result total;
            size_t n = 0, j;
            int both = 0;
            if (casia_top_partners(e, 64, &n, &total, ds, country, y,
                                   CASIA_FLOW_TURNOVER, opt) != CASIA_OK || n == 0)
                continue;
            for (j = 0; j < n && j < 64; j++)
                both += strcmp(e[j].partner, "CHN") == 0 || strcmp(e[j].partner, "RUS") == 0;
            if (both == 2)
                chosen = y;
            else if (!any)
                any = y;
        }
        y = chosen ? chosen : any;
        if (y && trade_year && y < trade_year) {
            table_note(t, "Top trade partner among all partners: the latest ranking "
                       "of every partner is for %d, older than %d; not shown.", y,
                       trade_year);
            y = 0;
        }
        if (y) {
            casia_rank_entry top;
            casia_result total, hhi;
            size_t n = 0;
            if (casia_top_partners(&top, 1, &n, &total, ds, country, y,
                                   CASIA_FLOW_TURNOVER, opt) == CASIA_OK &&
                casia_hhi(&hhi, ds, country, y, CASIA_FLOW_TURNOVER, opt) == CASIA_OK) {
                cell hc;
                table_note(t, "Top trade partner (turnover, %d): %s, %.1f%% of the total "
                           "(%s basis%s).", y, name_of(top.partner), 100 * top.share,
                           casia_basis_name(top.basis),
                           chosen ? "" : "; China and Russia are not both listed that year");
                table_note(t, "Partner concentration (HHI of turnover, %d): %.3f; the "
                           "listed partners cover %.0f%% of the total, so the true value "
                           "lies between %.3f and %.3f.", y, hhi.value,
                           100 * hhi.coverage, hhi.lower, hhi.upper);
                cite(cites, &total);
                cite(cites, &hhi);
                hc.status = CASIA_OK;
                hc.r = hhi;
                long_row(lng, country, "turnover_hhi", "WLD", y, y, &hc);
                hc.r = total;
                hc.r.value = top.share;
                hc.r.unit = "fraction";
                long_row(lng, country, "top_partner_share", top.partner, y, y, &hc);
            }
        }
    }

    /* arms: the latest 5-year window with SIPRI data */
    y = latest(ds, country, from, to, fn_arms, NULL, opt, cells);
    measure(t, lng, cites, country, "arms imports share (5 years)", "arms_share",
            "share", y ? y - 4 : 0, y, cells);

    /* remittances: % of GDP (the country's own), share sent from each */
    for (y = to; y >= from; y--) {
        casia_result r;
        if (casia_remittance_gdp(&r, ds, country, y, opt) == CASIA_OK) {
            cell rc;
            if (r.flags & CASIA_RESULT_DISAGREE)
                table_note(t, "Remittances received (%d): %.1f%% of GDP (%s; the %s "
                           "figure is %.1f%%: the sources disagree).", y, r.value,
                           r.flags & CASIA_RESULT_REPORTED ? "published ratio"
                                                           : "computed from US dollars",
                           r.flags & CASIA_RESULT_REPORTED ? "computed" : "published",
                           r.other);
            else
                table_note(t, "Remittances received (%d): %.1f%% of GDP (%s).", y,
                           r.value, r.flags & CASIA_RESULT_REPORTED
                                        ? "published ratio" : "computed from US dollars");
            cite(cites, &r);
            rc.status = CASIA_OK;
            rc.r = r;
            long_row(lng, country, "remittance_gdp", "WLD", y, y, &rc);
            break;
        }
    }
    y = latest(ds, country, from, to, fn_remit_share, NULL, opt, cells);
    if (y)
        measure(t, lng, cites, country, "remittances sent from", "remittance_share",
                "share", y, y, cells);

    /* institutions */
    y = latest(ds, country, from, to, fn_members, NULL, opt, cells);
    measure(t, lng, cites, country, "memberships of organisations led by", "memberships",
            "count", y, y, cells);
    /* UN votes: agreement over every resolution the dataset has, labelled
     * with the years of those resolutions */
    {
        int p, y0 = 0, y1 = 0;
        for (p = 0; p < 2; p++) {
            cells[p].status = fn_un(&cells[p].r, ds, country, PARTNER[p], 0, NULL, opt);
            if (cells[p].status == CASIA_OK) {
                int yy;
                for (yy = 1900; yy <= 2155; yy++)   /* the resolutions' years */
                    if (casia_result_has_year(&cells[p].r, yy)) {
                        if (!y0 || yy < y0)
                            y0 = yy;
                        if (yy > y1)
                            y1 = yy;
                    }
            }
        }
        if (y1)
            measure(t, lng, cites, country, "UN voting agreement", "un_agreement",
                    "ratio", y0, y1, cells);
    }

    /* composite, in the trade comparison's year when it has one */
    {
        int cy = 0, p;
        if (trade_year) {
            for (p = 0; p < 2; p++)
                cells[p].status = fn_composite(&cells[p].r, ds, country, PARTNER[p],
                                               trade_year, NULL, opt);
            if (cells[0].status == CASIA_OK || cells[1].status == CASIA_OK)
                cy = trade_year;
        }
        if (!cy)
            cy = latest(ds, country, from, to, fn_composite, NULL, opt, cells);
        measure(t, lng, cites, country, "composite dependence", "composite", "ratio", cy,
                cy, cells);
        if (cy) {
            casia_result sr;
            if (casia_composite_sensitivity(&sr, ds, country, "CHN", "RUS", cy, opt) ==
                CASIA_OK) {
                cell sc;
                table_note(t, "Composite dependence (%d): China's exceeds Russia's in "
                           "%.1f%% of %lu weightings drawn from Dirichlet(1,...,1) "
                           "(seed %llu).", cy, 100 * sr.value, (unsigned long)sr.count,
                           (unsigned long long)opt->seed);
                sc.status = CASIA_OK;
                sc.r = sr;
                long_row(lng, country, "composite_sensitivity", "CHN>RUS", cy, cy, &sc);
            }
        }
    }

    /* before and after 2022: the turnover share, mean of each period */
    {
        casia_period_comparison cmp;
        /* shown when --from and --to take in both periods */
        if (casia_compare_periods(&cmp, ds, CASIA_INDEX_TURNOVER_SHARE, country, "CHN",
                                  "RUS", opt) == CASIA_OK &&
            cmp.period[0][0] >= from && cmp.period[1][1] <= to) {
            int q, p;
            for (q = 0; q < 2; q++) {
                cell mc[2];
                char label[64];
                for (p = 0; p < 2; p++) {
                    mc[p].status = cmp.status[p][q];
                    mc[p].r = cmp.mean[p][q];
                }
                snprintf(label, sizeof label, "turnover share, mean %d-%d",
                         cmp.period[q][0], cmp.period[q][1]);
                measure(t, lng, cites, country, label, "turnover_share_mean", "share",
                        cmp.period[q][0], cmp.period[q][1], mc);
            }
            {
                char v[2][32];
                for (p = 0; p < 2; p++) {
                    if (cmp.valid & (p ? CASIA_CMP_CHANGE_B : CASIA_CMP_CHANGE_A))
                        snprintf(v[p], sizeof v[p], "%+.1f pp", cmp.change[p]);
                    else
                        snprintf(v[p], sizeof v[p], "-");
                }
                table_row(t);
                table_text(t, "  change");
                table_text(t, v[0]);
                table_text(t, v[1]);
                table_text(t, "");
                table_text(t, "");
            }
        }
    }

    if (c->format == OUT_TEXT) {
        fprintf(c->out, "%s\n", title);
        table_print(c, t);
        fputc('\n', c->out);
    }
    table_free(t);
}

/* report's own options */
typedef struct report_opts {
    const char **countries;
    int n_countries, from, to;
} report_opts;

static int report_option(cli *c, int key, const char *arg, void *state)
{
    report_opts *ro = state;
    switch (key) {
    case 'c': {
        const char *code;
        int k;
        if (cli_country(c, arg, &code))
            return -EXIT_USAGE;
        if (strcmp(code, "CHN") == 0 || strcmp(code, "RUS") == 0) {
            cli_usage(c, c->cmd, "--country %s: the report measures dependence on "
                      "China and Russia; give the country that depends", code);
            return -EXIT_USAGE;
        }
        for (k = 0; k < ro->n_countries; k++)
            if (strcmp(ro->countries[k], code) == 0)
                return 1;   /* named twice: shown once */
        if (ro->n_countries == 16) {
            cli_usage(c, c->cmd, "at most 16 countries");
            return -EXIT_USAGE;
        }
        ro->countries[ro->n_countries++] = code;
        return 1;
    }
    case 'F':
        if (cli_parse_year(arg, &ro->from)) {
            cli_usage(c, c->cmd, "--from: '%s' is not a year", arg);
            return -EXIT_USAGE;
        }
        return 1;
    case 'T':
        if (cli_parse_year(arg, &ro->to)) {
            cli_usage(c, c->cmd, "--to: '%s' is not a year", arg);
            return -EXIT_USAGE;
        }
        return 1;
    }
    return 0;
}

int cmd_report(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"country", 'c', 1}, {"from", 'F', 1},
                                      {"to", 'T', 1}, INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    const char *countries[16];
    report_opts ro;
    int n_countries, from, to, i, r;
    casia_dataset *ds;
    cli_args a;
    table *lng;
    cited cites;

    memset(&ro, 0, sizeof ro);
    ro.countries = countries;
    ro.from = 1990;
    if ((r = index_args(c, &a, argc, argv, opts, &opt, report_option, &ro)))
        return r;
    n_countries = ro.n_countries;
    from = ro.from;
    to = ro.to;
    if (a.n_operands)
        return cli_usage(c, c->cmd, "unexpected argument '%s'", a.operands[0]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    if (!to) {
        int last_year = 0;
        /* the latest year of the dataset */
        size_t n = casia_dataset_observation_count(ds), j;
        for (j = 0; j < n; j++) {
            casia_observation o;
            casia_dataset_observation(&o, ds, j);
            if (o.year > last_year)
                last_year = o.year;
        }
        if (!last_year)
            return cli_fail(c, EXIT_NODATA, "the dataset holds no observation");
        if (last_year < from)
            return cli_usage(c, c->cmd, "--from %d is after the dataset's latest year, %d",
                             from, last_year);
        to = last_year;
    }
    if (to < from)
        return cli_usage(c, c->cmd, "--to %d is before --from %d", to, from);
    if (!n_countries) {
        for (i = 0; i < 5; i++)
            countries[i] = CA5[i];
        n_countries = 5;
    }

    memset(&cites, 0, sizeof cites);
    lng = table_new(NULL);
    table_column(lng, "country", COL_TEXT);
    table_column(lng, "measure", COL_TEXT);
    table_column(lng, "partner", COL_TEXT);
    table_column(lng, "from", COL_INT);
    table_column(lng, "to", COL_INT);
    result_columns(lng, COL_NUMBER);

    if (c->format == OUT_TEXT) {
        const char *title = casia_dataset_title(ds);
        fprintf(c->out,
                "Dependence on China and Russia, %d-%d\n"
                "Data: %s%s%s\n"
                "Each measure is for the latest year in which both partners have a "
                "value\n(else each one's own latest, shown as two years, and no "
                "ranking); \"-\"\nmeans the data holds none. Shares of trade are "
                "of the country's total\nwith the world, with the US dollars behind "
                "them; the basis says whose\nfigures they are (reporter: its own; "
                "partner_mirror: the partner's;\nnational_stats: its statistics "
                "office) and whether a published turnover\nor a published share "
                "answered. (!) marks a share above 100%%: a partner's\nfigure over "
                "the country's own total, two statistics that disagree.\nSee "
                "docs/indices.md.\n\n",
                from, to, title ? title : (c->data_path ? c->data_path : "dataset"),
                c->data_path ? "" : ", sha256 ",
                c->data_path ? "" : casia_default_sha256());
    }
    for (i = 0; i < n_countries; i++)
        report_country(c, ds, countries[i], from, to, &opt, lng, &cites);

    if (c->format == OUT_TEXT) {
        fprintf(c->out, "Sources (casia sources ID for the address):\n");
        for (i = 0; i < cites.n; i++) {
            casia_source s;
            if (casia_dataset_find_source(&s, ds, cites.id[i]) == CASIA_OK)
                fprintf(c->out, "  %-28s %s: %s\n", s.id, s.publisher[0] ? s.publisher : "-",
                        s.title);
        }
    } else {
        table_print(c, lng);
    }
    table_free(lng);
    return EXIT_OK;
}
