#!/usr/bin/env bash
# REST order latency against a real node: installs a fresh node of this clone's built distribution under
# target/node (new journal, accounts and limits every run), starts it on spare ports, gives the harness an API key
# with the trader role, runs RestOrderLatencyMain against it, and stops the node. Arguments go to the harness
# (e.g. --rate 1000 --seconds 60 --warmup 15).
#
# It never builds: build the distribution and this module first (see RESULTS.md). Settings of the node can be
# overridden for the run with Karaf's environment rule, <PID>_<KEY> (e.g. IO_ALPHINTRA_ENGINE_DURABILITY=write);
# the ones set below keep the node off the ports and the cluster of any other node on the machine, and lift the
# API's per-credential rate limit (etc/io.alphintra.api.cfg, requestsPerSecond 100 and burst 200 as shipped) above
# what the harness offers, so that no order is answered 429.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "${HERE}/../.." && pwd)"
export ALPHINTRA_HOME="${HERE}/target/node"
export IO_ALPHINTRA_HTTP_PORT="${IO_ALPHINTRA_HTTP_PORT:-18480}"
export ORG_APACHE_KARAF_SHELL_SSHPORT="${ORG_APACHE_KARAF_SHELL_SSHPORT:-18401}"
export ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT="${ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT:-18499}"
export ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT="${ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT:-18444}"
export IO_ALPHINTRA_CLUSTER_CLUSTERNAME="${IO_ALPHINTRA_CLUSTER_CLUSTERNAME:-alphintra-benchmark}"
export IO_ALPHINTRA_CLUSTER_PORT="${IO_ALPHINTRA_CLUSTER_PORT:-18701}"
export IO_ALPHINTRA_API_REQUESTSPERSECOND="${IO_ALPHINTRA_API_REQUESTSPERSECOND:-100000}"
export IO_ALPHINTRA_API_BURST="${IO_ALPHINTRA_API_BURST:-100000}"

HARNESS="${HERE}/target/benchmarks.jar"
[ -f "${HARNESS}" ] || { echo "no ${HARNESS}: build it first (mvn -pl benchmarks/api package)" >&2; exit 1; }
ARCHIVE="$(ls -t "${ROOT}"/karaf-distribution/target/alphintra-distribution-*.tar.gz 2>/dev/null | head -1 || true)"
[ -n "${ARCHIVE}" ] || { echo "no distribution in ${ROOT}/karaf-distribution/target: build it first (mvn -pl karaf-distribution install)" >&2; exit 1; }

cd "${ROOT}"
if ./alphintra status >/dev/null 2>&1; then
    echo "a node already runs at ${ALPHINTRA_HOME}; stop it first (ALPHINTRA_HOME=${ALPHINTRA_HOME} ./alphintra stop)" >&2
    exit 1
fi
rm -rf "${ALPHINTRA_HOME}"
mkdir -p "${ALPHINTRA_HOME}"
tar xzf "${ARCHIVE}" -C "${ALPHINTRA_HOME}" --strip-components=1
echo "node: ${ARCHIVE##*/} of $(date -r "${ARCHIVE}" -u '+%Y-%m-%d %H:%M UTC') at ${ALPHINTRA_HOME}, HTTP ${IO_ALPHINTRA_HTTP_PORT}"
"${ALPHINTRA_HOME}/bin/start"
trap './alphintra stop' EXIT
waited=0
until ./alphintra status >/dev/null 2>&1; do
    if [ "${waited}" -ge 180 ]; then
        echo "no healthy node after 180 s; see ${ALPHINTRA_HOME}/data/log/karaf.log" >&2
        exit 1
    fi
    sleep 1
    waited=$((waited + 1))
done
echo "node healthy after ${waited} s"
created="$(./alphintra client "alphintra:apikey-create --user bench --role trader --label benchmark")"
key="$(printf '%s\n' "${created}" | grep -o 'ak_[A-Za-z0-9_-]*' | head -1 || true)"
[ -n "${key}" ] || { echo "no API key in: ${created}" >&2; exit 1; }
# The node JVM's CPU time (user + system, clock ticks) from /proc, to state what each order cost the node.
node_cpu() { awk '{print $14 + $15}' "/proc/$(cat "${ALPHINTRA_HOME}/karaf.pid")/stat"; }
echo "machine: $(nproc) CPUs, $(uptime | sed 's/.*load average/load average/')"
cpu_before="$(node_cpu)"
started="$(date +%s)"
status=0
java -Xms1g -Xmx1g -jar "${HARNESS}" --url "http://127.0.0.1:${IO_ALPHINTRA_HTTP_PORT}" --key "${key}" "$@" || status=$?
cpu_used=$(( $(node_cpu) - cpu_before ))
echo "node CPU over the harness's $(( $(date +%s) - started )) s (warm-up and drain included): $(( cpu_used * 1000 / $(getconf CLK_TCK) )) ms"
echo "machine after: $(uptime | sed 's/.*load average/load average/')"
exit "${status}"
