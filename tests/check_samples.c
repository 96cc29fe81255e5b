/*
 * check_samples.c - every real provider file in the shared sample
 * directory (CASIA_SHARED_DATADIR/formats, see its PROVENANCE.md) imports
 * in one call, with values checked against the file by hand.
 *
 * Each expected value names the line of the file it was read from; the
 * counts were computed independently of libcasia, with Python's csv
 * module over the same files (e.g. for a SIPRI TIV table: the non-empty
 * cells under a year header, the "Total" row included).
 *
 * The program skips (exit 77) when the samples are not there, as in
 * `make distcheck`.
 */
#include "testutil.h"

#include <math.h>
#include <unistd.h>

static const char *dir;

static const char *sample(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/formats/%s", dir, name);
    return buf;
}

static casia_dataset *import_ok(const char *name, const casia_import_options *opt,
                                casia_import_report *rep)
{
    casia_dataset *ds = NULL;
    casia_error err;
    char msg[1024];
    int rc = casia_import_file(&ds, sample(name), CASIA_FORMAT_AUTO, opt, rep, &err);
    if (rc != CASIA_OK)
        casia_error_format(&err, msg, sizeof msg);
    ck_assert_msg(rc == CASIA_OK, "%s: %s", name, rc ? msg : "");
    return ds;
}

static double value(const casia_dataset *ds, const char *ind, const char *rep,
                    const char *par, int year)
{
    double v = -1;
    int rc = casia_dataset_value(&v, ds, ind, rep, par, year);
    ck_assert_msg(rc == CASIA_OK, "%s %s-%s %d: %s", ind, rep, par, year,
                  casia_status_name(rc));
    return v;
}

static void absent(const casia_dataset *ds, const char *ind, const char *rep,
                   const char *par, int year)
{
    double v;
    ck_assert_int_eq(casia_dataset_value(&v, ds, ind, rep, par, year),
                     CASIA_ENOTFOUND);
}

static casia_source source0(const casia_dataset *ds)
{
    casia_source s;
    ck_assert_uint_eq(casia_dataset_source_count(ds), 1);
    ck_assert_int_eq(casia_dataset_source(&s, ds, 0), CASIA_OK);
    return s;
}

START_TEST(test_comtrade_plus)
{
    casia_import_report rep;
    casia_dataset *ds = import_ok("un_comtrade/comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv",
                                  NULL, &rep);
    casia_observation o;
    casia_query q = CASIA_QUERY_INIT;
    ck_assert_int_eq(rep.format, CASIA_FORMAT_COMTRADE_PLUS);
    /* 1,352 data rows, each one key: one observation each */
    ck_assert_uint_eq(rep.rows, 1352);
    ck_assert_uint_eq(rep.kept, 1352);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 1352);
    /* line 2: CHN imports from the World ("W00"), 2715997517261 */
    ck_assert(value(ds, "trade.import", "CHN", "WLD", 2022) == 2715997517261.0);
    /* line 896: DEU exports to "X1 " (Bunkers, with its trailing space) */
    ck_assert(value(ds, "trade.export", "DEU", "_B", 2022) == 5342259710.708);
    /* lines 98 and 317: China's trade with Kazakhstan */
    ck_assert(value(ds, "trade.import", "CHN", "KAZ", 2022) == 14819246516.0);
    ck_assert(value(ds, "trade.export", "CHN", "KAZ", 2022) == 16355236459.0);
    /* line 667: three decimals; line 384; line 1006 (Latin-1 "C\xf4te d'Ivoire") */
    ck_assert(value(ds, "trade.import", "DEU", "UZB", 2022) == 94223628.054);
    ck_assert(value(ds, "trade.export", "CHN", "RUS", 2022) == 76122649188.0);
    ck_assert(value(ds, "trade.import", "USA", "CIV", 2022) == 1113433482.0);
    /* reporter basis, the source recorded */
    q.indicator = "trade.import";
    q.reporter = "CHN";
    q.partner = "KAZ";
    q.year_from = 2022;
    ck_assert_int_eq(casia_dataset_get(&o, ds, &q), CASIA_OK);
    ck_assert_int_eq(o.basis, CASIA_BASIS_REPORTER);
    ck_assert_str_eq(o.source, "comtradeplus_TradeData_2022_CHN-DEU-USA_total");
    ck_assert_str_eq(rep.source_id, o.source);
    ck_assert_str_eq(source0(ds).publisher, "United Nations Statistics Division");
    ck_assert_ptr_nonnull(strstr(source0(ds).description, "comtradeplus_TradeData"));
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_comtrade_legacy)
{
    casia_import_options opt;
    casia_import_report rep;
    casia_dataset *ds;
    /* h3_china_india.csv: India's trade with China in 2010, every HS
     * level; the TOTAL rows (lines 2 and 3 of the TOTAL subset) give
     * imports 41249115786 and exports 17439991278 */
    ds = import_ok("un_comtrade/h3_china_india.csv", NULL, &rep);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_COMTRADE_LEGACY);
    ck_assert_uint_eq(rep.rows, 8739);
    ck_assert_uint_eq(rep.kept, 2);
    ck_assert(value(ds, "trade.import", "IND", "CHN", 2010) == 41249115786.0);
    ck_assert(value(ds, "trade.export", "IND", "CHN", 2010) == 17439991278.0);
    casia_dataset_free(ds);

    /* the 96 HS chapters of each flow summed (Python: 41249115782 and
     * 17439991281, four and three dollars off the TOTAL rows) */
    casia_import_options_init(&opt);
    opt.commodity = CASIA_COMMODITY_SUM_CHAPTERS;
    ds = import_ok("un_comtrade/h3_china_india.csv", &opt, &rep);
    ck_assert_uint_eq(rep.kept, 192);
    ck_assert(value(ds, "trade.import", "IND", "CHN", 2010) == 41249115782.0);
    ck_assert(value(ds, "trade.export", "IND", "CHN", 2010) == 17439991281.0);
    casia_dataset_free(ds);

    /* one chapter as its own indicator: 27 (mineral fuels) */
    opt.commodity = CASIA_COMMODITY_CHAPTERS;
    opt.chapters = "27";
    ds = import_ok("un_comtrade/h3_china_india.csv", &opt, &rep);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 2);
    ck_assert(value(ds, "trade.import.hs27", "IND", "CHN", 2010) == 637557813.0);
    ck_assert(value(ds, "trade.export.hs27", "IND", "CHN", 2010) == 372090748.0);
    casia_dataset_free(ds);

    /* the legacy API layout ("TradeFlow Code", "TradeValueUS"), chapter 01
     * only: lines 2-4 Australia imports, exports, re-imports; line 47
     * "China, Hong Kong SAR" (a quoted comma) re-exports (code 3) */
    opt.chapters = NULL;
    ds = import_ok("un_comtrade/legacy_api_live_animals_2016.csv", &opt, &rep);
    ck_assert_uint_eq(rep.kept, 127);
    ck_assert(value(ds, "trade.import.hs01", "AUS", "WLD", 2016) == 91128858.0);
    ck_assert(value(ds, "trade.export.hs01", "AUS", "WLD", 2016) == 1398835890.0);
    ck_assert(value(ds, "trade.reimport.hs01", "AUS", "WLD", 2016) == 4934172.0);
    ck_assert(value(ds, "trade.reexport.hs01", "HKG", "WLD", 2016) == 1188902.0);
    casia_dataset_free(ds);

    /* only some flows */
    opt.flows = CASIA_FLOW_REEXPORT;
    ds = import_ok("un_comtrade/legacy_api_live_animals_2016.csv", &opt, &rep);
    absent(ds, "trade.import.hs01", "AUS", "WLD", 2016);
    ck_assert(value(ds, "trade.reexport.hs01", "HKG", "WLD", 2016) == 1188902.0);
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_sipri_tiv)
{
    static const struct {
        const char *file, *code;
        unsigned long long cells;
    } tables[] = {
        {"TIV-Import-KAZ-1950-2021.csv", "KAZ", 104},
        {"TIV-Import-KYR-1950-2021.csv", "KGZ", 19},
        {"TIV-Import-TAJ-1950-2021.csv", "TJK", 19},
        {"TIV-Import-TRK-1950-2021.csv", "TKM", 73},
        {"TIV-Import-UZB-1950-2021.csv", "UZB", 34},
    };
    casia_import_report rep;
    casia_dataset *ds;
    size_t i;
    char name[128];
    for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        snprintf(name, sizeof name, "sipri/%s", tables[i].file);
        ds = import_ok(name, NULL, &rep);
        ck_assert_int_eq(rep.format, CASIA_FORMAT_SIPRI_TIV);
        ck_assert_uint_eq(casia_dataset_observation_count(ds), tables[i].cells);
        casia_dataset_free(ds);
    }
    /* Kazakhstan: line 17 "Russia": 99 in 1995, 85 in 2021; line 13
     * "China": 13 in 2016, 23 in 2018; line 25 "Total": 72 in 1999 */
    ds = import_ok("sipri/TIV-Import-KAZ-1950-2021.csv", NULL, &rep);
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "RUS", 1995) == 99);
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "RUS", 2021) == 85);
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "CHN", 2016) == 13);
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "CHN", 2018) == 23);
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "WLD", 1999) == 72);
    absent(ds, "arms.import_tiv", "KAZ", "CHN", 2017);   /* an empty cell */
    ck_assert_str_eq(source0(ds).title, "TIV of arms exports to Kazakhstan, 1950-2021");
    ck_assert_ptr_nonnull(strstr(source0(ds).description, "Generated: 22 April 2022"));
    casia_dataset_free(ds);
    /* Kyrgyzstan: "Unknown supplier(s)" kept as such (UNK) */
    ds = import_ok("sipri/TIV-Import-KYR-1950-2021.csv", NULL, &rep);
    {
        casia_query q = CASIA_QUERY_INIT;
        casia_cursor *cur;
        casia_observation o;
        int n = 0;
        q.partner = "UNK";
        ck_assert_int_eq(casia_dataset_query(&cur, ds, &q), CASIA_OK);
        while (casia_cursor_next(cur, &o) == CASIA_OK)
            n++;
        casia_cursor_free(cur);
        ck_assert_int_gt(n, 0);
    }
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_sipri_register)
{
    casia_import_report rep;
    casia_dataset *ds = import_ok("sipri/trade_register_1995-2025_generated-2026-02-12.csv",
                                  NULL, &rep);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_SIPRI_REGISTER);
    ck_assert_uint_eq(rep.rows, 25024);
    /* 11,591 (recipient, supplier, year) keys once SIPRI's "*" and "**"
     * actors are grouped (Python over the same file) */
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 11591);
    /* line 13: deal 55238, Albania to Burkina Faso, 2011: 12 x 0.1 = 1.2 */
    ck_assert(value(ds, "arms.import_tiv", "BFA", "ALB", 2011) == 1.2);
    /* lines 11064 and 12995: Russia to Kazakhstan in 2020, 266 in all;
     * lines 1547 and 1550: China to Uzbekistan in 2018, 107 */
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "RUS", 2020) == 266);
    ck_assert(value(ds, "arms.import_tiv", "UZB", "CHN", 2018) == 107);
    ck_assert_ptr_nonnull(strstr(source0(ds).description,
                                 "Data generated: 12 Feb 2026 12:26:12 PM"));
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_wdi)
{
    casia_import_report rep;
    casia_dataset *ds = import_ok("worldbank_wdi/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv",
                                  NULL, &rep);
    casia_observation o;
    casia_query q = CASIA_QUERY_INIT;
    ck_assert_int_eq(rep.format, CASIA_FORMAT_WDI);
    ck_assert_uint_eq(rep.rows, 266);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 13979);
    /* line 126 Kazakhstan 2022; line 265 World 1960 (an aggregate kept as
     * one); line 70 ECA 2022 */
    ck_assert(value(ds, "gdp.current_usd", "KAZ", "WLD", 2022) == 225496328925.494);
    ck_assert(value(ds, "gdp.current_usd", "WLD", "WLD", 1960) == 1364504252362.65);
    ck_assert(value(ds, "gdp.current_usd", "ECA", "WLD", 2022) == 1803038234535.2);
    /* Aruba 1960 is empty: missing, not zero */
    absent(ds, "gdp.current_usd", "ABW", "WLD", 1960);
    q.indicator = "gdp.current_usd";
    q.reporter = "KAZ";
    q.partner = "WLD";
    q.year_from = 2022;
    ck_assert_int_eq(casia_dataset_get(&o, ds, &q), CASIA_OK);
    ck_assert_int_eq(o.basis, CASIA_BASIS_OTHER);
    ck_assert_str_eq(o.unit, "USD");
    ck_assert_ptr_nonnull(strstr(source0(ds).description, "2024-10-24"));
    ck_assert_str_eq(source0(ds).title, "World Development Indicators");
    casia_dataset_free(ds);

    /* the per-country file: 1,486 indicators, 33,810 cells */
    ds = import_ok("worldbank_wdi/API_KAZ_DS2_en_csv_v2_18751.csv", NULL, &rep);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 33810);
    /* line 363 remittances (US$) and line 598 (% of GDP), 2020; line 987
     * merchandise imports 2020 */
    ck_assert(value(ds, "remittance.inflow_usd", "KAZ", "WLD", 2020) == 374391281.095021);
    ck_assert(value(ds, "remittance.inflow_pct_gdp", "KAZ", "WLD", 2020) == 0.218836862121885);
    ck_assert(value(ds, "trade.import", "KAZ", "WLD", 2020) == 37222000000.0);
    /* line 6: an indicator libcasia does not know, kept under its code
     * with the unit its name states */
    ck_assert(value(ds, "VC.IHR.PSRC.FE.P5", "KAZ", "WLD", 2020) == 1.49563006806712);
    {
        size_t i, n = casia_dataset_indicator_count(ds);
        const char *id, *unit;
        int found = 0;
        for (i = 0; i < n; i++) {
            ck_assert_int_eq(casia_dataset_indicator(&id, &unit, ds, i), CASIA_OK);
            if (strcmp(id, "VC.IHR.PSRC.FE.P5") == 0) {
                ck_assert_str_eq(unit, "per 100,000 female");
                found = 1;
            }
        }
        ck_assert(found);
    }
    casia_dataset_free(ds);
}
END_TEST

static void refused(const char *name, casia_format format, const char *words)
{
    casia_dataset *ds = (casia_dataset *)&ds;
    casia_error err;
    int rc = casia_import_file(&ds, sample(name), format, NULL, NULL, &err);
    ck_assert_msg(rc == CASIA_EFORMAT, "%s: %s", name, casia_status_name(rc));
    ck_assert_ptr_eq(ds, (casia_dataset *)&ds);
    ck_assert_msg(strstr(err.text, words) != NULL, "%s: \"%s\" lacks \"%s\"",
                  name, err.text, words);
}

START_TEST(test_wrong_files)
{
    refused("worldbank_wdi/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv",
            CASIA_FORMAT_COMTRADE_PLUS,
            "this looks like a World Bank WDI file, not a UN Comtrade Plus file");
    refused("sipri/TIV-Import-KAZ-1950-2021.csv", CASIA_FORMAT_WDI,
            "this looks like a SIPRI TIV table, not a World Bank WDI file");
    refused("un_comtrade/comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv",
            CASIA_FORMAT_SIPRI_REGISTER, "looks like a UN Comtrade Plus file");
    refused("worldbank_wdi/Metadata_Country_API_KAZ_DS2_en_csv_v2_18751.csv",
            CASIA_FORMAT_AUTO, "WDI metadata file");
    refused("wits/DataJobID-3082405_3082405_tii.csv", CASIA_FORMAT_AUTO, "WITS");
    refused("un_comtrade/country_data.csv", CASIA_FORMAT_AUTO, "country codes");
    refused("imf_dots/DOTS_103.xlsx", CASIA_FORMAT_AUTO, "spreadsheet");
}
END_TEST

START_TEST(test_detect)
{
    static const struct {
        const char *file;
        casia_format f;
    } files[] = {
        {"un_comtrade/comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv",
         CASIA_FORMAT_COMTRADE_PLUS},
        {"un_comtrade/h3_china_india.csv", CASIA_FORMAT_COMTRADE_LEGACY},
        {"un_comtrade/legacy_api_live_animals_2016.csv", CASIA_FORMAT_COMTRADE_LEGACY},
        {"un_comtrade/country_data.csv", CASIA_FORMAT_COMTRADE_CODES},
        {"sipri/TIV-Import-TRK-1950-2021.csv", CASIA_FORMAT_SIPRI_TIV},
        {"sipri/trade_register_1995-2025_generated-2026-02-12.csv",
         CASIA_FORMAT_SIPRI_REGISTER},
        {"worldbank_wdi/API_KAZ_DS2_en_csv_v2_18751.csv", CASIA_FORMAT_WDI},
        {"worldbank_wdi/Metadata_Indicator_API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv",
         CASIA_FORMAT_WDI_METADATA},
        {"wits/DataJobID-3082405_3082405_tii.csv", CASIA_FORMAT_WITS},
        {"imf_dots/DOTS_40.xlsx", CASIA_FORMAT_SPREADSHEET},
    };
    size_t i;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        casia_format f;
        ck_assert_int_eq(casia_format_detect(&f, sample(files[i].file), NULL), CASIA_OK);
        ck_assert_msg(f == files[i].f, "%s: %s", files[i].file, casia_format_name(f));
    }
}
END_TEST

/* Comtrade + SIPRI + WDI in one dataset: bases and sources stay apart. */
START_TEST(test_merge_providers)
{
    casia_import_report rep;
    casia_dataset *parts[3], *all;
    casia_error err;
    size_t n;
    parts[0] = import_ok("un_comtrade/comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv",
                         NULL, &rep);
    parts[1] = import_ok("sipri/TIV-Import-KAZ-1950-2021.csv", NULL, &rep);
    parts[2] = import_ok("worldbank_wdi/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv",
                         NULL, &rep);
    n = casia_dataset_observation_count(parts[0]) +
        casia_dataset_observation_count(parts[1]) +
        casia_dataset_observation_count(parts[2]);
    ck_assert_int_eq(casia_dataset_merge(&all, (const casia_dataset *const *)parts, 3,
                                         &err), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(all), n);
    ck_assert_uint_eq(casia_dataset_source_count(all), 3);
    ck_assert(value(all, "trade.import", "CHN", "KAZ", 2022) == 14819246516.0);
    ck_assert(value(all, "arms.import_tiv", "KAZ", "RUS", 2021) == 85);
    ck_assert(value(all, "gdp.current_usd", "KAZ", "WLD", 2022) == 225496328925.494);
    casia_dataset_free(all);
    casia_dataset_free(parts[0]);
    casia_dataset_free(parts[1]);
    casia_dataset_free(parts[2]);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("samples");
    TCase *tc = tcase_create("providers");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_comtrade_plus);
    tcase_add_test(tc, test_comtrade_legacy);
    tcase_add_test(tc, test_sipri_tiv);
    tcase_add_test(tc, test_sipri_register);
    tcase_add_test(tc, test_wdi);
    tcase_add_test(tc, test_wrong_files);
    tcase_add_test(tc, test_detect);
    tcase_add_test(tc, test_merge_providers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    char probe[4096];
    dir = getenv("CASIA_SHARED_DATADIR");
    if (!dir || !*dir) {
        printf("SKIP: CASIA_SHARED_DATADIR is not set\n");
        return 77;
    }
    snprintf(probe, sizeof probe, "%s/formats/PROVENANCE.md", dir);
    if (access(probe, R_OK) != 0) {
        printf("SKIP: no shared sample files in %s\n", dir);
        return 77;
    }
    return run_suite(suite());
}
