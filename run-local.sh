#!/usr/bin/env bash
# Builds what is needed and starts the whole Stride platform locally: embedded PostgreSQL and
# Kafka (from Maven artifacts, no Docker), auth-service, profile-service, workout-service,
# region-service, social-service, notification-service, gamification-service, analytics-service,
# promo-service, recommendation-service and the gateway
# (every service of services.yml).
# Data is kept in .stride-data/ between runs. Ctrl-C stops everything.
#   ./run-local.sh              build, then run
#   ./run-local.sh --no-build   run what was built last time
#   ./run-local.sh backup       a base backup of the running stack's database now (daily anyway)
#   ./run-local.sh backups      the backups kept (.stride-data/backups)
#   ./run-local.sh restore [NAME|latest] [--to 2026-12-02T09:41:00Z]
#                               with the stack stopped: the next start replays to that moment
set -euo pipefail
cd "$(dirname "$0")"
command_args=()
case "${1:-}" in
  backup|backups|restore) command_args=("$@") ;;
esac
if [[ "${1:-}" != "--no-build" && ${#command_args[@]} -eq 0 ]]; then
  echo "Building (first run downloads dependencies; later runs take well under a minute) ..."
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
exec java -Dstride.repo.root="$PWD" ${STRIDE_JAVA_OPTS:-} \
  -cp "local-stack/target/classes:$(cat local-stack/target/runtime-classpath.txt)" \
  io.stride.localstack.LocalStackMain "${command_args[@]}"
