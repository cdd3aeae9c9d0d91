#!/usr/bin/env bash
# Builds what is needed and starts the whole Stride platform locally: embedded PostgreSQL and
# Kafka (from Maven artifacts, no Docker), auth-service, profile-service, workout-service and the gateway.
# Data is kept in .stride-data/ between runs. Ctrl-C stops everything.
#   ./run-local.sh              build, then run
#   ./run-local.sh --no-build   run what was built last time
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" != "--no-build" ]]; then
  echo "Building (first run downloads dependencies; later runs take well under a minute) ..."
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
exec java -Dstride.repo.root="$PWD" ${STRIDE_JAVA_OPTS:-} \
  -cp "local-stack/target/classes:$(cat local-stack/target/runtime-classpath.txt)" \
  io.stride.localstack.LocalStackMain
