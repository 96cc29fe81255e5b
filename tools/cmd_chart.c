/*
 * cmd_chart.c - `casia chart`: China and Russia in a country's imports,
 * exports or turnover, year by year, drawn to SVG or PNG with cairo.
 *
 * One line per partner and basis, so figures of different reporters
 * (the country's own, the partner's mirror, national statistics) are
 * never joined into one line: where they disagree, the chart shows it.
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_CAIRO
#include <cairo.h>
#include <cairo-svg.h>
#endif

#define MAX_SERIES 12
#define YEAR0 1900
#define NYEARS 201

typedef struct series {
    const char *partner;     /* canonical code */
    casia_basis basis;
    double value[NYEARS];    /* NaN = missing */
    int count;
} series;

typedef struct chart_spec {
    const char *country;     /* canonical code */
    const char *flow;        /* "import", "export", "turnover" */
    const char *partners[MAX_SERIES];
    int n_partners;
    casia_basis basis;       /* ANY: every basis gets its own line */
    int year_from, year_to;
} chart_spec;

/* The value of indicator for (country, partner, year, basis): the one
 * observation, or when several sources give one, the source first by id
 * (observations are sorted so, within a basis). NaN when none. */
static double pick(casia_dataset *ds, const char *indicator, const char *country,
                   const char *partner, int year, casia_basis basis,
                   const char **source)
{
    casia_query q = CASIA_QUERY_INIT;
    casia_cursor *cur;
    casia_observation o;
    double v = NAN;
    q.indicator = indicator;
    q.reporter = country;
    q.partner = partner;
    q.year_from = q.year_to = year;
    q.basis = basis;
    if (casia_dataset_query(&cur, ds, &q) != CASIA_OK)
        return NAN;
    if (casia_cursor_next(cur, &o) == CASIA_OK) {
        v = o.value;
        if (source)
            *source = o.source;
    }
    casia_cursor_free(cur);
    return v;
}

/* Collects the series; returns how many have at least one value. Source
 * ids used are appended to sources[] (borrowed, deduplicated). */
static int collect(casia_dataset *ds, const chart_spec *sp, series *out,
                   const char **sources, int *n_sources)
{
    int n = 0, p, b, y;
    for (p = 0; p < sp->n_partners; p++) {
        for (b = CASIA_BASIS_REPORTER; b <= CASIA_BASIS_OTHER; b++) {
            series *s;
            if (sp->basis != CASIA_BASIS_ANY && b != (int)sp->basis)
                continue;
            if (n == MAX_SERIES)
                return n;
            s = &out[n];
            s->partner = sp->partners[p];
            s->basis = (casia_basis)b;
            s->count = 0;
            for (y = 0; y < NYEARS; y++) {
                int year = YEAR0 + y;
                const char *src1 = NULL, *src2 = NULL;
                double v;
                s->value[y] = NAN;
                if ((sp->year_from && year < sp->year_from) ||
                    (sp->year_to && year > sp->year_to))
                    continue;
                if (strcmp(sp->flow, "turnover") == 0) {
                    double m = pick(ds, "trade.import", sp->country, s->partner,
                                    year, s->basis, &src1);
                    double x = pick(ds, "trade.export", sp->country, s->partner,
                                    year, s->basis, &src2);
                    v = m + x;   /* NaN unless both flows are there */
                } else {
                    v = pick(ds, strcmp(sp->flow, "import") == 0 ? "trade.import"
                                                                 : "trade.export",
                             sp->country, s->partner, year, s->basis, &src1);
                }
                if (isnan(v))
                    continue;
                s->value[y] = v;
                s->count++;
                {
                    const char *srcs[2];
                    int k, j;
                    srcs[0] = src1;
                    srcs[1] = src2;
                    for (k = 0; k < 2; k++) {
                        if (!srcs[k])
                            continue;
                        for (j = 0; j < *n_sources; j++)
                            if (strcmp(sources[j], srcs[k]) == 0)
                                break;
                        if (j == *n_sources && *n_sources < 64)
                            sources[(*n_sources)++] = srcs[k];
                    }
                }
            }
            if (s->count)
                n++;
        }
    }
    return n;
}

#ifdef HAVE_CAIRO

/* Line colours: China red, Russia blue, others after; lighter and dashed
 * for the partner-mirror and national lines of the same partner. */
static void partner_colour(int p, double rgb[3])
{
    static const double palette[][3] = {
        {0.80, 0.10, 0.12}, {0.10, 0.30, 0.70}, {0.15, 0.55, 0.20},
        {0.55, 0.30, 0.65}, {0.85, 0.50, 0.05}, {0.35, 0.35, 0.35}};
    memcpy(rgb, palette[p % 6], sizeof palette[0]);
}

static const char *basis_label(casia_basis b)
{
    switch (b) {
    case CASIA_BASIS_REPORTER: return "as reported";
    case CASIA_BASIS_PARTNER_MIRROR: return "partner's figures";
    case CASIA_BASIS_NATIONAL_STATS: return "national statistics";
    default: return "other sources";
    }
}

static void set_dash(cairo_t *cr, casia_basis b)
{
    static const double dashed[] = {7.0, 4.0}, dotted[] = {2.0, 3.0},
                        dashdot[] = {7.0, 3.0, 2.0, 3.0};
    switch (b) {
    case CASIA_BASIS_PARTNER_MIRROR: cairo_set_dash(cr, dashed, 2, 0); break;
    case CASIA_BASIS_NATIONAL_STATS: cairo_set_dash(cr, dotted, 2, 0); break;
    case CASIA_BASIS_OTHER: cairo_set_dash(cr, dashdot, 4, 0); break;
    default: cairo_set_dash(cr, NULL, 0, 0); break;
    }
}

/* A "nice" step for an axis spanning max (1, 2 or 5 x 10^k). */
static double nice_step(double max, int ticks)
{
    double raw = max / ticks, mag = pow(10.0, floor(log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static void draw(cairo_t *cr, double w, double h, const chart_spec *sp,
                 const series *s, int n, const char *title, const char *footer)
{
    const double left = 70, right = 20, top = 50, bottom = 135;
    double pw = w - left - right, ph = h - top - bottom, max = 0, step, v;
    int y0 = NYEARS, y1 = -1, y, i, p;
    char buf[256];

    for (i = 0; i < n; i++)
        for (y = 0; y < NYEARS; y++)
            if (!isnan(s[i].value[y])) {
                if (y < y0)
                    y0 = y;
                if (y > y1)
                    y1 = y;
                if (s[i].value[y] > max)
                    max = s[i].value[y];
            }
    if (y1 == y0) {
        y0--;
        y1++;
    }
    max /= 1e9;   /* billions of US dollars */
    if (max <= 0)
        max = 1;
    step = nice_step(max, 5);
    max = ceil(max / step) * step;

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 15);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, left, 28);
    cairo_show_text(cr, title);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_NORMAL);

    /* grid and axes */
    cairo_set_font_size(cr, 11);
    cairo_set_line_width(cr, 1);
    for (v = 0; v <= max + step / 2; v += step) {
        double yy = top + ph - ph * v / max;
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
        cairo_move_to(cr, left, yy);
        cairo_line_to(cr, left + pw, yy);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        snprintf(buf, sizeof buf, "%g", v);
        cairo_move_to(cr, left - 8 - 6.5 * (double)strlen(buf), yy + 4);
        cairo_show_text(cr, buf);
    }
    cairo_save(cr);
    cairo_move_to(cr, 18, top + ph / 2 + 40);
    cairo_rotate(cr, -M_PI / 2);
    cairo_show_text(cr, "billion US dollars");
    cairo_restore(cr);
    for (y = y0; y <= y1; y++) {
        double xx = left + pw * (y - y0) / (double)(y1 - y0);
        int every = (y1 - y0) > 12 ? 5 : 1;
        if ((YEAR0 + y) % every)
            continue;
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        snprintf(buf, sizeof buf, "%d", YEAR0 + y);
        cairo_move_to(cr, xx - 14, top + ph + 18);
        cairo_show_text(cr, buf);
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_rectangle(cr, left, top, pw, ph);
    cairo_stroke(cr);

    /* the series: one path each (gaps where a year is missing) */
    for (i = 0; i < n; i++) {
        double rgb[3];
        int pen = 0;
        for (p = 0; p < sp->n_partners; p++)
            if (strcmp(sp->partners[p], s[i].partner) == 0)
                break;
        partner_colour(p, rgb);
        cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
        cairo_set_line_width(cr, 2.5);
        set_dash(cr, s[i].basis);
        for (y = y0; y <= y1; y++) {
            double xx = left + pw * (y - y0) / (double)(y1 - y0), yy;
            if (isnan(s[i].value[y])) {
                pen = 0;
                continue;
            }
            yy = top + ph - ph * (s[i].value[y] / 1e9) / max;
            if (pen)
                cairo_line_to(cr, xx, yy);
            else
                cairo_move_to(cr, xx, yy);
            pen = 1;
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        for (y = y0; y <= y1; y++) {   /* markers, so lone years show */
            double xx = left + pw * (y - y0) / (double)(y1 - y0), yy;
            if (isnan(s[i].value[y]))
                continue;
            yy = top + ph - ph * (s[i].value[y] / 1e9) / max;
            cairo_arc(cr, xx, yy, 3.2, 0, 2 * M_PI);
            cairo_fill(cr);
        }
    }

    /* legend: a short stroke in the series' colour and dash, 2 wide (the
     * series are 2.5 wide, which tells them apart in the SVG) */
    for (i = 0; i < n; i++) {
        double rgb[3], lx = left + (i % 2) * (pw / 2), ly = top + ph + 40 + (i / 2) * 17;
        casia_country info;
        for (p = 0; p < sp->n_partners; p++)
            if (strcmp(sp->partners[p], s[i].partner) == 0)
                break;
        partner_colour(p, rgb);
        cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
        cairo_set_line_width(cr, 2.0);
        set_dash(cr, s[i].basis);
        cairo_move_to(cr, lx, ly - 4);
        cairo_line_to(cr, lx + 24, ly - 4);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_source_rgb(cr, 0, 0, 0);
        casia_country_info(&info, s[i].partner);
        snprintf(buf, sizeof buf, "%s, %s", info.name, basis_label(s[i].basis));
        cairo_move_to(cr, lx + 30, ly);
        cairo_show_text(cr, buf);
    }

    /* the footer, wrapped at commas to the width of the chart */
    cairo_set_font_size(cr, 9);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    {
        char line[1024];
        const char *f = footer;
        double ly = h - 12 - 11 * 2;
        size_t len = 0;
        line[0] = '\0';
        while (*f) {
            const char *comma = strchr(f, ',');
            size_t wl = comma ? (size_t)(comma - f) + 1 : strlen(f);
            cairo_text_extents_t ext;
            char try_[1024];
            if (len + wl >= sizeof line)
                break;
            memcpy(try_, line, len);
            memcpy(try_ + len, f, wl);
            try_[len + wl] = '\0';
            cairo_text_extents(cr, try_, &ext);
            if (ext.x_advance > w - left - right && len > 0) {
                cairo_move_to(cr, left, ly);
                cairo_show_text(cr, line);
                ly += 11;
                while (*f == ' ')
                    f++, wl--;
                len = 0;
                line[0] = '\0';
                continue;
            }
            memcpy(line + len, f, wl);
            len += wl;
            line[len] = '\0';
            f += wl;
        }
        if (len) {
            cairo_move_to(cr, left, ly);
            cairo_show_text(cr, line);
        }
    }
}

#endif /* HAVE_CAIRO */

int cmd_chart(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {
        {"flow", 'f', 1},    {"partners", 'p', 1}, {"basis", 'b', 1},
        {"output", 'o', 1},  {"from", 'F', 1},     {"to", 'T', 1},
        {"size", 's', 1},    {NULL, 0, 0}};
    chart_spec sp;
    series s[MAX_SERIES];
    const char *out_path = NULL, *sources[64];
    char partners_buf[256] = "CHN,RUS";
    int width = 900, height = 560, k, rc, n, n_sources = 0;
    casia_dataset *ds;
    cli_args a;

    memset(&sp, 0, sizeof sp);
    sp.flow = "import";
    sp.basis = CASIA_BASIS_ANY;
    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        switch (k) {
        case 'f':
            if (strcmp(a.arg, "import") && strcmp(a.arg, "export") &&
                strcmp(a.arg, "turnover"))
                return cli_usage(c, c->cmd, "--flow: import, export or turnover");
            sp.flow = a.arg;
            break;
        case 'p':
            if (strlen(a.arg) >= sizeof partners_buf)
                return cli_usage(c, c->cmd, "--partners: too long");
            strcpy(partners_buf, a.arg);
            break;
        case 'b':
            if (casia_basis_parse(&sp.basis, a.arg) || sp.basis == CASIA_BASIS_MIXED)
                return cli_usage(c, c->cmd, "--basis: reporter, partner_mirror, "
                                 "national_stats or other");
            break;
        case 'o': out_path = a.arg; break;
        case 'F':
            if (cli_parse_year(a.arg, &sp.year_from))
                return cli_usage(c, c->cmd, "--from: '%s' is not a year", a.arg);
            break;
        case 'T':
            if (cli_parse_year(a.arg, &sp.year_to))
                return cli_usage(c, c->cmd, "--to: '%s' is not a year", a.arg);
            break;
        case 's':
            if (sscanf(a.arg, "%dx%d", &width, &height) != 2 || width < 300 ||
                height < 240 || width > 8000 || height > 8000)
                return cli_usage(c, c->cmd, "--size: WIDTHxHEIGHT, e.g. 900x560");
            break;
        default:
            return EXIT_USAGE;
        }
    }
    if (a.n_operands != 1)
        return cli_usage(c, c->cmd, "give one country");
    if (!out_path)
        return cli_usage(c, c->cmd, "give the output file: -o FILE.svg or -o FILE.png");
    {
        size_t l = strlen(out_path);
        if (l < 5 || (strcmp(out_path + l - 4, ".svg") && strcmp(out_path + l - 4, ".png")))
            return cli_usage(c, c->cmd, "the output file must end in .svg or .png");
    }
#ifndef HAVE_CAIRO
    (void)s;
    (void)sources;
    (void)n_sources;
    (void)n;
    (void)ds;
    (void)rc;
    return cli_fail(c, EXIT_USAGE,
                    "chart: this casia was built without cairo; install the "
                    "Debian package libcairo2-dev and rebuild (./configure && make)");
#else
    if ((rc = cli_country(c, a.operands[0], &sp.country)))
        return rc;
    {
        char *tok, *save = NULL;
        for (tok = strtok_r(partners_buf, ",", &save); tok;
             tok = strtok_r(NULL, ",", &save)) {
            if (sp.n_partners == MAX_SERIES)
                return cli_usage(c, c->cmd, "--partners: at most %d", MAX_SERIES);
            if ((rc = cli_country(c, tok, &sp.partners[sp.n_partners])))
                return rc;
            sp.n_partners++;
        }
    }
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    n = collect(ds, &sp, s, sources, &n_sources);
    if (n == 0)
        return cli_fail(c, EXIT_NODATA, "no %s figures for %s with those partners",
                        sp.flow, sp.country);
    {
        cairo_surface_t *surf;
        cairo_t *cr;
        casia_country info;
        char title[200], footer[1024];
        size_t l;
        int is_svg = strcmp(out_path + strlen(out_path) - 4, ".svg") == 0, j;
        casia_country_info(&info, sp.country);
        snprintf(title, sizeof title, "%s: %s %s", info.name,
                 strcmp(sp.flow, "import") == 0   ? "imports from"
                 : strcmp(sp.flow, "export") == 0 ? "exports to"
                                                  : "trade (exports + imports) with",
                 sp.n_partners == 2 ? "China and Russia" : "partners");
        if (sp.n_partners != 2 || strcmp(sp.partners[0], "CHN") ||
            strcmp(sp.partners[1], "RUS")) {
            l = strlen(title) - strlen("partners");
            title[l] = '\0';
            for (j = 0; j < sp.n_partners; j++) {
                casia_country pi;
                casia_country_info(&pi, sp.partners[j]);
                l = strlen(title);
                snprintf(title + l, sizeof title - l, "%s%s", j ? ", " : "", pi.name);
            }
        }
        snprintf(footer, sizeof footer, "Sources: ");
        for (j = 0; j < n_sources; j++) {
            l = strlen(footer);
            snprintf(footer + l, sizeof footer - l, "%s%s", j ? ", " : "", sources[j]);
        }
        l = strlen(footer);
        snprintf(footer + l, sizeof footer - l, " (casia sources ID). libcasia %s%s%.12s",
                 casia_version(), c->data_path ? "" : ", data ",
                 c->data_path ? "" : casia_default_sha256());
        if (is_svg)
            surf = cairo_svg_surface_create(out_path, width, height);
        else
            surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
        cr = cairo_create(surf);
        draw(cr, width, height, &sp, s, n, title, footer);
        rc = cairo_status(cr);
        cairo_destroy(cr);
        if (!is_svg && rc == CAIRO_STATUS_SUCCESS)
            rc = cairo_surface_write_to_png(surf, out_path);
        cairo_surface_finish(surf);
        if (rc == CAIRO_STATUS_SUCCESS)
            rc = cairo_surface_status(surf);
        cairo_surface_destroy(surf);
        cairo_debug_reset_static_data();   /* cairo's caches, for leak checkers */
        if (rc != CAIRO_STATUS_SUCCESS)
            return cli_fail(c, EXIT_INPUT, "%s: %s", out_path,
                            cairo_status_to_string((cairo_status_t)rc));
    }
    fprintf(stderr, "casia: wrote %s (%d series)\n", out_path, n);
    return EXIT_OK;
#endif
}
