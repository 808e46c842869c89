#!/usr/bin/env bash
# Starts a real one-node Slurm on this machine, for the tests of `assay run --executor slurm`:
# installs Debian's slurm-wlm and munge when missing, writes a one-node configuration for this host
# (its name, its CPUs, memory below what is free), a munge key, starts munged, slurmctld and slurmd,
# and waits until `sinfo` shows the node idle. Run as root. Idempotent: daemons already running are
# left alone, and a node that answers idle ends the script at once.
#
#   scripts/start-slurm.sh            # then: sinfo; sbatch --array=0-3 --wrap 'hostname'
set -euo pipefail

conf_dir=/etc/slurm
state_dir=/var/spool/slurmctld
spool_dir=/var/spool/slurmd
log_dir=/var/log/slurm
timeout_seconds=${SLURM_START_TIMEOUT:-60}

if [ "$(id -u)" != 0 ]; then
  echo "start-slurm: must run as root (it installs packages and starts the Slurm daemons)" >&2
  exit 2
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 \
    || ! command -v sbatch >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "Installing slurm-wlm and munge..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# A daemon counts as running when a live process has its name: an exited one can linger as a zombie.
running() {
  pgrep --runstates R,S,D -x "$1" >/dev/null
}

node_idle() {
  sinfo --noheader --nodes="$host" --format=%t 2>/dev/null | grep -qx 'idle'
}

host=$(hostname -s)
if running slurmctld && running slurmd && node_idle; then
  echo "Slurm is already running: node $host idle"
  exit 0
fi

mkdir -p "$conf_dir" "$state_dir" "$spool_dir" "$log_dir"
cpus=$(nproc)
free_mb=$(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo)
# Slurm drains a node that reports less memory than configured, so stay well below what is free.
memory_mb=$(( free_mb * 9 / 10 ))
cat >"$conf_dir/slurm.conf" <<EOF
# Written by scripts/start-slurm.sh: one node, this machine.
ClusterName=assay
SlurmctldHost=$host
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$state_dir
SlurmdSpoolDir=$spool_dir
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=$log_dir/slurmctld.log
SlurmdLogFile=$log_dir/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
# Short scheduling intervals: the tests submit small arrays and wait for them.
SchedulerParameters=sched_interval=1,batch_sched_delay=0
MinJobAge=300
NodeName=$host CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge

running munged || su -s /bin/sh munge -c /usr/sbin/munged
running slurmctld || slurmctld
running slurmd || slurmd

for _ in $(seq 1 "$timeout_seconds"); do
  if node_idle; then
    echo "Slurm is running: node $host idle ($cpus CPUs, ${memory_mb} MB)"
    exit 0
  fi
  sleep 1
done

echo "start-slurm: node $host did not become idle within ${timeout_seconds}s; sinfo says:" >&2
sinfo >&2 || true
for log in "$log_dir/slurmctld.log" "$log_dir/slurmd.log" /var/log/munge/munged.log; do
  echo "--- tail of $log" >&2
  tail -20 "$log" >&2 2>/dev/null || echo "(no log)" >&2
done
exit 1
