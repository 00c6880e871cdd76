#!/usr/bin/env bash
# Feeds `mcc import` very large and hostile CSV files and prints, for each, how long it took, its
# peak memory (max RSS) and the first line it printed. The files are generated on the fly in a
# temp folder (about 11 GB at the largest sizes) and removed at the end. Not part of CI.
#
#   scripts/large_inputs.sh [path/to/mcc] [size in GB for the big files, default 5]
set -eu  # no pipefail: `yes | head` ends with yes killed by SIGPIPE
mcc=${1:-target/release/mcc}
gb=${2:-5}
bytes=$((gb * 1024 * 1024 * 1024))
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export MCC_CONFIG_DIR="$dir/config"

measure() {
    local name=$1
    shift
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$dir/rss" "$mcc" import "$@" --quarter 2024-Q2 >"$dir/out" 2>"$dir/err" || true
    end=$(date +%s.%N)
    # The error, or how many rows were read.
    local said
    said=$(grep -m1 . "$dir/err" || grep -m1 'rows read' "$dir/out" || true)
    printf '%-30s %7.1f s %6d MB  %s\n' "$name" "$(echo "$end - $start" | bc)" \
        "$(($(tail -n1 "$dir/rss") / 1024))" "$(echo "$said" | sed 's/^ *//' | cut -c1-220)"
}

header='Lead ID,Created Date,First Response Date,Lead Source,Lead Status,Converted'
row='L1,2024-04-01 09:00:00,2024-04-01 09:05:00,Web,Working,1'

{ echo "$header"; yes "$row" | head -c "$bytes"; } >"$dir/big.csv"
measure "${gb} GB of leads" "$dir/big.csv"

{ echo "$header"; printf 'L1,2024-04-01 09:00:00,,"Web'; yes "$row" | head -c "$bytes"; } >"$dir/quote.csv"
measure "${gb} GB, a quote never closed" "$dir/quote.csv"
rm -f "$dir/big.csv" "$dir/quote.csv"

{ echo "$header"; printf 'L1,2024-04-01 09:00:00,,"'; head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' x; printf '",Working,1\n'; } >"$dir/field.csv"
measure "a 100 MB value" "$dir/field.csv"

{ seq -f 'c%g' 1 1000000 | paste -sd, -; echo '1,2'; } >"$dir/columns.csv"
measure "a million columns" "$dir/columns.csv"

# Unique lead ids with an activities file: the lead-id map grows until its cap.
awk -v n=12000000 'BEGIN { print "Lead ID,Created Date,Lead Source"; for (i = 0; i < n; i++) printf "L%d,2024-04-01 09:00:00,Web\n", i }' >"$dir/leads.csv"
printf 'Lead ID,Activity Date\nL1,2024-04-01 09:03:00\n' >"$dir/activities.csv"
measure "12 million leads to match" "$dir/leads.csv" "$dir/activities.csv"
