#!/bin/sh
# Pack a one-folder build as the Linux tarball, with its menu entry, MIME type, icons and
# per-user install/uninstall scripts:
#   installer/linux/pack.sh BUNDLE_FOLDER VERSION OUT_FOLDER
# prints the path of OUT_FOLDER/coplanner-VERSION-linux-ARCH.tar.gz.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ICONS="$HERE/../../resources/icons"
BUNDLE=$1
VERSION=$2
OUT=$3
NAME="coplanner-$VERSION"
TARBALL="$OUT/$NAME-linux-$(uname -m).tar.gz"

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
TOP="$STAGE/$NAME"
mkdir -p "$TOP/share/applications" "$TOP/share/mime/packages" \
    "$TOP/share/icons/hicolor/scalable/apps" "$TOP/share/icons/hicolor/scalable/mimetypes"
cp -R "$BUNDLE/." "$TOP/"
cp "$HERE/coplanner.desktop" "$TOP/share/applications/"
cp "$HERE/coplanner-mime.xml" "$TOP/share/mime/packages/coplanner.xml"
cp "$ICONS/coplanner.svg" "$TOP/share/icons/hicolor/scalable/apps/coplanner.svg"
cp "$ICONS/coplanner-document.svg" "$TOP/share/icons/hicolor/scalable/mimetypes/application-x-coplan.svg"
for size in 16 24 32 48 64 128 256; do
    dir="$TOP/share/icons/hicolor/${size}x${size}"
    mkdir -p "$dir/apps" "$dir/mimetypes"
    cp "$ICONS/coplanner-$size.png" "$dir/apps/coplanner.png"
    cp "$ICONS/coplanner-document-$size.png" "$dir/mimetypes/application-x-coplan.png"
done
cp "$HERE/install.sh" "$HERE/uninstall.sh" "$TOP/"
chmod +x "$TOP/install.sh" "$TOP/uninstall.sh"

mkdir -p "$OUT"
tar -C "$STAGE" -czf "$TARBALL" "$NAME"
echo "$TARBALL"
