#!/bin/bash
# Run by dpkg after installing the .deb (electron-builder.yml → deb.afterInstall). In place of electron-builder's
# default script: the window's link, the chrome-sandbox mode, the desktop database, and the app's own pieces.
set -e
app='/opt/${sanitizedProductName}'

# The window (menu entry) and the command line: /usr/bin/madoguchi is the command, madoguchi-app the window.
ln -sf "$app/${executable}" '/usr/bin/${executable}'
ln -sf "$app/resources/bin/madoguchi" /usr/bin/madoguchi

# Chromium's sandbox: SUID helper only where user namespaces do not work.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; } 2>/dev/null; then
  chmod 4755 "$app/chrome-sandbox" || true
else
  chmod 0755 "$app/chrome-sandbox" || true
fi

# Where the data folder (data/station) and the logs go (main/store/app-folders.ts): the madoguchi group's. The
# database inside is encrypted; the venue passphrase (or the OS key slot) opens it.
getent group madoguchi >/dev/null || groupadd --system madoguchi
install -d -m 2770 -g madoguchi /var/lib/madoguchi /var/lib/madoguchi/data /var/lib/madoguchi/logs

# A USB scanner in HID POS mode is readable by the person at the seat without root (docs/scanner-setup.md). The
# package's rule goes where packages put theirs; an administrator's own vendors go in /etc/udev/rules.d/71-….rules,
# which an upgrade never touches.
install -D -m 0644 "$app/resources/linux/70-madoguchi-scanner.rules" /usr/lib/udev/rules.d/70-madoguchi-scanner.rules
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=hidraw || true
fi

if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi
