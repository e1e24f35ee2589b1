#!/usr/bin/env bash
# Runs a benchmark that lives beside the S3 and Hadoop test harness (integration-tests'
# io.ddbio.it.bench), on that module's test class path, with s3proxy's jar at hand for S3Server.
# Usage: benchmarks/run-it-bench.sh <class in io.ddbio.it.bench> [argument]...
# Called by run-commit.sh and run-scale.sh.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <class in io.ddbio.it.bench> [argument]..." >&2; exit 2; }
cd "$(dirname "$0")/.."
main=$1
shift
mvn -B -q -o -pl integration-tests -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/it-classpath.txt -Dmdep.includeScope=test
s3proxy=$(ls ~/.m2/repository/org/gaul/s3proxy/*/s3proxy-*-jar-with-dependencies.jar | tail -1)
cp="integration-tests/target/test-classes:integration-tests/target/classes:$(cat integration-tests/target/it-classpath.txt)"
# s3proxy's own jar stays off this class path (its Guice clashes with Hadoop's); S3Server starts it.
cp=$(echo "$cp" | tr ':' '\n' | grep -v 's3proxy-.*jar-with-dependencies' | paste -sd: -)
exec java -Xmx4g -Dddbio.it.s3proxy.jar="$s3proxy" -cp "$cp" "io.ddbio.it.bench.$main" "$@"
