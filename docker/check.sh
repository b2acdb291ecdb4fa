#!/usr/bin/env bash
# Checks docker/Dockerfile without a Docker engine: every FROM becomes a fresh Debian root made by
# debootstrap (the release the FROM names), and the stage's WORKDIR, ENV, COPY and RUN lines are
# executed in it with chroot, in order, as docker build would. Then the ENTRYPOINT runs `devices` in
# the runtime root as the USER the Dockerfile names (no GPU here, so it must report that
# libnvidia-opencl.so.1 gives no platform) and, with PoCL added to that root, must list a device and
# run an OpenCL entropy; last, a CPU-only compress of the bundled example writes into WORKDIR.
# Needs root, debootstrap, and network access to a Debian mirror and Maven Central. Extra CA
# certificates of the host (/usr/local/share/ca-certificates, e.g. a TLS-inspecting proxy's) are put
# into each root before its steps, so the stage's own ca-certificates install trusts them too.
# Usage: docker/check.sh [WORK_DIR]   (default /tmp/atomcover-docker-check; several GB)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/atomcover-docker-check}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
dockerfile="$repo/docker/Dockerfile"
mkdir -p "$work"

log() { echo "check: $*" >&2; }

in_root() { # root, workdir, env file, command   (as root, or as $as_user when it is set)
    local root="$1" wd="$2" envf="$3"; shift 3
    local spec=() home=/root
    if [[ -n "${as_user:-}" ]]; then
        spec=("--userspec=$(chroot "$root" id -u "$as_user"):$(chroot "$root" id -g "$as_user")")
        home="$(chroot "$root" getent passwd "$as_user" | cut -d: -f6)"
    fi
    chroot "${spec[@]}" "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$home" \
        /bin/bash -c "set -e; set -a; . '$envf'; set +a; mkdir -p '$wd'; cd '$wd'; $*"
}

mount_root() {
    local r="$1"
    mount --bind /proc "$r/proc"; mount --bind /dev "$r/dev"; mount --bind /sys "$r/sys"
    cp /etc/resolv.conf "$r/etc/resolv.conf"
}

umount_root() {
    local r="$1"
    umount "$r/sys" 2>/dev/null || true; umount "$r/dev" 2>/dev/null || true; umount "$r/proc" 2>/dev/null || true
}

base_root() { # suite -> path of a pristine debootstrapped tree (cached)
    local suite="$1" base="$work/base-$1"
    if [[ ! -f "$base/.complete" ]]; then
        log "debootstrap $suite (minbase) into $base"
        rm -rf "$base"
        debootstrap --variant=minbase "$suite" "$base" "$mirror" >&2
        touch "$base/.complete"
    fi
    echo "$base"
}

declare -A stage_root
stage=0; root=""; wd="/"; envf=""; name=""; user=""; entrypoint=""
trap '[[ -n "$root" ]] && umount_root "$root"' EXIT

# Joins continuation lines, drops comments and blank lines.
mapfile -t lines < <(sed -e 's/[[:space:]]*#.*$//' "$dockerfile" | awk '/\\$/ { sub(/\\$/, ""); buf = buf $0; next } { print buf $0; buf = "" }' | grep -v '^[[:space:]]*$')

for line in "${lines[@]}"; do
    read -r instr rest <<<"$line"
    case "$instr" in
        FROM)
            [[ -n "$root" ]] && umount_root "$root"
            image="$(awk '{print $1}' <<<"$rest")"
            name="$(awk 'toupper($2) == "AS" {print $3}' <<<"$rest")"
            [[ "$image" == debian:* ]] || { log "unsupported base image $image"; exit 1; }
            suite="${image#debian:}"; suite="${suite%-slim}"
            stage=$((stage + 1)); root="$work/stage$stage"
            log "stage $stage ($image${name:+ as $name}) in $root"
            rm -rf "$root"; cp -a "$(base_root "$suite")" "$root"; rm -f "$root/.complete"
            mount_root "$root"
            if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
                mkdir -p "$root/usr/local/share/ca-certificates"
                cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
            fi
            envf="/.check-env"; : > "$root$envf"; wd="/"; user=""; entrypoint=""
            [[ -n "$name" ]] && stage_root[$name]="$root"
            ;;
        WORKDIR) wd="$rest"; mkdir -p "$root$wd" ;;
        ENV)
            # KEY=VALUE pairs (as written in this Dockerfile)
            for kv in $rest; do echo "$kv" >> "$root$envf"; done ;;
        COPY)
            if [[ "$rest" == --from=* ]]; then
                from="${rest%% *}"; from="${from#--from=}"; args="${rest#* }"
                src="${stage_root[$from]}$(awk '{print $1}' <<<"$args")"
            else
                args="$rest"; src="$repo/$(awk '{print $1}' <<<"$args")"
            fi
            dst="$(awk '{print $2}' <<<"$args")"; [[ "$dst" == /* ]] || dst="$wd/$dst"
            log "COPY $src -> $dst"
            if [[ -d "$src" ]]; then
                mkdir -p "$root$dst"
                (cd "$src" && tar --exclude=./.git --exclude='*/target' --exclude=./wt -cf - .) | tar -C "$root$dst" -xf -
            else
                mkdir -p "$(dirname "$root$dst")"; cp "$src" "$root$dst"
            fi ;;
        RUN) log "RUN $rest"; in_root "$root" "$wd" "$envf" "$rest" ;;
        USER) user="$rest"; log "USER $user (for the checks below)" ;;
        ENTRYPOINT)
            # exec form with one element, e.g. ["/usr/local/bin/atomcover"]
            entrypoint="$(sed -e 's/^\[[[:space:]]*"//' -e 's/"[[:space:]]*\]$//' <<<"$rest")"
            log "ENTRYPOINT $entrypoint (for the checks below)" ;;
        CMD|LABEL|EXPOSE|ARG) log "$instr (not executed) $rest" ;;
        *) log "unknown instruction $instr"; exit 1 ;;
    esac
done

[[ -n "$user" && "$user" != root && "$user" != 0 ]] || { log "the runtime stage runs as root (no USER)"; exit 1; }
[[ -n "$entrypoint" ]] || { log "the runtime stage has no ENTRYPOINT"; exit 1; }
log "runtime root, as $user: $entrypoint devices (no GPU: expect 'no OpenCL platform')"
out="$(as_user="$user" in_root "$root" "$wd" "$envf" "$entrypoint devices")"
echo "$out"
grep -q "no OpenCL platform" <<<"$out"
grep -q "libnvidia-opencl.so.1" "$root/etc/OpenCL/vendors/nvidia.icd"
grep -q "compute" "$root$envf"
log "runtime root, as $user: CPU-only compress of the bundled example into $wd"
as_user="$user" in_root "$root" "$wd" "$envf" "$entrypoint compress /opt/atomcover/examples/mlearn-si/Si-test.extxyz -s 5 -o si-5.json --backend cpu"
[[ -s "$root$wd/si-5.json" ]]
log "runtime root + PoCL: a device must be listed and used"
in_root "$root" / "$envf" "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends pocl-opencl-icd >/dev/null"
out="$(as_user="$user" in_root "$root" "$wd" "$envf" "$entrypoint devices")"
echo "$out"
grep -q "device 0:" <<<"$out"
as_user="$user" in_root "$root" "$wd" "$envf" "$entrypoint entropy /opt/atomcover/examples/mlearn-si/Si-test.extxyz --backend opencl --device 0"
log "OK"
