#!/bin/bash
# Compares two folders of geoplan outputs byte for byte, for refactors that must not change a result:
#   scripts/compare-outputs.sh BEFORE AFTER
# Every file must exist in both and be identical, except what a run stamps with its time: a GeoPackage's
# gpkg_contents.last_change (compared as SQL dumps without it) and a provenance record's startedAt, its
# per-indicator seconds and the checksums of its GeoPackages (compared with jq, those fields removed).
# Needs jq and sqlite3 (apt-get install jq sqlite3). Exit 0 when identical, 1 with the differing files listed.
set -euo pipefail
before=${1:?usage: compare-outputs.sh BEFORE AFTER}
after=${2:?usage: compare-outputs.sh BEFORE AFTER}
status=0
dump() { sqlite3 "$1" .dump | sed -E "s/'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z'/'(time)'/g"; }
meta() {
  jq -S 'del(.startedAt) | del(.. | .seconds?)
         | (.outputs // empty) |= map(if (.file | endswith(".gpkg")) then del(.fnv1a64, .bytes) else . end)' "$1"
}
while IFS= read -r file; do
  if [[ ! -f "$after/$file" ]]; then echo "missing after: $file"; status=1; continue; fi
  case "$file" in
    *.gpkg) cmp -s <(dump "$before/$file") <(dump "$after/$file") || { echo "differs: $file"; status=1; } ;;
    *.meta.json) cmp -s <(meta "$before/$file") <(meta "$after/$file") || { echo "differs: $file"; status=1; } ;;
    *) cmp -s "$before/$file" "$after/$file" || { echo "differs: $file"; status=1; } ;;
  esac
done < <(cd "$before" && find . -type f | sort)
while IFS= read -r file; do
  [[ -f "$before/$file" ]] || { echo "new after: $file"; status=1; }
done < <(cd "$after" && find . -type f | sort)
count=$(cd "$before" && find . -type f | wc -l)
[[ $status -eq 0 ]] && echo "identical: $count files"
exit $status
