#!/bin/bash
# The compose stack's database backups (ADR 0022), run by the postgres-backup container: a base
# backup of the whole cluster with pg_basebackup every STRIDE_BACKUP_INTERVAL_SECONDS (default a
# day), the newest STRIDE_BACKUP_KEEP (default 7) kept with the archived WAL they need, the outcome
# pushed to the Pushgateway (stride_backup_*; StrideBackupMissing and StrideBackupFailed alert).
# PostgreSQL archives its WAL into /wal-archive itself (docker-compose.yml), so a restore can stop
# at any moment after the oldest kept backup: docker/backup/restore.sh.
#   backup-loop.sh          run forever
#   backup-loop.sh --once   one backup, then exit (a manual backup)
set -euo pipefail
source "$(dirname "$0")/backup-lib.sh"

interval="${STRIDE_BACKUP_INTERVAL_SECONDS:-86400}"
keep="${STRIDE_BACKUP_KEEP:-7}"

while true; do
  started=$(date +%s)
  name="base-$(date -u +%Y%m%dT%H%M%SZ)"
  if pg_basebackup --host=postgres --username="${POSTGRES_USER:?}" --no-password \
      --pgdata="$backups_dir/${name}.partial" --format=tar --gzip --wal-method=stream \
      --checkpoint=fast --label="$name" --progress --verbose; then
    mv "$backups_dir/${name}.partial" "$backups_dir/${name}"
    date +%s > "$backups_dir"/.last-success
    echo "$(( $(date +%s) - started ))" > "$backups_dir"/.last-duration
    du -sb "$backups_dir/${name}" | cut -f1 > "$backups_dir"/.last-size
    prune "$keep"
    echo "backup ${name} done in $(cat "$backups_dir"/.last-duration) s"
  else
    rm -rf "$backups_dir/${name}.partial"
    date +%s > "$backups_dir"/.last-failure
    echo "backup ${name} FAILED" >&2
  fi
  push_metrics || echo "could not push the backup metrics to the Pushgateway" >&2
  [[ "${1:-}" == "--once" ]] && exit 0
  sleep "$interval"
done
