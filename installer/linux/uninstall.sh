#!/bin/sh
# Remove what install.sh put in place. Plans (.coplan files) are never touched: they live
# wherever you saved them, not in the install folder.
set -eu
PREFIX=${PREFIX:-$HOME/.local/opt/coplanner}
BIN=${BIN:-$HOME/.local/bin}
DATA=${DATA:-${XDG_DATA_HOME:-$HOME/.local/share}}

rm -rf "$PREFIX"
[ -L "$BIN/coplanner" ] && rm -f "$BIN/coplanner"
rm -f "$DATA/applications/coplanner.desktop" "$DATA/mime/packages/coplanner.xml"
find "$DATA/icons/hicolor" \( -name coplanner.png -o -name coplanner.svg \
    -o -name application-x-coplan.png -o -name application-x-coplan.svg \) -delete 2>/dev/null || true
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "Removed Coproduction Planner. Your plans were left where they are."
