#!/usr/bin/env bash
# The scale model of a 50 TB table (docs/PERFORMANCE.md, "A 50 TB table"): the planner on
# synthetic DescribeTable answers; then, for each task count, the job commit of that many
# synthetic task outputs and the import's planning of the export it made, on local files and
# on s3proxy.
# Usage: benchmarks/run-scale.sh [work dir] [local task counts] [s3proxy task counts]
#   defaults: target/scale-model 1000,10000,100000 1000,10000
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/scale-model}
local_counts=${2:-1000,10000,100000}
s3_counts=${3:-1000,10000}
exec benchmarks/run-it-bench.sh ScaleModel "$work" "$local_counts" "$s3_counts"

