#!/usr/bin/env bash
# Prepares what the container tests need, from a bare Debian machine: podman with runc, the local busybox image
# localhost/tracing-busybox:1, and podman's Docker-compatible API on /run/podman/podman.sock.
# Idempotent: each step is skipped when already done, so a second run is a fast no-op. Called by .ci/run before the
# tests, and by the kernel tests' harness when the image or the API is missing. On failure it says why and exits 1:
# the container tests then fail with that reason; they never skip.
set -euo pipefail

image=localhost/tracing-busybox:1
socket=/run/podman/podman.sock
service_log=/run/podman/podman-service.log
conf=/etc/containers/containers.conf.d/50-tracing.conf
# The container-only user: it exists in the image and nowhere on the host.
ctr_uid=4242

fail() {
  echo "containers.sh: $*" >&2
  exit 1
}

# Two callers at once (CI and a test run) take turns; fd 9 is closed for the API service, which outlives us.
lock=/run/lock/tracing-containers.lock
[ "$(id -u)" = 0 ] || lock=/tmp/tracing-containers-$(id -u).lock
mkdir -p "$(dirname "$lock")"
exec 9>"$lock"
flock -w 600 9 || fail "another containers.sh has held $lock for 10 minutes"

# 1. Packages. busybox-static, not busybox: the image's only binary must need no shared library.
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in podman runc busybox-static curl; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
else
  for command in podman runc busybox curl; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
fi
if [ "${#missing[@]}" != 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    fail "missing ${missing[*]}; install them as root (apt-get install podman runc busybox-static curl)"
  fi
  echo "containers.sh: installing ${missing[*]}"
  if ! out=$(apt-get update -qq 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" 2>&1); then
    fail "apt-get install ${missing[*]} failed: $out"
  fi
fi

# 2. Podman's defaults. Here crun fails (it raises RLIMIT_NOFILE above the hard limit, and refuses hybrid cgroups):
# runc with limits at or below the hard ones works. The harness passes these flags itself; the defaults are for
# containers made through the API and for a person typing `podman run`.
wanted_conf='# Written by Tracing'"'"'s .ci/containers.sh: crun fails on this machine; runc with these limits works.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "runc"'
if [ "$(id -u)" = 0 ] && [ "$(cat "$conf" 2>/dev/null)" != "$wanted_conf" ]; then
  mkdir -p "$(dirname "$conf")"
  printf '%s\n' "$wanted_conf" >"$conf"
  echo "containers.sh: wrote $conf"
fi

# 3. The image. No registry is reachable, so it is imported from a root file system made here. A change to its
# content needs a new tag, or an existing image would be kept.
if ! podman image exists "$image"; then
  [ "$(id -u)" = 0 ] || fail "the image $image is missing; the container tests run as root, and so does this script"
  busybox=$(command -v busybox || true)
  [ -n "$busybox" ] || fail "busybox is not installed (apt-get install busybox-static)"
  # ldd succeeds only on a dynamically linked program.
  if LC_ALL=C ldd "$busybox" >/dev/null 2>&1; then
    fail "$busybox is dynamically linked; the image needs busybox-static"
  fi

  rootfs=$(mktemp -d /tmp/tracing-busybox-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs"/{bin,etc,root,tmp,proc,sys,dev,run,home/ctruser}
  cp "$busybox" "$rootfs/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
  done
  cat >"$rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/bin/sh
ctruser:x:$ctr_uid:$ctr_uid:container user:/home/ctruser:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
  cat >"$rootfs/etc/group" <<EOF
root:x:0:
ctruser:x:$ctr_uid:
nogroup:x:65534:
EOF
  chmod 1777 "$rootfs/tmp"
  chmod 700 "$rootfs/root"
  chown "$ctr_uid:$ctr_uid" "$rootfs/home/ctruser"

  if ! out=$(tar -C "$rootfs" --numeric-owner -c . |
    podman import --change 'CMD ["/bin/sh"]' --message 'Tracing container tests: busybox' - "$image" 2>&1); then
    fail "podman import of $image failed: $out"
  fi
  rm -rf "$rootfs"
  trap - EXIT
  echo "containers.sh: built $image"
fi

# 4. The Docker-compatible API. A service already answering is kept, whoever started it.
api_answers() { curl -fsS --max-time 2 --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; }
if ! api_answers; then
  [ "$(id -u)" = 0 ] || fail "nothing answers on $socket; the container tests run as root, and so does this script"
  mkdir -p "$(dirname "$socket")"
  rm -f "$socket" # nothing answers on it: a leftover of a service that has ended
  # Detached in a session of its own, with no descriptor of ours (fd 9 is the lock), so it outlives this script and
  # whoever ran it.
  setsid podman system service --time=0 "unix://$socket" </dev/null >>"$service_log" 2>&1 9>&- &
  service=$!
  for _ in $(seq 1 100); do
    api_answers && break
    kill -0 "$service" 2>/dev/null || fail "podman system service ended at once: $(tail -n 20 "$service_log")"
    sleep 0.1
  done
  api_answers || fail "podman system service does not answer on $socket after 10 s: $(tail -n 20 "$service_log")"
  echo "containers.sh: podman's API service (pid $service) answers on $socket; its log is $service_log"
fi
