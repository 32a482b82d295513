#!/usr/bin/env bash
# Builds the demo cluster's CIB (design.md: seed 001's cluster) from scratch with Pacemaker's own tools.
# usage: scripts/demo-cib.sh OUT.xml   (needs pacemaker-cli-utils; writes OUT.xml atomically)
set -euo pipefail
out=$(realpath -m "${1:?usage: demo-cib.sh OUT.xml}")
mkdir -p "$(dirname "$out")"
work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-demo-cib.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CIB_file=$work/cib.xml

cibadmin --empty > "$CIB_file"
i=1; for n in node2 node3 node4; do cibadmin -C -o nodes -X "<node id=\"$i\" uname=\"$n\"/>"; i=$((i+1)); done
# shellcheck source=cib-lib.sh
source "$(dirname "$0")/cib-lib.sh"

prop cluster-name democluster; prop stonith-enabled true; prop no-quorum-policy stop
# What a live DC writes and file mode does not: stack, DC version, DC id, last change, quorum.
prop cluster-infrastructure corosync; prop dc-version 2.1.5-a3f44794f94
# VIGIL_DEMO_LAST_WRITTEN pins the time (scripts/make-fixtures.sh makes reproducible fixtures with it).
now=${VIGIL_DEMO_LAST_WRITTEN:-$(LC_ALL=C date -u '+%a %b %e %H:%M:%S %Y')}
sed -i "0,/<cib /s//<cib dc-uuid=\"1\" have-quorum=\"1\" cib-last-written=\"$now\" update-origin=\"node2\" update-client=\"cibadmin\" update-user=\"root\" /" "$CIB_file"
# crm_attribute -t rsc_defaults fails in 2.1.5; a section that does not exist yet must be created whole.
cibadmin -C -o configuration -X '<rsc_defaults><meta_attributes id="rsc-options"><nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>' >/dev/null
res "$(prim my_ping_fence_device stonith - fence_heuristics_ping ping_targets=192.0.2.1)"
res "<group id=\"balanceGroup\">$(prim virtual_ip ocf heartbeat IPaddr2 ip=192.0.2.120 cidr_netmask=24)$(prim my_lvs ocf heartbeat ldirectord configfile=/etc/ha.d/ldirectord.cf)</group>"
for i in 1 2 3; do res "$(prim WebService$i ocf heartbeat apache configfile=/etc/httpd/conf/httpd.conf statusurl=http://127.0.0.1/server-status)"; done
con '<rsc_location id="location-WebService1-node2-100" rsc="WebService1" node="node2" score="100"/>'
con '<rsc_location id="location-WebService2-node3-100" rsc="WebService2" node="node3" score="100"/>'
con '<rsc_location id="location-WebService3-node4-100" rsc="WebService3" node="node4" score="100"/>'
res "<clone id=\"ping-clone\">$(prim ping ocf pacemaker ping host_list=192.0.2.1 multiplier=1000)</clone>"
res "<clone id=\"pgsql-clone\"><meta_attributes id=\"pgsql-clone-meta\"><nvpair id=\"pgsql-clone-promotable\" name=\"promotable\" value=\"true\"/><nvpair id=\"pgsql-clone-pmax\" name=\"promoted-max\" value=\"1\"/></meta_attributes>$(prim pgsql ocf pacemaker Stateful)</clone>"
con '<rsc_colocation id="colocation-balanceGroup-ping-clone-INFINITY" rsc="balanceGroup" with-rsc="ping-clone" score="INFINITY"/>'
con '<rsc_order id="order-ping-clone-balanceGroup-mandatory" first="ping-clone" first-action="start" then="balanceGroup" then-action="start" kind="Mandatory"/>'
con '<rsc_location id="location-balanceGroup-pingd" rsc="balanceGroup"><rule id="location-balanceGroup-pingd-rule" score="-INFINITY" boolean-op="or"><expression id="location-balanceGroup-pingd-expr1" attribute="pingd" operation="not_defined"/><expression id="location-balanceGroup-pingd-expr2" attribute="pingd" operation="lte" value="0" type="number"/></rule></rsc_location>'
crm_attribute -t nodes -N node2 -n role -v master >/dev/null
crm_attribute -t nodes -N node3 -n role -v standby >/dev/null
crm_attribute -t nodes -N node4 -n role -v standby >/dev/null
settle node2 node3 node4
# What the ping and Stateful agents would set on a live cluster.
for n in node2 node3 node4; do crm_attribute -N $n -n pingd -v 1000 -l reboot >/dev/null; done
crm_attribute -N node2 -n master-pgsql -v 1000 -l reboot >/dev/null
crm_attribute -N node3 -n master-pgsql -v 100 -l reboot >/dev/null
crm_attribute -N node4 -n master-pgsql -v 100 -l reboot >/dev/null
crm_attribute -N node2 -n pgsql-status -v PRI -l reboot >/dev/null
crm_attribute -N node3 -n pgsql-status -v HS:sync -l reboot >/dev/null
crm_attribute -N node4 -n pgsql-status -v HS:async -l reboot >/dev/null
settle
mv "$CIB_file" "$out.tmp.$$" && mv "$out.tmp.$$" "$out"
echo "demo CIB written to $out"
