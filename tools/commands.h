/*
 * commands.h - the subcommands of `casia`, in the order `casia --help`
 * lists them: X(name, function, summary, usage).
 */
#ifndef CASIA_COMMANDS_H
#define CASIA_COMMANDS_H

#include "cli.h"

#define CASIA_COMMANDS(X)                                                     \
    X("report", cmd_report,                                                  \
      "the whole picture: each state's dependence on China and Russia",      \
      "casia report [--country C]... [--from YEAR] [--to YEAR]\n"           \
      "                    [index options]\n"                               \
      "\n"                                                                   \
      "For each of the five Central Asian states (or the ones named): China's\n" \
      "and Russia's share of its trade (turnover, imports, exports) with\n"  \
      "the US dollars behind it, which of the two leads, the concentration\n" \
      "of its partners (HHI), each one's\n"                                 \
      "share of its arms imports over the latest 5-year window, its\n"       \
      "remittances as a share of GDP, its institutional ties, the composite\n" \
      "dependence on each with its weight sensitivity, and the change from\n" \
      "2019-2021 to 2022-2023. Each figure is for the latest year from\n"   \
      "--from (default 1990) to --to (default: the dataset's latest) in\n"  \
      "which both partners have one, with its basis; the change is shown\n" \
      "when both periods are within those years. The sources are listed\n" \
      "at the end. China and Russia themselves are not reported on.")      \
    X("share", cmd_share,                                                    \
      "a partner's share of a country's trade in a year",                    \
      "casia share REPORTER PARTNER YEAR [--flow import|export|turnover]\n"  \
      "                   [index options]\n"                                \
      "\n"                                                                   \
      "PARTNER's share of REPORTER's imports, exports or turnover (the\n"    \
      "default) in YEAR, with the basis and sources that fed it. The total\n" \
      "is REPORTER's world row where present, else the sum over a partner\n" \
      "table; a REPORTER without figures of its own is read from the\n"      \
      "partners' (mirror), unless --mirror never. Where the import and\n"   \
      "export rows cannot answer: a published turnover over the world\n"   \
      "total (flag published_turnover), then a published share (flag\n"    \
      "published_share). See docs/indices.md.")                             \
    X("gap", cmd_gap,                                                        \
      "the statistical discrepancy between a pair's two customs",            \
      "casia gap REPORTER PARTNER YEAR [--flow import|export|turnover]\n"    \
      "                 [index options]\n"                                  \
      "\n"                                                                   \
      "Where REPORTER's own figure and PARTNER's mirror figure both exist:\n" \
      "(mirror - reported) / reported. Kazakhstan's and China's customs\n"   \
      "differ by billions; this shows by how much.")                        \
    X("top", cmd_top,                                                        \
      "a country's trade partners, ranked",                                  \
      "casia top REPORTER YEAR [--flow import|export|turnover] [-n N]\n"     \
      "                 [index options]\n"                                  \
      "\n"                                                                   \
      "REPORTER's partners in YEAR, largest first (ties by code), with each\n" \
      "one's value in US dollars, share, basis and source. Aggregates (the\n" \
      "world, the EU) are never ranked.")                                    \
    X("hhi", cmd_hhi,                                                        \
      "concentration of a country's trade partners (Herfindahl-Hirschman)",  \
      "casia hhi REPORTER YEAR [--flow import|export|turnover]\n"            \
      "                 [index options]\n"                                  \
      "\n"                                                                   \
      "Sum of the squared partner shares (0..1), with its bounds when the\n" \
      "listed partners cover only part of the total.")                       \
    X("arms", cmd_arms,                                                      \
      "a supplier's share of a country's arms imports over a window",        \
      "casia arms RECIPIENT [SUPPLIER] FROM-TO [index options]\n"            \
      "\n"                                                                   \
      "SUPPLIER's share of RECIPIENT's arms imports over the years FROM-TO\n" \
      "(SIPRI trend-indicator values); without SUPPLIER, every supplier\n"   \
      "ranked. One SIPRI vintage serves the whole window.")                  \
    X("remit", cmd_remit,                                                    \
      "remittances as a share of GDP, or the share sent from a partner",     \
      "casia remit COUNTRY YEAR [--partner P] [--prefer-reported]\n"         \
      "                   [index options]\n"                                \
      "\n"                                                                   \
      "Remittances received by COUNTRY in YEAR as a percentage of its GDP,\n" \
      "computed from US dollar figures (or the published ratio, which\n"     \
      "--prefer-reported puts first); the other figure is shown when both\n" \
      "exist, and a disagreement beyond rounding is flagged. With\n"        \
      "--partner: the share of the remittances sent from there.")           \
    X("energy", cmd_energy,                                                  \
      "a supplier's share of a country's gas imports",                       \
      "casia energy IMPORTER SUPPLIER YEAR [index options]\n"                \
      "\n"                                                                   \
      "SUPPLIER's share of IMPORTER's natural gas imports in YEAR (bcm).\n"  \
      "Where the dataset has no figures of all gas imports, the share of\n" \
      "pipeline gas imports (flag pipeline): in bcm, in US dollars, or as\n" \
      "published. The exporter's figures stand in as the mirror. Example:\n" \
      "casia energy CHN TKM 2024, Turkmenistan's share of China's\n"         \
      "pipeline gas.")                                                       \
    X("ties", cmd_ties,                                                      \
      "memberships of organisations, by name, with their leaders",           \
      "casia ties COUNTRY [YEAR]\n"                                          \
      "\n"                                                                   \
      "Every organisation COUNTRY belongs to (in YEAR, when given): its\n"   \
      "name, the state that leads it (CSTO, EAEU: Russia; SCO, C+C5:\n"      \
      "China; the CIS is not counted as led by one state), the years of\n"  \
      "membership and the source. With YEAR, the number led by China and\n" \
      "by Russia, as the memberships index counts them.")                   \
    X("votes", cmd_votes,                                                    \
      "a country's UN votes, with China's and Russia's",                     \
      "casia votes COUNTRY [--against CHN|RUS]\n"                            \
      "\n"                                                                   \
      "COUNTRY's votes in the UN General Assembly resolutions of the\n"     \
      "dataset, each with its date and title, China's and Russia's votes\n" \
      "(or only the --against country's) and the agreement: 1 the same\n"   \
      "vote, 0.5 when one abstains, 0 opposite.")                            \
    X("events", cmd_events,                                                  \
      "the ledger of security and political events of a country",            \
      "casia events COUNTRY [--with PARTNER] [--type T[,T...]]\n"            \
      "                    [--from YEAR] [--to YEAR]\n"                     \
      "\n"                                                                   \
      "Bases, defence agreements, exercises, deployments, leaders' visits\n" \
      "and summits between COUNTRY and its partners, by date, each with its\n" \
      "source. --with: a country (also matching the organisations it\n"     \
      "leads, such as the CSTO for Russia) or an organisation (CSTO, SCO,\n" \
      "CIS, EAEU, C+C5, CA+RUS); --type: base, defence_agreement,\n"        \
      "exercise, deployment, visit, summit.")                               \
    X("compare", cmd_compare,                                                \
      "an index before and after 2022, China against Russia",               \
      "casia compare INDEX REPORTER [PARTNER [OTHER]] [--periods P1,P2]\n"   \
      "                     [index options]\n"                              \
      "\n"                                                                   \
      "The mean of INDEX over 2019-2021 and 2022-2023 (or --periods\n"       \
      "FROM-TO,FROM-TO) for PARTNER and OTHER (Russia when PARTNER is China\n" \
      "and the reverse), the change in percentage points and the gap\n"     \
      "between them in each period. INDEX: import_share, export_share,\n"   \
      "turnover_share, import_hhi, ..., arms_share, remittance_gdp,\n"      \
      "remittance_share, energy_share, memberships, institutional_share,\n" \
      "un_agreement (see casia table). The measures of the country alone\n" \
      "(remittance_gdp and the HHIs) take no PARTNER.")                     \
    X("composite", cmd_composite,                                            \
      "composite dependence on China and Russia, with its sensitivity",      \
      "casia composite REPORTER YEAR [--weights trade=1,arms=1,...]\n"       \
      "                       [--draws N] [--seed S] [index options]\n"     \
      "\n"                                                                   \
      "The weighted mean of the dimensions with data (trade, arms,\n"        \
      "remittance, energy, institutions, un_votes; equal weights unless\n"  \
      "given, renormalised over what is available) for China and for\n"    \
      "Russia, each dimension listed; then the share of N weightings drawn\n" \
      "from Dirichlet(1,...,1) by a seeded generator (default 10000, seed\n" \
      "20240229) in which China's composite exceeds Russia's.")              \
    X("claims", cmd_claims,                                                  \
      "the analysis's findings, checked against the data",                   \
      "casia claims [FILE] [--id ID] [--views] [--format text|csv|json]\n"   \
      "\n"                                                                   \
      "Checks each claim of FILE (a claims file, \"format\":\n"              \
      "\"casia-claims/1\", docs/claims.md; default: the built-in claims of\n" \
      "the source analysis) against the dataset: under the default rules,\n" \
      "then each basis (reporter, national_stats, other, partner_mirror),\n" \
      "then each source with observations for it. The verdict: supported,\n" \
      "contradicted, depends_on_source (the views naming which way each\n"  \
      "goes) or not_testable (with the data missing), with the number that\n" \
      "decides, what it is weighed against, the margin, and the sources.\n" \
      "--views: one row per basis and source. Exit status 0 whatever the\n" \
      "verdicts; 3 for a bad claims file (file:line:column).")              \
    X("table", cmd_table,                                                    \
      "every index for every country, partner and year, as CSV or JSON",     \
      "casia table [-o FILE] [index options]\n"                              \
      "\n"                                                                   \
      "Computes every annual index for all reporters, partners and years of\n" \
      "the dataset in one pass and writes one row each: reporter, partner,\n" \
      "year, index, value, unit, basis, flags. CSV unless --format json.")   \
    X("observations", cmd_observations,                                      \
      "list the observations matching a query",                              \
      "casia observations [--indicator ID] [--reporter C] [--partner C]\n"   \
      "                          [--from YEAR] [--to YEAR] [--basis BASIS]\n" \
      "                          [--source ID]\n"                            \
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
      "Loads each FILE as casia would with --data (libcasia's JSON or tidy\n" \
      "CSV, or a provider's download) and reports either what it holds or\n" \
      "where and why it is invalid: every bad row, each as\n"                \
      "file:line:column: reason. Exit status 0 when all are valid, 3\n"    \
      "otherwise.")                                                          \
    X("import", cmd_import,                                                  \
      "turn providers' downloads into a libcasia dataset",                   \
      "casia import [--from FORMAT] FILE... -o OUT.json|OUT.csv [--lenient]\n" \
      "                    [--sum-months] [--flows import,export,...] [--chapters LIST]\n" \
      "                    [--source-id ID]\n"                                      \
      "\n"                                                                   \
      "Reads UN Comtrade (Plus or legacy layout), SIPRI (TIV tables, trade\n" \
      "register) and World Bank WDI downloads as the providers ship them, and\n" \
      "libcasia's own JSON and tidy CSV; FORMAT (comtrade, comtrade-plus,\n" \
      "comtrade-legacy, sipri-tiv, sipri-register, wdi, json, csv) is\n"    \
      "detected when not given, and a file of another layout is named as\n"  \
      "such. Several files are merged, bases and sources kept apart; a key\n" \
      "given two values is a conflict. A bad row stops the import with its\n" \
      "file:line:column (--lenient: skipped and counted). Monthly Comtrade\n" \
      "files are summed into years only with --sum-months; --chapters 27,93\n" \
      "(or all) sums HS chapters for files without TOTAL rows.")             \
    X("stream", cmd_stream,                                                  \
      "trade aggregates of Comtrade files too large to load",                \
      "casia stream FILE... [--lenient] [--chapters LIST]\n"                 \
      "\n"                                                                   \
      "Reads UN Comtrade files (Plus or legacy, parts of one file in any\n"  \
      "order) in one pass without loading them, and prints for each\n"      \
      "reporter and year: turnover (imports + exports over partners, the\n"  \
      "World row left out, months summed), the HHI of the partner shares,\n" \
      "the top partner and its share. Memory stays small whatever the size.") \
    X("export", cmd_export,                                                  \
      "write the whole dataset as JSON or CSV",                              \
      "casia export [--format json|csv] [-o FILE]\n"                         \
      "\n"                                                                   \
      "Writes the dataset (the built-in one, or --data) in libcasia's JSON\n" \
      "format (the default; see docs/format.md) or in its tidy CSV, one\n"   \
      "observation per row, to FILE or standard output. The CSV holds\n"     \
      "observations only: memberships, UN votes and the sources' titles\n"   \
      "are left out (a note on standard error says so); JSON keeps all.")     \
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
      "flow is imports unless --flow says otherwise; the file type follows\n" \
      "the name. Needs libcasia built with cairo.")                          \
    X("version", cmd_version, "print the version",                           \
      "casia version")                                                       \
    X("help", cmd_help, "help on a command",                                 \
      "casia help [COMMAND]")

#define CASIA_COMMAND_DECL_(name, fn, summary, usage) \
    int fn(cli *c, int argc, char **argv);
CASIA_COMMANDS(CASIA_COMMAND_DECL_)
#undef CASIA_COMMAND_DECL_

#endif
