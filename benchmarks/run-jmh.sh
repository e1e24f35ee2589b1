#!/usr/bin/env bash
# benchmarks/run-jmh.sh — build the benchmarks module and run the JMH codec benchmarks.
# Any arguments go to JMH (org.openjdk.jmh.Main), e.g. a benchmark regex, -f/-wi/-i/-w/-r, -prof gc,
# -rf json -rff FILE.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
Usage: benchmarks/run-jmh.sh [--no-build] [JMH arguments]
       benchmarks/run-jmh.sh [--no-build] --cpu-time [ROUNDS [RESULTS.properties]]

The first form runs the JMH benchmarks (wall-clock scores). The second runs the same codec and
yardstick passes interleaved in one JVM, timed in thread CPU time (CpuTimeRatios), and prints
each codec as a multiple of its yardstick: the ratio to trust when other processes share the
cores.

Examples:
  benchmarks/run-jmh.sh -f 1 -wi 1 -i 2 -w 1s -r 1s                  (a quick look)
  benchmarks/run-jmh.sh -f 1 -wi 3 -i 5 -w 2s -r 3s -rf json -rff jmh.json
  benchmarks/run-jmh.sh 'DecodeBenchmark.dataPipeline' -p profile=SMALL -prof gc
  benchmarks/run-jmh.sh --cpu-time 200 codec-cpu.properties

Environment: JAVA (default: java on PATH).
USAGE
  exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests) >&2
fi
classpath_file="$here/target/classpath.txt"
if [[ ! -f "$classpath_file" || ! -f "$here/target/classes/META-INF/BenchmarkList" ]]; then
  echo "run-jmh.sh: no build in $here/target; run without --no-build" >&2
  exit 1
fi
classpath="$here/target/classes:$(cat "$classpath_file")"
if [[ "${1:-}" == "--cpu-time" ]]; then
  shift
  exec "${JAVA:-java}" -Xms1g -Xmx1g -cp "$classpath" io.ddbio.bench.codec.CpuTimeRatios "$@"
fi
exec "${JAVA:-java}" -cp "$classpath" org.openjdk.jmh.Main "$@"
