// A scanner without hardware: for tests, demos and support (replaying a venue's recording through the
// live code path). There is no USB here or in CI, and no uhid, so this is the device.
import { EventEmitter } from 'node:events';
import type { RecordedReport } from '../../shared/scanner/recording';
import type { HidDevice, HidDeviceInfo, OpenHidDevice } from './hid-device';
import type { Timers } from './timers';

export const FAKE_SCANNER_INFO: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b87,
  path: '/dev/hidraw-fake0',
  manufacturer: 'Fake',
  product: 'Test Scanner',
  usagePage: 0x8c,
  usage: 0x02,
};

export class FakeHidDevice extends EventEmitter implements HidDevice {
  private isClosed = false;

  constructor(readonly info: HidDeviceInfo = FAKE_SCANNER_INFO) {
    super();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** The device sends one input report now. A closed device sends nothing, like a real one. */
  send(report: Uint8Array | readonly number[]): void {
    if (this.isClosed) return;
    this.emit('data', Uint8Array.from(report));
  }

  sendAll(reports: ReadonlyArray<Uint8Array | readonly number[]>): void {
    for (const r of reports) this.send(r);
  }

  /** Plays recorded reports at their recorded offsets from now, on the given (usually manual) timers. */
  replay(reports: readonly RecordedReport[], timers: Timers): void {
    const start = reports[0]?.atMs ?? 0;
    for (const r of reports) timers.setTimeout(() => this.send(r.bytes), r.atMs - start);
  }

  /** The cable is pulled: node-hid reports it as a read error, and nothing more arrives. */
  unplug(message = 'could not read from HID device'): void {
    if (this.isClosed) return;
    // Like node-hid, an error nobody listens to is not thrown into the caller.
    if (this.listenerCount('error') > 0) this.emit('error', new Error(message));
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.removeAllListeners();
  }
}

/** A USB port with the fake scanner in it: opening fails while unplugged, as node-hid's open does. */
export class FakeHidPort {
  private isPlugged: boolean;
  /** The device handed out by the last successful open. */
  current: FakeHidDevice | null = null;
  opens = 0;
  failedOpens = 0;

  constructor(
    readonly info: HidDeviceInfo = FAKE_SCANNER_INFO,
    options: { plugged?: boolean } = {},
  ) {
    this.isPlugged = options.plugged ?? true;
  }

  get plugged(): boolean {
    return this.isPlugged;
  }

  readonly open: OpenHidDevice = async () => {
    if (!this.isPlugged) {
      this.failedOpens++;
      throw new Error(`cannot open device with path ${this.info.path ?? '(none)'}`);
    }
    this.opens++;
    this.current = new FakeHidDevice(this.info);
    return this.current;
  };

  unplug(): void {
    this.isPlugged = false;
    this.current?.unplug();
  }

  plug(): void {
    this.isPlugged = true;
  }
}
