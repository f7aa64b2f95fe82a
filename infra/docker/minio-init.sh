#!/bin/sh
# Creates tonghop's bucket on MinIO. Idempotent (--ignore-existing). The ingest and
# parser workers also call ensureBucket() at start; creating it here first means a
# missing permission shows up once, in this container's log, not in every worker.
#
# Run by the `minio-init` service in docker-compose.yml (image minio/mc).
#
# | variable | meaning | default |
# |---|---|---|
# | MINIO_ENDPOINT | MinIO URL | http://minio:9000 |
# | MINIO_ROOT_USER, MINIO_ROOT_PASSWORD | credentials | (required) |
# | S3_BUCKET | bucket to create; must match the workers' | tonghop |
# | MC_BIN | the MinIO client | mc |
# | MINIO_INIT_WAIT_SECONDS | how long to wait for MinIO before failing | 60 |
set -eu

ENDPOINT="${MINIO_ENDPOINT:-http://minio:9000}"
BUCKET="${S3_BUCKET:-tonghop}"
MC="${MC_BIN:-mc}"
WAIT_SECONDS="${MINIO_INIT_WAIT_SECONDS:-60}"
: "${MINIO_ROOT_USER:?MINIO_ROOT_USER is required}"
: "${MINIO_ROOT_PASSWORD:?MINIO_ROOT_PASSWORD is required}"

# --api S3v4 stores the alias without contacting the server; `ready` then waits for it.
"$MC" alias set --api S3v4 tonghop "$ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
waited=0
until "$MC" ready tonghop >/dev/null 2>&1; do
  waited=$((waited + 1))
  if [ "$waited" -gt "$WAIT_SECONDS" ]; then
    echo "minio-init: MinIO did not answer at $ENDPOINT within ${WAIT_SECONDS}s" >&2
    exit 1
  fi
  sleep 1
done

"$MC" mb --ignore-existing "tonghop/$BUCKET"
echo "minio-init: bucket $BUCKET ready"
