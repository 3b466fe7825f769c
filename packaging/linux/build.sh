#!/usr/bin/env bash
# Builds the Linux release of FluenzR Desktop (`make package` runs this):
#   DIST/fluenzr/                                   the PyInstaller folder (packaging/fluenzr.spec)
#   DIST/fluenzr-desktop-<version>-linux-x86_64.tar.gz   that folder, to unpack anywhere
#   DIST/fluenzr-desktop_<version>_amd64.deb        the app in /opt/fluenzr, `fluenzr-desktop`
#                                                   and `fluenzr` on the PATH, a menu entry, icons
# Usage: packaging/linux/build.sh [--dist DIR] [--work DIR] [--fast]
#   defaults: dist/ and build/pyinstaller/; --fast compresses both installers with gzip -1
#   (same contents, ~35% larger, 2 minutes sooner: for the frozen-app smoke test).
# $PYTHON is the interpreter whose packages are frozen (default .venv/bin/python, which needs
# the `package` extra: pip install -e '.[package]'). Sizes are printed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/dist
WORK=$ROOT/build/pyinstaller
FAST=
while [ $# -gt 0 ]; do
  case $1 in
    --dist) DIST=$(realpath -m "$2"); shift 2 ;;
    --work) WORK=$(realpath -m "$2"); shift 2 ;;
    --fast) FAST=1; shift ;;
    *) echo "usage: $0 [--dist DIR] [--work DIR] [--fast]" >&2; exit 2 ;;
  esac
done
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
MAINTAINER=${DEB_MAINTAINER:-FluenzR Desktop <maintainers@fluenzr.invalid>}

fail() { echo "build.sh: error: $*" >&2; exit 1; }
[ "$(uname -m)" = x86_64 ] || fail "this recipe builds x86_64 (amd64) packages only"
command -v dpkg-deb >/dev/null || fail "dpkg-deb not found (apt-get install dpkg)"
"$PYTHON" -c "import PyInstaller" 2>/dev/null ||
  fail "PyInstaller is not installed for $PYTHON (pip install -e '.[package]')"

VERSION=$(cd "$ROOT" && "$PYTHON" -c "import fluenzr_desktop; print(fluenzr_desktop.__version__)")
# Debian orders 1.0~rc1 before 1.0; Python writes 1.0rc1 or 1.0.dev1.
DEB_VERSION=$(echo "$VERSION" | sed -E 's/\.?(a|b|rc|dev)([0-9]*)/~\1\2/g')
BUNDLE=$DIST/fluenzr
TARBALL=$DIST/fluenzr-desktop-$VERSION-linux-x86_64.tar.gz
DEB=$DIST/fluenzr-desktop_${DEB_VERSION}_amd64.deb

echo "== PyInstaller: $BUNDLE (version $VERSION)"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
  "$ROOT/packaging/fluenzr.spec"
[ -x "$BUNDLE/fluenzr-desktop" ] && [ -x "$BUNDLE/fluenzr" ] || fail "PyInstaller made no executables"
echo "   frozen in $(($(date +%s) - started)) s"

echo "== $TARBALL"
rm -f "$TARBALL"
if [ -n "$FAST" ]; then gzip_level=-1; else gzip_level=-9; fi
tar -C "$DIST" --owner=0 --group=0 --numeric-owner -cf - fluenzr | gzip "$gzip_level" > "$TARBALL"

echo "== $DEB"
# The Debian packages Qt's xcb platform needs at run time: the libraries among the
# Makefile's SYSTEM_PACKAGES (one list for the tests' machine and the package's users).
SYSTEM_PACKAGES=$(make -s --no-print-directory -C "$ROOT" \
  --eval 'fluenzr-print-system-packages: ; @echo $(SYSTEM_PACKAGES)' fluenzr-print-system-packages)
LIBRARIES=$(for package in $SYSTEM_PACKAGES; do case $package in lib*) echo "$package" ;; esac; done)
[ -n "$LIBRARIES" ] || fail "no library found in the Makefile's SYSTEM_PACKAGES"
GLIBC=$(getconf GNU_LIBC_VERSION | awk '{print $2}')  # the bundle links against this one
DEPENDS="libc6 (>= $GLIBC), libxcb1, $(echo $LIBRARIES | sed 's/ /, /g')"

STAGE=$WORK/deb-root
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications"
cp -a "$BUNDLE" "$STAGE/opt/fluenzr"
ln -s /opt/fluenzr/fluenzr-desktop "$STAGE/usr/bin/fluenzr-desktop"
ln -s /opt/fluenzr/fluenzr "$STAGE/usr/bin/fluenzr"
install -m 0644 "$ROOT/packaging/linux/fluenzr-desktop.desktop" \
  "$STAGE/usr/share/applications/fluenzr-desktop.desktop"
icons=0
for icon in "$ROOT"/resources/icons/fluenzr-*.png; do
  [ -e "$icon" ] || continue
  size=$(basename "$icon" .png); size=${size#fluenzr-}
  install -D -m 0644 "$icon" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/fluenzr-desktop.png"
  icons=$((icons + 1))
done
[ "$icons" -gt 0 ] || fail "no resources/icons/fluenzr-<size>.png to install"
if [ -e "$ROOT/resources/icons/fluenzr.svg" ]; then
  install -D -m 0644 "$ROOT/resources/icons/fluenzr.svg" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps/fluenzr-desktop.svg"
fi
chmod -R u+rwX,go+rX,go-w "$STAGE"
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: fluenzr-desktop
Version: $DEB_VERSION
Section: mail
Priority: optional
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Recommends: fonts-dejavu-core
Description: local-first cold-email sequencer for solo founders
 FluenzR Desktop drafts cold-email campaigns offline, imports contacts, draws
 each sequence on a canvas and sends it through your own SMTP account, watching
 your own IMAP inbox for replies, bounces and unsubscribes. Everything lives in
 one SQLite file in a workspace folder; no server is needed.
 .
 This package installs the desktop app (fluenzr-desktop) and the headless
 command (fluenzr) in /opt/fluenzr.
EOF
rm -f "$DEB"
if [ -n "$FAST" ]; then compression=(-Zgzip -z1); else compression=(-Zxz); fi
dpkg-deb --root-owner-group "${compression[@]}" --build "$STAGE" "$DEB" >/dev/null

echo "== sizes"
echo "   bundle   $(du -sh "$BUNDLE" | cut -f1)  $BUNDLE"
echo "   tar.gz   $(du -h "$TARBALL" | cut -f1)  $TARBALL"
echo "   deb      $(du -h "$DEB" | cut -f1)  $DEB"
