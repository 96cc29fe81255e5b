/*
 * uzbekistan-imports - China vs Russia in Uzbekistan's imports, 2019-2023.
 *
 * The source analysis: "Imports from China rose significantly after 2021,
 * reaching approximately $12 billion in 2023 ... imports from Russia grew
 * steadily but at a slower pace, remaining below $7 billion in 2023."
 * Prints each year's import shares (with the basis of the figures) and
 * the values behind them.
 *
 *   cc uzbekistan-imports.c $(pkg-config --cflags --libs casia)
 */
#include <casia.h>
#include <stdio.h>

int main(void)
{
    casia_dataset *ds;
    casia_error err;
    int year;

    if (casia_dataset_open_default(&ds, &err) != CASIA_OK) {
        fprintf(stderr, "uzbekistan-imports: %s\n", err.text);
        return 1;
    }
    printf("year  China: share  (USD bn)  Russia: share  (USD bn)  basis\n");
    for (year = 2019; year <= 2023; year++) {
        casia_result c, r;
        int rc1 = casia_trade_share(&c, ds, "UZB", "CHN", year, CASIA_FLOW_IMPORT, NULL);
        int rc2 = casia_trade_share(&r, ds, "UZB", "RUS", year, CASIA_FLOW_IMPORT, NULL);
        printf("%d", year);
        if (rc1 == CASIA_OK)
            printf("  %11.1f%%  %8.2f", 100 * c.value, c.numerator / 1e9);
        else
            printf("  %12s  %8s", "-", "-");
        if (rc2 == CASIA_OK)
            printf("  %12.1f%%  %8.2f", 100 * r.value, r.numerator / 1e9);
        else
            printf("  %13s  %8s", "-", "-");
        printf("  %s\n", rc1 == CASIA_OK ? casia_basis_name(c.basis)
                         : rc2 == CASIA_OK ? casia_basis_name(r.basis) : "-");
    }
    {
        casia_result c, r;
        if (casia_trade_share(&c, ds, "UZB", "CHN", 2023, CASIA_FLOW_IMPORT, NULL) == CASIA_OK &&
            casia_trade_share(&r, ds, "UZB", "RUS", 2023, CASIA_FLOW_IMPORT, NULL) == CASIA_OK)
            printf("2023: China's share is %.3f times Russia's\n", c.value / r.value);
    }
    casia_dataset_free(ds);
    return 0;
}
