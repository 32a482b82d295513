#!/usr/bin/env bash
# A real single-node Pacemaker cluster (corosync + pacemakerd) on this machine, for live tests and trying
# the live agent. Recipe: the lab notes (shared/pacemaker-lab.md). No systemd is assumed; run as root.
#
#   scripts/lab.sh start  [--dir DIR] [--wait SECS]   start (no-op if this DIR's cluster already runs)
#   scripts/lab.sh stop   [--dir DIR]                 stop only what `start` started, restore what it moved
#   scripts/lab.sh status [--dir DIR]                 exit 0 when running and the node is online
#
# DIR (default var/lab) holds corosync.conf, logs, PID files and the backup of any CIB we displaced.
# --wait: if a cluster someone else started is running, wait up to SECS for it to go away (concurrent test
# runs share one machine, and only one cluster can run per machine) instead of failing at once.
# Env: LAB_NODE (node1), LAB_CLUSTER (vigil-lab), LAB_TIMEOUT (45: seconds from launching corosync
# until the node is online; ~6 s on a quiet 2-core machine, 13 s seen at load 14).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CMD="${1:-}"; shift || true
DIR="$ROOT/var/lab"
WAIT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --wait) WAIT="$2"; shift 2 ;;
    *) echo "lab: unknown argument: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
NODE="${LAB_NODE:-node1}"
CLUSTER="${LAB_CLUSTER:-vigil-lab}"
TIMEOUT="${LAB_TIMEOUT:-45}"
CIB_DIR=/var/lib/pacemaker/cib
PIDS="$DIR/pids"              # lines: "<name> <pid> <starttime>" (starttime guards against PID reuse)
LOCK=/run/vigil-lab.lock       # serialises start/stop of concurrent callers on this machine

log() { printf 'lab: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

# Field 22 of /proc/PID/stat: the process start time; (comm) may hold spaces, so cut after the last ')'.
starttime() { local s; s="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1; s="${s##*) }"; set -- $s; echo "${20}"; }

# True when the recorded process is still the very process we started, and not a zombie waiting for
# whoever adopted it (init here may reap late) to collect it.
alive() {
  local pid="$1" st="$2" s
  s="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  s="${s##*) }"; set -- $s
  [ "$1" != Z ] && [ "${20}" = "$st" ]
}

record() { local st; st="$(starttime "$2")" || return 1; echo "$1 $2 $st" >> "$PIDS"; }

recorded() { [ -f "$PIDS" ] && awk -v n="$1" '$1 == n { print $2, $3 }' "$PIDS"; }

our_running() { # our corosync and pacemakerd both alive
  local pid st n=0
  read -r pid st < <(recorded corosync) && alive "$pid" "$st" && n=$((n + 1))
  read -r pid st < <(recorded pacemakerd) && alive "$pid" "$st" && n=$((n + 1))
  [ "$n" = 2 ]
}

foreign_cluster() { # a corosync/pacemakerd we did not start (another DIR, another user of the machine)
  local p ours=" "
  if [ -f "$PIDS" ]; then ours=" $(awk '{ printf "%s ", $2 }' "$PIDS")"; fi
  for p in $(pgrep -x corosync; pgrep -x pacemakerd); do
    case "$ours" in *" $p "*) ;; *) echo "$p"; return 0 ;; esac
  done
  return 1
}

node_online() { crm_mon -1 2>/dev/null | grep -Eq "^ *\* Online: \[ $NODE \]|^Online: \[ $NODE \]"; }

wait_gone() { # pid starttime seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do alive "$1" "$2" || return 0; sleep 0.1; done
  return 1
}

stop_one() { # name TERM-timeout
  local pid st
  while read -r pid st; do
    [ -n "$pid" ] || continue
    alive "$pid" "$st" || continue
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$st" "$2"; then
      log "$1 (pid $pid) ignored TERM for $2 s; killing"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" "$st" 5 || true
    fi
  done < <(recorded "$1")
}

do_stop() {
  # pacemakerd first (it stops its children), then corosync, then any child pacemakerd left behind.
  stop_one pacemakerd 30
  stop_one corosync 15
  stop_one child 5
  rm -f "$PIDS"
  # The scheduler's inputs and any blackbox dumps of this run are ours too; older ones (a real node's) stay.
  if [ -f "$DIR/started" ]; then
    find /var/lib/pacemaker/pengine /var/lib/pacemaker/blackbox -type f -newer "$DIR/started" -delete 2>/dev/null || true
    rm -f "$DIR/started"
  fi
  # Give the machine back its CIB as we found it.
  if [ -d "$DIR/cib-backup" ]; then
    find "$CIB_DIR" -mindepth 1 -delete
    cp -a "$DIR/cib-backup/." "$CIB_DIR/"
    rm -rf "$DIR/cib-backup"
    log "restored the previous contents of $CIB_DIR"
  elif [ -f "$DIR/cib-was-empty" ]; then
    find "$CIB_DIR" -mindepth 1 -delete
    rm -f "$DIR/cib-was-empty"
  fi
  log "stopped"
}

seed_cib() {
  # Keep whatever CIB was there (a real node's!) and restore it on stop.
  if [ ! -e "$DIR/cib-backup" ] && [ ! -e "$DIR/cib-was-empty" ]; then
    if [ -n "$(ls -A "$CIB_DIR" 2>/dev/null)" ]; then
      mkdir -p "$DIR/cib-backup" && cp -a "$CIB_DIR/." "$DIR/cib-backup/"
      log "backed up $CIB_DIR to $DIR/cib-backup"
    else
      touch "$DIR/cib-was-empty"
    fi
  fi
  mkdir -p "$CIB_DIR"
  find "$CIB_DIR" -mindepth 1 -delete
  cibadmin --empty > "$CIB_DIR/cib.xml"
  # No fencing device in the lab, and the default DC election wait (20 s) would dominate start time.
  CIB_file="$CIB_DIR/cib.xml" crm_attribute --type crm_config --name stonith-enabled --update false
  CIB_file="$CIB_DIR/cib.xml" crm_attribute --type crm_config --name dc-deadtime --update 2s
  printf '%s' "$(cibadmin --md5-sum -x "$CIB_DIR/cib.xml" 2>/dev/null)" > "$CIB_DIR/cib.xml.sig"
  chown -R hacluster:haclient "$CIB_DIR"
  chmod 600 "$CIB_DIR/cib.xml"
}

write_corosync_conf() {
  # One key per line: corosync's parser rejects text after an opening brace.
  cat > "$DIR/corosync.conf" <<EOF
totem {
	version: 2
	cluster_name: $CLUSTER
	crypto_cipher: none
	crypto_hash: none
	token: 1000
}
logging {
	to_logfile: yes
	logfile: $DIR/corosync.log
	to_syslog: no
	to_stderr: no
	timestamp: on
}
quorum {
	provider: corosync_votequorum
}
nodelist {
	node {
		name: $NODE
		nodeid: 1
		ring0_addr: 127.0.0.1
	}
}
EOF
}

do_start() {
  local t0 pid i
  t0="$(now_ms)"
  if our_running; then
    if node_online; then log "already running ($DIR)"; return 0; fi
    log "running but $NODE not online; restarting"
    do_stop
  elif [ -f "$PIDS" ]; then
    log "cleaning up a previous, half-dead lab in $DIR"
    do_stop
  fi
  for ((i = 0; ; i++)); do
    pid="$(foreign_cluster)" || break
    if [ "$i" -ge "$((WAIT * 2))" ]; then
      log "a cluster this lab did not start is running (pid $pid: $(cat /proc/"$pid"/comm 2>/dev/null)); not touching it"
      exit 3
    fi
    [ "$i" = 0 ] && log "waiting up to $WAIT s for another cluster (pid $pid) to stop"
    # Let its owner take the lock to stop it while we wait.
    flock -u 9; sleep 0.5; flock 9
  done

  for t in corosync pacemakerd corosync-cfgtool crm_mon cibadmin crm_attribute; do
    command -v "$t" > /dev/null || { log "$t not found: apt-get install -y pacemaker pacemaker-cli-utils corosync"; exit 4; }
  done
  rm -f "$DIR"/*.log "$DIR"/*.out
  # Time spent waiting for someone else's cluster is not start-up time.
  t0="$(now_ms)"
  touch "$DIR/started"
  write_corosync_conf
  seed_cib
  # Pacemaker's runtime dirs; with no systemd nobody else creates them.
  mkdir -p /var/run/crm /var/log/pacemaker
  chown hacluster:haclient /var/run/crm /var/log/pacemaker
  touch "$DIR/pacemaker.log" && chown hacluster:haclient "$DIR/pacemaker.log"

  # 9>&-: the daemons must not inherit (and so hold forever) the lock.
  # setsid: the cluster must not die with the caller's terminal or test runner session;
  # </dev/null and log files: a caller reading our stdout must not wait for the daemons to exit.
  setsid corosync -f -c "$DIR/corosync.conf" < /dev/null > "$DIR/corosync.out" 2>&1 9>&- &
  record corosync $! || { log "corosync exited at once: $(tail -5 "$DIR/corosync.out")"; do_stop; exit 1; }
  for ((i = 0; i < 100; i++)); do
    corosync-cfgtool -s > /dev/null 2>&1 && break
    sleep 0.1
  done
  corosync-cfgtool -s > /dev/null 2>&1 || { log "corosync did not answer in 10 s; see $DIR/corosync.log"; do_stop; exit 1; }
  log "corosync up after $(( $(now_ms) - t0 )) ms"

  PCMK_logfile="$DIR/pacemaker.log" setsid pacemakerd < /dev/null > "$DIR/pacemakerd.out" 2>&1 9>&- &
  record pacemakerd $! || { log "pacemakerd exited at once: $(tail -5 "$DIR/pacemakerd.out")"; do_stop; exit 1; }

  local last=-1 s
  while :; do
    if node_online; then break; fi
    s=$(( ($(now_ms) - t0) / 1000 ))
    if [ "$s" -ge "$TIMEOUT" ]; then
      log "$NODE not online after $TIMEOUT s; last lines of $DIR/pacemaker.log:"
      tail -20 "$DIR/pacemaker.log" >&2 || true
      do_stop
      exit 1
    fi
    if [ "$s" != "$last" ]; then log "waiting for $NODE to come online (${s}s)"; last="$s"; fi
    sleep 0.2
  done
  # Remember pacemakerd's children now: if pacemakerd dies they are reparented and `stop` could not find them.
  read -r pid _ < <(recorded pacemakerd)
  for c in $(pgrep -P "$pid"); do record child "$c" || true; done
  log "started in $(( $(now_ms) - t0 )) ms: $NODE online (logs in $DIR)"
}

do_status() {
  local name pid st
  if our_running; then
    echo "running (dir $DIR)"
    cat "$PIDS"
    if node_online; then crm_mon -1; return 0; fi
    echo "$NODE is not online yet"
    return 1
  fi
  if [ -f "$PIDS" ]; then
    echo "degraded (dir $DIR): some processes it started are gone; run: $0 stop --dir $DIR"
    while read -r name pid st; do
      if alive "$pid" "$st"; then echo "  $name $pid alive"; else echo "  $name $pid gone"; fi
    done < "$PIDS"
    return 1
  fi
  local pid
  if pid="$(foreign_cluster)"; then echo "stopped here; another cluster runs (pid $pid)"; return 3; fi
  echo "stopped"
  return 1
}

[ "$(id -u)" = 0 ] || { log "must run as root (corosync, pacemakerd and $CIB_DIR need it)"; exit 2; }
exec 9> "$LOCK"
case "$CMD" in
  start) flock 9; do_start ;;
  stop) flock 9; do_stop ;;
  status) do_status ;;
  *) echo "usage: $0 start|stop|status [--dir DIR] [--wait SECS]" >&2; exit 2 ;;
esac
