#!/usr/bin/env bash
# Builds crdb-connect and shows it working: the native CLI on the reference
# document's Serverless example.
source "$(dirname "$0")/lib.sh"
build_native
"$ROOT/build/release/core/crdb-connect" generate --deployment serverless --user maxroach \
  --password 'example-password' --host free-tier.gcp-us-central1.cockroachlabs.cloud \
  --routing-id funky-skunk-123 --database defaultdb
