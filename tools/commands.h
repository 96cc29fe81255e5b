/*
 * commands.h - the subcommands of `casia`, in the order `casia --help`
 * lists them: X(name, function, summary, usage).
 */
#ifndef CASIA_COMMANDS_H
#define CASIA_COMMANDS_H

#include "cli.h"

#define CASIA_COMMANDS(X)                                                     \
    X("observations", cmd_observations,                                      \
      "list the observations matching a query",                              \
      "casia observations [--indicator ID] [--reporter C] [--partner C]\n"   \
      "                   [--from YEAR] [--to YEAR] [--basis BASIS] [--source ID]\n" \
      "\n"                                                                   \
      "Lists the cited observations that match, one per row: indicator,\n"   \
      "reporter, partner, year, value, unit, basis (reporter, partner_mirror,\n" \
      "national_stats, other), source and note. Every option narrows the\n"  \
      "selection; countries in any form (KZ, KAZ, 398, Kazakhstan).\n"       \
      "Exit status 1 when nothing matches.")                                 \
    X("sources", cmd_sources,                                                \
      "list the sources of the dataset",                                     \
      "casia sources [ID...]\n"                                              \
      "\n"                                                                   \
      "Lists every source (or the ones named): id, publisher, title, address\n" \
      "and what it gives. Exit status 1 when a named source is not found.")  \
    X("coverage", cmd_coverage,                                              \
      "what the dataset holds: indicator, country, years, basis",            \
      "casia coverage [--indicator ID] [--country C]\n"                      \
      "\n"                                                                   \
      "For each indicator, basis and reporting country: the partners, the\n" \
      "years with values (runs written 2015-2020) and the number of values.") \
    X("country", cmd_country,                                                \
      "resolve country names and codes",                                     \
      "casia country TEXT...\n"                                              \
      "\n"                                                                   \
      "Prints the canonical code, name and kind of each TEXT (any code, name\n" \
      "or alias the registry knows). Ambiguous or unknown texts are errors\n" \
      "(exit status 2): casia never guesses.")                               \
    X("validate", cmd_validate,                                              \
      "check dataset files; report every error as file:line:column",         \
      "casia validate FILE...\n"                                             \
      "\n"                                                                   \
      "Loads each FILE as casia would with --data and reports either what it\n" \
      "holds or where and why it is invalid. Exit status 0 when all are\n"   \
      "valid, 3 otherwise.")                                                 \
    X("export", cmd_export,                                                  \
      "write the whole dataset as JSON or CSV",                              \
      "casia export [--format json|csv] [-o FILE]\n"                         \
      "\n"                                                                   \
      "Writes the dataset (the built-in one, or --data) in libcasia's JSON\n" \
      "format (the default; see docs/format.md) or as CSV with one\n"       \
      "observation per row, to FILE or standard output.")                   \
    X("chart", cmd_chart,                                                    \
      "draw China vs Russia in a country's trade to SVG or PNG",             \
      "casia chart COUNTRY -o FILE.svg|FILE.png [--flow import|export|turnover]\n" \
      "                   [--partners CHN,RUS] [--basis BASIS] [--from YEAR]\n" \
      "                   [--to YEAR] [--size WIDTHxHEIGHT]\n"              \
      "\n"                                                                   \
      "Draws the partners' trade with COUNTRY year by year in billion US\n"  \
      "dollars: one line per partner and basis (solid: the country's own\n"  \
      "figures; dashed: the partner's mirror figures; dotted: national\n"    \
      "statistics), so sources that disagree are seen, not averaged. The\n"  \
      "file type follows the name. Needs libcasia built with cairo.")        \
    X("version", cmd_version, "print the version",                           \
      "casia version")                                                       \
    X("help", cmd_help, "help on a command",                                 \
      "casia help [COMMAND]")

#define CASIA_COMMAND_DECL_(name, fn, summary, usage) \
    int fn(cli *c, int argc, char **argv);
CASIA_COMMANDS(CASIA_COMMAND_DECL_)
#undef CASIA_COMMAND_DECL_

#endif
