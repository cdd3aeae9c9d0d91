#!/usr/bin/env bash
# Stride's edge drills on this machine, real processes on loopback (see drills/README.md):
#   ./drills/run.sh            all of them: lb, waf, cdn, alerts
#   ./drills/run.sh waf        one (or several: lb cdn)
# They need Debian's haproxy, apache2 with ModSecurity and the OWASP CRS, nginx, prometheus and
# prometheus-alertmanager; the script
# installs them with apt-get when missing and running as root. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=()
command -v haproxy >/dev/null || packages+=(haproxy)
command -v apache2 >/dev/null || [[ -x /usr/sbin/apache2 ]] || packages+=(apache2)
[[ -f /usr/lib/apache2/modules/mod_security2.so ]] || packages+=(libapache2-mod-security2)
[[ -d /usr/share/modsecurity-crs/rules ]] || packages+=(modsecurity-crs)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || packages+=(nginx-light)
[[ -x /usr/bin/prometheus ]] || packages+=(prometheus)
[[ -x /usr/bin/prometheus-alertmanager ]] || packages+=(prometheus-alertmanager)
if (( ${#packages[@]} )); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    # installed, not started: policy-rc.d keeps the packages from starting servers of their own
    created_policy=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && created_policy=yes
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    [[ -z "$created_policy" ]] || rm -f /usr/sbin/policy-rc.d
  else
    echo "Please install: ${packages[*]} (Debian: apt-get install ${packages[*]})" >&2; exit 1
  fi
fi
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
properties=() drills=()
for arg in "$@"; do
  if [[ $arg == -D* ]]; then properties+=("$arg"); else drills+=("$arg"); fi
done
exec java -Dstride.repo.root="$PWD" "${properties[@]}" \
  -cp "drills/target/classes:$(cat drills/target/runtime-classpath.txt)" io.stride.drills.DrillMain "${drills[@]}"
