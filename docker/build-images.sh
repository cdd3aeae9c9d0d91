#!/usr/bin/env bash
# Builds one container image per deployable of services.yml from docker/Dockerfile (ADR 0016).
# Needs Docker (or any engine with a docker-compatible CLI, e.g. podman with `alias docker=podman`).
#   docker/build-images.sh                 build jars, then every image
#   STRIDE_IMAGE_PREFIX=registry.example.com/stride STRIDE_IMAGE_TAG=1.2.3 docker/build-images.sh
#   docker/build-images.sh --no-build      images from the jars built last time
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${STRIDE_IMAGE_PREFIX:-stride}"
tag="${STRIDE_IMAGE_TAG:-0.1.0}"
if [[ "${1:-}" != "--no-build" ]]; then
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
java -cp "local-stack/target/classes:$(cat local-stack/target/runtime-classpath.txt)" \
  io.stride.localstack.Deployables |
  while read -r module port health_port; do
    echo "== ${prefix}/${module}:${tag}"
    docker build -f docker/Dockerfile \
      --build-arg SERVICE="${module}" --build-arg PORT="${port}" --build-arg HEALTH_PORT="${health_port}" \
      -t "${prefix}/${module}:${tag}" .
  done
