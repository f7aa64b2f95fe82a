#!/bin/sh
# Creates tonghop's Kafka topics, one per event type (schemas/events.ts EVENT_TYPES),
# named <prefix><type> like infra/bus/event-bus.kafka.ts does. Idempotent
# (--if-not-exists), so every `docker-compose up` may run it again; an existing topic
# is left as it is, partition count included.
#
# Run by the `kafka-init` service in docker-compose.yml (image apache/kafka), or by hand
# against any cluster:
#   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9094 KAFKA_TOPICS_BIN=kafka-topics.sh sh infra/docker/kafka-init.sh
#
# | variable | meaning | default |
# |---|---|---|
# | KAFKA_BOOTSTRAP_SERVERS | broker(s) to talk to | kafka:9092 |
# | KAFKA_TOPIC_PREFIX | prefix of every topic; must match the workers' | tonghop. |
# | KAFKA_REPLICATION_FACTOR | replicas per partition (1 on the single dev broker) | 1 |
# | KAFKA_TOPICS_BIN | the kafka-topics tool | /opt/kafka/bin/kafka-topics.sh |
# | KAFKA_INIT_WAIT_SECONDS | how long to wait for the broker before failing | 120 |
#
# Partition counts. Messages are keyed by unit code, so one unit's events stay in order
# within a partition. Partitions cap how many members of one consumer group work at
# once, and adding partitions later moves keys to other partitions (one unit's order
# breaks across the change), so the busy topics get room to grow now.
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
PREFIX="${KAFKA_TOPIC_PREFIX:-tonghop.}"
REPLICATION="${KAFKA_REPLICATION_FACTOR:-1}"
KAFKA_TOPICS="${KAFKA_TOPICS_BIN:-/opt/kafka/bin/kafka-topics.sh}"
WAIT_SECONDS="${KAFKA_INIT_WAIT_SECONDS:-120}"

# docker-compose already waits for the broker's healthcheck; the loop is for runs by hand.
waited=0
until "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; do
  waited=$((waited + 2))
  if [ "$waited" -gt "$WAIT_SECONDS" ]; then
    echo "kafka-init: no broker answered at $BOOTSTRAP within ${WAIT_SECONDS}s" >&2
    exit 1
  fi
  sleep 2
done

# create_topic <event type> <partitions> [--config key=value ...]
create_topic() {
  topic="${PREFIX}$1"
  partitions="$2"
  shift 2
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$REPLICATION" "$@"
  echo "kafka-init: $topic ready ($partitions partitions)"
}

# Parsers are the group that scales out (docker-compose up --scale parser=N): N <= 12.
create_topic report.submitted 12
create_topic report.parsed 6
create_topic report.failed 6
# One message per page read by OCR, for whoever shows progress; worth nothing after a day.
create_topic report.progress 6 --config retention.ms=86400000
# Large reports are chunked into many facts.extracted messages; room for one
# consolidator per partition set (keyed by province) later.
create_topic facts.extracted 12
create_topic dq.flag 6
# One message per alert sent to a unit (key = recipient unit), for outside consumers.
create_topic dq.alert 6
# Rare and read by people: one partition keeps them in arrival order; kept 30 days.
create_topic bus.dead-letter 1 --config retention.ms=2592000000

echo "kafka-init: done"
