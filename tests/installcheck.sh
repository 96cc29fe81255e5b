#!/bin/sh
# installcheck.sh - run by `make installcheck` (and so by distcheck):
# builds tests/installed.c with only `pkg-config --cflags --libs casia`
# against the installed library and runs it on the installed dataset.
set -eu
srcdir=$1 pkgconfigdir=$2 libdir=$3 casiadatadir=$4
: "${CC:=cc}" "${PKG_CONFIG:=pkg-config}"
tmp=${TMPDIR:-/tmp}/casia-installcheck.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
PKG_CONFIG_PATH="$pkgconfigdir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
flags=`$PKG_CONFIG --cflags --libs casia`
echo "pkg-config --cflags --libs casia: $flags"
# shellcheck disable=SC2086
$CC -o "$tmp/installed" "$srcdir/tests/installed.c" $flags
sum=`sha256sum < "$casiadatadir/ca5.json" | cut -c1-64`
LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$tmp/installed" "$casiadatadir/ca5.json" "$sum"
