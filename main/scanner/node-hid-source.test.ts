// The node-hid adapter against a stand-in module: these tests never need node-hid's native binary.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { classifyHidDevice, describeHidDevice, hidPosVendorFor } from './hid-device';
import { createNodeHidAdapter, HidUnavailableError, listHidDevices } from './node-hid-source';

type Loader = NonNullable<Parameters<typeof createNodeHidAdapter>[0]>;

const DEVICES = [
  {
    vendorId: 0x0c2e,
    productId: 0x0b87,
    path: '/dev/hidraw3',
    product: 'Voyager 1470g',
    manufacturer: 'Honeywell',
    release: 1,
    interface: 0,
    usagePage: 0x8c,
    usage: 0x02,
  },
  {
    vendorId: 0x0c2e,
    productId: 0x0b87,
    path: '/dev/hidraw4',
    product: 'Voyager 1470g',
    manufacturer: 'Honeywell',
    release: 1,
    interface: 1,
    usagePage: 0xff8c,
    usage: 0x01,
  },
  {
    vendorId: 0x05e0,
    productId: 0x1200,
    path: '/dev/hidraw5',
    product: 'Symbol Scanner',
    release: 1,
    interface: 0,
    usagePage: 0x01,
    usage: 0x06,
  },
  {
    vendorId: 0x046d,
    productId: 0xc31c,
    path: '/dev/hidraw0',
    product: 'USB Keyboard',
    release: 1,
    interface: 0,
    usagePage: 0x01,
    usage: 0x06,
  },
];

class FakeRaw extends EventEmitter {
  features: number[][] = [];
  closed = false;
  async sendFeatureReport(data: number[]) {
    this.features.push(data);
    return data.length;
  }
  async getDeviceInfo() {
    return DEVICES[0];
  }
  async close() {
    this.closed = true;
  }
}

function fakeModule(devices = DEVICES) {
  const opened: Array<{ path: string; raw: FakeRaw }> = [];
  const mod = {
    getHidapiVersion: () => '0.15.0',
    devicesAsync: async () => devices,
    HIDAsync: {
      open: async (path: string) => {
        if (!devices.some((d) => d.path === path)) throw new Error(`cannot open device with path ${path}`);
        const raw = new FakeRaw();
        opened.push({ path, raw });
        return raw;
      },
    },
  };
  return { load: (async () => mod) as unknown as Loader, opened };
}

describe('node-hid adapter', () => {
  it('node-hid that cannot load (missing libusb) is a clear HidUnavailableError, at import or at first use', async () => {
    const dlopen = Object.assign(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory'), {
      code: 'ERR_DLOPEN_FAILED',
    });
    const atImport = createNodeHidAdapter((async () => {
      throw dlopen;
    }) as Loader);
    const atFirstUse = createNodeHidAdapter((async () => ({
      getHidapiVersion: () => {
        throw dlopen;
      },
    })) as unknown as Loader);
    for (const adapter of [atImport, atFirstUse]) {
      for (const call of [() => adapter.listHidDevices(), () => adapter.openHidDevice('/dev/hidraw3')]) {
        await assert.rejects(call(), (e: unknown) => {
          assert.ok(e instanceof HidUnavailableError);
          assert.match(e.message, /node-hid/);
          assert.match(e.message, /libusb/);
          assert.match(e.message, /cannot open shared object file/, 'the cause is kept');
          return true;
        });
      }
    }
  });

  it('lists devices and marks HID POS scanners, scanner keyboards and a scanner vendor collection', async () => {
    const adapter = createNodeHidAdapter(fakeModule().load);
    const listed = await adapter.listHidDevices();
    assert.deepEqual(
      listed.map((d) => [d.path, d.kind]),
      [
        ['/dev/hidraw3', 'hid-pos'],
        ['/dev/hidraw4', 'scanner-other'],
        ['/dev/hidraw5', 'scanner-keyboard'],
        ['/dev/hidraw0', 'other'],
      ],
    );
  });

  it('opens a device: copies reports to plain Uint8Arrays, forwards errors, enables Honeywell HID POS, closes', async () => {
    const fake = fakeModule();
    const adapter = createNodeHidAdapter(fake.load);
    const dev = await adapter.openHidDevice('/dev/hidraw3');
    const raw = fake.opened[0]?.raw;
    assert.ok(raw);
    assert.equal(dev.info.usagePage, 0x8c, 'usage page comes from the enumeration');
    assert.deepEqual(raw.features, [[0xfe, 0x01]]);
    assert.equal(raw.listenerCount('data'), 0, 'node-hid is not read before anyone listens');
    const got: Uint8Array[] = [];
    const errors: Error[] = [];
    dev.on('data', (r) => got.push(r));
    dev.on('error', (e) => errors.push(e));
    const buf = Buffer.from([2, 1, 0x5d]);
    raw.emit('data', buf);
    buf[0] = 9;
    assert.equal(got[0]?.constructor, Uint8Array);
    assert.deepEqual([...(got[0] ?? [])], [2, 1, 0x5d], 'a copy, not a view of node-hid’s buffer');
    raw.emit('error', new Error('could not read from HID device'));
    assert.deepEqual(
      errors.map((e) => e.message),
      ['could not read from HID device'],
    );
    await dev.close();
    assert.equal(raw.closed, true);
    raw.emit('error', new Error('late'));
    assert.equal(errors.length, 1, 'nothing after close');

    const keyboard = await adapter.openHidDevice('/dev/hidraw5');
    assert.equal(keyboard.info.vendorId, 0x05e0);
    assert.deepEqual(fake.opened[1]?.raw.features, [], 'no feature report to other devices');
  });

  it('an opener finds the scanner again by identity when replugging gave it a new path', async () => {
    const devices = DEVICES.map((d) => ({ ...d }));
    const fake = fakeModule(devices);
    const open = createNodeHidAdapter(fake.load).openerFor({ vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02 });
    assert.equal((await open()).info.path, '/dev/hidraw3');
    devices[0] = { ...DEVICES[0]!, path: '/dev/hidraw7' };
    assert.equal((await open()).info.path, '/dev/hidraw7');
    devices.splice(0, 1);
    await assert.rejects(open(), /スキャナが接続されていません/);
  });

  it('the real node-hid either lists devices or fails with HidUnavailableError, never crashes', async () => {
    try {
      assert.ok(Array.isArray(await listHidDevices()));
    } catch (e) {
      assert.ok(e instanceof HidUnavailableError, String(e));
    }
  });
});

describe('device classification', () => {
  it('picks HID POS by usage page/usage for any vendor, never by VID/PID alone', () => {
    assert.equal(classifyHidDevice({ vendorId: 0x1234, usagePage: 0x8c, usage: 0x02 }), 'hid-pos');
    assert.equal(classifyHidDevice({ vendorId: 0x23d0, usagePage: 0x01, usage: 0x06 }), 'scanner-keyboard');
    assert.equal(classifyHidDevice({ vendorId: 0x05f9, usagePage: 0x01, usage: 0x06 }), 'scanner-keyboard');
    assert.equal(classifyHidDevice({ vendorId: 0x0c2e, usagePage: 0xff8c, usage: 0x01 }), 'scanner-other');
    assert.equal(classifyHidDevice({ vendorId: 0x0c2e }), 'scanner-other');
    assert.equal(classifyHidDevice({ vendorId: 0x046d, usagePage: 0x01, usage: 0x06 }), 'other');
  });

  it('vendor tables and one-line descriptions', () => {
    assert.deepEqual([0x0c2e, 0x23d0, 0x05e0, 0x05f9, 0x046d].map(hidPosVendorFor), ['honeywell', 'honeywell', 'zebra', 'datalogic', null]);
    assert.equal(describeHidDevice(DEVICES[0]!), '0c2e:0b87 Honeywell Voyager 1470g (usage 008c:0002)');
    assert.equal(describeHidDevice({ vendorId: 1, productId: 2 }), '0001:0002');
  });
});
