#!/usr/bin/env bash
# Compatibility suite: every output of the core, given to the real driver,
# against a throw-away PostgreSQL 15 over TLS on 127.0.0.1 (tests/compat/README.md).
source "$(dirname "$0")/../../scripts/lib.sh"
# javac comes from openjdk-17-jdk-headless (default-jdk-headless only depends on it).
ensure_apt postgresql-15 postgresql-client-15 openssl python3 python3-psycopg2 python3-sqlalchemy python3-django \
  ruby ruby-pg ruby-activerecord golang-go golang-github-jackc-pgx-v4-dev golang-github-lib-pq-dev \
  libpostgresql-jdbc-java openjdk-17-jdk-headless
ensure_npm
build_native

summary="$(mktemp)"
set +e
timeout 600 node "$ROOT/tests/compat/run.mjs" "$summary"
status=$?
set -e
if [ -s "$summary" ]; then
  read -r passed failed < <(node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(s.passed, s.failed);' "$summary")
  record_counts compat "$passed" "$failed"
else
  # The run died before it could count: that is one failure.
  record_counts compat 0 1
  [ "$status" -ne 0 ] || status=1
fi
rm -f "$summary"
exit "$status"
