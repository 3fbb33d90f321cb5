// The profiles `make bench` measures on: a desktop, and a mid-range phone on a slow
// mobile link (Chromium's CPU throttling and network emulation, files served with brotli).
export const DESKTOP = { viewport: { width: 1200, height: 900 } };
export const PHONE = {
  viewport: { width: 360, height: 740 },
  cpuSlowdown: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 },
};
// A reader's pace: each step pressed this long after the previous one painted.
export const READER_PACE_MS = 400;
