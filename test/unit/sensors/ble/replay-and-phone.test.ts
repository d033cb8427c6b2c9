// A recording replayed as a source through the live decoder, and the phone's motion sensor.
import { describe, expect, it } from 'vitest';
import { createRecording, recordPacket } from '../../../../src/protocol/recording.ts';
import { hexToBytes } from '../../../../src/protocol/result.ts';
import * as uuids from '../../../../src/protocol/uuids.ts';
import {
  PHONE_MOTION_WORDS,
  PhoneMotion,
  requestMotionPermission,
  STANDARD_GRAVITY,
} from '../../../../src/sensors/phone/phone-motion.ts';
import { ReplaySource, replayedMotion } from '../../../../src/sensors/replay/replay-source.ts';
import type { AccelFrame, HeartRateSample } from '../../../../src/sensors/samples.ts';
import { describeWithShared } from '../../../shared.ts';
import { vector, vectors } from './wearables.ts';

function bytes(hex: string): Uint8Array {
  const r = hexToBytes(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeWithShared('ReplaySource', () => {
  it('replays a real H10 session (start command, response, ACC frames, beats) through the live decoder', () => {
    const acc = vectors().filter((v) => v.protocol === 'pmd-acc' && v.stream === 'ACC_50HZ_2G');
    const beats = vectors().filter((v) => v.protocol === 'hrs' && v.source.startsWith('fstanis'));
    const recording = createRecording([
      recordPacket('pmd-control', bytes(vector('H10 start ACC 50Hz/16bit/2G request').hex), 0, {
        characteristic: uuids.PMD_CONTROL_POINT,
        direction: 'write',
      }),
      recordPacket('pmd-control', bytes('f00202000001'), 40, { characteristic: uuids.PMD_CONTROL_POINT }),
      ...acc.map((v, i) => recordPacket('pmd-data', bytes(v.hex), 800 + 720 * i)),
      ...beats.map((v, i) => recordPacket('hrs', bytes(v.hex), 1000 + 800 * i)),
      // A frame cut short, as at a too small MTU: counted, and the replay goes on.
      recordPacket('pmd-data', bytes(acc[0].hex.slice(0, 202)), 9000),
    ]);
    const replay = new ReplaySource(recording, { now: () => 0, placement: 'chest' });
    const frames: AccelFrame[] = [];
    const hr: HeartRateSample[] = [];
    replay.accel$.subscribe((f) => frames.push(f));
    replay.heartRate$.subscribe((b) => hr.push(b));
    replay.playAll(5000);
    expect(replay.info).toMatchObject({ kind: 'replay', placement: 'chest' });
    expect(frames).toHaveLength(2);
    expect(frames[0].xyz.length).toBe(108);
    expect(frames[0].dtMs).toBeCloseTo(20, 0);
    expect(frames[0].t0Ms + 35 * frames[0].dtMs).toBeCloseTo(5800, 6);
    expect(hr.map((b) => b.bpm)).toEqual(beats.map((v) => v.expected?.hr));
    expect(hr[0].tMs).toBe(6000);
    expect(replay.malformedPackets$.value).toBe(1);
    expect(replay.connection$.value).toBe('lost');
  });

  it('reads heart rate and motion from one device each in a recording of a strap and a watch, the strap first', () => {
    const acc = vectors().filter((v) => v.protocol === 'pmd-acc' && v.stream === 'ACC_50HZ_2G');
    const h10 = { device: 'Polar H10 0A1B2C3D' };
    const watch = { device: 'InfiniTime' };
    const recording = createRecording([
      recordPacket('hrs', Uint8Array.of(0x00, 0x50), 0, {
        characteristic: uuids.HEART_RATE_MEASUREMENT,
        ...watch,
      }),
      recordPacket('infinitime-motion', Uint8Array.of(0, 0, 0, 0, 0, 4), 10, {
        characteristic: uuids.INFINITIME_MOTION,
        ...watch,
      }),
      recordPacket('pmd-control', bytes(vector('H10 start ACC 50Hz/16bit/2G request').hex), 20, {
        characteristic: uuids.PMD_CONTROL_POINT,
        direction: 'write',
        ...h10,
      }),
      recordPacket('pmd-control', bytes('f00202000001'), 60, {
        characteristic: uuids.PMD_CONTROL_POINT,
        ...h10,
      }),
      recordPacket('pmd-data', bytes(acc[0].hex), 800, { characteristic: uuids.PMD_DATA, ...h10 }),
      recordPacket('hrs', Uint8Array.of(0x00, 0x4b), 900, {
        characteristic: uuids.HEART_RATE_MEASUREMENT,
        ...h10,
      }),
      recordPacket('hrs', Uint8Array.of(0x00, 0x51), 1000, {
        characteristic: uuids.HEART_RATE_MEASUREMENT,
        ...watch,
      }),
      recordPacket('infinitime-motion', Uint8Array.of(0, 0, 0, 0, 0, 4), 1010, {
        characteristic: uuids.INFINITIME_MOTION,
        ...watch,
      }),
    ]);
    const replay = new ReplaySource(recording, { now: () => 0, placement: 'chest' });
    const frames: AccelFrame[] = [];
    const hr: HeartRateSample[] = [];
    replay.accel$.subscribe((f) => frames.push(f));
    replay.heartRate$.subscribe((b) => hr.push(b));
    replay.playAll(0);
    expect(hr.map((b) => b.bpm)).toEqual([75]);
    expect(frames.map((f) => f.xyz.length)).toEqual([108]);
  });
});

describe('ReplaySource placement', () => {
  const motion = (protocol: 'infinitime-motion' | 'microbit-acc', device: string) =>
    createRecording([recordPacket(protocol, Uint8Array.of(0, 0, 0, 0, 0, 4), 0, { device })]);

  it('puts motion where the recorded device was worn, unless told: a watch on the wrist', () => {
    expect(new ReplaySource(motion('infinitime-motion', 'InfiniTime'), { now: () => 0 }).info.placement).toBe(
      'wrist',
    );
    expect(new ReplaySource(motion('microbit-acc', 'BBC micro:bit'), { now: () => 0 }).info.placement).toBe(
      'chest',
    );
    // A recording that names no device, as older ones, stays on the chest.
    const unnamed = createRecording([recordPacket('infinitime-motion', Uint8Array.of(0, 0, 0, 0, 0, 4), 0)]);
    expect(new ReplaySource(unnamed, { now: () => 0 }).info.placement).toBe('chest');
    const told = new ReplaySource(motion('infinitime-motion', 'InfiniTime'), {
      now: () => 0,
      placement: 'arm',
    });
    expect(told.info.placement).toBe('arm');
  });
});

describe('the heart rate a replay reads', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const beats = (recording: ReturnType<typeof createRecording>) => {
    const replay = new ReplaySource(recording, { now: () => 0 });
    const bpm: number[] = [];
    replay.heartRate$.subscribe((b) => bpm.push(b.bpm));
    replay.playAll(0);
    return bpm;
  };
  const bangle = { device: 'Bangle.js 1a2b' };

  it("is a Bangle.js's, sent over its UART, in a recording of the watch alone", () => {
    const recording = createRecording([
      recordPacket('bangle-uart', utf8('A,0,0,100\r\n'), 0, bangle),
      recordPacket('bangle-uart', utf8('H,104,80\r\n'), 1000, bangle),
      recordPacket('bangle-uart', utf8('H,106,82\r\n'), 2000, bangle),
    ]);
    expect(beats(recording)).toEqual([104, 106]);
  });

  it("is the chest strap's in a recording of a strap and a Bangle.js, though the watch sent first", () => {
    const recording = createRecording([
      recordPacket('bangle-uart', utf8('H,104,80\r\n'), 0, bangle),
      recordPacket('hrs', Uint8Array.of(0x00, 0x4b), 500, { device: 'Polar H10 0A1B2C3D' }),
      recordPacket('bangle-uart', utf8('H,106,82\r\n'), 1000, bangle),
    ]);
    expect(beats(recording)).toEqual([75]);
  });
});

describe('the motion a replay reads', () => {
  const xyz = Uint8Array.of(0, 0, 0, 0, 0, 4);
  const watch = (tMs: number) => recordPacket('infinitime-motion', xyz, tMs, { device: 'InfiniTime' });
  const beat = (tMs: number, device: string) =>
    recordPacket('hrs', Uint8Array.of(0x00, 0x50), tMs, { device });
  const replayOf = (recording: ReturnType<typeof createRecording>) =>
    new ReplaySource(recording, { now: () => 0 });

  it("is a Polar sensor's in a recording of a watch and a Polar sensor, though the watch sent motion first", () => {
    const recording = createRecording([
      beat(0, 'InfiniTime'),
      watch(10),
      recordPacket('microbit-acc', xyz, 20, { device: 'BBC micro:bit' }),
      recordPacket('pmd-data', xyz, 800, { device: 'Polar H10 0A1B2C3D' }),
      beat(900, 'Polar H10 0A1B2C3D'),
    ]);
    expect(replayedMotion(recording)).toEqual({ device: 'Polar H10 0A1B2C3D', kind: 'polar' });
    expect(replayOf(recording).motionKind).toBe('polar');
    expect(replayOf(recording).info.placement).toBe('chest');
  });

  it("is the first device's to send motion where no Polar sensor did: a watch alone, named or not", () => {
    const recording = createRecording([
      beat(0, 'InfiniTime'),
      watch(10),
      recordPacket('microbit-acc', xyz, 20, { device: 'BBC micro:bit' }),
    ]);
    expect(replayedMotion(recording)).toEqual({ device: 'InfiniTime', kind: 'pinetime' });
    expect(replayOf(recording).motionKind).toBe('pinetime');
    expect(replayOf(recording).info.placement).toBe('wrist');
    const unnamed = createRecording([recordPacket('infinitime-motion', xyz, 0)]);
    expect(replayedMotion(unnamed)).toEqual({ device: '', kind: 'pinetime' });
    expect(replayOf(unnamed).motionKind).toBe('pinetime');
  });

  it('is none in a recording of heart rate alone', () => {
    const recording = createRecording([beat(0, 'Polar H10 0A1B2C3D'), beat(1000, 'Polar H10 0A1B2C3D')]);
    expect(replayedMotion(recording)).toBeNull();
    expect(replayOf(recording).motionKind).toBeNull();
    expect(replayOf(recording).info.placement).toBeNull();
  });
});

describe('PhoneMotion', () => {
  it('turns accelerationIncludingGravity in m/s² into g, one frame per event', () => {
    const target = new EventTarget();
    const phone = new PhoneMotion(target, () => 1234);
    const frames: AccelFrame[] = [];
    phone.accel$.subscribe((f) => frames.push(f));
    phone.start();
    const event = Object.assign(new Event('devicemotion'), {
      accelerationIncludingGravity: { x: 0, y: STANDARD_GRAVITY / 2, z: -STANDARD_GRAVITY },
    });
    target.dispatchEvent(event);
    phone.stop();
    expect(phone.info.placement).toBe('phone');
    expect(frames).toHaveLength(1);
    expect(frames[0].t0Ms).toBe(1234);
    expect([...frames[0].xyz]).toEqual([0, 0.5, -1]);
  });

  it('asks for permission where the browser wants it (iOS) and explains a refusal', async () => {
    let asked = 0;
    const ios = {
      DeviceMotionEvent: {
        requestPermission: async () => {
          asked++;
          return asked === 1 ? 'granted' : 'denied';
        },
      },
    } as unknown as typeof globalThis;
    await requestMotionPermission(ios);
    await expect(requestMotionPermission(ios)).rejects.toThrow(/Motion & Orientation Access/);
    await expect(requestMotionPermission({} as typeof globalThis)).rejects.toThrow(/^No motion sensors:/);
  });

  it('explains a permission request the browser itself refuses (no tap to ask inside) as a refusal', async () => {
    const outsideATap = {
      DeviceMotionEvent: {
        requestPermission: async () => {
          throw new DOMException(
            'Requesting device motion access requires a user gesture to prompt',
            'NotAllowedError',
          );
        },
      },
    } as unknown as typeof globalThis;
    await expect(requestMotionPermission(outsideATap)).rejects.toThrow(PHONE_MOTION_WORDS.refused);
  });
});
