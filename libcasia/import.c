/*
 * import.c - one call to import any provider file: format names, detection
 * (which also names a file given in the wrong place), dispatch to the
 * importers, the report, strict and lenient modes, and merging datasets.
 */
#include "importer.h"
#include "ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

#define DETECT_BYTES (64u * 1024u)

/* ------------------------------------------------------------------ */
/* Options and formats                                                 */

CASIA_API void casia_import_options_init(casia_import_options *opt)
{
    if (opt) {
        memset(opt, 0, sizeof *opt);
        opt->version = CASIA_IMPORT_OPTIONS_VERSION;
        opt->commodity = CASIA_COMMODITY_TOTAL;
        opt->basis = CASIA_BASIS_ANY;
    }
}

typedef struct format_info {
    casia_format format;
    const char *name;
    const char *phrase;
} format_info;

static const format_info formats[] = {
    {CASIA_FORMAT_AUTO, "auto", "a file of any layout"},
    {CASIA_FORMAT_UNKNOWN, "unknown", "a file of unknown layout"},
    {CASIA_FORMAT_NATIVE_JSON, "json", "a casia-dataset JSON file"},
    {CASIA_FORMAT_NATIVE_CSV, "csv", "a casia tidy CSV file"},
    {CASIA_FORMAT_COMTRADE_PLUS, "comtrade-plus", "a UN Comtrade Plus file"},
    {CASIA_FORMAT_COMTRADE_LEGACY, "comtrade-legacy",
     "a UN Comtrade file in the legacy layout"},
    {CASIA_FORMAT_SIPRI_TIV, "sipri-tiv", "a SIPRI TIV table"},
    {CASIA_FORMAT_SIPRI_REGISTER, "sipri-register", "a SIPRI trade register"},
    {CASIA_FORMAT_WDI, "wdi", "a World Bank WDI file"},
    {CASIA_FORMAT_WDI_METADATA, "wdi-metadata",
     "a World Bank WDI metadata file (country or indicator notes, no data)"},
    {CASIA_FORMAT_WITS, "wits", "a World Bank WITS download"},
    {CASIA_FORMAT_COMTRADE_CODES, "comtrade-codes",
     "UN Comtrade's list of country codes"},
    {CASIA_FORMAT_SPREADSHEET, "spreadsheet",
     "a spreadsheet (Excel workbook or zip file), not CSV"},
};

static const format_info *find_format(casia_format f)
{
    size_t i;
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].format == f)
            return &formats[i];
    return NULL;
}

CASIA_API const char *casia_format_name(casia_format format)
{
    const format_info *f = find_format(format);
    return f ? f->name : NULL;
}

CASIA_API const char *casia_format_describe(casia_format format)
{
    const format_info *f = find_format(format);
    return f ? f->phrase : "a file of unknown layout";
}

CASIA_API int casia_format_parse(casia_format *out, const char *name)
{
    size_t i;
    if (!out || !name)
        return CASIA_EINVAL;
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0) {
            *out = formats[i].format;
            return CASIA_OK;
        }
    return CASIA_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */

/* Whether the record has a field equal to key once normalised. */
static int has_column(const casia__csv *c, const char *key)
{
    size_t i;
    for (i = 0; i < casia__csv_count(c); i++) {
        char k[64];
        size_t len;
        const char *f = casia__csv_field(c, i, &len, NULL);
        casia__header_key(k, sizeof k, f, len);
        if (strcmp(k, key) == 0)
            return 1;
    }
    return 0;
}

static int starts_with(const casia__csv *c, size_t i, const char *prefix)
{
    size_t len, n = strlen(prefix);
    const char *f = casia__csv_field(c, i, &len, NULL);
    return len >= n && memcmp(f, prefix, n) == 0;
}

casia_format casia__detect(const char *data, size_t size)
{
    casia__csv c;
    casia_format found = CASIA_FORMAT_UNKNOWN;
    size_t i = 0;
    int records = 0;

    if (size >= 4 && (memcmp(data, "PK\x03\x04", 4) == 0 ||
                      memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0))
        return CASIA_FORMAT_SPREADSHEET;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
                        data[i] == '\n'))
        i++;
    /* No provider's CSV starts with '{': a JSON object is read as the
     * native format, whose loader names what is wrong when it is not one
     * (the "format" member may come after any amount of data). */
    if (i < size && data[i] == '{')
        return CASIA_FORMAT_NATIVE_JSON;
    casia__csv_open_buffer(&c, data, size > DETECT_BYTES ? DETECT_BYTES : size, NULL);
    while (found == CASIA_FORMAT_UNKNOWN && records < 40) {
        int rc = casia__csv_next(&c, NULL);
        if (rc == 0)
            break;
        if (rc < 0) {
            if (rc == CASIA_EPARSE)
                continue;
            break;
        }
        records++;
        if (casia__csv_blank(&c))
            continue;
        if (records == 1 && starts_with(&c, 0, "TIV of arms "))
            found = CASIA_FORMAT_SIPRI_TIV;
        else if (records == 1 && starts_with(&c, 0, "Transfers of major conventional arms"))
            found = CASIA_FORMAT_SIPRI_REGISTER;
        else if (starts_with(&c, 0, "SIPRI AT Database ID"))
            found = CASIA_FORMAT_SIPRI_REGISTER;
        else if (starts_with(&c, 0, "Figures are SIPRI Trend Indicator Values"))
            found = CASIA_FORMAT_SIPRI_TIV;
        else if (starts_with(&c, 0, "Data Source") && casia__csv_count(&c) > 1 &&
                 starts_with(&c, 1, "World Development Indicators"))
            found = CASIA_FORMAT_WDI;
        else if (has_column(&c, "countrycode") && has_column(&c, "indicatorcode") &&
                 has_column(&c, "countryname"))
            found = CASIA_FORMAT_WDI;
        else if ((has_column(&c, "countrycode") && has_column(&c, "incomegroup")) ||
                 (has_column(&c, "indicatorcode") && has_column(&c, "sourcenote")))
            found = CASIA_FORMAT_WDI_METADATA;
        else if (has_column(&c, "reporteriso3") && has_column(&c, "tradevaluein1000usd"))
            found = CASIA_FORMAT_WITS;
        else if (has_column(&c, "countrycode") && has_column(&c, "countrynameenglish"))
            found = CASIA_FORMAT_COMTRADE_CODES;
        else if (casia__comtrade_is_header(&c))
            found = has_column(&c, "typecode") ? CASIA_FORMAT_COMTRADE_PLUS
                                               : CASIA_FORMAT_COMTRADE_LEGACY;
        else if (has_column(&c, "indicator") && has_column(&c, "reporter") &&
                 has_column(&c, "partner") && has_column(&c, "year") &&
                 has_column(&c, "value"))
            found = CASIA_FORMAT_NATIVE_CSV;
    }
    casia__csv_close(&c);
    return found;
}

/* Reads the first bytes of a file into buf (of DETECT_BYTES). */
static int read_head(char *buf, size_t *n, const char *path, casia_error *err)
{
    char ebuf[128];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    if (fd < 0)
        return casia__error_set(err, CASIA_EIO, path, "cannot open: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    while (got < DETECT_BYTES) {
        ssize_t r = read(fd, buf + got, DETECT_BYTES - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            return casia__error_set(err, CASIA_EIO, path, "cannot read: %s",
                                    casia__errno_text(e, ebuf, sizeof ebuf));
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    *n = got;
    return CASIA_OK;
}

CASIA_API int casia_format_detect(casia_format *out, const char *path,
                                  casia_error *err)
{
    char *buf;
    size_t n;
    int rc;
    if (!out || !path)
        return casia__error_set(err, CASIA_EINVAL, path, "NULL argument");
    if (!(buf = malloc(DETECT_BYTES)))
        return casia__error_set(err, CASIA_ENOMEM, path, NULL);
    rc = read_head(buf, &n, path, err);
    if (rc == CASIA_OK)
        *out = casia__detect(buf, n);
    free(buf);
    return rc;
}

CASIA_API int casia_format_detect_buffer(casia_format *out, const char *data,
                                         size_t size)
{
    if (!out || (!data && size))
        return CASIA_EINVAL;
    *out = casia__detect(data ? data : "", size);
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Shared by the importers                                             */

int casia__import_bad_row(casia__import_ctx *ctx, const casia_error *row_err)
{
    casia_import_report *rep = ctx->report;
    if (!ctx->opt->lenient) {
        if (ctx->err)
            *ctx->err = *row_err;
        return row_err->code ? row_err->code : CASIA_ESCHEMA;
    }
    rep->skipped++;
    if (rep->n_errors < CASIA_IMPORT_REPORT_ERRORS)
        rep->errors[rep->n_errors++] = *row_err;
    return CASIA_OK;
}

const char *casia__import_base(const casia__import_ctx *ctx, char *buf, size_t size)
{
    const char *base, *p;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (!ctx->name || strcmp(ctx->name, "<buffer>") == 0 || size < 2)
        return buf;
    base = ctx->name;
    for (p = ctx->name; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    /* a file name is bytes: what goes into a description must be UTF-8 */
    buf[0] = ' ';
    casia__csv_excerpt(buf + 1, size - 1, base, strlen(base), size);
    return buf;
}

void casia__periods_clash_text(char *msg, size_t size, const char *indicator,
                               int reporter, int partner, int year, unsigned have,
                               unsigned add)
{
    const char *rep = casia__country_code(reporter), *par = casia__country_code(partner);
    unsigned both = have & add & 0x1fffu;
    int k;
    if (both) {
        for (k = 0; !(both >> k & 1u); k++)
            ;
        if (k)
            snprintf(msg, size, "%s %s-%s: month %d of %d is given twice", indicator,
                     rep, par, k, year);
        else
            snprintf(msg, size, "%s %s-%s %d is given twice", indicator, rep, par, year);
    } else {
        snprintf(msg, size, "%s %s-%s %d is given both for the year and for months",
                 indicator, rep, par, year);
    }
}

void casia__import_source_id(char *dst, size_t size, const casia__import_ctx *ctx,
                             const char *fallback)
{
    const char *base, *p, *dot;
    size_t n, i;
    if (ctx->opt->source_id && *ctx->opt->source_id) {
        snprintf(dst, size, "%s", ctx->opt->source_id);
        return;
    }
    if (!ctx->name || strcmp(ctx->name, "<buffer>") == 0) {
        snprintf(dst, size, "%s", fallback);
        return;
    }
    base = ctx->name;
    for (p = ctx->name; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n == 0) {
        snprintf(dst, size, "%s", fallback);
        return;
    }
    if (n >= size)
        n = size - 1;
    for (i = 0; i < n; i++) {
        char ch = base[i];
        dst[i] = ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-')
                     ? ch : '_';
    }
    dst[n] = '\0';
}

/* ------------------------------------------------------------------ */
/* Importing                                                           */

static int importable(casia_format f)
{
    return f == CASIA_FORMAT_NATIVE_JSON || f == CASIA_FORMAT_NATIVE_CSV ||
           f == CASIA_FORMAT_COMTRADE_PLUS || f == CASIA_FORMAT_COMTRADE_LEGACY ||
           f == CASIA_FORMAT_SIPRI_TIV || f == CASIA_FORMAT_SIPRI_REGISTER ||
           f == CASIA_FORMAT_WDI;
}

static int is_comtrade(casia_format f)
{
    return f == CASIA_FORMAT_COMTRADE_PLUS || f == CASIA_FORMAT_COMTRADE_LEGACY;
}

/* The format to read: the one asked for, unless the file looks like
 * another (both Comtrade layouts are read by one importer). */
static int choose(casia_format *use, casia_format asked, casia_format seen,
                  const char *name, casia_error *err)
{
    const char *hint = "";
    if (asked != CASIA_FORMAT_AUTO && !find_format(asked))
        return casia__error_set(err, CASIA_EINVAL, name,
                                "format %d is not a casia_format", (int)asked);
    if (seen == CASIA_FORMAT_WDI_METADATA)
        hint = "; import the API_... file of the same download";
    else if (seen == CASIA_FORMAT_SPREADSHEET)
        hint = "; save the sheet as CSV first";
    else if (seen == CASIA_FORMAT_COMTRADE_CODES)
        hint = "; it holds codes, not trade";
    if (asked == CASIA_FORMAT_AUTO || asked == CASIA_FORMAT_UNKNOWN) {
        if (seen == CASIA_FORMAT_UNKNOWN)
            return casia__error_set(err, CASIA_EFORMAT, name,
                                    "not a layout libcasia knows (UN Comtrade, "
                                    "SIPRI TIV table or trade register, World "
                                    "Bank WDI, casia JSON or tidy CSV)");
        if (!importable(seen))
            return casia__error_set(err, CASIA_EFORMAT, name,
                                    "this looks like %s, which libcasia does "
                                    "not import%s", casia_format_describe(seen),
                                    hint);
        *use = seen;
        return CASIA_OK;
    }
    if (!importable(asked))
        return casia__error_set(err, CASIA_EINVAL, name,
                                "%s cannot be imported", casia_format_describe(asked));
    if (seen != CASIA_FORMAT_UNKNOWN && seen != asked &&
        !(is_comtrade(seen) && is_comtrade(asked)))
        return casia__error_set(err, CASIA_EFORMAT, name,
                                "this looks like %s, not %s%s",
                                casia_format_describe(seen),
                                casia_format_describe(asked), hint);
    *use = seen != CASIA_FORMAT_UNKNOWN ? seen : asked;
    return CASIA_OK;
}

static int run(casia_dataset **out, casia__csv *c, casia_format f,
               casia__import_ctx *ctx)
{
    switch (f) {
    case CASIA_FORMAT_COMTRADE_PLUS:
    case CASIA_FORMAT_COMTRADE_LEGACY:
        return casia__import_comtrade(out, c, ctx);
    case CASIA_FORMAT_SIPRI_TIV:
        return casia__import_sipri_tiv(out, c, ctx);
    case CASIA_FORMAT_SIPRI_REGISTER:
        return casia__import_sipri_register(out, c, ctx);
    case CASIA_FORMAT_WDI:
        return casia__import_wdi(out, c, ctx);
    case CASIA_FORMAT_NATIVE_CSV:
        return casia__import_tidy(out, c, ctx);
    default:
        return casia__error_set(ctx->err, CASIA_EINVAL, ctx->name,
                                "no importer for %s", casia_format_describe(f));
    }
}

/* Finishes the report of a native JSON load. */
static void json_report(casia_import_report *rep, const casia_dataset *ds)
{
    rep->observations = casia_dataset_observation_count(ds);
    rep->kept = rep->observations;
}

static int import_common(casia_dataset **out, const char *path, const char *data,
                         size_t size, const char *name, casia_format format,
                         const casia_import_options *opt,
                         casia_import_report *report, casia_error *err)
{
    casia_import_options defaults;
    casia_import_report tmp;
    casia__import_ctx ctx;
    casia__csv c;
    casia_format seen, use = CASIA_FORMAT_UNKNOWN;
    casia_dataset *ds = NULL;
    int rc;

    if (!report)
        report = &tmp;
    memset(report, 0, sizeof *report);
    if (!opt) {
        casia_import_options_init(&defaults);
        opt = &defaults;
    }
    if (!out || (path == NULL && data == NULL && size > 0))
        return casia__error_set(err, CASIA_EINVAL, name, "NULL argument");
    if (opt->version != CASIA_IMPORT_OPTIONS_VERSION)
        return casia__error_set(err, CASIA_EINVAL, name,
                                "casia_import_options version %u, this library "
                                "knows %u", opt->version,
                                (unsigned)CASIA_IMPORT_OPTIONS_VERSION);
    {
        /* the strings that go into the dataset must be UTF-8 (a dataset
         * that holds anything else could not be written and read back) */
        const char *const names[] = {"source_id", "source_title", "source_publisher",
                                     "source_url", "source_description"};
        const char *const vals[] = {opt->source_id, opt->source_title,
                                    opt->source_publisher, opt->source_url,
                                    opt->source_description};
        size_t k;
        for (k = 0; k < sizeof vals / sizeof vals[0]; k++)
            if (vals[k] && casia__utf8_invalid_at(vals[k], strlen(vals[k])) !=
                               strlen(vals[k]))
                return casia__error_set(err, CASIA_EINVAL, name,
                                        "option %s is not valid UTF-8", names[k]);
    }
    if (path) {
        char *head = malloc(DETECT_BYTES);
        size_t n;
        if (!head)
            return casia__error_set(err, CASIA_ENOMEM, path, NULL);
        rc = read_head(head, &n, path, err);
        seen = rc == CASIA_OK ? casia__detect(head, n) : CASIA_FORMAT_UNKNOWN;
        free(head);
        if (rc != CASIA_OK)
            return rc;
    } else {
        seen = casia__detect(data ? data : "", size);
    }
    report->format = seen;
    if ((rc = choose(&use, format, seen, name, err)) != CASIA_OK)
        return rc;
    report->format = use;

    if (use == CASIA_FORMAT_NATIVE_JSON) {
        rc = path ? casia_dataset_load_file(&ds, path, err)
                  : casia_dataset_load_buffer(&ds, data, size, name, err);
        if (rc != CASIA_OK)
            return rc;
        json_report(report, ds);
        *out = ds;
        return CASIA_OK;
    }

    ctx.opt = opt;
    ctx.report = report;
    ctx.err = err;
    ctx.name = name;
    if (path) {
        if ((rc = casia__csv_open_file(&c, path, err)) != CASIA_OK) {
            casia__csv_close(&c);
            return rc;
        }
    } else {
        casia__csv_open_buffer(&c, data, size, name);
    }
    rc = run(&ds, &c, use, &ctx);
    report->bytes = c.base + c.len;
    casia__csv_close(&c);
    if (rc != CASIA_OK)
        return rc;
    report->observations = casia_dataset_observation_count(ds);
    *out = ds;
    return CASIA_OK;
}

CASIA_API int casia_import_file(casia_dataset **out, const char *path,
                                casia_format format, const casia_import_options *opt,
                                casia_import_report *report, casia_error *err)
{
    if (!path) {
        if (report)
            memset(report, 0, sizeof *report);
        return casia__error_set(err, CASIA_EINVAL, NULL, "no file name given");
    }
    {
        /* A pipe, a FIFO or a character device can be read only once, but
         * detection reads the head before the importer reads the whole:
         * such an input is read into memory first. */
        struct stat st;
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
            char *buf;
            size_t size;
            int rc = casia__read_file(&buf, &size, path, err);
            if (rc != CASIA_OK) {
                if (report)
                    memset(report, 0, sizeof *report);
                return rc;
            }
            rc = import_common(out, NULL, buf, size, path, format, opt, report, err);
            free(buf);
            return rc;
        }
    }
    return import_common(out, path, NULL, 0, path, format, opt, report, err);
}

CASIA_API int casia_import_buffer(casia_dataset **out, const char *data,
                                  size_t size, const char *name,
                                  casia_format format,
                                  const casia_import_options *opt,
                                  casia_import_report *report, casia_error *err)
{
    /* (NULL, 0) is an empty buffer; (NULL, size > 0) is refused */
    return import_common(out, NULL, data || size ? data : "", size,
                         name ? name : "<buffer>", format, opt, report, err);
}

/* ------------------------------------------------------------------ */
/* Merging                                                             */

typedef struct merge_ctx {
    size_t n;
} merge_ctx;

static void locate_part(void *ctx, uint64_t origin, casia_error *err)
{
    const merge_ctx *m = ctx;
    size_t len = strlen(err->text);
    snprintf(err->text + len, sizeof err->text - len, " (in part %lu of %lu)",
             (unsigned long)origin + 1, (unsigned long)m->n);
}

static int source_is_empty(const casia_dataset *ds, const casia__source_rec *s)
{
    return !ds->strings.strs[s->title][0] && !ds->strings.strs[s->publisher][0] &&
           !ds->strings.strs[s->url][0] && !ds->strings.strs[s->description][0];
}

#define STR(ds, id) casia__strtab_get(&(ds)->strings, (id))

/* Adds everything of one part except the source definitions. */
static int add_part(casia__builder *b, const casia_dataset *ds, uint64_t origin,
                    casia_error *err)
{
    uint16_t *ind_map = malloc((ds->n_indicators + 1) * sizeof *ind_map);
    uint16_t *src_map = malloc((ds->n_sources + 1) * sizeof *src_map);
    size_t i;
    int rc = CASIA_ENOMEM;
    if (!ind_map || !src_map)
        goto done;
    for (i = 0; i < ds->n_sources; i++)
        if ((rc = casia__builder_source_ref(b, &src_map[i], STR(ds, ds->sources[i].id))))
            goto done;
    for (i = 0; i < ds->n_indicators; i++)
        if ((rc = casia__builder_indicator(b, &ind_map[i], STR(ds, ds->ind_name[i]),
                                           STR(ds, ds->ind_unit[i]), err)))
            goto done;
    for (i = 0; i < ds->n_obs; i++) {
        uint64_t k = ds->obs_key[i];
        uint32_t note = 0;
        if (ds->obs_note && ds->obs_note[i]) {
            const char *t = STR(ds, ds->obs_note[i]);
            if ((rc = casia__builder_note(b, &note, t, strlen(t))))
                goto done;
        }
        if ((rc = casia__builder_obs(b, ind_map[CASIA__KEY_IND(k)],
                                     (int)CASIA__KEY_REP(k), (int)CASIA__KEY_PAR(k),
                                     CASIA__KEY_YEAR(k), ds->obs_value[i],
                                     (casia_basis)ds->obs_basis[i],
                                     src_map[ds->obs_source[i]], note, origin)))
            goto done;
    }
    for (i = 0; i < ds->n_organisations; i++) {
        const casia__organisation_rec *o = &ds->organisations[i];
        rc = casia__builder_organisation(
            b, STR(ds, o->id), STR(ds, o->name),
            o->led_by == CASIA__NO_COUNTRY ? -1 : (int)o->led_by,
            o->source == 0xffffu ? NULL : STR(ds, ds->sources[o->source].id),
            o->note ? STR(ds, o->note) : NULL, origin, err);
        if (rc)
            goto done;
    }
    for (i = 0; i < ds->n_memberships; i++) {
        const casia__membership_rec *m = &ds->memberships[i];
        if ((rc = casia__builder_membership(b, m->country, STR(ds, m->organisation),
                                            m->start_year, m->end_year,
                                            STR(ds, ds->sources[m->source].id),
                                            m->note ? STR(ds, m->note) : NULL,
                                            origin)))
            goto done;
    }
    for (i = 0; i < ds->n_votes; i++) {
        const casia__vote_rec *v = &ds->votes[i];
        if ((rc = casia__builder_vote(b, STR(ds, v->resolution), STR(ds, v->date),
                                      v->country, (casia_vote_choice)v->vote,
                                      STR(ds, ds->sources[v->source].id), origin)))
            goto done;
    }
    rc = casia__ledger_add_dataset(b, ds, origin);
done:
    free(ind_map);
    free(src_map);
    return rc;
}

CASIA_API int casia_dataset_merge(casia_dataset **out,
                                  const casia_dataset *const *parts, size_t n,
                                  casia_error *err)
{
    casia__builder *b;
    merge_ctx m;
    const char **defined = NULL;
    size_t n_defined = 0, cap_defined = 0, p, i, k;
    int rc = CASIA_OK;

    if (!out || (!parts && n))
        return casia__error_set(err, CASIA_EINVAL, "merge", "NULL argument");
    for (p = 0; p < n; p++)
        if (!parts[p])
            return casia__error_set(err, CASIA_EINVAL, "merge",
                                    "part %lu is NULL", (unsigned long)p + 1);
    if (!(b = casia__builder_new()))
        return casia__error_set(err, CASIA_ENOMEM, "merge", NULL);
    m.n = n;

    /* sources: full definitions first, then the bare ids (a tidy CSV's)
     * that no part defines */
    for (k = 0; k < 2 && rc == CASIA_OK; k++) {
        for (p = 0; p < n && rc == CASIA_OK; p++) {
            const casia_dataset *ds = parts[p];
            for (i = 0; i < ds->n_sources && rc == CASIA_OK; i++) {
                const casia__source_rec *s = &ds->sources[i];
                const char *id = STR(ds, s->id);
                size_t j;
                int known = 0;
                if ((k == 0) == source_is_empty(ds, s))
                    continue;
                for (j = 0; j < n_defined; j++)
                    if (strcmp(defined[j], id) == 0)
                        known = 1;
                if (k == 1 && known)
                    continue;
                rc = casia__builder_source(b, id, STR(ds, s->title),
                                           STR(ds, s->publisher), STR(ds, s->url),
                                           STR(ds, s->description), p, err);
                if (rc == CASIA_ECONFLICT && err)
                    locate_part(&m, p, err);
                if (rc == CASIA_OK && !known) {
                    if (n_defined == cap_defined) {
                        size_t nc = cap_defined ? cap_defined * 2 : 16;
                        const char **nd = realloc((void *)defined, nc * sizeof *nd);
                        if (!nd) {
                            rc = CASIA_ENOMEM;
                            break;
                        }
                        defined = nd;
                        cap_defined = nc;
                    }
                    defined[n_defined++] = id;
                }
            }
        }
    }
    free((void *)defined);
    for (p = 0; p < n && rc == CASIA_OK; p++)
        rc = add_part(b, parts[p], p, err);
    if (rc != CASIA_OK) {
        casia__builder_free(b);
        if (rc == CASIA_ENOMEM)
            casia__error_set(err, rc, "merge", NULL);
        else if (err && err->code != rc)
            casia__error_set(err, rc, "merge", NULL);
        else if (err)
            snprintf(err->source, sizeof err->source, "merge");
        return rc;
    }
    return casia__builder_finish(b, out, locate_part, &m, "merge", err);
}
