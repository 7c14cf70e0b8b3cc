#!/usr/bin/env bash
# A real Neo4j Community 5.26 (embedded, Bolt on 127.0.0.1, auth off) for
# tests, CI and local development, built from Maven Central jars: no Docker.
#
#   neo4j-local.sh install                                  fetch jars + compile (idempotent)
#   neo4j-local.sh run   [--port N] [--data-dir D]          foreground (default port 7687)
#   neo4j-local.sh start [--port N] [--data-dir D]          background; last stdout line:
#                                                           NEO4J_URI=bolt://127.0.0.1:PORT
#   neo4j-local.sh stop                                     SIGTERM, wait <= 60 s, then SIGKILL
#   neo4j-local.sh status                                   exit 0 if running (prints NEO4J_URI)
#
# start: --port 0 or no --port = a free port chosen by the OS. No --data-dir =
# a temporary directory that is deleted when the server stops.
#
# Environment:
#   NEO4J_LOCAL_DIR        run dir for start/stop (pid, port and log files);
#                          default tools/neo4j/target/run
#   NEO4J_LOCAL_HEAP       JVM heap, default 512m
#   NEO4J_LOCAL_PAGE_CACHE Neo4j page cache, default 256m
#   NEO4J_LOCAL_JAVA_OPTS  extra JVM options
#   NEO4J_LOCAL_M2         Maven local repository (default: Maven's, ~/.m2/repository)
#   NEO4J_LOCAL_START_TIMEOUT  seconds start waits for Bolt, default 120
#   JAVA, MVN              the java / mvn commands (default: java, mvn on PATH)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$HERE/pom.xml"
SRC="$HERE/src/main/java/Neo4jLocal.java"
TARGET="$HERE/target"
LIB="$TARGET/lib"
CLASSES="$TARGET/classes"
RUN_DIR="${NEO4J_LOCAL_DIR:-$TARGET/run}"
PID_FILE="$RUN_DIR/neo4j.pid"
PORT_FILE="$RUN_DIR/neo4j.port"
LOG_FILE="$RUN_DIR/neo4j.log"
JAVA="${JAVA:-java}"
MVN="${MVN:-mvn}"
HEAP="${NEO4J_LOCAL_HEAP:-512m}"
PAGE_CACHE="${NEO4J_LOCAL_PAGE_CACHE:-256m}"
START_TIMEOUT="${NEO4J_LOCAL_START_TIMEOUT:-120}"
STOP_TIMEOUT=60

log() { printf 'neo4j-local: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

sha() { cat "$@" | sha256sum | cut -c1-64; }

# --- install -----------------------------------------------------------------

cmd_install() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (need Java 17+)"
  command -v javac >/dev/null 2>&1 || die "javac not found (need a JDK 17+, e.g. apt-get install openjdk-17-jdk-headless)"

  local pom_sum lib_stamp="$LIB/.pom.sha256"
  pom_sum="$(sha "$POM")"
  if [[ ! -f "$lib_stamp" || "$(cat "$lib_stamp")" != "$pom_sum" ]] || ! compgen -G "$LIB/*.jar" >/dev/null; then
    command -v "$MVN" >/dev/null 2>&1 || die "mvn not found (apt-get install maven)"
    log "fetching Neo4j jars with Maven (first time can take a minute)..."
    local tmp="$TARGET/lib.tmp"
    rm -rf "$tmp"
    mkdir -p "$TARGET"
    local m2=()
    [[ -n "${NEO4J_LOCAL_M2:-}" ]] && m2=("-Dmaven.repo.local=$NEO4J_LOCAL_M2")
    # stdout -> stderr so `start` keeps its stdout for NEO4J_URI only;
    # jansi.noreset stops Maven 3.8 printing bare ESC[0m sequences under -q.
    MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" "$MVN" -B -q "${m2[@]}" -f "$POM" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >&2 \
      || die "mvn dependency:copy-dependencies failed"
    compgen -G "$tmp/*.jar" >/dev/null || die "mvn copied no jars into $tmp"
    rm -rf "$LIB"
    mv "$tmp" "$LIB"
    printf '%s\n' "$pom_sum" >"$lib_stamp"
    rm -f "$CLASSES/.src.sha256"   # new jars: recompile
  fi

  local src_sum cls_stamp="$CLASSES/.src.sha256"
  src_sum="$(sha "$SRC" "$lib_stamp")"
  if [[ ! -f "$cls_stamp" || "$(cat "$cls_stamp")" != "$src_sum" || ! -f "$CLASSES/Neo4jLocal.class" ]]; then
    log "compiling Neo4jLocal.java..."
    rm -rf "$CLASSES"
    mkdir -p "$CLASSES"
    javac --release 17 -nowarn -encoding UTF-8 -cp "$LIB/*" -d "$CLASSES" "$SRC" >&2 \
      || die "javac failed"
    printf '%s\n' "$src_sum" >"$cls_stamp"
  fi
}

# --- java command line ---------------------------------------------------------

java_cmd() {
  # Flags follow the Neo4j 5 server's own defaults; the --add-opens let the page
  # cache and native file access use their fast paths on Java 17 (without them
  # debug.log fills with "fallback mode" / "Incorrect file descriptor" warnings).
  JAVA_CMD=(
    "$JAVA"
    "-Xms$HEAP" "-Xmx$HEAP"
    -XX:+UseG1GC
    -XX:-OmitStackTraceInFastThrow
    -XX:+DisableExplicitGC
    -Djdk.nio.maxCachedBufferSize=1024
    -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED
  )
  if [[ -n "${NEO4J_LOCAL_JAVA_OPTS:-}" ]]; then
    # shellcheck disable=SC2206
    JAVA_CMD+=(${NEO4J_LOCAL_JAVA_OPTS})
  fi
  JAVA_CMD+=(-cp "$CLASSES:$LIB/*" Neo4jLocal --page-cache "$PAGE_CACHE")
}

# Parses --port / --data-dir into PORT / DATA_DIR.
parse_args() {
  PORT="$1"; shift
  DATA_DIR=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) [[ $# -ge 2 ]] || die "--port needs a value"; PORT="$2"; shift 2 ;;
      --port=*) PORT="${1#*=}"; shift ;;
      --data-dir) [[ $# -ge 2 ]] || die "--data-dir needs a value"; DATA_DIR="$2"; shift 2 ;;
      --data-dir=*) DATA_DIR="${1#*=}"; shift ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "bad --port: $PORT"
  if [[ -n "$DATA_DIR" ]]; then
    mkdir -p "$DATA_DIR"
    DATA_DIR="$(cd "$DATA_DIR" && pwd)"
  fi
}

# --- run / start / stop ----------------------------------------------------------

cmd_run() {
  parse_args 7687 "$@"
  cmd_install
  java_cmd
  local extra=()
  [[ -n "$DATA_DIR" ]] && extra+=(--data-dir "$DATA_DIR")
  exec "${JAVA_CMD[@]}" --port "$PORT" "${extra[@]}"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  printf '%s\n' "$pid"
}

# True while PID is a live process. A zombie counts as gone: `start`'s shell has
# exited, so the JVM's parent is PID 1, which may reap it only later.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local stat
  if stat="$(cat "/proc/$1/stat" 2>/dev/null)"; then
    stat="${stat##*) }"
    [[ "${stat:0:1}" != "Z" ]] || return 1
  fi
  return 0
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_start() {
  parse_args 0 "$@"
  mkdir -p "$RUN_DIR"
  local pid
  if pid="$(running_pid)"; then
    die "already running (pid $pid, port $(cat "$PORT_FILE" 2>/dev/null || echo '?')); run '$0 stop' first"
  fi
  cmd_install
  java_cmd
  rm -f "$PORT_FILE" "$PID_FILE"
  local extra=()
  [[ -n "$DATA_DIR" ]] && extra+=(--data-dir "$DATA_DIR")
  {
    printf '\n==== %s start --port %s --data-dir %s\n' "$(date -u +%FT%TZ)" "$PORT" "${DATA_DIR:-<temp>}"
  } >>"$LOG_FILE"
  # Detached from our stdout/stderr so `$(neo4j-local.sh start)` returns.
  nohup "${JAVA_CMD[@]}" --port "$PORT" --port-file "$PORT_FILE" "${extra[@]}" \
    </dev/null >>"$LOG_FILE" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  local deadline=$((SECONDS + START_TIMEOUT)) port=""
  while :; do
    if ! alive "$pid"; then
      log "Neo4j exited during startup; last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      exit 1
    fi
    if [[ -s "$PORT_FILE" ]]; then
      port="$(tr -dc 0-9 <"$PORT_FILE")"
      if [[ -n "$port" ]] && port_open "$port"; then
        break
      fi
    fi
    if ((SECONDS >= deadline)); then
      log "Bolt not ready after ${START_TIMEOUT}s; last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2
      kill -TERM "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.2
  done
  log "started (pid $pid), log: $LOG_FILE"
  printf 'NEO4J_URI=bolt://127.0.0.1:%s\n' "$port"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$PID_FILE" "$PORT_FILE"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      log "pid $pid still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
  done
  rm -f "$PID_FILE" "$PORT_FILE"
  log "stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid="$(running_pid)" && [[ -s "$PORT_FILE" ]]; then
    log "running (pid $pid)"
    printf 'NEO4J_URI=bolt://127.0.0.1:%s\n' "$(tr -dc 0-9 <"$PORT_FILE")"
  else
    log "not running"
    return 1
  fi
}

usage() { sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    install) cmd_install; log "installed: $(find "$LIB" -name '*.jar' | wc -l) jars in $LIB" ;;
    run) cmd_run "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
