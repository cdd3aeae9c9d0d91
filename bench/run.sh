#!/usr/bin/env bash
# Prints Stride's performance numbers (see bench/README.md). Needs wrk and nginx; installs them
# from Debian's packages when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
    else
      echo "Please install $tool (Debian: apt-get install wrk nginx-light)" >&2; exit 1
    fi
  fi
done
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
exec java -Dstride.repo.root="$PWD" "$@" \
  -cp "bench/target/classes:$(cat bench/target/runtime-classpath.txt)" io.stride.bench.BenchmarkMain
