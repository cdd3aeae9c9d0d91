#!/bin/bash
# Functions the backup and restore scripts share (ADR 0022). The folders are the containers'
# volumes; the variables exist for the tests (BackupScriptsTests).
backups_dir="${STRIDE_BACKUPS_DIR:-/backups}"
wal_archive="${STRIDE_WAL_ARCHIVE:-/wal-archive}"

# The WAL segment file a base backup starts in, from its backup_manifest's first WAL range:
# timeline, then the LSN's high 32 bits, then its low 32 bits divided by the 16 MiB segment size.
start_wal_file() {
  local manifest="$1/backup_manifest" timeline lsn high low
  timeline=$(grep -o '"Timeline": *[0-9]*' "$manifest" | head -1 | grep -o '[0-9]*$')
  lsn=$(grep -o '"Start-LSN": *"[0-9A-Fa-f]*/[0-9A-Fa-f]*"' "$manifest" | head -1 | cut -d'"' -f4)
  high=${lsn%/*}
  low=${lsn#*/}
  printf '%08X%08X%08X\n' "$timeline" "$((16#$high))" "$(( 16#$low >> 24 ))"
}

# The complete backups, oldest first.
backups() {
  find "$backups_dir" -mindepth 1 -maxdepth 1 -type d -name 'base-*' ! -name '*.partial' | sort
}

# Keeps the newest $1 backups and the archived WAL from the oldest of them on.
prune() {
  local keep="$1" all count oldest
  mapfile -t all < <(backups)
  count=${#all[@]}
  if (( count > keep )); then
    for old in "${all[@]:0:count-keep}"; do
      rm -rf "$old"
      echo "deleted ${old##*/}"
    done
  fi
  oldest=$(backups | head -1)
  [[ -n "$oldest" ]] && pg_archivecleanup "$wal_archive" "$(start_wal_file "$oldest")"
  return 0
}

# Puts the backup metrics (Prometheus text format) to the Pushgateway, with bash's /dev/tcp: the
# image has no HTTP client.
push_metrics() {
  local body="" host="${STRIDE_PUSHGATEWAY_HOST:-pushgateway}" port="${STRIDE_PUSHGATEWAY_PORT:-9091}"
  [[ -f $backups_dir/.last-success ]] && body+="stride_backup_last_success_timestamp_seconds $(cat $backups_dir/.last-success)"$'\n'
  [[ -f $backups_dir/.last-failure ]] && body+="stride_backup_last_failure_timestamp_seconds $(cat $backups_dir/.last-failure)"$'\n'
  [[ -f $backups_dir/.last-duration ]] && body+="stride_backup_duration_seconds $(cat $backups_dir/.last-duration)"$'\n'
  [[ -f $backups_dir/.last-size ]] && body+="stride_backup_size_bytes $(cat $backups_dir/.last-size)"$'\n'
  body+="stride_backup_kept $(backups | wc -l)"$'\n'
  exec 3<>"/dev/tcp/${host}/${port}" || return 1
  printf 'PUT /metrics/job/stride-backup HTTP/1.0\r\nHost: %s\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: %d\r\n\r\n%s' \
    "$host" "${#body}" "$body" >&3
  local status
  read -r status <&3 || true
  exec 3>&-
  [[ "$status" == *" 20"[02]* ]]
}
