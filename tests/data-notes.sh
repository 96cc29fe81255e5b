#!/bin/sh
# data-notes.sh - run by `make check`: every figure of the topic files of
# the cited CSV files (data/ca5/obs_*.csv) equals the number its note
# quotes (tests/data_notes.py), and 20 rows drawn with a fixed seed are
# shown with the quote that matched.
#
# Skipped (exit 77, naming what is missing) without the CSV directory or
# without a Python (configure PYTHON=...).
set -u
top=${top_srcdir:-`dirname "$0"`/..}
src=${CASIA_CA5_SOURCE_DIR:-}
py=${PYTHON:-}
[ -n "$src" ] || { echo "SKIP: no directory of cited CSV files configured (configure --with-ca5-source=DIR)"; exit 77; }
case $py in
'' | :) echo "SKIP: no Python (configure PYTHON=...)"; exit 77 ;;
esac
"$py" "$top/tests/data_notes.py" "$src" --sample 20 || exit 1
"$py" "$top/tests/data_notes.py" "$src"
