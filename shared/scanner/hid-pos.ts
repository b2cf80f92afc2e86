// HID POS scanners (usage page 0x8C, "Bar Code Scanner"): one barcode arrives as one or more input
// reports carrying the decoded bytes and the AIM symbology identifier (`]C0` = Code 128, `]Q1` = QR …).
// node-hid 3.4 cannot read the report descriptor, so the byte positions are a per-vendor table.
// Pure: runs in main (node-hid) and could run on WebHID reports in the renderer.

export type HidPosVendor = 'honeywell' | 'zebra' | 'datalogic';
export const HID_POS_VENDORS: readonly HidPosVendor[] = ['honeywell', 'zebra', 'datalogic'];

/** Byte positions within a report as node-hid delivers it (byte 0 = report ID). */
export interface HidPosLayout {
  /** Byte 0 of a barcode data report; other report IDs (status, vendor) are ignored. */
  readonly reportId: number;
  /** Byte holding the number of data bytes in this report. */
  readonly lengthOffset: number;
  /**
   * Where the 3-byte AIM identifier may start, tried in order; the first that holds `]` wins and the
   * data starts right after it. With no `]` anywhere (AIM off), data starts 3 bytes after the first.
   */
  readonly aimOffsets: readonly number[];
  /** First byte after the data area (vendor fields and the continuation flag follow). */
  readonly dataEnd: number;
  /** Vendor code ID byte (Honeywell's own symbology code), or null. */
  readonly codeIdOffset: number | null;
  /** Byte and bit that say "more reports follow for this barcode" (Decode Data Continued). */
  readonly continuedOffset: number;
  readonly continuedMask: number;
}

// Honeywell (and Access-IS, same layout): 64-byte report, ID 0x02, [id, len, AIM×3, data×56, codeId×2, flags].
// Zebra and Datalogic: not yet checked against our own hardware. A public WebHID driver finds their `]`
// one byte later on some models, hence two candidate offsets; confirm with `madoguchi scanner record`
// and correct this table from the recording.
export const HID_POS_LAYOUTS: Readonly<Record<HidPosVendor, HidPosLayout>> = {
  honeywell: { reportId: 0x02, lengthOffset: 1, aimOffsets: [2], dataEnd: 61, codeIdOffset: 61, continuedOffset: 63, continuedMask: 0x01 },
  zebra: { reportId: 0x02, lengthOffset: 1, aimOffsets: [2, 3], dataEnd: 61, codeIdOffset: null, continuedOffset: 63, continuedMask: 0x01 },
  datalogic: {
    reportId: 0x02,
    lengthOffset: 1,
    aimOffsets: [2, 3],
    dataEnd: 61,
    codeIdOffset: null,
    continuedOffset: 63,
    continuedMask: 0x01,
  },
};

/** A QR code holds at most ~7 KB; anything longer is a stuck continuation flag, not a barcode. */
const MAX_MESSAGE_BYTES = 8192;
const AIM_START = 0x5d; // ']'

/** One barcode as the scanner decoded it. `text` is raw: a configured suffix such as `\r` is still there. */
export interface HidPosMessage {
  readonly text: string;
  /** AIM symbology identifier from the first report, e.g. `]C0`; null when the scanner sends none. */
  readonly aim: string | null;
  readonly codeId: number | null;
  readonly startedAtMs: number;
  readonly atMs: number;
  readonly reports: number;
}

export interface HidPosStats {
  reports: number;
  /** Another report ID: status or vendor reports, not barcode data. */
  otherReportId: number;
  /** Too short to hold the layout's fields. */
  badLength: number;
  /** The length byte claimed more data than the report can hold; the data was cut to fit. */
  lengthClamped: number;
  /** Messages dropped because the continuation flag never cleared within MAX_MESSAGE_BYTES. */
  overflow: number;
}

export interface HidPosDecoder {
  push(report: Uint8Array, atMs: number): HidPosMessage[];
  /** Drop a half-received barcode, e.g. after the device was replugged. */
  reset(): void;
  stats(): Readonly<HidPosStats>;
}

interface PendingMessage {
  chunks: Uint8Array[];
  size: number;
  aim: string | null;
  dataOffset: number;
  codeId: number | null;
  startedAtMs: number;
  reports: number;
  overflowed: boolean;
}

export function createHidPosDecoder(vendorOrLayout: HidPosVendor | HidPosLayout): HidPosDecoder {
  const layout = typeof vendorOrLayout === 'string' ? HID_POS_LAYOUTS[vendorOrLayout] : vendorOrLayout;
  const minLength = Math.max(layout.continuedOffset, layout.dataEnd - 1, layout.codeIdOffset ?? 0) + 1;
  const stats: HidPosStats = { reports: 0, otherReportId: 0, badLength: 0, lengthClamped: 0, overflow: 0 };
  // TextDecoder keeps UTF-8 sequences split across reports intact because we decode once per barcode.
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  let partial: PendingMessage | null = null;

  return {
    push(report, atMs) {
      stats.reports++;
      if (report[0] !== layout.reportId) {
        stats.otherReportId++;
        return [];
      }
      if (report.length < minLength) {
        stats.badLength++;
        return [];
      }
      const found = findAim(report, layout);
      const current: PendingMessage = partial ?? {
        chunks: [],
        size: 0,
        aim: found?.aim ?? null,
        dataOffset: found ? found.at + 3 : (layout.aimOffsets[0] ?? 2) + 3,
        codeId: layout.codeIdOffset === null ? null : (report[layout.codeIdOffset] ?? null),
        startedAtMs: atMs,
        reports: 0,
        overflowed: false,
      };
      // A continuation report may leave its AIM fields empty; then it keeps the first report's offset.
      const dataOffset = found ? found.at + 3 : current.dataOffset;
      const room = Math.max(0, layout.dataEnd - dataOffset);
      const claimed = report[layout.lengthOffset] ?? 0;
      if (claimed > room) stats.lengthClamped++;
      const data = report.subarray(dataOffset, dataOffset + Math.min(claimed, room));
      current.reports++;
      if (current.size + data.length > MAX_MESSAGE_BYTES) current.overflowed = true;
      else {
        current.chunks.push(Uint8Array.from(data));
        current.size += data.length;
      }
      const more = ((report[layout.continuedOffset] ?? 0) & layout.continuedMask) !== 0;
      if (more) {
        partial = current;
        return [];
      }
      partial = null;
      if (current.overflowed) {
        stats.overflow++;
        return [];
      }
      const bytes = new Uint8Array(current.size);
      let off = 0;
      for (const c of current.chunks) {
        bytes.set(c, off);
        off += c.length;
      }
      return [
        {
          text: utf8.decode(bytes),
          aim: current.aim,
          codeId: current.codeId,
          startedAtMs: current.startedAtMs,
          atMs,
          reports: current.reports,
        },
      ];
    },
    reset() {
      partial = null;
    },
    stats: () => ({ ...stats }),
  };
}

function findAim(report: Uint8Array, layout: HidPosLayout): { at: number; aim: string } | null {
  for (const at of layout.aimOffsets) {
    if (report[at] !== AIM_START) continue;
    const a = report[at + 1] ?? 0;
    const b = report[at + 2] ?? 0;
    // A symbology letter and a modifier: printable ASCII, or this `]` is just data.
    if (a > 0x20 && a < 0x7f && b > 0x20 && b < 0x7f) return { at, aim: String.fromCharCode(AIM_START, a, b) };
  }
  return null;
}

/**
 * The reports a scanner with this layout sends for `text` (UTF-8), split over as many reports as
 * needed. For fixtures, demos and the fake device. `aimAt` picks one of the layout's AIM offsets.
 */
export function encodeHidPos(
  text: string,
  vendorOrLayout: HidPosVendor | HidPosLayout,
  options: { aim?: string; aimAt?: number; codeId?: number } = {},
): Uint8Array[] {
  const layout = typeof vendorOrLayout === 'string' ? HID_POS_LAYOUTS[vendorOrLayout] : vendorOrLayout;
  const aim = options.aim ?? ']C0';
  const aimAt = options.aimAt ?? layout.aimOffsets[0] ?? 2;
  const dataOffset = aimAt + 3;
  const room = layout.dataEnd - dataOffset;
  const bytes = new TextEncoder().encode(text);
  const size = Math.max(layout.continuedOffset, layout.dataEnd - 1, layout.codeIdOffset ?? 0) + 1;
  const reports: Uint8Array[] = [];
  for (let off = 0; off === 0 || off < bytes.length; off += room) {
    const chunk = bytes.subarray(off, off + room);
    const r = new Uint8Array(size);
    r[0] = layout.reportId;
    r[layout.lengthOffset] = chunk.length;
    for (let i = 0; i < 3; i++) r[aimAt + i] = aim.charCodeAt(i) & 0xff;
    r.set(chunk, dataOffset);
    if (layout.codeIdOffset !== null) r[layout.codeIdOffset] = options.codeId ?? 0x6a;
    if (off + room < bytes.length) r[layout.continuedOffset] = layout.continuedMask;
    reports.push(r);
  }
  return reports;
}
