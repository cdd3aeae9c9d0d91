#!/bin/bash
# Runs once, when the PostgreSQL container initialises an empty data volume (the image's
# docker-entrypoint-initdb.d): one login role per service, named after its schema and owning only
# that schema, as the local stack and CloudNativePG do (ADR 0017 addendum). STRIDE_SERVICE_ROLES
# lists the roles (services.yml's schemas, checked by ComposeFileTests); each role's password is
# in <ROLE>_DB_PASSWORD (from .env). Nothing here is a secret.
set -euo pipefail
for role in ${STRIDE_SERVICE_ROLES:?}; do
  password_variable="${role^^}_DB_PASSWORD"
  password="${!password_variable:?set ${password_variable} in .env}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set role="$role" --set password="$password" <<'SQL'
create role :"role" login nosuperuser nocreatedb nocreaterole password :'password';
create schema :"role" authorization :"role";
SQL
done
