#!/bin/bash
# Restores the compose stack's database from a base backup and the archived WAL (ADR 0022):
#   docker compose stop gateway auth-service profile-service workout-service region-service social-service notification-service gamification-service analytics-service promo-service recommendation-service postgres
#   docker compose --profile restore run --rm postgres-restore [BACKUP|latest] [TARGET-TIME]
#   docker compose up -d
# BACKUP is a folder name in the backups volume (base-20261202T030000Z), latest by default.
# TARGET-TIME (e.g. '2026-12-02 09:41:00+00') stops the replay there: a point-in-time recovery to
# the moment before a bad migration or a mistaken delete; without it, every archived change is
# replayed. The data directory it replaces is kept as a tar file in the backups volume.
set -euo pipefail
source "$(dirname "$0")/backup-lib.sh"

pgdata="${STRIDE_PGDATA:-/var/lib/postgresql/data}"
choice="${1:-latest}"
target="${2:-}"
if [[ "$choice" == latest ]]; then
  backup=$(backups | tail -1)
else
  backup="$backups_dir/${choice}"
fi
[[ -n "$backup" && -f "$backup/base.tar.gz" ]] || { echo "no backup ${choice} in $backups_dir" >&2; exit 2; }
if [[ -f "$pgdata/postmaster.pid" ]]; then
  echo "PostgreSQL still runs on this volume (postmaster.pid): docker compose stop postgres first" >&2
  exit 2
fi

if [[ -n "$(ls -A "$pgdata")" ]]; then
  kept="$backups_dir/replaced-$(date -u +%Y%m%dT%H%M%SZ).tar.gz"
  tar -czf "$kept" -C "$pgdata" .
  echo "the replaced data directory is kept in ${kept##*/}"
  find "$pgdata" -mindepth 1 -delete
fi
tar -xzf "$backup/base.tar.gz" -C "$pgdata"
mkdir -p "$pgdata/pg_wal"
tar -xzf "$backup/pg_wal.tar.gz" -C "$pgdata/pg_wal"
{
  echo "# restore of ${backup##*/}"
  echo "restore_command = 'cp ${wal_archive}/%f %p'"
  [[ -n "$target" ]] && echo "recovery_target_time = '${target}'"
  echo "recovery_target_action = 'promote'"
} >> "$pgdata/postgresql.auto.conf"
touch "$pgdata/recovery.signal"
chown -R "${STRIDE_PGDATA_OWNER:-postgres:postgres}" "$pgdata"
chmod 700 "$pgdata"
echo "restored ${backup##*/}${target:+ up to ${target}}: docker compose up -d replays the WAL and opens it"
