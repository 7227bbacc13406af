#!/usr/bin/env bash
# testing/capacity-attack-run.sh SHAPE N TRUE_FLOWS ENGINE: one capacity search against an attack server,
# ramped like scripts/bench-capacity.ts (start a third of the true capacity, step a sixth, max 2x, 6 s steps).
# Prints one JSON line of the results; leaves the report dir and console log under /tmp/capattack/.
set -u
shape=$1; n=$2; truef=$3; engine=$4
cd "$(dirname "$0")/.."
export PATH=/work/shared/bin:$PATH
out=/tmp/capattack/$shape-$n-$engine-$(date +%H%M%S); mkdir -p "$out"
node --import tsx testing/capacity-attack-servers.ts "$shape" "$n" > "$out/server.url" 2> "$out/server.err" &
spid=$!
for i in $(seq 50); do grep -q http "$out/server.url" && break; sleep 0.2; done
url=$(grep -o 'http://[0-9.:]*' "$out/server.url")
r() { node -e "console.log(Math.round($1*100)/100)"; }
start=$(r "$truef/3"); step=$(r "$truef/6"); max=$(r "$truef*2")
up0=$(uptime | sed 's/.*average: //')
t0=$(date +%s)
node bin/token-suite.js verify --only load --base-url "$url" --find-capacity --capacity-start "$start" \
  --capacity-step "$step" --capacity-max "$max" --capacity-step-seconds 6 --report-dir "$out/report" \
  --engine "$engine" > "$out/console.log" 2>&1
code=$?
t1=$(date +%s)
up1=$(uptime | sed 's/.*average: //')
kill -TERM $spid; wait $spid 2>/dev/null
overloaded=$(grep -ci overloaded "$out/console.log")
node -e '
const fs=require("fs");const [dir,shape,n,truef,engine,code,up0,up1,ov,secs]=process.argv.slice(1);
const s=JSON.parse(fs.readFileSync(dir+"/report/summary.json","utf8"));const c=s.load?.capacity??{};
const srv=fs.readFileSync(dir+"/server.err","utf8").trim().split("\n").pop();
const found=c.capacity_flows_per_s;
console.log(JSON.stringify({shape,n:+n,engine,true_flows:+truef,found_flows:found,found_rps:c.capacity_rps,
 err_pct:found==null?null:Math.round((found-truef)/truef*100),first_broke:c.first_broke,exit:+code,
 console_overloaded_lines:+ov,load:[up0,up1],seconds:+secs,server:srv,dir,
 steps:(c.steps??[]).map(x=>[x.rate,x.achieved_flows_per_s,x.achieved_rps,x.held?"held":x.broke.join("+")])}));
' "$out" "$shape" "$n" "$truef" "$engine" "$code" "$up0" "$up1" "$overloaded" "$((t1-t0))"
