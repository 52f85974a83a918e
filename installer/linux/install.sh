#!/bin/sh
# Install Coproduction Planner for the current user, without root:
#   ./install.sh            → ~/.local/opt/coplanner, ~/.local/bin/coplanner, menu entry, .coplan type
#   PREFIX=/opt/coplanner ./install.sh   (as root, for every user: also set DATA=/usr/local/share BIN=/usr/local/bin)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local/opt/coplanner}
BIN=${BIN:-$HOME/.local/bin}
DATA=${DATA:-${XDG_DATA_HOME:-$HOME/.local/share}}

rm -rf "$PREFIX"
mkdir -p "$PREFIX" "$BIN" "$DATA/applications" "$DATA/mime/packages"
cp -R "$HERE/coplanner" "$HERE/_internal" "$PREFIX/"
ln -sf "$PREFIX/coplanner" "$BIN/coplanner"
# The menu entry names the program by its full path, so it works when $BIN is not on PATH.
sed "s|^Exec=coplanner |Exec=\"$PREFIX/coplanner\" |" "$HERE/share/applications/coplanner.desktop" \
    > "$DATA/applications/coplanner.desktop"
cp "$HERE/share/mime/packages/coplanner.xml" "$DATA/mime/packages/coplanner.xml"
cp -R "$HERE/share/icons" "$DATA/"

command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "Installed Coproduction Planner in $PREFIX; run it from the menu or as $BIN/coplanner"
