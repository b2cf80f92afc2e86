// Scan → paint latency, measured in the page with the Performance API (no globals): from the scan's first
// key (and from its terminator) to the animation frame after the outcome was committed to the DOM.
// Read with performance.getEntriesByName(SCAN_TO_PAINT).
const SCAN_TO_PAINT = 'madoguchi:scan-to-paint';
const TERMINATOR_TO_PAINT = 'madoguchi:terminator-to-paint';
const KEEP = 500;

export function measureScanToPaint(startedAt: number, endedAt: number): void {
  requestAnimationFrame(() => {
    const now = performance.now();
    if (performance.getEntriesByType('measure').length > KEEP) performance.clearMeasures();
    performance.measure(SCAN_TO_PAINT, { start: startedAt, end: now });
    performance.measure(TERMINATOR_TO_PAINT, { start: endedAt, end: now });
  });
}
