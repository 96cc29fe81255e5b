/*
 * fixture.h - the fixtures the Check programs share (tests/fixture.c):
 * one loader of the datasets in tests/data and the imports of its small
 * files. The programs of the indices include fixture_indices.h.
 */
#ifndef CASIA_FIXTURE_H
#define CASIA_FIXTURE_H

#include "testutil.h"

/* Loads tests/data/NAME, or fails the running test with the position of
 * the error. */
casia_dataset *fixture_load(const char *name);

/* Imports tests/data/NAME (format f), or fails the test. */
casia_dataset *import_ok(const char *name, casia_format f,
                         const casia_import_options *opt,
                         casia_import_report *rep);

/* The import must fail with code at line:column (column 0: not checked),
 * the message holding what, and leave the output untouched. */
void import_fails(const char *name, casia_format f,
                  const casia_import_options *opt, int code, int line,
                  int column, const char *what);

/* The value of (ind, rep, par, year), which must be there. */
double value(const casia_dataset *d, const char *ind, const char *rep,
             const char *par, int year);

/* The header of a tidy CSV without its optional columns. */
#define TH "indicator,reporter,partner,year,value,basis,source\n"

#endif /* CASIA_FIXTURE_H */
