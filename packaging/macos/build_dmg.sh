#!/usr/bin/env bash
# Build the macOS disk image of FluenzR Desktop: freeze, sign, make the .dmg, notarise, staple.
#
#   packaging/macos/build_dmg.sh          (on a Mac, from any folder; packaging/README.md)
#
# Output: dist/fluenzr-desktop-<version>-macos-<arch>.dmg holding "FluenzR Desktop.app".
#
# Everything secret comes from the environment (CI fills it from the repository's secrets):
#   MACOS_SIGNING_IDENTITY  the "Developer ID Application: Name (TEAMID)" certificate, already
#                           in a keychain (CI imports it into a temporary one first)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
#                           the Apple account, team and app-specific password for notarytool
# With none of them the build is ad-hoc signed and not notarised: fine to try on this Mac,
# refused by Gatekeeper elsewhere (a warning says so). With only some of them it stops.
#   PYTHON                  the Python with the app and PyInstaller installed
#                           (default: .venv/bin/python if present, else python3)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

warn() {
    if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::warning::$*"; else echo "build_dmg: warning: $*" >&2; fi
}
die() {
    echo "build_dmg: error: $*" >&2
    exit 1
}

[ "$(uname -s)" = Darwin ] || die "this builds the macOS app: run it on a Mac"
if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

IDENTITY=${MACOS_SIGNING_IDENTITY:-}
notary_set=0
for name in APPLE_ID APPLE_TEAM_ID APPLE_APP_PASSWORD; do
    if [ -n "${!name:-}" ]; then notary_set=$((notary_set + 1)); fi
done
if [ -n "$IDENTITY" ] && [ "$notary_set" -ne 3 ]; then
    die "MACOS_SIGNING_IDENTITY is set but not all of APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD: a signed app that is not notarised is still blocked by Gatekeeper"
fi
if [ -z "$IDENTITY" ] && [ "$notary_set" -ne 0 ]; then
    die "the Apple notarisation credentials are set but MACOS_SIGNING_IDENTITY is not: Apple notarises only Developer ID signed apps"
fi

VERSION=$("$PYTHON" -c 'import fluenzr_desktop; print(fluenzr_desktop.__version__)')
ARCH=$(uname -m)
APP="dist/FluenzR Desktop.app"
DMG="dist/fluenzr-desktop-$VERSION-macos-$ARCH.dmg"
PLIST="$APP/Contents/Info.plist"
ENTITLEMENTS=packaging/macos/entitlements.plist

echo "build_dmg: FluenzR Desktop $VERSION ($ARCH)"

# 1. Freeze. The spec's BUNDLE step (macOS only) wraps the one-folder build in the .app.
"$PYTHON" -m PyInstaller --noconfirm --clean packaging/fluenzr.spec
[ -d "$APP" ] || die "PyInstaller made no '$APP': packaging/fluenzr.spec needs its BUNDLE(name=\"FluenzR Desktop.app\") step"

# 2. Our Info.plist (bundle id, minimum macOS, category), with the package's version.
cp packaging/macos/Info.plist "$PLIST"
plutil -replace CFBundleShortVersionString -string "$VERSION" "$PLIST"
plutil -replace CFBundleVersion -string "$VERSION" "$PLIST"
plutil -lint "$PLIST"
if grep -q '@VERSION@' "$PLIST"; then die "the version placeholder is still in $PLIST"; fi
cp resources/icons/fluenzr.icns "$APP/Contents/Resources/fluenzr.icns"
[ -x "$APP/Contents/MacOS/fluenzr-desktop" ] || die "no Contents/MacOS/fluenzr-desktop, the CFBundleExecutable of Info.plist"

# 3. Sign, inside out as Apple asks: every library, extension module and Qt plugin, then
# each framework bundle, then the executables and the app with the entitlements. Each one
# gets our identity, so the hardened runtime's library validation accepts them all.
# (Info.plist changed, so PyInstaller's own signature is stale either way.)
if [ -n "$IDENTITY" ]; then
    SIGN=(codesign --force --sign "$IDENTITY" --timestamp --options runtime)
else
    warn "MACOS_SIGNING_IDENTITY is not set: ad-hoc signature, no notarisation; other Macs will refuse to open this app"
    # Ad hoc: no team, so no hardened runtime (its library validation needs a team).
    SIGN=(codesign --force --sign - --timestamp=none)
fi
while IFS= read -r -d '' file; do
    if [[ $(file -b "$file") == *Mach-O* ]]; then "${SIGN[@]}" "$file"; fi
done < <(find "$APP/Contents" -type f ! -path "$APP/Contents/MacOS/*" -print0)
# Frameworks deepest first (a framework may hold another).
while IFS= read -r framework; do
    "${SIGN[@]}" "$framework"
done < <(find "$APP/Contents" -type d -name '*.framework' | awk '{ print gsub("/", "/"), $0 }' |
    sort -rn | cut -d' ' -f2-)
for executable in "$APP/Contents/MacOS/"*; do
    if [[ $(file -b "$executable") == *Mach-O* ]]; then
        "${SIGN[@]}" --entitlements "$ENTITLEMENTS" "$executable"
    fi
done
"${SIGN[@]}" --entitlements "$ENTITLEMENTS" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

# 4. The disk image: the app and a link to /Applications to drag it onto.
STAGING=$(mktemp -d)
trap 'rm -rf "$STAGING"' EXIT
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "FluenzR Desktop" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"

if [ -z "$IDENTITY" ]; then
    echo "build_dmg: wrote $DMG (unsigned)"
    exit 0
fi
codesign --force --timestamp --sign "$IDENTITY" "$DMG"

# 5. Notarise: Apple scans the image and records a ticket for it and the app inside.
RESULT=$(mktemp)
xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait --output-format json >"$RESULT" ||
    echo "build_dmg: notarytool submit failed; its status is read below" >&2
STATUS=$("$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1])).get("status", ""))' "$RESULT")
SUBMISSION=$("$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1])).get("id", ""))' "$RESULT")
rm -f "$RESULT"
if [ "$STATUS" != Accepted ]; then
    if [ -n "$SUBMISSION" ]; then
        xcrun notarytool log "$SUBMISSION" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" || true
    fi
    die "notarisation ended with status '${STATUS:-unknown}' (the log above says why)"
fi

# 6. Staple the ticket to the image, so Gatekeeper accepts it offline too.
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
echo "build_dmg: wrote $DMG (signed, notarised, stapled)"
