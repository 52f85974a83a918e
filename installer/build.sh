#!/bin/sh
# Build the one-folder desktop bundle with PyInstaller and pack it for Linux or macOS.
#
#   installer/build.sh                 # uses $PYTHON, else .venv/bin/python, else a fresh build venv
#   PYTHON=/path/to/python installer/build.sh
#
# Writes dist/coplanner/ (the bundle) and dist/coplanner-VERSION-OS-ARCH.tar.gz. PyInstaller
# does not cross-compile: build on each OS you ship for (docs/building.md; Windows uses
# installer/windows/coplanner.iss).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then
        PYTHON=.venv/bin/python
    else
        python3 -m venv build/venv
        PYTHON=build/venv/bin/python
        "$PYTHON" -m pip install --quiet --upgrade pip
        "$PYTHON" -m pip install --quiet '.[dist]'
    fi
fi
if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    "$PYTHON" -m pip install --quiet 'pyinstaller>=6'
fi

VERSION=$("$PYTHON" -c 'import planner; print(planner.__version__)')
case "$(uname -s)" in
    Linux) OS=linux ;;
    Darwin) OS=macos ;;
    *) echo "build.sh: on Windows follow docs/building.md" >&2; exit 2 ;;
esac
ARCH=$(uname -m)

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/coplanner.spec
echo "Built dist/coplanner in $(( $(date +%s) - start )) s, $(du -sh dist/coplanner | cut -f1)"

# A smoke test of the bundle before it is packed.
dist/coplanner/coplanner --version

NAME="coplanner-$VERSION"
STAGE="build/stage/$NAME"
rm -rf build/stage
mkdir -p "$STAGE"
cp -R dist/coplanner/. "$STAGE/"
if [ "$OS" = linux ]; then
    mkdir -p "$STAGE/share/applications" "$STAGE/share/mime/packages" \
        "$STAGE/share/icons/hicolor/scalable/apps" "$STAGE/share/icons/hicolor/scalable/mimetypes"
    cp installer/linux/coplanner.desktop "$STAGE/share/applications/"
    cp installer/linux/coplanner-mime.xml "$STAGE/share/mime/packages/coplanner.xml"
    cp resources/icons/coplanner.svg "$STAGE/share/icons/hicolor/scalable/apps/coplanner.svg"
    cp resources/icons/coplanner-document.svg \
        "$STAGE/share/icons/hicolor/scalable/mimetypes/application-x-coplan.svg"
    for size in 16 24 32 48 64 128 256; do
        dir="$STAGE/share/icons/hicolor/${size}x${size}"
        mkdir -p "$dir/apps" "$dir/mimetypes"
        cp "resources/icons/coplanner-$size.png" "$dir/apps/coplanner.png"
        cp "resources/icons/coplanner-document-$size.png" "$dir/mimetypes/application-x-coplan.png"
    done
    cp installer/linux/install.sh installer/linux/uninstall.sh "$STAGE/"
    chmod +x "$STAGE/install.sh" "$STAGE/uninstall.sh"
fi

TARBALL="dist/$NAME-$OS-$ARCH.tar.gz"
tar -C build/stage -czf "$TARBALL" "$NAME"
echo "Wrote $TARBALL ($(du -h "$TARBALL" | cut -f1))"
