// Debian's Chromium, shared by the Playwright config and scripts/screenshots.ts: browser downloads
// are not available where this runs, and these flags keep a headless run quiet and offline.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
