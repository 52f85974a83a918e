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

if [ "$OS" = linux ]; then
    TARBALL=$(installer/linux/pack.sh dist/coplanner "$VERSION" dist)
else
    # macOS: the plain folder for now (docs/building.md says what a signed .app still needs).
    TARBALL="dist/coplanner-$VERSION-$OS-$ARCH.tar.gz"
    rm -rf build/stage && mkdir -p "build/stage/coplanner-$VERSION"
    cp -R dist/coplanner/. "build/stage/coplanner-$VERSION/"
    tar -C build/stage -czf "$TARBALL" "coplanner-$VERSION"
fi
echo "Wrote $TARBALL ($(du -h "$TARBALL" | cut -f1))"
