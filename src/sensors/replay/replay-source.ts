// A recording (protocol/recording.ts) played back as a source, through the same decoder a live
// device uses, so that a bug report is a file: load it, and the app sees what the person's device sent.

import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import type { PacketProtocol } from '../../protocol/decode.ts';
import type { RecordedPacket, Recording } from '../../protocol/recording.ts';
import { hexToBytes } from '../../protocol/result.ts';
import * as uuids from '../../protocol/uuids.ts';
import { PacketDecoder } from '../ble/decoder.ts';
import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../ble/device-kinds.ts';
import type { DeviceProblem } from '../ble/profile.ts';
import type { AccelFrame, HeartRateSample, Placement, SourceInfo } from '../samples.ts';

/** Recordings name the protocol always and the characteristic only sometimes. */
const CHARACTERISTIC_OF: Partial<Record<PacketProtocol, string>> = {
  hrs: uuids.HEART_RATE_MEASUREMENT,
  bas: uuids.BATTERY_LEVEL,
  'pmd-control': uuids.PMD_CONTROL_POINT,
  'pmd-data': uuids.PMD_DATA,
  'infinitime-motion': uuids.INFINITIME_MOTION,
  'microbit-acc': uuids.MICROBIT_ACCELEROMETER_DATA,
  'bangle-uart': uuids.NORDIC_UART_TX,
};

function characteristicOf(packet: RecordedPacket): string | null {
  return packet.characteristic?.toLowerCase() ?? CHARACTERISTIC_OF[packet.protocol] ?? null;
}

/**
 * What the device line calls a replay: when it was recorded, else the file it came from. Never just
 * "Recording", which reads as if the app were recording now.
 */
export function replayName(recording: Recording, fileName?: string, locale?: string): string {
  const recordedAt = recording.startedAt ? new Date(recording.startedAt) : null;
  if (recordedAt && !Number.isNaN(recordedAt.getTime())) {
    return `Recorded ${recordedAt.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}`;
  }
  return fileName ? `From ${fileName}` : 'Saved recording';
}

export interface ReplayOptions {
  readonly now: () => number;
  /** Where the recorded accelerometer sat; the recording does not say. */
  readonly placement?: Placement;
  readonly name?: string;
  /** Playback speed; 1 = as recorded. */
  readonly speed?: number;
}

/** The motion streams a recording can hold, and the kind of device each comes from. */
const MOTION_KINDS: Partial<Record<PacketProtocol, BleDeviceKind>> = {
  'pmd-data': 'polar',
  'infinitime-motion': 'pinetime',
  'microbit-acc': 'microbit',
  'bangle-uart': 'bangle',
};

/** The streams a recording's heart rate can come in: a Bangle.js sends its own over its UART. */
const HEART_RATE_PROTOCOLS: ReadonlySet<PacketProtocol> = new Set(['hrs', 'bangle-uart']);

/** The device whose motion a replay reads ('' for a recording that names none), and its kind. */
export interface ReplayedMotion {
  readonly device: string;
  readonly kind: BleDeviceKind;
}

/**
 * The motion a replay of `recording` reads, or null where it holds none. A recording of a strap and a
 * watch holds two motion streams: like the live app, read one, a Polar sensor's when there is one,
 * else that of the first device that sent motion.
 */
export function replayedMotion(recording: Recording): ReplayedMotion | null {
  const packet =
    recording.packets.find((p) => p.protocol === 'pmd-data') ??
    recording.packets.find((p) => MOTION_KINDS[p.protocol] !== undefined);
  const kind = packet ? MOTION_KINDS[packet.protocol] : undefined;
  return packet && kind ? { device: packet.device ?? '', kind } : null;
}

/** The device of the first packet that matches, '' for a recording that names no device, or null. */
function deviceOf(recording: Recording, matches: (packet: RecordedPacket) => boolean): string | null {
  const packet = recording.packets.find(matches);
  return packet ? (packet.device ?? '') : null;
}

export class ReplaySource {
  readonly info: SourceInfo;
  readonly connection$ = new BehaviorSubject<'connecting' | 'connected' | 'lost'>('connecting');
  readonly malformedPackets$ = new BehaviorSubject(0);
  readonly heartRate$: Observable<HeartRateSample>;
  readonly accel$: Observable<AccelFrame>;
  readonly problem$ = new Subject<DeviceProblem>();
  /** The kind of device whose motion this replays (see replayedMotion), or null where it holds none. */
  readonly motionKind: BleDeviceKind | null;
  private readonly heartRates = new Subject<HeartRateSample>();
  private readonly frames = new Subject<AccelFrame>();
  private readonly decoders = new Map<string, PacketDecoder>();
  private readonly heartRateDevice: string | null;
  private readonly motionDevice: string | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private next = 0;
  private startMs = 0;
  private elapsedMs = 0;

  constructor(
    private readonly recording: Recording,
    private readonly options: ReplayOptions,
  ) {
    const motion = replayedMotion(recording);
    this.motionKind = motion?.kind ?? null;
    this.motionDevice = motion?.device ?? null;
    // A recording of a strap and a watch holds two heart rates too: like the live app, read it from
    // the strap, and from a watch only where there is none.
    const watches = new Set(
      recording.packets
        .filter((p) => {
          const kind = MOTION_KINDS[p.protocol];
          return kind !== undefined && BLE_DEVICE_KINDS[kind].placement(p.device ?? '') === 'wrist';
        })
        .map((p) => p.device ?? ''),
    );
    this.heartRateDevice =
      deviceOf(recording, (p) => HEART_RATE_PROTOCOLS.has(p.protocol) && !watches.has(p.device ?? '')) ??
      deviceOf(recording, (p) => HEART_RATE_PROTOCOLS.has(p.protocol));
    // Unless told, the motion sits where the live app placed the device that recorded it (a Polar
    // sensor is placed by its name: a recording that names no device stays on the chest).
    const recordedPlacement = motion?.device ? BLE_DEVICE_KINDS[motion.kind].placement(motion.device) : null;
    this.info = {
      id: `replay:${recording.startedAt ?? 'recording'}`,
      name: options.name ?? replayName(recording),
      kind: 'replay',
      placement: motion ? (options.placement ?? recordedPlacement ?? 'chest') : null,
    };
    this.heartRate$ = this.heartRates.asObservable();
    this.accel$ = this.frames.asObservable();
  }

  /** The packets played so far, as recorded: saving them makes a recording of what the app received. */
  get playedPackets(): readonly RecordedPacket[] {
    return this.recording.packets.slice(0, this.next);
  }

  /** Plays the packets at their recorded pace, on the session's clock from now. */
  start(): void {
    this.startMs = this.options.now();
    this.connection$.next('connected');
    this.schedule();
  }

  /** Feeds every packet at once, timed as recorded from `startMs` (for tests and the eval tools). */
  playAll(startMs = this.options.now()): void {
    this.startMs = startMs;
    this.connection$.next('connected');
    while (this.next < this.recording.packets.length) this.feed(this.next++);
    this.finish();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.finish();
  }

  /** Packets go out as the recording spaced them; the timers' own delays keep the pace, so a slow
   * tab replays late rather than in bursts. */
  private schedule(): void {
    const packets = this.recording.packets;
    const origin = packets[0]?.tMs ?? 0;
    const speed = this.options.speed ?? 1;
    while (this.next < packets.length) {
      const waitMs = (packets[this.next].tMs - origin) / speed - this.elapsedMs;
      if (waitMs > 1) {
        this.timer = setTimeout(() => {
          this.elapsedMs += waitMs;
          this.schedule();
        }, waitMs);
        return;
      }
      this.feed(this.next++);
    }
    this.finish();
  }

  private feed(index: number): void {
    const packets = this.recording.packets;
    const packet = packets[index];
    const key = packet.device ?? '';
    let decoder = this.decoders.get(key);
    if (!decoder) {
      decoder = new PacketDecoder({
        heartRate: (s) => {
          if (key === this.heartRateDevice) this.heartRates.next(s);
        },
        accel: (f) => {
          if (key === this.motionDevice) this.frames.next(f);
        },
        battery: () => {},
        malformed: () => this.malformedPackets$.next(this.malformedPackets$.value + 1),
        problem: (p) => this.problem$.next(p),
      });
      this.decoders.set(key, decoder);
    }
    const characteristic = characteristicOf(packet);
    const bytes = hexToBytes(packet.hex);
    if (!bytes.ok) {
      this.malformedPackets$.next(this.malformedPackets$.value + 1);
      return;
    }
    if (!characteristic) return;
    const tMs = this.startMs + (packet.tMs - (packets[0]?.tMs ?? 0)) / (this.options.speed ?? 1);
    if ((packet.direction ?? 'notify') === 'write') decoder.wrote(characteristic, bytes.value);
    else decoder.notify(characteristic, bytes.value, tMs);
  }

  private finish(): void {
    if (this.connection$.value === 'lost') return;
    this.connection$.next('lost');
    this.heartRates.complete();
    this.frames.complete();
  }
}
