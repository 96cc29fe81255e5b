/*
 * import.c - one call to import any provider file: the registry of
 * formats (names, detection, importers), detection (which also names a
 * file given in the wrong place), dispatch to the importers and the
 * report. What the importers share is in import_kit.c.
 */
#include "importer.h"

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

/* Formats libcasia recognises without importing them */
static int detect_wits(const casia__csv *c, int record)
{
    (void)record;
    return casia__import_has_column(c, "reporteriso3") &&
           casia__import_has_column(c, "tradevaluein1000usd");
}

/*
 * The registry: every format, with its name, its description, the test
 * that recognises its header (asked record by record, in the order of the
 * rows: the first that says yes names the file) and its importer. A row
 * without a test is recognised from the first bytes (casia__detect); a
 * row without an importer is recognised only to say what the file is. The
 * native JSON format is loaded by the store (dataset.c), not read as CSV.
 * hint: what to do instead, for a format that is not imported.
 */
static const casia__importer importers[] = {
    {CASIA_FORMAT_AUTO, "auto", "a file of any layout", NULL, NULL, ""},
    {CASIA_FORMAT_UNKNOWN, "unknown", "a file of unknown layout", NULL, NULL, ""},
    {CASIA_FORMAT_NATIVE_JSON, "json", "a casia-dataset JSON file", NULL, NULL, ""},
    {CASIA_FORMAT_SPREADSHEET, "spreadsheet",
     "a spreadsheet (Excel workbook or zip file), not CSV", NULL, NULL,
     "; save the sheet as CSV first"},
    {CASIA_FORMAT_SIPRI_TIV, "sipri-tiv", "a SIPRI TIV table",
     casia__detect_sipri_tiv, casia__import_sipri_tiv, ""},
    {CASIA_FORMAT_SIPRI_REGISTER, "sipri-register", "a SIPRI trade register",
     casia__detect_sipri_register, casia__import_sipri_register, ""},
    {CASIA_FORMAT_WDI, "wdi", "a World Bank WDI file", casia__detect_wdi,
     casia__import_wdi, ""},
    {CASIA_FORMAT_WDI_METADATA, "wdi-metadata",
     "a World Bank WDI metadata file (country or indicator notes, no data)",
     casia__detect_wdi_metadata, NULL,
     "; import the API_... file of the same download"},
    {CASIA_FORMAT_WITS, "wits", "a World Bank WITS download", detect_wits, NULL,
     ""},
    {CASIA_FORMAT_COMTRADE_CODES, "comtrade-codes",
     "UN Comtrade's list of country codes", casia__detect_comtrade_codes, NULL,
     "; it holds codes, not trade"},
    {CASIA_FORMAT_COMTRADE_PLUS, "comtrade-plus", "a UN Comtrade Plus file",
     casia__detect_comtrade_plus, casia__import_comtrade, ""},
    {CASIA_FORMAT_COMTRADE_LEGACY, "comtrade-legacy",
     "a UN Comtrade file in the legacy layout", casia__detect_comtrade_legacy,
     casia__import_comtrade, ""},
    {CASIA_FORMAT_NATIVE_CSV, "csv", "a casia tidy CSV file", casia__detect_tidy,
     casia__import_tidy, ""},
};

#define N_IMPORTERS (sizeof importers / sizeof importers[0])

static const casia__importer *find_format(casia_format f)
{
    size_t i;
    for (i = 0; i < N_IMPORTERS; i++)
        if (importers[i].format == f)
            return &importers[i];
    return NULL;
}

CASIA_API const char *casia_format_name(casia_format format)
{
    const casia__importer *f = find_format(format);
    return f ? f->name : NULL;
}

CASIA_API const char *casia_format_describe(casia_format format)
{
    const casia__importer *f = find_format(format);
    return f ? f->description : "a file of unknown layout";
}

CASIA_API int casia_format_parse(casia_format *out, const char *name)
{
    size_t i;
    if (!out || !name)
        return CASIA_EINVAL;
    for (i = 0; i < N_IMPORTERS; i++)
        if (strcmp(importers[i].name, name) == 0) {
            *out = importers[i].format;
            return CASIA_OK;
        }
    return CASIA_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */

casia_format casia__detect(const char *data, size_t size)
{
    casia__csv c;
    casia_format found = CASIA_FORMAT_UNKNOWN;
    size_t i = 0, k;
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
        for (k = 0; k < N_IMPORTERS; k++) {
            if (importers[k].detect && importers[k].detect(&c, records)) {
                found = importers[k].format;
                break;
            }
        }
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
/* Importing                                                           */

static int importable(const casia__importer *f)
{
    return f && (f->import || f->format == CASIA_FORMAT_NATIVE_JSON);
}

/* The format to read: the one asked for, unless the file looks like
 * another (formats read by one importer, as both Comtrade layouts, are
 * taken for each other). */
static int choose(const casia__importer **use, casia_format asked,
                  casia_format seen, const char *name, casia_error *err)
{
    const casia__importer *a = find_format(asked), *s = find_format(seen);
    if (asked != CASIA_FORMAT_AUTO && !a)
        return casia__error_set(err, CASIA_EINVAL, name,
                                "format %d is not a casia_format", (int)asked);
    if (asked == CASIA_FORMAT_AUTO || asked == CASIA_FORMAT_UNKNOWN) {
        if (seen == CASIA_FORMAT_UNKNOWN)
            return casia__error_set(err, CASIA_EFORMAT, name,
                                    "not a layout libcasia knows (UN Comtrade, "
                                    "SIPRI TIV table or trade register, World "
                                    "Bank WDI, casia JSON or tidy CSV)");
        if (!importable(s))
            return casia__error_set(err, CASIA_EFORMAT, name,
                                    "this looks like %s, which libcasia does "
                                    "not import%s", casia_format_describe(seen),
                                    s ? s->hint : "");
        *use = s;
        return CASIA_OK;
    }
    if (!importable(a))
        return casia__error_set(err, CASIA_EINVAL, name,
                                "%s cannot be imported", casia_format_describe(asked));
    if (seen != CASIA_FORMAT_UNKNOWN && seen != asked &&
        !(s && s->import && s->import == a->import))
        return casia__error_set(err, CASIA_EFORMAT, name,
                                "this looks like %s, not %s%s",
                                casia_format_describe(seen),
                                casia_format_describe(asked), s ? s->hint : "");
    *use = seen != CASIA_FORMAT_UNKNOWN ? s : a;
    return CASIA_OK;
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
    casia_format seen;
    const casia__importer *use = NULL;
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
    report->format = use->format;

    if (use->format == CASIA_FORMAT_NATIVE_JSON) {
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
    rc = use->import(&ds, &c, &ctx);
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
