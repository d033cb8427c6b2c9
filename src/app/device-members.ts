// Each device the app reads, as one member of what it reads from: its streams as the app follows them,
// made alike for the virtual strap, the phone's motion, a replay and a Bluetooth device.

import {
  BehaviorSubject,
  combineLatest,
  distinctUntilChanged,
  filter,
  map,
  merge,
  type Observable,
  of,
  type Subscription,
} from 'rxjs';
import type { RecordedPacket } from '../protocol/recording.ts';
import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../sensors/ble/device-kinds.ts';
import { GattSession } from '../sensors/ble/gatt-session.ts';
import type { DeviceProblemKind } from '../sensors/ble/profile.ts';
import type { PhoneMotion } from '../sensors/phone/phone-motion.ts';
import type { ReplaySource } from '../sensors/replay/replay-source.ts';
import type { AccelFrame, HeartRateSample } from '../sensors/samples.ts';
import type { Habit } from '../sensors/virtual/choreography.ts';
import { VirtualStrap } from '../sensors/virtual/virtual-strap.ts';
import type { ConnectionState, DeviceStatus } from './device-status.ts';
import { findingPulseOf, handedOverOf, heldWhileUnchanged, motionStoppedOf } from './device-streams.ts';

/** One connected device and its streams. */
export interface Member {
  readonly status: Omit<
    DeviceStatus,
    | 'heartRate'
    | 'motion'
    | 'counts'
    | 'handedOver'
    | 'connection'
    | 'battery'
    | 'malformedPackets'
    | 'sampleRateHz'
    | 'motionStopped'
    | 'findingPulse'
  >;
  readonly heartRate$: Observable<HeartRateSample> | null;
  /** When its heart sensor gave a reading it is unsure of (see findingPulseOf); absent: never. */
  readonly pulseSought$?: Observable<unknown>;
  readonly accel$: Observable<AccelFrame> | null;
  readonly connection$: Observable<ConnectionState>;
  readonly battery$: Observable<number | null>;
  readonly malformedPackets$: Observable<number>;
  readonly sampleRateHz$: Observable<number | null>;
  /** The device has motion but refused to stream it (until frames come after all); absent: never. */
  readonly motionRefused$?: Observable<boolean>;
  /** Its motion stopped while it stays connected (see motionStoppedOf); absent: never. */
  readonly motionStopped$?: Observable<boolean>;
  readonly virtual: VirtualStrap | null;
  readonly session: GattSession | null;
  /** What the device sent (and was sent) so far, for a recording; phone motion and the virtual strap send no packets. */
  recordedPackets(): readonly RecordedPacket[];
  /** A replay's: when the recording it plays was made (null when it does not say); absent for a live device. */
  readonly recordedAt?: string | null;
  close(): void;
}

/**
 * A device's state as its streams tell it, whether it refused to stream its motion, and whether it is
 * away long enough that what it counts goes to another (see handedOverOf).
 */
export interface MemberSeen {
  readonly status: Omit<DeviceStatus, 'heartRate' | 'motion' | 'counts' | 'handedOver'>;
  readonly motionRefused: boolean;
  readonly handedOver: boolean;
}

/** Follows a device's streams into its state (see DeviceStatus), as they change. */
export function memberSeen(m: Member): Observable<MemberSeen> {
  return combineLatest([
    m.connection$,
    m.battery$,
    m.malformedPackets$,
    m.sampleRateHz$,
    m.motionRefused$ ?? of(false),
    m.motionStopped$ ?? of(false),
    m.pulseSought$ && m.heartRate$ ? findingPulseOf(m.pulseSought$, m.heartRate$, m.connection$) : of(false),
    handedOverOf(m.connection$),
  ]).pipe(
    map(
      ([
        connection,
        battery,
        malformedPackets,
        sampleRateHz,
        motionRefused,
        motionStopped,
        findingPulse,
        handedOver,
      ]) => ({
        status: {
          ...m.status,
          connection,
          battery,
          malformedPackets,
          sampleRateHz,
          motionStopped,
          findingPulse,
        },
        motionRefused,
        handedOver,
      }),
    ),
  );
}

/** What a member's streams are timed by, and whether the devices' streams are stopped on purpose. */
export interface MemberStreams {
  readonly now: () => number;
  readonly streamsSuspended: Observable<boolean>;
}

/** What a device says when it will not stream motion: it counts as a heart-rate-only device then. */
const MOTION_REFUSALS = new Set<DeviceProblemKind>([
  'mtu-too-small',
  'charging',
  'stream-failed',
  'no-motion-service',
]);

/** Whether `a` and `b` are the same devices, in the same order. */
export function sameMembers(a: readonly Member[], b: readonly Member[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** The virtual strap: a simulated person with `habit`, always connected. */
export function virtualMember(options: {
  readonly seed: number;
  readonly now: () => number;
  readonly habit: Habit;
}): Member {
  const strap = new VirtualStrap({
    seed: options.seed,
    now: options.now,
    habit: options.habit,
  });
  return {
    status: { id: strap.info.id, name: strap.info.name, kind: 'virtual', placement: strap.info.placement },
    heartRate$: strap.heartRate$,
    accel$: strap.accel$,
    connection$: of('connected' as const),
    battery$: of(null),
    malformedPackets$: of(0),
    sampleRateHz$: of(null),
    virtual: strap,
    session: null,
    recordedPackets: () => [],
    close: () => {},
  };
}

/** The phone's own motion; `problems`, what it says followed, ends with it. */
export function phoneMember(phone: PhoneMotion, problems: Subscription): Member {
  return {
    status: { id: phone.info.id, name: phone.info.name, kind: 'phone', placement: 'phone' },
    heartRate$: null,
    accel$: phone.accel$,
    connection$: phone.connection$,
    battery$: of(null),
    malformedPackets$: of(0),
    sampleRateHz$: of(null),
    virtual: null,
    session: null,
    recordedPackets: () => [],
    close: () => {
      problems.unsubscribe();
      phone.stop();
    },
  };
}

/** A recording played through the same decoders as a live device; `recordedAt`, when it was made. */
export function replayMember(
  replay: ReplaySource,
  recordedAt: string | null,
  streams: MemberStreams,
): Member {
  const connection$ = replay.connection$.pipe(map((c) => (c === 'lost' ? 'ended' : c)));
  // A recording holds what the device sent, and a watch that sends only a change sent nothing while
  // the wrist was still: held as live (see heldWhileUnchanged), a still hold replayed is the one the
  // detectors saw live, not a lone reading, never seen still. Held from before the first packet,
  // which plays as the replay starts.
  const pollMs = replay.motionKind ? BLE_DEVICE_KINDS[replay.motionKind].unchangedUnsentMs : undefined;
  const accel$ =
    pollMs === undefined
      ? replay.accel$
      : heldWhileUnchanged(replay.accel$, connection$, streams.streamsSuspended, streams.now, pollMs);
  const holding = accel$ === replay.accel$ ? null : accel$.subscribe();
  return {
    status: {
      id: replay.info.id,
      name: replay.info.name,
      kind: 'replay',
      placement: replay.info.placement,
    },
    heartRate$: replay.heartRate$,
    accel$: replay.info.placement ? accel$ : null,
    // A replay's link is never lost: it goes 'lost' once every packet has been played (or it is stopped).
    connection$,
    battery$: of(null),
    malformedPackets$: replay.malformedPackets$,
    sampleRateHz$: of(null),
    virtual: null,
    session: null,
    recordedPackets: () => replay.playedPackets,
    recordedAt,
    close: () => {
      replay.stop();
      holding?.unsubscribe();
    },
  };
}

/** A Bluetooth device being connected, as bluetoothMember sets it up. */
export interface JoiningMember {
  readonly member: Member;
  readonly session: GattSession;
  /** Its first connection is made: from now on its 'lost' is a device lost, passed on. */
  connected(): void;
  /** Lets go of the reading held (see heldWhileUnchanged), which would keep a failed try alive. */
  stopHolding(): void;
}

/**
 * A Bluetooth device of `kind`, its session set up but not connected yet; `showProblems` follows
 * what it says from the start, and ends with it.
 */
export function bluetoothMember(
  device: BluetoothDevice,
  kind: BleDeviceKind,
  streams: MemberStreams,
  showProblems: (session: GattSession) => Subscription,
): JoiningMember {
  const spec = BLE_DEVICE_KINDS[kind];
  const name = device.name || spec.label;
  const placement = spec.placement(name);
  const live = new GattSession(device, spec.profiles(), { now: streams.now });
  const problems = showProblems(live);
  // Heard from the start: a device refuses its motion stream while it is being set up, before it
  // is read from (see Devices.joining), and the device list is watched afresh once it is.
  const motionRefused = new BehaviorSubject(false);
  const refusals = merge(
    live.problem$.pipe(
      filter((p) => MOTION_REFUSALS.has(p.kind)),
      map(() => true),
    ),
    live.accel$.pipe(map(() => false)),
  ).subscribe((refused) => motionRefused.next(refused));
  // A first connection that fails ends its session 'lost' before the device is taken away: that
  // is no device lost to a set under way (it never counted with it), only the problem line says
  // why. Its 'lost' is passed on once it has been connected.
  let connectedOnce = false;
  const pollMs = spec.unchangedUnsentMs;
  const accel$ =
    pollMs === undefined
      ? live.accel$
      : heldWhileUnchanged(
          live.accel$,
          live.connection$,
          streams.streamsSuspended,
          streams.now,
          pollMs,
          live.motionUnsent$,
        );
  // Held from its setup on (see heldWhileUnchanged): nothing reads from it until it is connected.
  const holding = accel$ === live.accel$ ? null : accel$.subscribe();
  const member: Member = {
    status: { id: device.id, name, kind, placement },
    heartRate$: spec.givesHeartRate ? live.heartRate$ : null,
    pulseSought$: spec.givesHeartRate ? live.pulseSought$ : undefined,
    accel$: placement ? accel$ : null,
    connection$: live.connection$.pipe(filter((c) => connectedOnce || c !== 'lost')),
    battery$: live.battery$,
    malformedPackets$: live.malformedPackets$,
    sampleRateHz$: live.details$.pipe(map((d) => d.sampleRateHz ?? null)),
    motionRefused$: motionRefused.pipe(distinctUntilChanged()),
    motionStopped$: placement
      ? motionStoppedOf(accel$, live.connection$, streams.streamsSuspended, {
          silentWhenStill: pollMs !== undefined,
        })
      : undefined,
    virtual: null,
    session: live,
    recordedPackets: () => live.recordedPackets,
    close: () => {
      problems.unsubscribe();
      refusals.unsubscribe();
      holding?.unsubscribe();
      void live.close();
    },
  };
  return {
    member,
    session: live,
    connected: () => {
      connectedOnce = true;
    },
    stopHolding: () => holding?.unsubscribe(),
  };
}
