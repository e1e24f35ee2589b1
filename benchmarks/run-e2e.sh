#!/usr/bin/env bash
# benchmarks/run-e2e.sh — build the benchmarks module and run the end-to-end harness
# (io.ddbio.bench.e2e.EndToEnd) against DynamoDB Local on 127.0.0.1.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: benchmarks/run-e2e.sh [--no-build] [harness options]

  --no-build   use the existing build (benchmarks/target) instead of running Maven first

Harness options (see EndToEnd --help):
  --items N  --threads T  --page-limit L  --loaders N  --rounds R  --work-dir DIR  --results FILE
  --memory-check [--task-heap 256m]

Examples:
  benchmarks/run-e2e.sh --items 200000 --threads 2 --results docs/benchmarks/e2e.properties
  benchmarks/run-e2e.sh --memory-check --items 1000000

Environment: JAVA (default: java on PATH); BENCH_JAVA_OPTS (the harness JVM's options,
default -Xmx4g: it holds the generated items for the raw write).
USAGE
}

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  usage
  exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi

if [[ $build -eq 1 ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests) >&2
fi
classpath_file="$here/target/classpath.txt"
if [[ ! -f "$classpath_file" || ! -d "$here/target/classes" ]]; then
  echo "run-e2e.sh: no build in $here/target; run without --no-build" >&2
  exit 1
fi

# Hadoop's LocalJobRunner reflects into JDK internals; these are the opens its own tests use.
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED)
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options by design
exec "${JAVA:-java}" "${opens[@]}" ${BENCH_JAVA_OPTS:--Xmx4g} \
  -cp "$here/target/classes:$(cat "$classpath_file")" io.ddbio.bench.e2e.EndToEnd "$@"
