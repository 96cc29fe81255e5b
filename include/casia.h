/*
 * casia.h - libcasia: how dependent are the Central Asian states on Russia
 * and on China? Cited observations in, dependence indices out.
 *
 * This is the one header applications include:
 *
 *     #include <casia.h>
 *     cc prog.c $(pkg-config --cflags --libs casia)
 *
 * Conventions of the whole API:
 *  - Functions that can fail return int: CASIA_OK (0) or a negative
 *    casia_status. Outputs come back through the first parameter(s).
 *  - What comes back through a pointer-to-pointer is owned by the caller and
 *    released with the matching casia_*_free(); plain `const char *` results
 *    are borrowed from their parent object (or static).
 *  - Functions that read input take an optional casia_error* saying where
 *    (source, line, column) and why they failed. On failure, outputs are
 *    untouched and nothing is leaked.
 *  - No global mutable state: reading one dataset from many threads is safe.
 *  - Shares are fractions in [0, 1], never percentages.
 */
#ifndef CASIA_H
#define CASIA_H

#include "casia/export.h"
#include "casia/version.h"
#include "casia/common.h"
#include "casia/country.h"
#include "casia/dataset.h"
#include "casia/indices.h"
#include "casia/import.h"
#include "casia/claims.h"

#endif /* CASIA_H */
