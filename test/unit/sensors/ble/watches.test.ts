// The watch and micro:bit profiles through the GATT session against scripted devices. No public
// captures exist for InfiniTime motion or the micro:bit (PROTOCOLS.md §8); their bytes follow the
// documented layouts. The Bangle.js reset write is checked against the documented bytes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BANGLE_RESET_COMMAND, bangleStreamingWrites } from '../../../../src/protocol/bangle.ts';
import * as uuids from '../../../../src/protocol/uuids.ts';
import { BLE_DEVICE_KINDS } from '../../../../src/sensors/ble/device-kinds.ts';
import { GattSession } from '../../../../src/sensors/ble/gatt-session.ts';
import type { DeviceProblem } from '../../../../src/sensors/ble/profile.ts';
import type { AccelFrame, HeartRateSample } from '../../../../src/sensors/samples.ts';
import { describeWithShared } from '../../../shared.ts';
import { asBluetoothDevice, FakeDevice } from './fake-device.ts';
import { fakeBangle, fakeMicrobit, fakePineTime, vectors } from './wearables.ts';

let nowMs = 0;

async function connect(device: FakeDevice, kind: 'pinetime' | 'microbit' | 'bangle', waitMs = 50) {
  const session = new GattSession(asBluetoothDevice(device), BLE_DEVICE_KINDS[kind].profiles(), {
    now: () => nowMs,
  });
  const frames: AccelFrame[] = [];
  const beats: HeartRateSample[] = [];
  session.accel$.subscribe((f) => frames.push(f));
  session.heartRate$.subscribe((b) => beats.push(b));
  const connecting = session.connect();
  await vi.advanceTimersByTimeAsync(waitMs);
  await connecting;
  return { session, frames, beats };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const STOP = '\x03Bangle.setHRMPower(0,"backbeat");reset();\n';

/** The text written to a watch's UART, from its `from`th write of any kind to its `to`th. */
function uartText(device: FakeDevice, from: number, to?: number): string {
  const writes = device.writes.slice(from, to).filter(([c]) => c === uuids.NORDIC_UART_RX);
  return Buffer.from(writes.map(([, h]) => h).join(''), 'hex').toString('utf8');
}

/** A Bangle.js's session, not connected yet. */
function bangleSession(bangle: FakeDevice): GattSession {
  return new GattSession(asBluetoothDevice(bangle), BLE_DEVICE_KINDS.bangle.profiles(), { now: () => nowMs });
}

/** A Bangle.js connected, then stopped for a hidden page; `stopped`, its writes up to then. */
async function hiddenBangle() {
  const bangle = fakeBangle();
  const { session } = await connect(bangle, 'bangle', 1600);
  const suspending = session.suspendStreams();
  await vi.advanceTimersByTimeAsync(100);
  await suspending;
  return { bangle, session, stopped: bangle.writes.length };
}

/** All a Bangle.js is sent as it is connected: the reset, then the streaming code. */
function uploadedOnConnecting(): string {
  const { reset, upload, heartUpload } = bangleStreamingWrites();
  return Buffer.concat([...reset, ...upload, ...heartUpload]).toString('utf8');
}

/** The standard heart-rate service, as InfiniTime has had it before its motion service. */
function heartRateService() {
  return {
    uuid: uuids.HEART_RATE_SERVICE,
    characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true, read: true } }],
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  nowMs = 5000;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PineTime (InfiniTime)', () => {
  it('streams heart rate and change-driven raw motion in 1/1024 g, timed on receipt', async () => {
    const watch = fakePineTime();
    const { session, frames, beats } = await connect(watch, 'pinetime');
    expect(session.state).toBe('connected');
    watch.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x48));
    nowMs = 5100;
    // x = -512 (-0.5 g), y = 0, z = 1024 (1 g).
    watch.notify(uuids.INFINITIME_MOTION, Uint8Array.of(0x00, 0xfe, 0x00, 0x00, 0x00, 0x04));
    watch.notify(uuids.INFINITIME_MOTION, Uint8Array.of(0x00, 0x00));
    expect(beats.map((b) => [b.bpm, b.rrMs])).toEqual([[72, []]]);
    expect(frames).toEqual([{ t0Ms: 5100, dtMs: 0, xyz: Float32Array.of(-0.5, 0, 1) }]);
    expect(session.malformedPackets$.value).toBe(1);
  });

  it('reads the motion once as it subscribes, so a wrist still from the start has its reading', async () => {
    // On its side, still: x = 1024 (1 g), y = 0, z = -512 (-0.5 g). InfiniTime notifies only a
    // change, so nothing is notified until the wrist moves.
    const watch = fakePineTime(Uint8Array.of(0x00, 0x04, 0x00, 0x00, 0x00, 0xfe));
    const { frames } = await connect(watch, 'pinetime');
    expect(watch.log).toContain(`read ${uuids.INFINITIME_MOTION.slice(0, 8)}`);
    expect(frames).toEqual([{ t0Ms: 5000, dtMs: 0, xyz: Float32Array.of(1, 0, -0.5) }]);
  });

  it('connects a watch whose motion refuses a read, and streams its notifications', async () => {
    const watch = fakePineTime();
    const { session, frames } = await connect(watch, 'pinetime');
    expect(session.state).toBe('connected');
    watch.notify(uuids.INFINITIME_MOTION, Uint8Array.of(0x00, 0x00, 0x00, 0x00, 0x00, 0x04));
    expect(frames.map((f) => [...f.xyz])).toEqual([[0, 0, 1]]);
  });

  it('keeps a watch without the motion service for its heart rate, and says it cannot count', async () => {
    const watch = new FakeDevice('InfiniTime', [heartRateService()]);
    const session = new GattSession(asBluetoothDevice(watch), BLE_DEVICE_KINDS.pinetime.profiles(), {
      now: () => nowMs,
    });
    const problems: DeviceProblem[] = [];
    const beats: HeartRateSample[] = [];
    session.problem$.subscribe((p) => problems.push(p));
    session.heartRate$.subscribe((b) => beats.push(b));
    const connecting = session.connect();
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    expect(session.state).toBe('connected');
    expect(problems).toEqual([
      {
        kind: 'no-motion-service',
        message:
          'Cannot count: this watch has no motion service. Update InfiniTime to 1.7 or later to count; ' +
          'heart rate still works.',
      },
    ]);
    watch.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x48));
    expect(beats.map((b) => b.bpm)).toEqual([72]);
  });

  it('asks a watch without the motion service for its heart rate once as it connects', async () => {
    const watch = new FakeDevice('InfiniTime', [heartRateService()]);
    const session = new GattSession(asBluetoothDevice(watch), BLE_DEVICE_KINDS.pinetime.profiles(), {
      now: () => nowMs,
    });
    const connecting = session.connect();
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    const heartRateAsked = (op: string) => op.startsWith(`service ${uuids.HEART_RATE_SERVICE.slice(0, 8)}`);
    expect(watch.log.filter(heartRateAsked)).toHaveLength(1);
  });

  it('refuses a watch with neither motion nor heart rate: it would give nothing', async () => {
    const watch = new FakeDevice('InfiniTime', []);
    const session = new GattSession(asBluetoothDevice(watch), BLE_DEVICE_KINDS.pinetime.profiles(), {
      now: () => nowMs,
    });
    const connecting = session.connect();
    const refused = expect(connecting).rejects.toThrow(
      'This watch has no motion service and no heart rate: update InfiniTime to 1.7 or later.',
    );
    await vi.advanceTimersByTimeAsync(50);
    await refused;
  });
});

describe('micro:bit', () => {
  it('asks for a 20 ms period, reports the one the device chose, and streams milli-g', async () => {
    const microbit = fakeMicrobit(40);
    const { session, frames } = await connect(microbit, 'microbit');
    expect(microbit.writes).toEqual([[uuids.MICROBIT_ACCELEROMETER_PERIOD, '1400']]);
    expect(session.details$.value.sampleRateHz).toBe(25);
    microbit.notify(uuids.MICROBIT_ACCELEROMETER_DATA, Uint8Array.of(0xe8, 0x03, 0x18, 0xfc, 0x00, 0x00));
    expect([...frames[0].xyz]).toEqual([1, -1, 0]);
  });
});

describeWithShared('Bangle.js', () => {
  it('resets, waits 1.5 s, uploads the streaming code in 20-byte writes, and parses lines split across notifications', async () => {
    const bangle = fakeBangle();
    const { session, frames } = await connect(bangle, 'bangle', 1600);
    expect(session.state).toBe('connected');
    const documentedReset = vectors().find((v) => v.description.startsWith('Reset command written'))?.hex;
    const rx = bangle.writes.filter(([c]) => c === uuids.NORDIC_UART_RX).map(([, h]) => h);
    expect(rx[0]).toBe(documentedReset);
    expect(rx.every((h) => h.length <= 40)).toBe(true);
    const upload = Buffer.from(rx.slice(1).join(''), 'hex').toString('utf8');
    expect(upload.startsWith('\x03\x10if(1){')).toBe(true);
    expect(upload).toContain("Bangle.on('accel'");

    bangle.notify(uuids.NORDIC_UART_TX, utf8('>A,12,-3'));
    bangle.notify(uuids.NORDIC_UART_TX, utf8('4,98\r\nA,0,0,100\r\nA,oops\r\n'));
    expect(frames.map((f) => [...f.xyz].map((v) => Math.round(v * 100)))).toEqual([
      [12, -34, 98],
      [0, 0, 100],
    ]);
    expect(session.malformedPackets$.value).toBe(1);
  });

  it("turns the watch's heart sensor on and passes on the readings it is at least half sure of", async () => {
    const bangle = fakeBangle();
    const { session, beats, frames } = await connect(bangle, 'bangle', 1600);
    const rx = bangle.writes.filter(([c]) => c === uuids.NORDIC_UART_RX).map(([, h]) => h);
    const upload = Buffer.from(rx.slice(1).join(''), 'hex').toString('utf8');
    // The accelerometer's documented code first, whole, then the heart's as a statement of its own.
    expect(upload.indexOf("Bangle.on('accel'")).toBeLessThan(
      upload.indexOf('Bangle.setHRMPower(1,"backbeat")'),
    );
    expect(upload).toContain("Bangle.on('HRM'");

    // Before the pulse is found the watch prints 0; a guess it is unsure of is passed over.
    bangle.notify(uuids.NORDIC_UART_TX, utf8('H,0,12\r\nH,108,21\r\n'));
    nowMs = 6000;
    bangle.notify(uuids.NORDIC_UART_TX, utf8('A,0,0,100\r\nH,10'));
    bangle.notify(uuids.NORDIC_UART_TX, utf8('6,82\r\n'));
    nowMs = 7000;
    bangle.notify(uuids.NORDIC_UART_TX, utf8('H,104,50\r\nH,104,49\r\n'));
    expect(beats).toEqual([
      { tMs: 6000, bpm: 106, rrMs: [] },
      { tMs: 7000, bpm: 104, rrMs: [] },
    ]);
    expect(frames).toHaveLength(1);
    // A heart line gone wrong is a malformed packet, as an accelerometer line is; the REPL's text is not.
    bangle.notify(uuids.NORDIC_UART_TX, utf8('>\r\nH,7x,90\r\nH,300,90\r\n'));
    expect(beats).toHaveLength(2);
    expect(session.malformedPackets$.value).toBe(2);
  });

  it('tells each reading the watch is unsure of as the pulse still being found, whatever its figure', async () => {
    const bangle = fakeBangle();
    const { session, beats } = await connect(bangle, 'bangle', 1600);
    const sought: number[] = [];
    session.pulseSought$.subscribe((tMs) => sought.push(tMs));
    nowMs = 3000;
    bangle.notify(uuids.NORDIC_UART_TX, utf8('H,0,0\r\nH,300,12\r\n'));
    nowMs = 4000;
    bangle.notify(uuids.NORDIC_UART_TX, utf8('H,104,49\r\nH,104,50\r\n'));
    expect(sought).toEqual([3000, 3000, 4000]);
    expect(beats).toEqual([{ tMs: 4000, bpm: 104, rrMs: [] }]);
    // A line gone wrong is still a malformed packet, and no sign of the sensor.
    bangle.notify(uuids.NORDIC_UART_TX, utf8('H,7x,10\r\nH,70,185\r\n'));
    expect(sought).toHaveLength(3);
    expect(session.malformedPackets$.value).toBe(2);
  });

  it('turns the heart sensor off before the reset when the app lets the watch go', async () => {
    const bangle = fakeBangle();
    const { session } = await connect(bangle, 'bangle', 1600);
    const before = bangle.writes.length;
    const closing = session.close();
    await vi.advanceTimersByTimeAsync(100);
    await closing;
    expect(uartText(bangle, before)).toBe('\x03Bangle.setHRMPower(0,"backbeat");reset();\n');
  });

  it('uploads the streaming code again, after a reset, when its streams start again on the same connection', async () => {
    const { bangle, session, stopped } = await hiddenBangle();
    const resuming = session.resumeStreams();
    await vi.advanceTimersByTimeAsync(1400);
    // The documented reset wait first, as on a connection.
    expect(uartText(bangle, stopped)).toBe('reset();\n');
    await vi.advanceTimersByTimeAsync(200);
    await resuming;
    expect(uartText(bangle, stopped)).toBe(uartText(bangle, 0, stopped).replace(STOP, ''));
    expect(uartText(bangle, stopped)).toContain("Bangle.on('accel'");
    expect(uartText(bangle, stopped)).toContain('Bangle.setHRMPower(1,"backbeat")');
    expect(bangle.connectionGeneration).toBe(1);
  });

  it('stops whole before it uploads again when the page is hidden and shown at once', async () => {
    const bangle = fakeBangle();
    const { session } = await connect(bangle, 'bangle', 1600);
    const connected = bangle.writes.length;
    void session.suspendStreams();
    const resuming = session.resumeStreams();
    await vi.advanceTimersByTimeAsync(1700);
    await resuming;
    expect(uartText(bangle, connected)).toBe(STOP + uartText(bangle, 0, connected));
  });

  it('lets the watch go with its stop whole and no upload when it is let go as the page is shown', async () => {
    const { bangle, session, stopped } = await hiddenBangle();
    void session.resumeStreams();
    const closing = session.close();
    await vi.advanceTimersByTimeAsync(1700);
    await closing;
    expect(uartText(bangle, stopped)).toBe(STOP);
    expect(bangle.gatt.connected).toBe(false);
  });

  it('lets the watch go in the middle of the upload after the page is shown with its stop whole after the upload', async () => {
    const { bangle, session, stopped } = await hiddenBangle();
    void session.resumeStreams();
    await vi.advanceTimersByTimeAsync(1400);
    // The reset wait over, the upload's first writes under way.
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    const closing = session.close();
    await vi.advanceTimersByTimeAsync(200);
    await closing;
    expect(uartText(bangle, stopped)).toBe(uartText(bangle, 0, stopped).replace(STOP, '') + STOP);
  });

  it('stops a watch reconnected while the page is hidden, and uploads to it again once the page is shown', async () => {
    const { bangle, session } = await hiddenBangle();
    bangle.drop();
    const dropped = bangle.writes.length;
    // The first try after 0.5 s, the reset wait, the upload, then the stop.
    await vi.advanceTimersByTimeAsync(2500);
    expect(session.state).toBe('connected');
    expect(uartText(bangle, dropped).endsWith(STOP)).toBe(true);
    const reconnected = bangle.writes.length;
    const resuming = session.resumeStreams();
    await vi.advanceTimersByTimeAsync(1600);
    await resuming;
    expect(uartText(bangle, reconnected)).toBe(uartText(bangle, dropped, reconnected).replace(STOP, ''));
  });

  it.each([
    ['reset wait', 1000],
    ['upload', 1500],
  ])(
    'stops the watch whole once it is set up when the page is hidden during its first %s',
    async (_, hiddenAtMs) => {
      const bangle = fakeBangle();
      const session = bangleSession(bangle);
      const connecting = session.connect();
      await vi.advanceTimersByTimeAsync(hiddenAtMs - 100);
      // At 1.5 s, the upload's first writes under way.
      vi.advanceTimersByTime(100);
      await Promise.resolve();
      const suspending = session.suspendStreams();
      await vi.advanceTimersByTimeAsync(700);
      await connecting;
      await suspending;
      expect(uartText(bangle, 0)).toBe(uploadedOnConnecting() + STOP);
    },
  );

  it('uploads whole after the stop of a watch reconnected while hidden when the page is shown during that stop', async () => {
    const { bangle, session } = await hiddenBangle();
    bangle.drop();
    const dropped = bangle.writes.length;
    // The first try after 0.5 s, the reset wait, the upload; shown once the stop after them begins.
    await vi.advanceTimersByTimeAsync(1990);
    vi.advanceTimersByTime(20);
    const stopBegun = () => uartText(bangle, dropped).includes('\x03Bangle.setHRMPower(');
    for (let i = 0; i < 10_000 && !stopBegun(); i++) await Promise.resolve();
    expect(stopBegun()).toBe(true);
    const resuming = session.resumeStreams();
    await vi.advanceTimersByTimeAsync(1700);
    await resuming;
    const upload = uartText(bangle, dropped).split(STOP)[0];
    expect(uartText(bangle, dropped)).toBe(upload + STOP + upload);
  });

  it.each([
    ['reset wait', 1000, () => BANGLE_RESET_COMMAND],
    ['upload', 1500, uploadedOnConnecting],
  ])(
    'lets the watch go with its stop whole after its first %s when it is let go during it',
    async (_, closedAtMs, writtenFirst) => {
      const bangle = fakeBangle();
      const session = bangleSession(bangle);
      const connecting = session.connect().catch(() => undefined);
      await vi.advanceTimersByTimeAsync(closedAtMs - 100);
      // At 1.5 s, the upload's first writes under way.
      vi.advanceTimersByTime(100);
      await Promise.resolve();
      const lost: number[] = [];
      session.connection$.subscribe((c) => c === 'lost' && lost.push(bangle.writes.length));
      const closing = session.close();
      await vi.advanceTimersByTimeAsync(100);
      // Still resetting: nothing is written until the watch is ready for it.
      if (closedAtMs < 1500) expect(uartText(bangle, 0)).toBe(BANGLE_RESET_COMMAND);
      await vi.advanceTimersByTimeAsync(600);
      await closing;
      await connecting;
      // A reset wait under way ends with no upload: it would be stopped at once.
      expect(uartText(bangle, 0)).toBe(writtenFirst() + STOP);
      expect(bangle.gatt.connected).toBe(false);
      // Told let go once, with its stop written: forgetting the watch then cuts nothing short.
      expect(lost).toEqual([bangle.writes.length]);
    },
  );

  it.each([
    ['first connection', 0],
    ['reconnection', 1],
  ])('leaves nothing connected and uploads nothing when let go as its %s is being made', async (_, drops) => {
    const bangle = fakeBangle();
    const session = bangleSession(bangle);
    void session.connect().catch(() => undefined);
    if (drops) {
      await vi.advanceTimersByTimeAsync(1600);
      bangle.drop();
    }
    const before = bangle.writes.length;
    let answer = () => {};
    bangle.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    // The reconnection's first try begins after 0.5 s.
    await vi.advanceTimersByTimeAsync(600);
    expect(bangle.log.at(-1)).not.toBe('connection');
    const closing = session.close();
    await vi.advanceTimersByTimeAsync(100);
    await closing;
    answer();
    await vi.advanceTimersByTimeAsync(2000);
    expect(bangle.writes.slice(before)).toEqual([]);
    expect(bangle.gatt.connected).toBe(false);
  });

  it('lets the watch go within two seconds when a write of its upload is never answered, with no stop it could not take', async () => {
    const bangle = fakeBangle();
    const session = bangleSession(bangle);
    // The upload's first write: Ctrl-C, then \x10 (see bangleUploadText).
    bangle.neverAnswer(`write ${uuids.NORDIC_UART_RX.slice(0, 8)} 0310`);
    void session.connect().catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1600);
    expect(bangle.log.at(-1)).toMatch(/never answered/);
    const writesBefore = bangle.writes.length;
    let closed = false;
    void session.close().then(() => (closed = true));
    let closedInMs = 0;
    for (; !closed && closedInMs < 60_000; closedInMs += 100) await vi.advanceTimersByTimeAsync(100);
    expect(closedInMs).toBeLessThanOrEqual(2_000);
    expect(bangle.gatt.connected).toBe(false);
    expect(bangle.writes.length).toBe(writesBefore);
  });

  it('does not upload before the documented reset wait', async () => {
    const bangle = fakeBangle();
    void bangleSession(bangle).connect();
    await vi.advanceTimersByTimeAsync(1400);
    expect(bangle.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(bangle.writes.length).toBeGreaterThan(1);
  });
});
