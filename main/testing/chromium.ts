// The Chromium every browser test, PDF check and bench launches: Debian's, with the flags this machine needs
// (no sandbox as root, no GPU, nothing that reaches the network). One list, so they cannot drift apart.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
