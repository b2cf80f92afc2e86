#!/bin/bash
# Run by dpkg after removing the .deb (electron-builder.yml → deb.afterRemove). The links and the udev rule go;
# the data folder /var/lib/madoguchi and the madoguchi group stay (records are erased only by `madoguchi erasure`).
rm -f '/usr/bin/${executable}' /usr/bin/madoguchi
rm -f /usr/lib/udev/rules.d/70-madoguchi-scanner.rules
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi
