#!/usr/bin/env bash
# Regenerates tests/fixtures: real outputs of Pacemaker's own tools (file mode + crm_simulate).
# usage: scripts/make-fixtures.sh [OUTDIR]   (default: a temp dir; pass tests/fixtures to rewrite them)
# Needs pacemaker-cli-utils. Timestamps and epochs differ run to run: unit tests that pin a time
# (tests/unit/pacemaker/config.test.ts) must be updated after rewriting tests/fixtures.
# Also writes crm_mon-full.xml per case: the output of lib/pacemaker CRM_MON_ARGS.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
here=$repo/tests/fixtures
out=$(realpath -m "${1:-$(mktemp -d /tmp/vigil-fixtures.XXXXXX)}"); mkdir -p "$out"; cd "$out"
log() { printf '| `%s` | `%s` |\n' "$1" "$2" >> "$out/.commands.md"; }
: > "$out/.commands.md"

# shellcheck source=cib-lib.sh
source "$repo/scripts/cib-lib.sh"
mon() { # dir: crm_mon outputs of its cib.xml
  local d=$out/$1
  CIB_file=$d/cib.xml crm_mon --one-shot --inactive --output-as=xml > "$d/crm_mon.xml" 2>/dev/null
  CIB_file=$d/cib.xml crm_mon --one-shot --inactive --show-node-attributes --output-as=xml > "$d/crm_mon-attrs.xml" 2>/dev/null
  CIB_file=$d/cib.xml crm_mon --one-shot --inactive --show-node-attributes --failcounts --output-as=text > "$d/crm_mon.txt" 2>/dev/null
  # crm_mon's default view (`vigil status` without -r): active resources only
  CIB_file=$d/cib.xml crm_mon --one-shot --show-node-attributes --failcounts --output-as=text > "$d/crm_mon-active.txt" 2>/dev/null
  CIB_file=$d/cib.xml crm_mon --one-shot --inactive --include=all --fence-history=3 --output-as=xml > "$d/crm_mon-full.xml" 2>/dev/null
}

demo() { # the demo cluster of design.md (seed 001's cluster), built by the same script the demo uses
  mkdir -p "$out/$1"; export CIB_file=$out/$1/cib.xml
  VIGIL_DEMO_LAST_WRITTEN="Tue Nov 24 10:00:00 2026" bash "$repo/scripts/demo-cib.sh" "$CIB_file"
}
cp_demo() { mkdir -p "$out/variants/$1"; cp "$out/demo/cib.xml" "$out/variants/$1/cib.xml"; export CIB_file=$out/variants/$1/cib.xml; }

demo demo; mon demo
log demo/cib.xml "tools/make-fixtures.sh: cibadmin/crm_attribute on an empty CIB, then crm_simulate -x cib.xml -q true -u node2 -u node3 -u node4 -S -O cib.xml (repeated until stable)"
log demo/crm_mon.xml "CIB_file=cib.xml crm_mon --one-shot --inactive --output-as=xml"
log demo/crm_mon-attrs.xml "CIB_file=cib.xml crm_mon --one-shot --inactive --show-node-attributes --output-as=xml"
log demo/crm_mon.txt "CIB_file=cib.xml crm_mon --one-shot --inactive --show-node-attributes --failcounts"
log demo/crm_mon-active.txt "CIB_file=cib.xml crm_mon --one-shot --show-node-attributes --failcounts"

v() { mon "variants/$1"; log "variants/$1/" "$2"; }
cp_demo standby; crm_standby -N node3 -v on >/dev/null; settle; v standby "crm_standby -N node3 -v on; crm_simulate -S"
cp_demo offline; crm_simulate -x "$CIB_file" -q true -f node4 -S -O "$CIB_file.tmp" >/dev/null 2>&1 && mv "$CIB_file.tmp" "$CIB_file"; v offline "crm_simulate --node-fail node4 -S (fencing simulated)"
cp_demo failed-op; crm_simulate -x "$CIB_file" -q true -i WebService2_monitor_30000@node3=7 -S -O "$CIB_file.tmp" >/dev/null 2>&1 && mv "$CIB_file.tmp" "$CIB_file"; v failed-op "crm_simulate --op-inject WebService2_monitor_30000@node3=7 -S"
cp_demo failed-stop; crm_simulate -x "$CIB_file" -q true -i WebService1_monitor_30000@node2=1 -F WebService1_stop_0@node2=1 -S -O "$CIB_file.tmp" >/dev/null 2>&1 && mv "$CIB_file.tmp" "$CIB_file"; v failed-stop "crm_simulate --op-inject WebService1_monitor_30000@node2=1 --op-fail WebService1_stop_0@node2=1 -S (stop failure: fencing)"
cp_demo maintenance; prop maintenance-mode true; settle; v maintenance "crm_attribute -n maintenance-mode -v true"
cp_demo node-maintenance; crm_attribute -t nodes -N node4 -n maintenance -v true >/dev/null; settle; v node-maintenance "crm_attribute -t nodes -N node4 -n maintenance -v true"
cp_demo unmanaged; crm_resource -r WebService3 --meta -p is-managed -v false >/dev/null; settle; v unmanaged "crm_resource -r WebService3 --meta -p is-managed -v false"
cp_demo stopped; crm_resource -r WebService2 --meta -p target-role -v Stopped >/dev/null; settle; v stopped "crm_resource -r WebService2 --meta -p target-role -v Stopped"
cp_demo move; crm_resource --move -r WebService1 -N node3 --lifetime PT1H >/dev/null 2>&1; settle; v move "crm_resource --move -r WebService1 -N node3 --lifetime PT1H"
cp_demo ban; crm_resource --ban -r WebService3 -N node4 >/dev/null 2>&1; settle; v ban "crm_resource --ban -r WebService3 -N node4"
cp_demo ticket; res "$(prim dr_ip ocf heartbeat IPaddr2 ip=192.0.2.130 cidr_netmask=24)"; con '<rsc_ticket id="dr_ip-with-ticketA" rsc="dr_ip" ticket="ticketA" loss-policy="stop"/>'; crm_ticket -t ticketA -g --force >/dev/null 2>&1; crm_ticket -t ticketB -r --force >/dev/null 2>&1; settle; v ticket "rsc_ticket constraint; crm_ticket -t ticketA -g --force; crm_ticket -t ticketB -r --force"
cp_demo no-quorum; sed -i '0,/have-quorum="[^"]*"/s//have-quorum="0"/' "$CIB_file"; crm_simulate -x "$CIB_file" -q false -S -O "$CIB_file.tmp" >/dev/null 2>&1 && mv "$CIB_file.tmp" "$CIB_file"; v no-quorum "have-quorum=0 on the cib element; crm_simulate -q false -S (no-quorum-policy=stop stops everything)"
cp_demo no-stonith; cibadmin -D -X '<primitive id="my_ping_fence_device"/>' >/dev/null; settle; v no-stonith "cibadmin -D my_ping_fence_device (stonith-enabled=true, no device: crm_mon warns)"
cp_demo acl; prop enable-acl true
  cibadmin -C -o configuration -X '<acls><acl_role id="read-only"><acl_permission id="read-only-read" kind="read" xpath="/cib"/></acl_role></acls>' >/dev/null
  cibadmin -C -o acls -X '<acl_role id="operator"><acl_permission id="operator-read" kind="read" xpath="/cib"/><acl_permission id="operator-write-status" kind="write" xpath="//nvpair[@name=&quot;target-role&quot;]"/><acl_permission id="operator-write-constraints" kind="write" xpath="//constraints"/></acl_role>' >/dev/null
  cibadmin -C -o acls -X '<acl_target id="viewer1"><role id="read-only"/></acl_target>' >/dev/null
  cibadmin -C -o acls -X '<acl_target id="oper1"><role id="operator"/></acl_target>' >/dev/null
  v acl "crm_attribute -n enable-acl -v true; cibadmin -C -o acls (roles read-only, operator; targets viewer1, oper1)"
cp_demo tags-alerts; cibadmin -C -o configuration -X '<tags><tag id="web"><obj_ref id="WebService1"/><obj_ref id="WebService2"/><obj_ref id="WebService3"/></tag></tags>' >/dev/null
  cibadmin -C -o configuration -X '<alerts><alert id="log-alert" path="/usr/share/pacemaker/alerts/alert_file.sh.sample"><instance_attributes id="log-alert-ia"><nvpair id="log-alert-file" name="logfile" value="/var/log/pcmk_alert.log"/></instance_attributes><recipient id="log-alert-r1" value="/var/log/pcmk_alert.log"/></alert></alerts>' >/dev/null
  cibadmin -C -o configuration -X '<fencing-topology><fencing-level id="fl-node2-1" target="node2" index="1" devices="my_ping_fence_device"/></fencing-topology>' >/dev/null
  v tags-alerts "tag web; an alert with a recipient; a fencing level"
cp_demo utilization; prop placement-strategy balanced
  for n in node2 node3 node4; do crm_attribute -t nodes -N $n -z -n cpu -v 8 >/dev/null; crm_attribute -t nodes -N $n -z -n memory -v 16384 >/dev/null; done
  for i in 1 2 3; do crm_resource -r WebService$i -z -p cpu -v 2 >/dev/null; crm_resource -r WebService$i -z -p memory -v 2048 >/dev/null; done
  settle; v utilization "placement-strategy=balanced; crm_attribute -z (node utilization); crm_resource -z (resource utilization)"

# bundles and remote nodes: configuration only (no container runtime here)
cp_demo bundle-remote; res '<bundle id="httpd-bundle"><podman image="localhost/httpd:latest" replicas="2"/><network ip-range-start="192.0.2.200" host-interface="eth0" host-netmask="24"><port-mapping id="httpd-port" port="80"/></network><primitive id="httpd" class="ocf" provider="heartbeat" type="apache"/></bundle>'
  res "$(prim remote1 ocf pacemaker remote server=192.0.2.150)"; settle node2 node3 node4 remote1; v bundle-remote "a podman bundle (2 replicas) and an ocf:pacemaker:remote node remote1"

# simulate: what-ifs on the demo
mkdir -p "$out/simulate"; S=$out/simulate; D=$out/demo/cib.xml
crm_simulate -x "$D" -q true -s > "$S/scores.txt" 2>&1; log simulate/scores.txt "crm_simulate -x demo/cib.xml -q true --show-scores"
crm_simulate -x "$D" -q true -f node3 -S > "$S/node3-fails.txt" 2>&1; log simulate/node3-fails.txt "crm_simulate -x demo/cib.xml -q true --node-fail node3 --simulate"
crm_simulate -x "$D" -q true -f node3 -S --output-as=xml > "$S/node3-fails.xml" 2>&1; log simulate/node3-fails.xml "same, --output-as=xml"
cp "$D" "$S/move-WebService1.cib.xml"; CIB_file=$S/move-WebService1.cib.xml crm_resource --move -r WebService1 -N node3 >/dev/null 2>&1
crm_simulate -x "$S/move-WebService1.cib.xml" -q true -S > "$S/move-WebService1.txt" 2>&1; log simulate/move-WebService1.txt "CIB_file=copy crm_resource --move -r WebService1 -N node3; crm_simulate -x copy -q true -S"
crm_simulate -x "$S/move-WebService1.cib.xml" -q true -S --output-as=xml > "$S/move-WebService1.xml" 2>&1; log simulate/move-WebService1.xml "same, --output-as=xml"
cp "$D" "$S/move-group.cib.xml"; CIB_file=$S/move-group.cib.xml crm_resource --move -r virtual_ip -N node4 > "$S/move-group.move-output.txt" 2>&1; echo "exit $?" >> "$S/move-group.move-output.txt"
crm_simulate -x "$S/move-group.cib.xml" -q true -S > "$S/move-group.txt" 2>&1; log simulate/move-group.txt "crm_resource --move -r virtual_ip (a group member) -N node4; crm_simulate -S"
crm_simulate -x "$D" -q true -R --show-utilization > "$S/run-utilization.txt" 2>&1
crm_simulate -x "$D" -q true -S -G "$S/node-fail.graph.xml" -f node2 >/dev/null 2>&1; log simulate/node-fail.graph.xml "crm_simulate -f node2 -S --save-graph (the transition graph)"

# diff / patch
mkdir -p "$out/diff"; cp "$D" "$out/diff/old.xml"; cp "$D" "$out/diff/new.xml"
CIB_file=$out/diff/new.xml crm_resource -r WebService2 --meta -p resource-stickiness -v 200 >/dev/null
CIB_file=$out/diff/new.xml cibadmin -C -o constraints -X '<rsc_colocation id="ws1-with-ws2" rsc="WebService1" with-rsc="WebService2" score="-100"/>' >/dev/null
crm_diff -o "$out/diff/old.xml" -n "$out/diff/new.xml" > "$out/diff/patch.xml"; echo "crm_diff exit $? (1 = differences found)" > "$out/diff/README.txt"
crm_diff -o "$out/diff/old.xml" -n "$out/diff/new.xml" -c > "$out/diff/patch-cib-only.xml" 2>&1
cp "$out/diff/old.xml" "$out/diff/applied.xml"; CIB_file=$out/diff/applied.xml cibadmin --patch -x "$out/diff/patch.xml" >> "$out/diff/README.txt" 2>&1; echo "cibadmin --patch exit $?" >> "$out/diff/README.txt"
log diff/patch.xml "crm_diff -o old.xml -n new.xml; CIB_file=applied.xml cibadmin --patch -x patch.xml"

# metadata
mkdir -p "$out/metadata"; M=$out/metadata
for a in ocf:heartbeat:IPaddr2 ocf:heartbeat:apache ocf:heartbeat:ldirectord ocf:heartbeat:Filesystem ocf:pacemaker:Stateful ocf:pacemaker:ping ocf:pacemaker:Dummy ocf:pacemaker:remote; do
  crm_resource --show-metadata "$a" > "$M/${a//:/_}.xml" 2>"$M/${a//:/_}.err"; [ -s "$M/${a//:/_}.err" ] || rm -f "$M/${a//:/_}.err"; done
stonith_admin --metadata -a fence_heuristics_ping > "$M/stonith_fence_heuristics_ping.xml" 2>&1
crm_resource --list-standards > "$M/list-standards.txt" 2>&1
crm_resource --list-ocf-providers > "$M/list-ocf-providers.txt" 2>&1
crm_resource --list-agents ocf:heartbeat > "$M/list-agents-ocf-heartbeat.txt" 2>&1
crm_resource --list-agents ocf:pacemaker > "$M/list-agents-ocf-pacemaker.txt" 2>&1
crm_resource --list-agents stonith > "$M/list-agents-stonith.txt" 2>&1
for d in schedulerd controld based fenced; do /usr/lib/pacemaker/pacemaker-$d metadata > "$M/pacemaker-$d.xml" 2>&1; done
log metadata/ "crm_resource --show-metadata CLASS:PROVIDER:TYPE; stonith_admin --metadata -a AGENT; crm_resource --list-*; /usr/lib/pacemaker/pacemaker-{schedulerd,controld,based,fenced} metadata"

# errors: command, exit code, stdout, stderr
mkdir -p "$out/errors"; E=$out/errors
err() { # name, env-or-'-', command...
  local name=$1 envv=$2; shift 2
  if [ "$envv" = - ]; then "$@" > "$E/$name.stdout" 2> "$E/$name.stderr"; else env "$envv" "$@" > "$E/$name.stdout" 2> "$E/$name.stderr"; fi
  local rc=$?; printf '%s\n' "$rc" > "$E/$name.rc"
  printf '| %s | `%s %s` | %s |\n' "$name" "$([ "$envv" = - ] || echo "$envv")" "$*" "$rc" >> "$E/README.md"
}
printf '# Error outputs of Pacemaker 2.1.5\n\n| case | command (CIB_file paths relative to fixtures/) | exit |\n|---|---|---|\n' > "$E/README.md"
cp "$D" "$E/cib.xml"; cd "$E"
err crm_mon-missing-cib CIB_file=missing.xml crm_mon --one-shot --output-as=xml
err crm_mon-garbage-cib CIB_file=garbage.xml sh -c 'printf "not xml" > garbage.xml; crm_mon --one-shot --output-as=xml'
err cibadmin-invalid-xml CIB_file=cib.xml cibadmin -C -o resources -X '<primitive id="x" class="ocf"'
err cibadmin-schema-violation CIB_file=cib.xml cibadmin -C -o resources -X '<primitive id="y" class="nonsense" type="z"/>'
err crm_resource-move-unknown CIB_file=cib.xml crm_resource --move -r NoSuchResource -N node3
err crm_resource-move-unknown-node CIB_file=cib.xml crm_resource --move -r WebService1 -N node9
err crm_attribute-unknown-node CIB_file=cib.xml crm_attribute -N node9 -n foo -v bar
err crm_resource-cleanup-file-mode CIB_file=cib.xml crm_resource --cleanup -r WebService1
err crm_node-list-file-mode CIB_file=cib.xml crm_node -l
err cibadmin-constraint-unknown-rsc CIB_file=cib.xml cibadmin -C -o constraints -X '<rsc_location id="loc-ghost" rsc="Ghost" node="node2" score="100"/>'
cp ../variants/no-stonith/cib.xml no-stonith.xml
err crm_verify-no-stonith - crm_verify -x no-stonith.xml -V
err crm_verify-ok - crm_verify -x cib.xml
cp ../variants/acl/cib.xml acl.xml
err acl-viewer-modify "CIB_file=acl.xml" sh -c 'CIB_user=viewer1 crm_resource -r WebService1 --meta -p target-role -v Stopped'
err acl-viewer-read "CIB_file=acl.xml" sh -c 'CIB_user=viewer1 cibadmin -Q -o resources >/dev/null'
err acl-operator-stop "CIB_file=acl.xml" sh -c 'CIB_user=oper1 crm_resource -r WebService1 --meta -p target-role -v Stopped'
err acl-operator-edit-primitive "CIB_file=acl.xml" sh -c 'CIB_user=oper1 cibadmin -M -o resources -X "<primitive id=\"WebService1\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"'
rm -f garbage.xml; cd "$out"

# large: generated clusters (status synthesized: crm_simulate from an empty status is far too slow here)
mkdir -p "$out/large"; gen=$here/large/generate.py; [ "$gen" -ef "$out/large/generate.py" ] || cp "$gen" "$out/large/generate.py"
: > "$out/large/timings.txt"
for sz in "3 10" "8 100" "32 500"; do set -- $sz; f=$out/large/cib-$1x$2.xml
  python3 "$out/large/generate.py" $1 $2 "$f" --failures 3
  t0=$(date +%s%N); CIB_file=$f crm_mon --one-shot --inactive --output-as=xml > "$out/large/crm_mon-$1x$2.xml" 2>/dev/null; t1=$(date +%s%N)
  echo "$1 nodes x $2 resources: cib $(stat -c %s "$f") B, crm_mon XML $(stat -c %s "$out/large/crm_mon-$1x$2.xml") B, crm_mon $(( (t1-t0)/1000000 )) ms" >> "$out/large/timings.txt"
done
for f in "$out"/large/*.xml; do [ "$(stat -c %s "$f")" -gt 1000000 ] && gzip -9 -f "$f"; done
log large/ "python3 large/generate.py NODES RESOURCES cib.xml --failures 3; CIB_file=cib.xml crm_mon --one-shot --inactive --output-as=xml (files over 1 MB gzipped)"
grep -rlI -- "$out/" "$out" | xargs -r sed -i "s|$out/||g"   # no machine paths in the fixtures
echo "fixtures written to $out"
