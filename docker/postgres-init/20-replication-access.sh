#!/bin/bash
# Runs once, on an empty data volume: lets the superuser (POSTGRES_USER) open replication
# connections from the compose network, which pg_basebackup in the postgres-backup container needs
# (ADR 0022). The image's own pg_hba.conf line ("host all all all") does not cover replication.
set -euo pipefail
echo "host replication ${POSTGRES_USER:?} all scram-sha-256" >> "${PGDATA:?}/pg_hba.conf"
