/*
 * cli.c - the common machinery of the `casia` tool: errors and exit codes,
 * option parsing, and tables rendered as aligned text, CSV or JSON.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Errors                                                              */

int cli_fail(cli *c, int code, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", c->prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

int cli_fail_error(cli *c, int code, const casia_error *err)
{
    char msg[CASIA_ERROR_SOURCE_SIZE + CASIA_ERROR_TEXT_SIZE + 64];
    casia_error_format(err, msg, sizeof msg);
    return cli_fail(c, code, "%s", msg);
}

int cli_usage(cli *c, const command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s %s: ", c->prog, cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    {
        /* the synopsis only (up to the blank line); --help has the rest */
        const char *end = strstr(cmd->usage, "\n\n");
        int n = end ? (int)(end - cmd->usage) : (int)strlen(cmd->usage);
        fprintf(stderr, "\nusage: %.*s\nTry '%s %s --help'.\n", n, cmd->usage, c->prog,
                cmd->name);
    }
    return EXIT_USAGE;
}

int cli_exit_code(int status)
{
    switch (status) {
    case CASIA_OK:
        return EXIT_OK;
    case CASIA_ENOTFOUND:
    case CASIA_EDOMAIN:
    case CASIA_ITEROVER:
        return EXIT_NODATA;
    case CASIA_EINVAL:
    case CASIA_EAMBIGUOUS:
        return EXIT_USAGE;
    default:
        return EXIT_INPUT;
    }
}

casia_dataset *cli_dataset(cli *c)
{
    casia_error err;
    int rc;
    if (c->ds)
        return c->ds;
    /* --data: libcasia's JSON or tidy CSV, or a provider's download
     * (UN Comtrade, SIPRI, World Bank WDI), recognised by its content */
    if (c->data_path)
        rc = casia_import_file(&c->ds, c->data_path, CASIA_FORMAT_AUTO, NULL, NULL,
                               &err);
    else
        rc = casia_dataset_open_default(&c->ds, &err);
    if (rc != CASIA_OK) {
        cli_fail_error(c, EXIT_INPUT, &err);
        c->ds = NULL;
    }
    return c->ds;
}

/* ------------------------------------------------------------------ */
/* Arguments                                                           */

void cli_args_init(cli_args *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->argc = argc;
    a->argv = argv;
    a->i = 1;   /* argv[0] is the subcommand */
}

int cli_args_next(cli *c, const command *cmd, cli_args *a,
                  const cli_option *opts)
{
    while (a->i < a->argc) {
        char *s = a->argv[a->i++];
        const cli_option *o;
        const char *name, *eq;
        size_t len;
        if (strcmp(s, "--") == 0) {
            while (a->i < a->argc) {
                if (a->n_operands == 64) {
                    cli_usage(c, cmd, "too many arguments");
                    return '?';
                }
                a->operands[a->n_operands++] = a->argv[a->i++];
            }
            return 0;
        }
        if (s[0] != '-' || s[1] == '\0' || (s[1] >= '0' && s[1] <= '9')) {
            if (a->n_operands == 64) {
                cli_usage(c, cmd, "too many arguments");
                return '?';
            }
            a->operands[a->n_operands++] = s;
            continue;
        }
        name = s + (s[1] == '-' ? 2 : 1);
        eq = strchr(name, '=');
        len = eq ? (size_t)(eq - name) : strlen(name);
        for (o = opts; o && o->long_name; o++) {
            int is_short = s[1] != '-' && len == 1 && o->key == name[0];
            int is_long = s[1] == '-' && strlen(o->long_name) == len &&
                          strncmp(o->long_name, name, len) == 0;
            if (!is_short && !is_long)
                continue;
            a->arg = NULL;
            if (o->has_arg) {
                if (eq)
                    a->arg = eq + 1;
                else if (a->i < a->argc)
                    a->arg = a->argv[a->i++];
                else {
                    cli_usage(c, cmd, "option %s needs a value", s);
                    return '?';
                }
            } else if (eq) {
                cli_usage(c, cmd, "option --%s takes no value", o->long_name);
                return '?';
            }
            return o->key;
        }
        cli_usage(c, cmd, "unknown option %s", s);
        return '?';
    }
    return 0;
}

int cli_parse_year(const char *s, int *year)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1900 || v > 2100)
        return -1;
    *year = (int)v;
    return 0;
}

int cli_parse_range(const char *s, int *from, int *to)
{
    const char *dash = strchr(s, '-');
    char buf[16];
    if (!dash)
        return cli_parse_year(s, from) == 0 ? (*to = *from, 0) : -1;
    if ((size_t)(dash - s) >= sizeof buf)
        return -1;
    memcpy(buf, s, (size_t)(dash - s));
    buf[dash - s] = '\0';
    if (cli_parse_year(buf, from) || cli_parse_year(dash + 1, to) || *to < *from)
        return -1;
    return 0;
}

int cli_country(cli *c, const char *text, const char **code)
{
    casia_error err;
    int rc = casia_country_resolve(code, text, &err);
    if (rc != CASIA_OK)
        return cli_fail(c, EXIT_USAGE, "%s", err.text);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Output primitives                                                   */

void csv_field(FILE *f, const char *s)
{
    if (!s)
        return;
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        switch (ch) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (ch < 0x20)
                fprintf(f, "\\u%04x", ch);
            else
                fputc(ch, f);
        }
    }
    fputc('"', f);
}

/* Shortest %.Ng (15..17) that reads back as v, with a '.' decimal point. */
static void fmt_number(char *buf, size_t size, double v)
{
    int prec;
    const char *point = localeconv()->decimal_point;
    char *p;
    for (prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (point && point[0] && point[0] != '.' && (p = strchr(buf, point[0])))
        *p = '.';
}

void num_plain(FILE *f, double v, int json)
{
    char buf[40];
    if (isnan(v) || isinf(v)) {
        if (json)
            fputs("null", f);
        return;
    }
    fmt_number(buf, sizeof buf, v);
    fputs(buf, f);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct cell {
    char *text;      /* rendered for text mode; NULL = empty */
    double num;      /* for CSV/JSON numbers */
    int is_num;      /* 1: num holds the value */
    int missing;
} cell;

typedef struct column {
    char *name;
    col_kind kind;
} column;

struct table {
    char *title;
    column cols[16];
    int ncols;
    cell *cells;     /* row-major */
    size_t nrows, cap;
    int cur;         /* next column of the current row */
    char **notes;
    size_t nnotes;
};

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (!p) {
        fputs("casia: out of memory\n", stderr);
        exit(EXIT_INPUT);
    }
    memcpy(p, s, n);
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("casia: out of memory\n", stderr);
        exit(EXIT_INPUT);
    }
    return p;
}

table *table_new(const char *title)
{
    table *t = calloc(1, sizeof *t);
    if (!t) {
        fputs("casia: out of memory\n", stderr);
        exit(EXIT_INPUT);
    }
    t->title = title ? xstrdup(title) : NULL;
    return t;
}

void table_free(table *t)
{
    size_t i;
    int j;
    if (!t)
        return;
    for (i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i].text);
    for (j = 0; j < t->ncols; j++)
        free(t->cols[j].name);
    for (i = 0; i < t->nnotes; i++)
        free(t->notes[i]);
    free(t->notes);
    free(t->cells);
    free(t->title);
    free(t);
}

void table_column(table *t, const char *name, col_kind kind)
{
    if (t->ncols == 16)
        return;
    t->cols[t->ncols].name = xstrdup(name);
    t->cols[t->ncols].kind = kind;
    t->ncols++;
}

size_t table_rows(const table *t)
{
    return t->nrows;
}

void table_row(table *t)
{
    size_t need = (t->nrows + 1) * (size_t)t->ncols;
    if (need > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        while (cap < need)
            cap *= 2;
        t->cells = xrealloc(t->cells, cap * sizeof *t->cells);
        t->cap = cap;
    }
    memset(&t->cells[t->nrows * (size_t)t->ncols], 0,
           (size_t)t->ncols * sizeof *t->cells);
    t->nrows++;
    t->cur = 0;
}

static cell *next_cell(table *t)
{
    if (t->nrows == 0 || t->cur >= t->ncols)
        return NULL;
    return &t->cells[(t->nrows - 1) * (size_t)t->ncols + (size_t)t->cur++];
}

void table_text(table *t, const char *s)
{
    cell *c = next_cell(t);
    if (!c)
        return;
    if (s)
        c->text = xstrdup(s);
    else
        c->missing = 1;
}

void table_int(table *t, long v)
{
    char buf[32];
    cell *c = next_cell(t);
    if (!c)
        return;
    snprintf(buf, sizeof buf, "%ld", v);
    c->text = xstrdup(buf);
    c->num = (double)v;
    c->is_num = 1;
}

/* 1234567.8 -> "1,234,568" */
void fmt_money(char *buf, size_t size, double v)
{
    char digits[64];
    size_t n, i, o = 0;
    int neg = v < 0;
    snprintf(digits, sizeof digits, "%.0f", neg ? -v : v);
    n = strlen(digits);
    if (neg && o + 1 < size)
        buf[o++] = '-';
    for (i = 0; i < n && o + 2 < size; i++) {
        buf[o++] = digits[i];
        if ((n - i - 1) % 3 == 0 && i + 1 < n)
            buf[o++] = ',';
    }
    buf[o] = '\0';
}

/* A number for people: whole or large numbers with thousands separators,
 * others with six significant digits (19.639999999999997 -> "19.64"). */
static void fmt_readable(char *buf, size_t size, double v)
{
    if (fabs(v) < 1e15 && (v == floor(v) || fabs(v) >= 1e5))
        fmt_money(buf, size, v);
    else
        snprintf(buf, size, "%.6g", v);
}

void table_number(table *t, double v)
{
    table_number_as(t, v, t->cur < t->ncols ? t->cols[t->cur].kind : COL_NUMBER);
}

void table_number_as(table *t, double v, col_kind kind)
{
    char buf[64];
    cell *c = next_cell(t);
    if (!c)
        return;
    if (isnan(v)) {
        c->missing = 1;
        return;
    }
    switch (kind) {
    case COL_SHARE:
        snprintf(buf, sizeof buf, "%.1f%%", v * 100.0);
        break;
    case COL_MONEY:
        fmt_money(buf, sizeof buf, v);
        break;
    case COL_RATIO:
        snprintf(buf, sizeof buf, "%.3f", v);
        break;
    case COL_PCT:
        snprintf(buf, sizeof buf, "%.1f%%", v);
        break;
    case COL_PP:
        snprintf(buf, sizeof buf, "%+.1f pp", v);
        break;
    case COL_INT:
        snprintf(buf, sizeof buf, "%.0f", v);
        break;
    default:
        fmt_readable(buf, sizeof buf, v);
        break;
    }
    c->text = xstrdup(buf);
    c->num = v;
    c->is_num = 1;
}

/* List items are kept joined by the unit separator (0x1f), which no
 * item holds. */
void table_list(table *t, const char *const *items, size_t n)
{
    cell *c = next_cell(t);
    size_t i, len = 1;
    char *p;
    if (!c)
        return;
    for (i = 0; i < n; i++)
        len += strlen(items[i]) + 1;
    p = c->text = xrealloc(NULL, len);
    for (i = 0; i < n; i++) {
        size_t l = strlen(items[i]);
        if (i)
            *p++ = '\x1f';
        memcpy(p, items[i], l);
        p += l;
    }
    *p = '\0';
}

/* The list in c->text with "; " between items, into buf. */
static const char *list_text(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    for (; *s && o + 3 < size; s++) {
        if (*s == '\x1f') {
            buf[o++] = ';';
            buf[o++] = ' ';
        } else {
            buf[o++] = *s;
        }
    }
    buf[o] = '\0';
    return buf;
}

void table_missing(table *t)
{
    cell *c = next_cell(t);
    if (c)
        c->missing = 1;
}

void table_note(table *t, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    t->notes = xrealloc(t->notes, (t->nnotes + 1) * sizeof *t->notes);
    t->notes[t->nnotes++] = xstrdup(buf);
}

/* Display width of UTF-8 text: code points (good enough for the Latin
 * names and figures the tables hold). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

static int right_aligned(col_kind k)
{
    return k != COL_TEXT && k != COL_LIST;
}

/* In text, a list cell (the sources of a row) would make the table as
 * wide as the list: it shows a note marker instead, "[1]", and the lists
 * follow the table, each once. */
static const char *list_marker(const table *t, size_t row, int col, char *buf,
                               size_t size)
{
    size_t r, n = 0;
    const char *mine = t->cells[row * (size_t)t->ncols + (size_t)col].text;
    for (r = 0; r <= row; r++) {
        const cell *c = &t->cells[r * (size_t)t->ncols + (size_t)col];
        size_t q;
        int seen = 0;
        if (!c->text || !c->text[0])
            continue;
        for (q = 0; q < r && !seen; q++) {
            const cell *d = &t->cells[q * (size_t)t->ncols + (size_t)col];
            seen = d->text && strcmp(d->text, c->text) == 0;
        }
        if (seen)
            continue;
        n++;
        if (strcmp(c->text, mine) == 0)
            break;
    }
    snprintf(buf, size, "[%lu]", (unsigned long)n);
    return buf;
}

/* The text shown for a cell in text mode. */
static const char *text_of(const table *t, size_t r, int j, char *buf, size_t size)
{
    const cell *c = &t->cells[r * (size_t)t->ncols + (size_t)j];
    if (c->missing || !c->text)
        return "-";
    if (t->cols[j].kind == COL_LIST)
        return c->text[0] ? list_marker(t, r, j, buf, size) : "-";
    return c->text;
}

static void print_text(FILE *f, const table *t)
{
    size_t w[16], r;
    int j;
    if (t->title)
        fprintf(f, "%s\n\n", t->title);
    for (j = 0; j < t->ncols; j++)
        w[j] = width(t->cols[j].name);
    for (r = 0; r < t->nrows; r++)
        for (j = 0; j < t->ncols; j++) {
            char buf[64];
            size_t cw = width(text_of(t, r, j, buf, sizeof buf));
            if (cw > w[j])
                w[j] = cw;
        }
    for (j = 0; j < t->ncols; j++) {
        size_t pad = w[j] - width(t->cols[j].name);
        if (right_aligned(t->cols[j].kind))
            fprintf(f, "%*s%s", (int)pad, "", t->cols[j].name);
        else
            fprintf(f, "%s%*s", t->cols[j].name, j + 1 < t->ncols ? (int)pad : 0, "");
        fputs(j + 1 < t->ncols ? "  " : "\n", f);
    }
    for (j = 0; j < t->ncols; j++) {
        size_t k;
        for (k = 0; k < w[j]; k++)
            fputc('-', f);
        fputs(j + 1 < t->ncols ? "  " : "\n", f);
    }
    for (r = 0; r < t->nrows; r++) {
        /* a row is composed first, so that it ends without spaces when
         * its last cells are empty */
        char *line = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&line, &len);
        if (!m)
            return;
        for (j = 0; j < t->ncols; j++) {
            char buf[64];
            const char *s = text_of(t, r, j, buf, sizeof buf);
            size_t pad = w[j] - width(s);
            if (right_aligned(t->cols[j].kind))
                fprintf(m, "%*s%s", (int)pad, "", s);
            else
                fprintf(m, "%s%*s", s, j + 1 < t->ncols ? (int)pad : 0, "");
            if (j + 1 < t->ncols)
                fputs("  ", m);
        }
        fclose(m);
        while (len && line[len - 1] == ' ')
            len--;
        fwrite(line, 1, len, f);
        fputc('\n', f);
        free(line);
    }
    /* the lists, each once, under their markers */
    for (j = 0; j < t->ncols; j++) {
        size_t n = 0;
        if (t->cols[j].kind != COL_LIST)
            continue;
        for (r = 0; r < t->nrows; r++) {
            const cell *c = &t->cells[r * (size_t)t->ncols + (size_t)j];
            size_t q;
            int seen = 0;
            char lbuf[1024];
            if (c->missing || !c->text || !c->text[0])
                continue;
            for (q = 0; q < r && !seen; q++) {
                const cell *d = &t->cells[q * (size_t)t->ncols + (size_t)j];
                seen = d->text && strcmp(d->text, c->text) == 0;
            }
            if (seen)
                continue;
            n++;
            fprintf(f, "%s[%lu] %s: %s\n", n == 1 ? "\n" : "", (unsigned long)n,
                    t->cols[j].name, list_text(c->text, lbuf, sizeof lbuf));
        }
    }
    if (t->nnotes) {
        size_t i;
        fputc('\n', f);
        for (i = 0; i < t->nnotes; i++)
            fprintf(f, "%s\n", t->notes[i]);
    }
}

static void print_csv(FILE *f, const table *t)
{
    size_t r;
    int j;
    for (j = 0; j < t->ncols; j++) {
        csv_field(f, t->cols[j].name);
        fputc(j + 1 < t->ncols ? ',' : '\n', f);
    }
    for (r = 0; r < t->nrows; r++) {
        for (j = 0; j < t->ncols; j++) {
            const cell *c = &t->cells[r * (size_t)t->ncols + (size_t)j];
            char lbuf[1024];
            if (!c->missing) {
                if (c->is_num)
                    num_plain(f, c->num, 0);
                else if (t->cols[j].kind == COL_LIST)
                    csv_field(f, list_text(c->text, lbuf, sizeof lbuf));
                else
                    csv_field(f, c->text);
            }
            fputc(j + 1 < t->ncols ? ',' : '\n', f);
        }
    }
}

static void print_json(FILE *f, const table *t)
{
    size_t r;
    int j;
    fputs("[", f);
    for (r = 0; r < t->nrows; r++) {
        fputs(r ? ",\n {" : "\n {", f);
        for (j = 0; j < t->ncols; j++) {
            const cell *c = &t->cells[r * (size_t)t->ncols + (size_t)j];
            if (j)
                fputs(", ", f);
            json_string(f, t->cols[j].name);
            fputs(": ", f);
            if (c->missing)
                fputs("null", f);
            else if (c->is_num)
                num_plain(f, c->num, 1);
            else if (t->cols[j].kind == COL_LIST) {
                const char *p = c->text, *e;
                fputc('[', f);
                while (*p) {
                    char item[512];
                    size_t l;
                    e = strchr(p, '\x1f');
                    l = e ? (size_t)(e - p) : strlen(p);
                    if (l >= sizeof item)
                        l = sizeof item - 1;
                    memcpy(item, p, l);
                    item[l] = '\0';
                    if (p != c->text)
                        fputs(", ", f);
                    json_string(f, item);
                    p += l;
                    if (*p)
                        p++;
                }
                fputc(']', f);
            } else
                json_string(f, c->text);
        }
        fputs("}", f);
    }
    fputs(t->nrows ? "\n]\n" : "]\n", f);
}

void table_print(cli *c, table *t)
{
    switch (c->format) {
    case OUT_TEXT:
        print_text(c->out, t);
        break;
    case OUT_CSV:
        print_csv(c->out, t);
        break;
    case OUT_JSON:
        print_json(c->out, t);
        break;
    }
}
