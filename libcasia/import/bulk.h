/*
 * bulk.h - the compact accumulator of one import's observations (bulk.c),
 * and the rule of the periods of one key it shares with the stream.
 * Internal.
 */
#ifndef CASIA_BULK_H
#define CASIA_BULK_H

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Periods of one key                                                  */

/*
 * The periods of one (indicator, reporter, partner, year) seen so far, as
 * the store's importer (bulk.c) and the stream keep them: a 13-bit set,
 * bit 0 the whole year, bits 1..12 the months. Periods `add` clash with
 * `have` when one is there already, or when the year would be given both
 * whole and by months (a sum would count it twice).
 */
static inline int casia__periods_clash(unsigned have, unsigned add)
{
    return (have & add) || ((have & 1u) && (add & 0x1ffeu)) ||
           ((have & 0x1ffeu) && (add & 1u));
}

/* The message of such a clash ("trade.import KAZ-CHN: month 1 of 2023 is
 * given twice", "... 2023 is given both for the year and for months");
 * reporter and partner are registry indices. */
void casia__periods_clash_text(char *msg, size_t size, const char *indicator,
                               int reporter, int partner, int year, unsigned have,
                               unsigned add);

/* ------------------------------------------------------------------ */
/* The compact accumulator of one import's observations (bulk.c)        */

/*
 * Collects the observations of one import (one source, one basis) in 20
 * bytes each (or, when summing, an exact sum per key in a hash table), then
 * sorts them in place and hands the columns to a dataset without copying.
 * Used where imports are large; the general casia__builder stays for
 * datasets of many sources (tidy CSV, merges).
 */
typedef struct casia__bulk casia__bulk;

/* summing: values of one key are added (exactly); otherwise a key given
 * twice with different values is a conflict. */
casia__bulk *casia__bulk_new(int summing);
void casia__bulk_free(casia__bulk *b);

/*
 * For a summing import of a file ordered by year (as Comtrade's files are,
 * by period): once a row of a later year comes, the sums of the earlier
 * years are final and leave the table, so memory holds the table for one
 * year plus 16 bytes per final key. A row of a year already closed makes
 * casia__bulk_add return CASIA__BULK_UNORDERED: the caller starts again
 * without this (reading the input anew). Call before the first add.
 */
void casia__bulk_ordered(casia__bulk *b);
#define CASIA__BULK_UNORDERED 1

/* Interns an indicator (unit NULL for one libcasia knows). ESCHEMA when
 * the unit disagrees with the fixed one; ERANGE beyond 65535 indicators. */
int casia__bulk_indicator(casia__bulk *b, unsigned *id, const char *name,
                          const char *unit, casia_error *err);

/*
 * Adds a value. month: 1..12 or 0 (annual) when summing months, so that a
 * month given twice is caught; -1 when summing other parts (no check).
 * line is where the row is, for messages. CASIA_ECONFLICT (a month given
 * twice; msg filled), CASIA_ERANGE (msg filled), CASIA_ENOMEM.
 */
int casia__bulk_add(casia__bulk *b, unsigned ind, int reporter, int partner,
                    int year, int month, double value, unsigned long long line,
                    char *msg, size_t msg_size);

/* Number of observations (keys) so far. */
size_t casia__bulk_count(const casia__bulk *b);

/*
 * Makes the dataset: the indicators used, one source (the strings may be
 * NULL), every observation with the given basis. The accumulator is freed
 * in every case. CASIA_ECONFLICT (a key with two values: err names both
 * lines of name), CASIA_ENOMEM.
 */
int casia__bulk_finish(casia__bulk *b, casia_dataset **out, const char *source_id,
                       const char *title, const char *publisher, const char *url,
                       const char *description, casia_basis basis,
                       const char *name, casia_error *err);

#endif /* CASIA_BULK_H */
