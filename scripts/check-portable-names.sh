#!/usr/bin/env bash
# Fails when two paths of the repository differ only in case: on a case-insensitive file system (macOS's and
# Windows' default) they are one file or one folder, so a clone there would merge or lose them.
set -euo pipefail
cd "$(dirname "$0")/.."
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not a git checkout: names not checked"; exit 0; }
git ls-files | awk -F/ '{ path = ""; for (i = 1; i <= NF; i++) { path = (i == 1 ? $i : path "/" $i); print path } }' \
    | sort -u | awk '{ print tolower($0) "\t" $0 }' | sort \
    | awk -F'\t' '$1 == previous { print "paths that differ only in case: " previousPath " and " $2; clash = 1 }
                  { previous = $1; previousPath = $2 }
                  END { exit clash }'
