// A Polar H10 through the GATT session and its profiles, against a scripted device that answers
// with real H10 bytes from ../shared/vectors/vectors.json.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecording, parseRecording, serializeRecording } from '../../../../src/protocol/recording.ts';
import * as uuids from '../../../../src/protocol/uuids.ts';
import { BLE_DEVICE_KINDS, requestOptionsFor } from '../../../../src/sensors/ble/device-kinds.ts';
import { BLUETOOTH_WORDS } from '../../../../src/sensors/ble/errors.ts';
import {
  ATTEMPT_TIMEOUT_MS,
  CONNECT_TIMEOUT_MS,
  type ConnectionState,
  GattSession,
  RECONNECT_WINDOW_MS,
} from '../../../../src/sensors/ble/gatt-session.ts';
import type { DeviceProblem } from '../../../../src/sensors/ble/profile.ts';
import { ReplaySource } from '../../../../src/sensors/replay/replay-source.ts';
import type { AccelFrame, HeartRateSample } from '../../../../src/sensors/samples.ts';
import { describeWithShared } from '../../../shared.ts';
import { asBluetoothDevice, FakeDevice, hex } from './fake-device.ts';
import { accFrames, fakeH10, vector } from './wearables.ts';

describeWithShared('GattSession with a Polar H10', () => {
  let nowMs = 0;
  let session: GattSession;
  let device: FakeDevice;
  let frames: AccelFrame[];
  let beats: HeartRateSample[];
  let problems: DeviceProblem[];
  let states: ConnectionState[];

  function open(d: FakeDevice): GattSession {
    device = d;
    session = new GattSession(asBluetoothDevice(d), BLE_DEVICE_KINDS.polar.profiles(), { now: () => nowMs });
    frames = [];
    beats = [];
    problems = [];
    states = [];
    session.accel$.subscribe((f) => frames.push(f));
    session.heartRate$.subscribe((b) => beats.push(b));
    session.problem$.subscribe((p) => problems.push(p));
    session.connection$.subscribe((s) => states.push(s));
    return session;
  }

  /** A fresh H10 opened and connected, as the app connects a strap the person picked. */
  async function connectH10(): Promise<void> {
    open(fakeH10());
    const connecting = session.connect();
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    nowMs = 10_000;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists every service it uses in optionalServices, PMD included (it is not advertised)', () => {
    const options = requestOptionsFor(BLE_DEVICE_KINDS.polar);
    expect(options.optionalServices).toEqual(
      expect.arrayContaining([uuids.PMD_SERVICE, uuids.HEART_RATE_SERVICE, uuids.BATTERY_SERVICE]),
    );
    expect(options.filters).toContainEqual({ namePrefix: 'Polar H10' });
  });

  it('asks for the ACC settings, starts 50 Hz / 8 G from the offer, and turns real frames into g', async () => {
    await connectH10();
    expect(session.state).toBe('connected');
    // The settings request, then the start chosen from `… 04 19 00 32 00 64 00 C8 00 …` [FST].
    expect(device.writes.map(([, h]) => h)).toEqual(['0102', '0202000132000101100002010800']);
    expect(session.details$.value).toMatchObject({
      sampleRateHz: 50,
      rangeG: 8,
      model: 'H10',
      firmware: '5.0.0',
    });
    expect(session.battery$.value).toBe(100);

    const [first, second] = accFrames('ACC_50HZ_2G');
    nowMs = 20_000;
    device.notify(uuids.PMD_DATA, first);
    nowMs = 20_720;
    device.notify(uuids.PMD_DATA, second);
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      expect(frame.xyz.length).toBe(36 * 3);
      expect(frame.dtMs).toBeCloseTo(20, 0);
      // A strap at rest sees about 1 g [FST: mean magnitude ≈ 1003 mG].
      const [x, y, z] = frame.xyz;
      expect(Math.hypot(x, y, z)).toBeGreaterThan(0.9);
      expect(Math.hypot(x, y, z)).toBeLessThan(1.1);
    }
    // The last sample of the first frame sits at its receive time; the next frame follows on.
    expect(frames[0].t0Ms + 35 * frames[0].dtMs).toBeCloseTo(20_000, 6);
    expect(frames[1].t0Ms).toBeCloseTo(frames[0].t0Ms + 35 * frames[0].dtMs + frames[1].dtMs, 3);

    const hr = vector('Real Polar H10 (fw 5.0.0/sw 3.3.1) HR notification #2 of 12');
    device.notify(uuids.HEART_RATE_MEASUREMENT, hex(hr.hex));
    expect(beats.at(-1)).toMatchObject({ bpm: 75, rrMs: [808, 837] });
  });

  it('records the session so that its replay yields the same frames and beats (a bug report is a file)', async () => {
    await connectH10();
    const [first, second] = accFrames('ACC_50HZ_2G');
    nowMs = 20_000;
    device.notify(uuids.PMD_DATA, first);
    device.notify(uuids.HEART_RATE_MEASUREMENT, hex('104b3403'));
    nowMs = 20_720;
    device.notify(uuids.PMD_DATA, second);

    const text = serializeRecording(createRecording(session.recordedPackets));
    const parsed = parseRecording(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const directions = parsed.value.packets.map((p) => `${p.protocol}/${p.direction}`);
    expect(directions).toContain('pmd-control/write');
    const replay = new ReplaySource(parsed.value, { now: () => 0 });
    const replayed: AccelFrame[] = [];
    const replayedBeats: HeartRateSample[] = [];
    replay.accel$.subscribe((f) => replayed.push(f));
    replay.heartRate$.subscribe((b) => replayedBeats.push(b));
    replay.playAll(parsed.value.packets[0].tMs);
    expect(replayed.map((f) => [...f.xyz])).toEqual(frames.map((f) => [...f.xyz]));
    expect(replayed.map((f) => f.t0Ms)).toEqual(frames.map((f) => f.t0Ms));
    expect(replayedBeats).toEqual(beats);
  });

  it('counts a truncated frame and a malformed beat as dropped, and streams on without a word', async () => {
    await connectH10();
    const [first, second] = accFrames('ACC_50HZ_2G');
    device.notify(uuids.PMD_DATA, first.slice(0, 101));
    device.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x01, 0x48));
    device.notify(uuids.PMD_DATA, second);
    device.notify(uuids.PMD_DATA, first.slice(0, 101));
    device.notify(uuids.PMD_DATA, first.slice(0, 101));
    device.notify(uuids.PMD_DATA, second);
    expect(session.malformedPackets$.value).toBe(4);
    expect(problems).toEqual([]);
    expect(frames).toHaveLength(2);
  });

  it('drops a frame whose type byte says other samples than the 16-bit stream started, and streams on', async () => {
    await connectH10();
    const [first, second] = accFrames('ACC_50HZ_2G');
    // Byte 9 turned from raw type 1 (int16) to raw type 0 (int8): the same bytes would read as
    // twice the samples, each a few hundredths of g, as if the person fell.
    const wrongType = Uint8Array.from(second);
    wrongType[9] = 0x00;
    device.notify(uuids.PMD_DATA, first);
    device.notify(uuids.PMD_DATA, wrongType);
    device.notify(uuids.PMD_DATA, second);
    expect(session.malformedPackets$.value).toBe(1);
    expect(frames.map((f) => f.xyz.length / 3)).toEqual([36, 36]);
  });

  it('says what frames cut short one after another mean, once, and keeps heart rate', async () => {
    await connectH10();
    const [first] = accFrames('ACC_50HZ_2G');
    for (let i = 0; i < 6; i++) device.notify(uuids.PMD_DATA, first.slice(0, 101));
    device.notify(uuids.HEART_RATE_MEASUREMENT, hex('104b3403'));
    expect(session.malformedPackets$.value).toBe(6);
    expect(problems.map((p) => p.kind)).toEqual(['truncated-frames']);
    expect(problems[0].message).toMatch(/Heart rate still works/);
    expect(beats).toHaveLength(1);
  });

  it('starts the stream again when the sensor stops it by itself (ONLINE_MEASUREMENT_STOPPED)', async () => {
    await connectH10();
    device.notify(uuids.PMD_CONTROL_POINT, hex(vector('device-initiated ONLINE_MEASUREMENT_STOPPED').hex));
    await vi.advanceTimersByTimeAsync(50);
    expect(problems.map((p) => p.kind)).toEqual(['stream-stopped']);
    expect(device.writes.map(([, h]) => h).slice(2)).toEqual(['0102', '0202000132000101100002010800']);
    device.notify(uuids.PMD_DATA, accFrames('ACC_50HZ_2G')[0]);
    expect(frames).toHaveLength(1);
  });

  it.each([
    [
      'the data characteristic refuses notifications',
      (h10: FakeDevice) =>
        new FakeDevice(
          h10.name,
          h10.services.map((service) => ({
            ...service,
            characteristics: service.characteristics.map((c) =>
              c.uuid === uuids.PMD_DATA ? { ...c, properties: {} } : c,
            ),
          })),
          h10.script,
        ),
      'Motion failed: it could not start, as the sensor did not take a Bluetooth command. Heart rate still works.',
      50,
    ],
    [
      'the control point never answers',
      (h10: FakeDevice) => {
        h10.script = () => [];
        return h10;
      },
      'Motion failed: it could not start, as the sensor did not answer. Heart rate still works.',
      // The sensor's 10 s to answer, and not yet the time after which a silent strap is told.
      10_500,
    ],
  ])(
    'keeps the heart rate of an H10 whose motion stream fails (%s), and says so plainly',
    async (_, broken, said, waitMs) => {
      open(broken(fakeH10()));
      const connecting = session.connect();
      await vi.advanceTimersByTimeAsync(waitMs);
      await connecting;
      expect(session.state).toBe('connected');
      expect(problems).toEqual([{ kind: 'stream-failed', message: said }]);
      device.notify(uuids.HEART_RATE_MEASUREMENT, hex('104b3403'));
      expect(beats).toHaveLength(1);
    },
  );

  it('says so when the sensor answers INVALID_MTU (status 10)', async () => {
    open(fakeH10(() => [0x0a]));
    const connecting = session.connect();
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    expect(problems.map((p) => p.kind)).toEqual(['mtu-too-small']);
    expect(problems[0].message).toMatch(/INVALID_MTU/);
  });

  it('warns when a connected device sends nothing', async () => {
    await connectH10();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(problems.map((p) => p.kind)).toEqual(['no-data']);
  });

  it('reconnects after a drop with backoff, restarts a stream the sensor kept running, and frames flow again', async () => {
    let alreadyRunning = false;
    open(fakeH10(() => (alreadyRunning ? [0x06] : [0x00, 0x00, 0x01])));
    const connecting = session.connect();
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    const [first, second] = accFrames('ACC_50HZ_2G');
    device.notify(uuids.PMD_DATA, first);

    // Out of range for a while; the H10 keeps its stream running meanwhile, so the next start
    // answers ALREADY_IN_STATE (status 6) once.
    device.reachable = false;
    alreadyRunning = true;
    nowMs = 30_000;
    device.drop();
    expect(session.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(499);
    expect(device.log.filter((l) => l === 'connection')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    // First retry after 0.5 s failed (unreachable); the next waits 1 s.
    device.reachable = true;
    nowMs = 31_600;
    device.script = ((script) => (c: string, b: Uint8Array) => {
      const answers = script(c, b);
      if (Buffer.from(b).toString('hex') === '0302') alreadyRunning = false;
      return answers;
    })(device.script);
    await vi.advanceTimersByTimeAsync(1100);
    expect(session.state).toBe('connected');
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    const writes = device.writes.map(([, h]) => h);
    // Settings, start (status 6), stop, start again.
    expect(writes.slice(2)).toEqual([
      '0102',
      '0202000132000101100002010800',
      '0302',
      '0202000132000101100002010800',
    ]);
    expect(session.reconnectTimesMs).toEqual([1600]);

    device.notify(uuids.PMD_DATA, second);
    expect(frames).toHaveLength(2);
  });

  it('gives up once it has tried for its time and reports the device lost', async () => {
    open(fakeH10());
    session = new GattSession(asBluetoothDevice(device), BLE_DEVICE_KINDS.polar.profiles(), {
      now: () => nowMs,
      reconnectWindowMs: 4_000,
    });
    session.problem$.subscribe((p) => problems.push(p));
    const connecting = session.connect();
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    const attempts = device.log.filter((l) => l === 'connection').length;
    device.reachable = false;
    device.drop();
    await vi.advanceTimersByTimeAsync(3_900);
    expect(session.state).toBe('reconnecting');
    // Tried after 0.5, 1.5 and 3.5 s.
    expect(device.log.filter((l) => l === 'connection').length - attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(200);
    expect(session.state).toBe('lost');
    expect(problems.map((p) => p.kind)).toContain('connection-lost');
  });

  it('gives up an attempt the device never answers, and tries again within the same time before it reports the device lost', async () => {
    await connectH10();
    let attempts = 0;
    device.gatt.connect = () => {
      attempts++;
      return new Promise(() => {});
    };
    device.drop();
    // Attempts at 0.5 s, 21.5 s (after the first's 20 s), 43.5 s and 67.5 s: each waits its limit out.
    await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS - 100);
    expect(session.state).toBe('reconnecting');
    expect(attempts).toBe(4);
    // The person hears what to do as soon after the drop as with a device that refuses at once.
    await vi.advanceTimersByTimeAsync(200);
    expect(session.state).toBe('lost');
    expect(problems.map((p) => p.kind)).toEqual(['connection-lost']);
    // Given up: no try of its own follows (the app's own retries take over, see tryAgainDelayMs).
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(attempts).toBe(4);
    expect(session.state).toBe('lost');
  });

  it('tries one attempt at a time when Reconnect is tapped while an attempt from before the give-up still waits for an answer', async () => {
    await connectH10();
    const attemptsAt: number[] = [];
    device.gatt.connect = () => {
      attemptsAt.push(Date.now());
      return new Promise(() => {});
    };
    const droppedAt = Date.now();
    device.drop();
    await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS + 500);
    expect(session.state).toBe('lost');
    // The attempt of 67.5 s waits on until 87.5 s; Reconnect's first waits behind it.
    session.retry();
    await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS - 100);
    expect(attemptsAt.map((t) => (t - droppedAt) / 1000)).toEqual([
      0.5, 21.5, 43.5, 67.5, 87.5, 108.5, 130.5,
    ]);
    await vi.advanceTimersByTimeAsync(200);
    expect(session.state).toBe('lost');
  });

  it('goes on trying when the device drops again while an attempt sets it up', async () => {
    await connectH10();
    const connect = device.gatt.connect.bind(device.gatt);
    device.gatt.connect = async () => {
      device.gatt.connect = connect;
      const server = await connect();
      queueMicrotask(() => device.drop());
      return server;
    };
    device.drop();
    await vi.advanceTimersByTimeAsync(600);
    expect(session.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_100);
    expect(session.state).toBe('connected');
  });

  it.each([
    ['a service', 'service'],
    ['a characteristic', 'characteristic'],
    ['its notifications', 'subscribe'],
  ])(
    'ends an attempt whose device stops answering for %s while it is set up, disconnecting it, and reaches it on the next try',
    async (_, operation) => {
      await connectH10();
      device.neverAnswer(operation);
      device.drop();
      // The attempt at 0.5 s connects, then waits for an answer that never comes, until its time is up.
      await vi.advanceTimersByTimeAsync(500 + ATTEMPT_TIMEOUT_MS - 100);
      expect(session.state).toBe('reconnecting');
      expect(device.gatt.connected).toBe(true);
      await vi.advanceTimersByTimeAsync(200);
      expect(device.gatt.connected).toBe(false);
      // The next try, a second later, finds the device answering again.
      await vi.advanceTimersByTimeAsync(1_100);
      expect(session.state).toBe('connected');
      expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
      device.notify(uuids.PMD_DATA, accFrames('ACC_50HZ_2G')[0]);
      expect(frames).toHaveLength(1);
    },
  );

  it('fails a first connection whose device stops answering while it is set up, once the attempt has had its time', async () => {
    open(fakeH10());
    device.neverAnswer('subscribe');
    const failed = expect(session.connect()).rejects.toThrow(BLUETOOTH_WORDS['no-answer']);
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS);
    await failed;
    expect(device.gatt.connected).toBe(false);
    expect(session.state).toBe('lost');
  });

  /** The next connection reaches the device, which drops out of reach again before it is set up. */
  function dropsWhileSetUp(): void {
    const connect = device.gatt.connect.bind(device.gatt);
    device.gatt.connect = async () => {
      device.gatt.connect = connect;
      const server = await connect();
      queueMicrotask(() => {
        device.reachable = false;
        device.drop();
      });
      return server;
    };
  }

  it('fails a first connection whose device drops while it is set up, and makes no tries of its own after it', async () => {
    open(fakeH10());
    dropsWhileSetUp();
    const failed = expect(session.connect()).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(50);
    await failed;
    device.reachable = true;
    await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS + 100);
    expect(states).toEqual(['connecting', 'lost']);
    expect(device.log.filter((l) => l === 'connection')).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  describe('when a try of its own (tryOnce) at a device given up on does not set it up', () => {
    /** Given up on after a drop, told once, and in reach again. */
    async function givenUp(): Promise<void> {
      await connectH10();
      device.reachable = false;
      device.drop();
      await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS + 100);
      expect(session.state).toBe('lost');
      expect(problems.map((p) => p.kind)).toEqual(['connection-lost']);
      device.reachable = true;
      states = [];
    }

    /** Still given up on, told no second time, however long the wait: the app's own tries go on. */
    async function expectStillGivenUpOn(): Promise<void> {
      await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS + 100);
      expect(session.state).toBe('lost');
      expect(states).toEqual([]);
      expect(problems.map((p) => p.kind)).toEqual(['connection-lost']);
    }

    it('leaves it given up on when it drops again while it is set up, with no new time of tries', async () => {
      await givenUp();
      dropsWhileSetUp();
      const trying = session.tryOnce();
      await vi.advanceTimersByTimeAsync(50);
      expect(await trying).toBe(false);
      await expectStillGivenUpOn();
    });

    it('ends the try when the device stops answering while it is set up, and leaves it given up on', async () => {
      await givenUp();
      device.neverAnswer('subscribe');
      const trying = session.tryOnce();
      await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS);
      expect(await trying).toBe(false);
      expect(device.gatt.connected).toBe(false);
      await expectStillGivenUpOn();
      // Its next try reaches it.
      const again = session.tryOnce();
      await vi.advanceTimersByTimeAsync(50);
      expect(await again).toBe(true);
      expect(states).toEqual(['connected']);
    });
  });

  describe('when Reconnect is tapped while a try of its own (tryOnce) is under way', () => {
    /** Given up on; in reach again, its next connection answers only when `answer` is called. */
    async function givenUpWithASlowAnswer() {
      await connectH10();
      device.reachable = false;
      device.drop();
      await vi.advanceTimersByTimeAsync(RECONNECT_WINDOW_MS + 100);
      expect(session.state).toBe('lost');
      device.reachable = true;
      const connect = device.gatt.connect.bind(device.gatt);
      let answer = () => {};
      device.gatt.connect = () => {
        device.gatt.connect = connect;
        return new Promise((resolve) => {
          answer = () => resolve(connect());
        });
      };
      const setUpsBefore = device.writes.filter(([, h]) => h === '0102').length;
      states = [];
      return {
        answer: () => answer(),
        setUps: () => device.writes.filter(([, h]) => h === '0102').length - setUpsBefore,
      };
    }

    /** Connected again within 5 s, the device set up once, and each of its frames counted once. */
    async function expectBackSetUpOnce(setUps: () => number) {
      await vi.advanceTimersByTimeAsync(5_000);
      expect(session.state).toBe('connected');
      expect(states).toEqual(['reconnecting', 'connected']);
      expect(setUps()).toBe(1);
      device.notify(uuids.PMD_DATA, accFrames('ACC_50HZ_2G')[0]);
      expect(frames).toHaveLength(1);
    }

    it('sets the device up once when the try reaches it first, and frames are counted once', async () => {
      const { answer, setUps } = await givenUpWithASlowAnswer();
      const trying = session.tryOnce();
      await vi.advanceTimersByTimeAsync(100);
      session.retry();
      answer();
      await vi.advanceTimersByTimeAsync(50);
      expect(await trying).toBe(true);
      await expectBackSetUpOnce(setUps);
    });

    it('lets the Reconnect set it up when its attempt begins before the try is answered', async () => {
      const { answer, setUps } = await givenUpWithASlowAnswer();
      const trying = session.tryOnce();
      await vi.advanceTimersByTimeAsync(100);
      session.retry();
      await vi.advanceTimersByTimeAsync(1_000);
      answer();
      await vi.advanceTimersByTimeAsync(50);
      expect(await trying).toBe(false);
      await expectBackSetUpOnce(setUps);
    });
  });

  /** Milliseconds until `promise` settles, the clock moved 100 ms at a time, up to `limitMs`. */
  async function msUntilSettled(promise: Promise<unknown>, limitMs = 60_000): Promise<number> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    let ms = 0;
    for (; !settled && ms < limitMs; ms += 100) await vi.advanceTimersByTimeAsync(100);
    return ms;
  }

  describe('when it is let go while its setup no longer answers', () => {
    /** An H10 whose setup stops at its control point's feature read, on its first connection or a reconnection. */
    async function stuckAtItsFeatureRead(reconnecting: boolean, answered?: Promise<void>): Promise<void> {
      if (reconnecting) await connectH10();
      else open(fakeH10());
      if (answered) device.answerLate('read', answered);
      else device.neverAnswer('read');
      if (reconnecting) device.drop();
      else void session.connect().catch(() => undefined);
      // The reconnection's first try begins after 0.5 s.
      await vi.advanceTimersByTimeAsync(reconnecting ? 600 : 100);
      expect(device.gatt.connected).toBe(true);
      expect(session.state).toBe(reconnecting ? 'reconnecting' : 'connecting');
    }

    it.each([
      ['first connection', false],
      ['reconnection', true],
    ])(
      'disconnects it within two seconds on its %s, with no stop it could not take',
      async (_, reconnecting) => {
        await stuckAtItsFeatureRead(reconnecting);
        const writesBefore = device.writes.length;
        const closedInMs = await msUntilSettled(session.close());
        expect(closedInMs).toBeLessThanOrEqual(2_000);
        expect(device.gatt.connected).toBe(false);
        expect(session.state).toBe('lost');
        expect(device.writes.length).toBe(writesBefore);
      },
    );

    it('disconnects it within two seconds when the stop it is sent once set up is never answered', async () => {
      await connectH10();
      device.neverAnswer('write');
      const closedInMs = await msUntilSettled(session.close());
      expect(closedInMs).toBeLessThanOrEqual(2_000);
      expect(device.log.at(-1)).toBe('write fb005c81 0302 (never answered)');
      expect(device.gatt.connected).toBe(false);
    });

    it('takes the answers that come after it let go for nothing, and says nothing of them', async () => {
      let answer = () => {};
      await stuckAtItsFeatureRead(false, new Promise<void>((resolve) => (answer = resolve)));
      const writesBefore = device.writes.length;
      const operationsBefore = device.log.length;
      const closing = session.close();
      // Answered well after the close, long before the attempt's own time is up.
      await vi.advanceTimersByTimeAsync(5_000);
      answer();
      await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS);
      await closing;
      expect(device.writes.length).toBe(writesBefore);
      expect(device.log.slice(operationsBefore)).toEqual([]);
      expect(device.gatt.connected).toBe(false);
      expect(problems).toEqual([]);
      expect(states).toEqual(['connecting', 'lost']);
    });
  });

  it("gives up the connection the browser is still making when it is let go, and calls it the person's choice", async () => {
    open(fakeH10());
    let answer = () => {};
    device.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    let failure: unknown = null;
    void session.connect().catch((error: unknown) => (failure = error));
    await vi.advanceTimersByTimeAsync(100);
    expect(device.gatt.connectionsUnderWay).toBe(1);
    const closedInMs = await msUntilSettled(session.close());
    expect(closedInMs).toBeLessThanOrEqual(100);
    expect(device.gatt.connectionsUnderWay).toBe(0);
    expect(failure).toMatchObject({ kind: 'cancelled' });
    // The device answers at last: the connection it was asked for is no more.
    answer();
    await vi.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS);
    expect(device.gatt.connected).toBe(false);
    // Its answer, and nothing after it: no service is asked for.
    expect(device.log).toEqual(['connection']);
    expect(problems).toEqual([]);
    expect(states).toEqual(['connecting', 'lost']);
  });

  it('stops the ACC stream before it disconnects for good', async () => {
    await connectH10();
    const closing = session.close();
    await vi.advanceTimersByTimeAsync(50);
    await closing;
    expect(device.writes.at(-1)?.[1]).toBe('0302');
    expect(device.gatt.connected).toBe(false);
    expect(session.state).toBe('lost');
  });
});

describe('GattQueue through the fake device', () => {
  it('never overlaps operations, which the device would refuse with NetworkError', async () => {
    const { GattQueue } = await import('../../../../src/sensors/ble/gatt-queue.ts');
    const device = new FakeDevice('x', [
      {
        uuid: uuids.BATTERY_SERVICE,
        characteristics: [{ uuid: uuids.BATTERY_LEVEL, properties: { read: true }, read: Uint8Array.of(50) }],
      },
    ]);
    await device.gatt.connect();
    const service = await device.gatt.getPrimaryService(uuids.BATTERY_SERVICE);
    const level = await service.getCharacteristic(uuids.BATTERY_LEVEL);
    // Unqueued, the second read is refused…
    const raw = await Promise.allSettled([level.readValue(), level.readValue()]);
    expect(raw.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    // …queued, all of them pass.
    const queue = new GattQueue();
    const queued = await Promise.allSettled([1, 2, 3].map(() => queue.run(() => level.readValue())));
    expect(queued.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });
});
