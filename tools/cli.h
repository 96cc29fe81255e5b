/*
 * cli.h - shared parts of the `casia` command-line tool: options, output
 * tables in text, CSV and JSON, exit codes.
 */
#ifndef CASIA_CLI_H
#define CASIA_CLI_H

#include <casia.h>
#include <stdio.h>

/* Exit codes (documented in casia(1)). */
enum {
    EXIT_OK = 0,        /* success */
    EXIT_NODATA = 1,    /* the query has no answer in the dataset */
    EXIT_USAGE = 2,     /* bad arguments */
    EXIT_INPUT = 3      /* an input file cannot be read or is invalid */
};

typedef enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON } out_format;

struct command;

/* What every subcommand receives. */
typedef struct cli {
    const struct command *cmd;  /* the subcommand running */
    const char *prog;       /* "casia" */
    const char *data_path;  /* --data FILE, or NULL for the default dataset */
    out_format format;      /* --format */
    FILE *out;              /* standard output */
    casia_dataset *ds;      /* loaded on demand by cli_dataset() */
    const char *source;     /* --source of an index command, for messages */
} cli;

/* A subcommand: its name, a one-line summary, its usage text (printed by
 * --help) and its function (argv[0] is the subcommand name). */
typedef struct command {
    const char *name;
    const char *summary;
    const char *usage;
    int (*run)(cli *c, int argc, char **argv);
} command;

/* Loads the dataset of --data, or the embedded default; prints the error
 * (file:line:column) and returns NULL on failure. */
casia_dataset *cli_dataset(cli *c);

/* Error messages on stderr, prefixed with the program name; return code. */
int cli_fail(cli *c, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int cli_fail_error(cli *c, int code, const casia_error *err);
/* Prints "usage: ..." for the command and returns EXIT_USAGE. */
int cli_usage(cli *c, const command *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Maps a library status to the exit code: ENOTFOUND/EDOMAIN -> 1,
 * EINVAL -> 2, input errors -> 3. */
int cli_exit_code(int status);

/*
 * Option parsing for subcommands: a small getopt_long-like walker that
 * lets options and operands mix. Returns the option's short letter (or
 * the value of `key` for long-only options), 0 at the end, '?' on error
 * (message printed). Non-option arguments are collected into operands.
 */
typedef struct cli_option {
    const char *long_name;   /* without "--" */
    int key;                 /* returned when seen */
    int has_arg;
} cli_option;

typedef struct cli_args {
    int argc, i;
    char **argv;
    const char *arg;          /* the current option's argument */
    char *operands[64];
    int n_operands;
} cli_args;

void cli_args_init(cli_args *a, int argc, char **argv);
int cli_args_next(cli *c, const command *cmd, cli_args *a,
                  const cli_option *opts);

/* Parses an integer year (1900..2100) or "FROM-TO" into a range. */
int cli_parse_year(const char *s, int *year);
int cli_parse_range(const char *s, int *from, int *to);
/* Resolves a country (any registry form) or prints why not. */
int cli_country(cli *c, const char *text, const char **code);

/* ------------------------------------------------------------------ */
/* Tables: one model, three renderings.                                 */

typedef enum col_kind {
    COL_TEXT,       /* a string */
    COL_INT,        /* an integer (years, counts) */
    COL_NUMBER,     /* a number as is (%.17g in CSV/JSON, %g-ish in text) */
    COL_MONEY,      /* USD: text with thousands separators */
    COL_SHARE,      /* a fraction: text as a percentage with one decimal */
    COL_RATIO,      /* a plain ratio with 3 decimals in text */
    COL_PCT,        /* a value already in percent: "47.3%" in text */
    COL_PP,         /* percentage points, signed: "+4.3 pp" in text */
    COL_LIST        /* a list of strings: "a; b" in text and CSV, an
                       array in JSON (give items to table_list) */
} col_kind;

typedef struct table table;

table *table_new(const char *title);
void table_free(table *t);
void table_column(table *t, const char *name, col_kind kind);
/* Starts a row; then one table_* call per column, in order. */
void table_row(table *t);
void table_text(table *t, const char *s);      /* NULL: empty */
void table_int(table *t, long v);
void table_number(table *t, double v);         /* NaN: empty */
/* A number shown in text as kind (not the column's): a fraction in a
 * column of mixed units, say. CSV and JSON are the same. */
void table_number_as(table *t, double v, col_kind kind);
void table_missing(table *t);                  /* an empty cell */
void table_list(table *t, const char *const *items, size_t n);
/* A note printed under the table in text mode (sources, caveats). */
void table_note(table *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Renders in c->format: aligned text with the title and notes, CSV with
 * a header line, or JSON as an array of row objects keyed by column. */
void table_print(cli *c, table *t);
size_t table_rows(const table *t);

/* ------------------------------------------------------------------ */
/* Index options and results (cmd_index.c)                              */

/* Parses the options every index command shares (--basis, --mirror,
 * --source, --total, --min-partners) into opt. Returns 1 when key was one
 * of them (consumed), 0 when not, EXIT_USAGE (negated) on a bad value. */
int index_option(cli *c, int key, const char *arg, casia_options *opt);
/* The cli_option entries for those options, to append to a list. */
#define INDEX_OPTIONS                                                        \
    {"basis", 'B', 1}, {"mirror", 'M', 1}, {"source", 'S', 1},             \
    {"total", 'W', 1}, {"min-partners", 'N', 1}

/* The option loop every index command starts with: the index options
 * plus the command's own, handled by own(c, key, arg, state), which
 * returns 1 when it used the key, 0 when not, or a negated exit status.
 * Returns EXIT_OK or the exit status of a usage error. */
typedef int (*own_option)(cli *c, int key, const char *arg, void *state);
int index_args(cli *c, cli_args *a, int argc, char **argv,
               const cli_option *opts, casia_options *opt, own_option own,
               void *state);

/* The flags of a result as words (casia_result_flag_name): "mirror total_world". */
void result_flags(char *buf, size_t size, unsigned flags);
/* Adds the columns value, unit, basis, flags, sources (value rendered as
 * kind) and fills them from r. */
void result_columns(table *t, col_kind kind);
void result_cells(table *t, const casia_result *r);
/* The exit status for an index status, printing why when it failed. */
int index_fail(cli *c, int status, const char *what);

/* 1234567.8 -> "1,234,568" */
void fmt_money(char *buf, size_t size, double v);

/* CSV field quoting (RFC 4180). */
void csv_field(FILE *f, const char *s);
/* A JSON string literal. */
void json_string(FILE *f, const char *s);
/* A number as JSON/CSV (shortest round-trip form; null/empty for NaN). */
void num_plain(FILE *f, double v, int json);

#endif
