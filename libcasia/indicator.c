/*
 * indicator.c - the indicators libcasia knows, each with its fixed unit.
 * Indicators not listed here are kept with the unit their file gives.
 */
#include "internal.h"

#include <string.h>

typedef struct known_indicator {
    const char *id;
    const char *unit;
    int nonnegative;
} known_indicator;

/* Sorted by id. Units: USD (not millions), TIV_million (SIPRI trend
 * indicator values: a volume measure, never money), pct (percent),
 * pct_gdp (percent of GDP), bcm (billion cubic metres), persons. */
static const known_indicator known[] = {
    {"arms.import_share_pct_period", "pct", 1},
    {"arms.import_tiv", "TIV_million", 1},
    {"arms.import_tiv_period", "TIV_million", 1},
    {"debt.external_share_pct", "pct", 1},
    {"debt.external_usd", "USD", 1},
    {"energy.gas_export_bcm", "bcm", 1},
    {"energy.gas_export_usd", "USD", 1},
    {"energy.gas_import_bcm", "bcm", 1},
    {"energy.gas_import_usd", "USD", 1},
    {"energy.pipeline_gas_import_bcm", "bcm", 1},
    {"energy.pipeline_gas_import_share_pct", "pct", 1},
    {"energy.pipeline_gas_import_usd", "USD", 1},
    {"fdi.flow_usd", "USD", 1},
    {"fdi.stock_usd", "USD", 1},
    {"finance.loan_usd", "USD", 1},
    {"gdp.current_usd", "USD", 1},
    {"gdp.per_capita_usd", "USD", 1},
    {"migrants.count", "persons", 1},
    {"migrants.inflow_count", "persons", 1},
    {"population.total", "persons", 1},
    {"remittance.inflow_pct_gdp", "pct_gdp", 1},
    {"remittance.inflow_usd", "USD", 1},
    {"remittance.share_from_partner_pct", "pct", 1},
    {"remittance.transfers_usd", "USD", 1},
    {"trade.export", "USD", 1},
    {"trade.export_share_pct", "pct", 1},
    {"trade.import", "USD", 1},
    {"trade.import_share_pct", "pct", 1},
    {"trade.reexport", "USD", 1},
    {"trade.reimport", "USD", 1},
    {"trade.turnover", "USD", 1},
    {"trade.turnover_partial", "USD", 1},
    {"trade.turnover_share_pct", "pct", 1},
};

static const known_indicator *find(const char *id, size_t len)
{
    size_t lo = 0, hi = sizeof known / sizeof known[0];
    if (memchr(id, '\0', len))
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strncmp(known[mid].id, id, len);
        if (r == 0 && known[mid].id[len] != '\0')
            r = 1;
        if (r == 0)
            return &known[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *casia__indicator_unit(const char *id, size_t len)
{
    const known_indicator *k = find(id, len);
    return k ? k->unit : NULL;
}

int casia__indicator_nonnegative(const char *id)
{
    const known_indicator *k = find(id, strlen(id));
    return k ? k->nonnegative : 0;
}

CASIA_API const char *casia_indicator_unit(const char *indicator)
{
    return indicator ? casia__indicator_unit(indicator, strlen(indicator))
                     : NULL;
}
