#!/usr/bin/env bash
# What committing an export to s3a:// costs on s3proxy: Hadoop's FileOutputCommitter (v1, the
# export's commit until now) against the export's in-place commit, for two export sizes with the
# same number of tasks, in one run (docs/PERFORMANCE.md, "Committing to S3").
# Usage: benchmarks/run-commit.sh [work dir] [tasks] [size MB]...   (default: 16 tasks, 512 and 2048 MB)
# The benchmark lives beside the S3 test harness it uses (integration-tests, io.ddbio.it.bench).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/commit-benchmark}
tasks=${2:-16}
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(512 2048)
exec benchmarks/run-it-bench.sh CommitBenchmark "$work" "$tasks" "${sizes[@]}"
