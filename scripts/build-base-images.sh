#!/usr/bin/env bash
# Builds assay/busybox:latest, the offline base image the example sandbox tasks start FROM:
# Debian's static busybox (one symlink per applet) and static bash, imported with `docker import`,
# since no registry can be pulled from here. Needs: docker, busybox-static, bash-static.
set -euo pipefail
image="${1:-assay/busybox:latest}"
busybox=$(command -v busybox || true)
bash_static=/bin/bash-static
if [ -z "$busybox" ] || [ ! -x "$bash_static" ]; then
  echo "build-base-images: needs busybox-static and bash-static (apt-get install -y busybox-static bash-static)" >&2
  exit 2
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/app" "$root/etc" "$root/root" "$root/usr/bin" "$root/logs"
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
cp "$bash_static" "$root/bin/bash"
ln -sf /bin/bash "$root/usr/bin/bash"
ln -sf /bin/env "$root/usr/bin/env"
echo 'root:x:0:0:root:/root:/bin/bash' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'WORKDIR /app' - "$image" >/dev/null
echo "built $image"
