#!/usr/bin/env bash
# Start-up cost of the qualcheck command line, as a user pays it: each command is a fresh process
# started through the ./qualcheck launcher, timed from outside. For each command it prints the
# median wall time and the median processor time (user + system, of the launcher and the JVM
# together) over RUNS runs, beside the same figures for a bare `java -version`.
#
#   benchmarks/startup.sh [RUNS]          # default 20 runs of each command
#
# The first call of the launcher (which builds the jar, or a class-data archive, if needed) is made
# before timing starts and is not counted. Runs of the commands are interleaved, so that load from
# other processes on a shared machine falls on all of them alike. QUALCHECK names another launcher
# to time (default: ./qualcheck beside this folder); QUALCHECK_JAVA_OPTS is passed through.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
qualcheck="${QUALCHECK:-$root/qualcheck}"
spec="specs/ocr-03455-customer-service-l2.yaml"
cd "$root"

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: benchmarks/startup.sh [RUNS]  (RUNS a whole number of at least 1)" >&2
  exit 2
fi

names=("java -version" "validate" "show" "lint" "plan")
# Runs command number $1 of the table above.
command_number() {
  case "$1" in
    0) java -version ;;
    1) "$qualcheck" validate --spec "$spec" --units F1,F2,A3,B2,C3,D2 ;;
    2) "$qualcheck" show "$spec" ;;
    3) "$qualcheck" lint "$spec" ;;
    4) "$qualcheck" plan --spec "$spec" --units F1,F2 ;;
  esac
}

# The first run builds what the launcher needs; its time is not the start-up being measured.
if ! "$qualcheck" validate --spec "$spec" --units F1,F2,A3,B2,C3,D2 >/dev/null; then
  echo "startup.sh: the first run of $qualcheck failed" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
TIMEFORMAT='%R %U %S'
for ((run = 1; run <= runs; run++)); do
  for i in "${!names[@]}"; do
    # `time` reports the wall time, and the user and system time of the command and its children.
    status=0
    { time command_number "$i" >/dev/null 2>"$work/stderr" || status=$?; } 2>>"$work/times-$i"
    # 1 is a verdict (rules not met), not a failure; anything above it spoils the measurement.
    if ((status > 1)); then
      echo "startup.sh: ${names[$i]} exited $status:" >&2
      cat "$work/stderr" >&2
      exit 1
    fi
  done
done

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "median of $runs runs, $(java -version 2>&1 | head -n 1)"
printf '%-14s %10s %10s\n' "command" "wall ms" "CPU ms"
for i in "${!names[@]}"; do
  wall="$(awk '{ printf "%.0f\n", $1 * 1000 }' "$work/times-$i" | median)"
  cpu="$(awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' "$work/times-$i" | median)"
  printf '%-14s %10s %10s\n' "${names[$i]}" "$wall" "$cpu"
done
