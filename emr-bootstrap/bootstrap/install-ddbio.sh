#!/usr/bin/env bash
# EMR bootstrap action: puts ddbio's job jars on every node and adds `ddbio-export` / `ddbio-import`
# commands that run them with `hadoop jar`. Steps can also name the jars on S3 directly; this is for
# running them from a shell or a command-runner step.
#
#   bootstrap action: s3://my-bucket/ddbio/install-ddbio.sh s3://my-bucket/ddbio [version]
#
# The S3 folder must hold export-job-<version>-job.jar and import-job-<version>-job.jar, as built by
# `mvn -B -DskipTests package` (export-job/target, import-job/target).
set -euo pipefail

usage() {
  echo "Usage: install-ddbio.sh <s3-folder-with-jars> [version]" >&2
  echo "  e.g. install-ddbio.sh s3://my-bucket/ddbio 0.1.0" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
source_dir="${1%/}"
version="${2:-0.1.0}"
[[ "$source_dir" == s3://* ]] || { echo "install-ddbio.sh: '$source_dir' is not an s3:// folder" >&2; usage; }

install_dir=/usr/share/ddbio
sudo mkdir -p "$install_dir"
for job in export-job import-job; do
  jar="$job-$version-job.jar"
  aws s3 cp --only-show-errors "$source_dir/$jar" "/tmp/$jar"
  sudo install -m 0644 "/tmp/$jar" "$install_dir/$job.jar"
  rm -f "/tmp/$jar"
done

# Commands with the same arguments as the jars: ddbio-export <outputDir> <table> [readRatio] ...
for cmd in export import; do
  sudo tee "/usr/local/bin/ddbio-$cmd" >/dev/null <<WRAPPER
#!/usr/bin/env bash
set -euo pipefail
exec hadoop jar $install_dir/$cmd-job.jar "\$@"
WRAPPER
  sudo chmod 0755 "/usr/local/bin/ddbio-$cmd"
done
echo "ddbio $version installed in $install_dir"
