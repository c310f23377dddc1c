#!/usr/bin/env bash
# Install the one-folder bundle for the person running it (no root needed):
#   installer/linux/install.sh [BUNDLE_FOLDER]     (default: dist/recovery-desk)
# The program goes to ~/.local/lib/recovery-desk, the command to ~/.local/bin, the menu
# entry and its icon to ~/.local/share. The data folder (~/.local/share/recovery-desk)
# is never touched: installing a new version over an old one keeps every record.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-$here/../../dist/recovery-desk}
[[ -x $bundle/recovery-desk ]] || { echo "install: no bundle in $bundle (run make installer)" >&2; exit 1; }

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/lib/recovery-desk
mkdir -p "$HOME/.local/lib" "$HOME/.local/bin" "$data_home/applications" \
  "$data_home/icons/hicolor/scalable/apps"

# The new folder is copied beside the old one and swapped in, so a failed copy leaves
# the installed version working.
rm -rf "$target.new"
cp -a "$bundle" "$target.new"
rm -rf "$target.old"
[[ -e $target ]] && mv "$target" "$target.old"
mv "$target.new" "$target"
rm -rf "$target.old"

ln -sfn "$target/recovery-desk" "$HOME/.local/bin/recovery-desk"
cp "$here/../recovery-desk.svg" "$data_home/icons/hicolor/scalable/apps/recovery-desk.svg"
# The menu entry names the installed program by its full path: ~/.local/bin may not be
# on the desktop session's PATH.
sed "s|^Exec=recovery-desk|Exec=$target/recovery-desk|" "$here/recovery-desk.desktop" \
  >"$data_home/applications/recovery-desk.desktop"
echo "Installed Recovery Desk in $target; it is in the applications menu."
