#!/bin/sh
# replay-json.sh - every committed fuzz input through the JSON target.
: "${top_srcdir:?}" "${top_builddir:?}"
exec "$top_builddir/tests/fuzz/replay-json" "$top_srcdir/tests/fuzz/json"
