# Shell helpers that build a CIB with Pacemaker's own tools, on the file named by $CIB_file.
# Sourced by scripts/demo-cib.sh and scripts/make-fixtures.sh.
prop() { crm_attribute -t crm_config -n "$1" -v "$2" >/dev/null; }
res() { cibadmin -C -o resources -X "$1"; }
con() { cibadmin -C -o constraints -X "$1"; }
prim() { # id class provider|- type [k=v ...]: a primitive with instance attributes and a monitor
  local id=$1 cls=$2 prov=$3 typ=$4; shift 4
  local attrs=""; for kv in "$@"; do attrs+="<nvpair id=\"$id-ia-${kv%%=*}\" name=\"${kv%%=*}\" value=\"${kv#*=}\"/>"; done
  local p=""; [ "$prov" != - ] && p="provider=\"$prov\""
  local iv=30s; [ "$cls" = stonith ] && iv=60s
  echo "<primitive id=\"$id\" class=\"$cls\" $p type=\"$typ\"><instance_attributes id=\"$id-ia\">$attrs</instance_attributes><operations><op id=\"$id-monitor\" name=\"monitor\" interval=\"$iv\"/></operations></primitive>"
}
settle() { # bring the named nodes up, then run transitions until stable
  local ups=(); for n in "$@"; do ups+=(-u "$n"); done
  crm_simulate -x "$CIB_file" -q true "${ups[@]}" -S -O "$CIB_file.tmp" >/dev/null 2>&1 && mv "$CIB_file.tmp" "$CIB_file"
  for _ in 1 2 3; do crm_simulate -x "$CIB_file" -q true -S -O "$CIB_file.tmp" >/dev/null 2>&1 && mv "$CIB_file.tmp" "$CIB_file"; done
}
