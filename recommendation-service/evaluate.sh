#!/usr/bin/env bash
# The offline evaluation of people and challenge suggestions (docs/recommendations.md): generates a
# seeded synthetic population, holds out its last four weeks and prints precision@10 and recall@10
# of ours next to a popularity baseline.
# Usage: recommendation-service/evaluate.sh [athletes, default 20000] [seed, default 42]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl recommendation-service -am package
# the evaluation uses only the service's scoring classes, none of its libraries
exec java -cp recommendation-service/target/classes \
  io.stride.recommendation.evaluation.OfflineEvaluation "$@"
