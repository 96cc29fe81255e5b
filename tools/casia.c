/*
 * casia.c - the `casia` command-line tool: the main program, global options
 * and the list of subcommands.
 *
 *   casia [--data FILE] [--format text|csv|json] COMMAND [ARGS]
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const command commands[] = {
#define CASIA_COMMAND_(name, fn, summary, usage) {name, summary, usage, fn},
    CASIA_COMMANDS(CASIA_COMMAND_)
#undef CASIA_COMMAND_
    {NULL, NULL, NULL, NULL}
};

static void print_help(FILE *f)
{
    const command *c;
    fprintf(f,
            "usage: casia [--data FILE] [--format text|csv|json] COMMAND [ARGS]\n"
            "\n"
            "How dependent are Kazakhstan, Uzbekistan, Kyrgyzstan, Tajikistan and\n"
            "Turkmenistan on Russia and on China? casia answers from cited data: the\n"
            "dataset built into libcasia, or your own file (--data).\n"
            "\n"
            "Commands:\n");
    for (c = commands; c->name; c++)
        fprintf(f, "  %-13s %s\n", c->name, c->summary);
    fprintf(f,
            "\n"
            "Global options:\n"
            "  --data FILE      use FILE instead of the built-in dataset: libcasia's\n"
            "                   JSON or tidy CSV, or a UN Comtrade, SIPRI or World\n"
            "                   Bank WDI download (recognised by its content)\n"
            "  --format FORMAT  text (aligned tables, shares as percentages), csv or\n"
            "                   json (shares as fractions; index results carry value,\n"
            "                   unit, basis, flags and sources)\n"
            "  -h, --help       this help; `casia COMMAND --help` for a command\n"
            "  --version        the version of casia and libcasia\n"
            "\n"
            "Countries can be given in any form: KZ, KAZ, 398, Kazakhstan.\n"
            "Exit status: 0 success, 1 no data for the query, 2 usage error,\n"
            "3 input error. See casia(1).\n");
}

static const command *find_command(const char *name)
{
    const command *c;
    for (c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* A command's help: its usage, and the index options where it takes them. */
static void print_usage(FILE *f, const command *cmd)
{
    fprintf(f, "usage: %s\n", cmd->usage);
    if (strstr(cmd->usage, "[index options]"))
        fputs("\n"
              "Index options (which figures feed the result; see casia(1)):\n"
              "  --basis BASIS      only figures of one basis: reporter,\n"
              "                     partner_mirror, national_stats or other (default:\n"
              "                     the country's own first, then the mirror)\n"
              "  --mirror MODE      auto (default), never or force: whether partners'\n"
              "                     figures may stand in for the country's\n"
              "  --total MODE       auto (default), world or partners: the\n"
              "                     denominator of a share\n"
              "  --source ID        only figures of that source\n"
              "  --min-partners N   a sum over fewer partners is not a total\n"
              "                     (default 10)\n", f);
}

int cmd_help(cli *c, int argc, char **argv)
{
    if (argc > 1) {
        const command *cmd = find_command(argv[1]);
        if (!cmd)
            return cli_fail(c, EXIT_USAGE, "no command named '%s'", argv[1]);
        print_usage(c->out, cmd);
        return EXIT_OK;
    }
    print_help(c->out);
    return EXIT_OK;
}

int cmd_version(cli *c, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(c->out, "casia %s (libcasia %s, default data sha256 %s)\n",
            PACKAGE_VERSION, casia_version(), casia_default_sha256());
    return EXIT_OK;
}

static int parse_format(cli *c, const char *s)
{
    if (strcmp(s, "text") == 0)
        c->format = OUT_TEXT;
    else if (strcmp(s, "csv") == 0)
        c->format = OUT_CSV;
    else if (strcmp(s, "json") == 0)
        c->format = OUT_JSON;
    else
        return cli_fail(c, EXIT_USAGE,
                        "unknown format '%s' (text, csv or json)", s);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    cli c;
    const command *cmd;
    int i, rc, sub_argc = 0;
    char **sub_argv;

    setlocale(LC_ALL, "");
    /* numbers in and out are always written with a '.': a Russian or
     * German locale must not turn CSV values into "0,5" nor reject
     * --weights trade=1.5 */
    setlocale(LC_NUMERIC, "C");
    memset(&c, 0, sizeof c);
    c.prog = "casia";
    c.out = stdout;
    c.format = OUT_TEXT;

    /* Global options may come before or after the command name; the
     * command's own arguments are collected in order. */
    sub_argv = calloc((size_t)argc + 1, sizeof *sub_argv);
    if (!sub_argv)
        return EXIT_INPUT;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--data") == 0 || strcmp(a, "--format") == 0) {
            if (i + 1 >= argc) {
                free(sub_argv);
                return cli_fail(&c, EXIT_USAGE, "%s needs a value", a);
            }
            if (a[2] == 'd')
                c.data_path = argv[++i];
            else if ((rc = parse_format(&c, argv[++i])) != EXIT_OK) {
                free(sub_argv);
                return rc;
            }
        } else if (strncmp(a, "--data=", 7) == 0) {
            c.data_path = a + 7;
        } else if (strncmp(a, "--format=", 9) == 0) {
            if ((rc = parse_format(&c, a + 9)) != EXIT_OK) {
                free(sub_argv);
                return rc;
            }
        } else if (strcmp(a, "--version") == 0 && sub_argc == 0) {
            free(sub_argv);
            return cmd_version(&c, 0, NULL);
        } else if ((strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) &&
                   sub_argc == 0) {
            free(sub_argv);
            print_help(stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--") == 0 && sub_argc > 0) {
            while (i < argc)
                sub_argv[sub_argc++] = argv[i++];
        } else {
            sub_argv[sub_argc++] = argv[i];
        }
    }
    if (sub_argc == 0) {
        print_help(stderr);
        free(sub_argv);
        return EXIT_USAGE;
    }
    if (sub_argv[0][0] == '-') {
        rc = cli_fail(&c, EXIT_USAGE, "unknown option %s (see casia --help)",
                      sub_argv[0]);
        free(sub_argv);
        return rc;
    }
    cmd = find_command(sub_argv[0]);
    if (!cmd) {
        rc = cli_fail(&c, EXIT_USAGE, "no command named '%s' (see casia --help)",
                      sub_argv[0]);
        free(sub_argv);
        return rc;
    }
    for (i = 1; i < sub_argc; i++) {
        if (strcmp(sub_argv[i], "--help") == 0 || strcmp(sub_argv[i], "-h") == 0) {
            print_usage(stdout, cmd);
            free(sub_argv);
            return EXIT_OK;
        }
        if (strcmp(sub_argv[i], "--") == 0)
            break;
    }
    c.cmd = cmd;
    rc = cmd->run(&c, sub_argc, sub_argv);
    free(sub_argv);
    casia_dataset_free(c.ds);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_fail(&c, EXIT_INPUT, "cannot write the output");
    return rc;
}
