// The one source the app reads, made of the devices connected: heart rate from the best-ranked device
// with a reading, motion from the one best placed, and the name of them together.

import { distinctUntilChanged, filter, map, NEVER, type Observable, startWith } from 'rxjs';
import { BLE_DEVICE_KINDS, type BleDeviceKind, HEART_RATE_FRESH_MS } from '../sensors/ble/device-kinds.ts';
import type { HeartRateSample, SourceInfo } from '../sensors/samples.ts';
import type { ExerciseId } from '../workout/program.ts';
import type { Member } from './device-members.ts';
import type { DeviceKind, Source } from './device-status.ts';
import { choiceAmong, chooseHeartRate, type HeartRateChoice } from './heart-rate-choice.ts';

/** Between the names of the devices read together, in the name of the one source they make. */
const NAMES_TOGETHER = ' + ';

/**
 * The devices a session was recorded from, each named once, in the order they came: a watch that
 * counted a set beside the strap is a source of its own, its frames kept apart, and is named within
 * the source the two make together too ("Polar H10 0000E2E0 + InfiniTime").
 */
export function devicesNamedIn(sources: readonly Pick<SourceInfo, 'name'>[]): string[] {
  return [...new Set(sources.flatMap((s) => s.name.split(NAMES_TOGETHER)))];
}

/** What the app reads as `members` are: a replay, the phone alone, else Bluetooth devices. */
export function sourceKindOf(members: readonly Member[]): SourceInfo['kind'] {
  if (members.some((m) => m.status.kind === 'replay')) return 'replay';
  return members.length === 1 && members[0].status.kind === 'phone' ? 'phone' : 'bluetooth';
}

/** One device as a source of its own: a watch whose motion counts a set beside the strap. */
export function memberInfo(m: Member): SourceInfo {
  if (m.virtual) return m.virtual.info;
  return { id: m.status.id, name: m.status.name, kind: sourceKindOf([m]), placement: m.status.placement };
}

// Heart rate from a chest strap first: it is the most accurate [P-H10; P-VS contact caveat].
const HEART_RATE_RANK: Record<DeviceKind, number> = {
  'heart-rate': 0,
  polar: 0,
  virtual: 1,
  replay: 1,
  pinetime: 2,
  bangle: 2,
  microbit: 9,
  phone: 9,
};
/**
 * How long a reading of a device of this kind stands for the heart rate now: its kind's (see
 * BleDeviceKindSpec.heartRateFreshMs), a strap's for the virtual strap and a replay.
 */
export function heartRateFreshMs(kind: DeviceKind): number {
  const spec = Object.hasOwn(BLE_DEVICE_KINDS, kind) ? BLE_DEVICE_KINDS[kind as BleDeviceKind] : null;
  return spec?.heartRateFreshMs ?? HEART_RATE_FRESH_MS;
}

/** The devices of `members` heart rate can be read from, best-ranked first (see HEART_RATE_RANK). */
export function byHeartRateRank(members: readonly Member[]): Member[] {
  const candidates = members.filter((m) => m.heartRate$ !== null);
  return candidates.sort((a, b) => HEART_RATE_RANK[a.status.kind] - HEART_RATE_RANK[b.status.kind]);
}

/** Which of `members` (see byHeartRateRank) the heart rate is read from, reading by reading. */
export function heartRateChoice(members: readonly Member[]): Observable<HeartRateChoice> {
  return chooseHeartRate(
    members.map((m) => ({
      heartRate$: m.heartRate$ ?? NEVER,
      there$: m.connection$.pipe(map((c) => c === 'connecting' || c === 'connected')),
      freshMs: heartRateFreshMs(m.status.kind),
    })),
  );
}

/**
 * The device of `heartRateMembers` the heart rate comes from now, read at each change of the readings
 * as the heart rate shown is; before the devices' states are known, the one read while none has a
 * reading.
 */
export function heartRateFrom(heartRateMembers: readonly Member[]): Observable<Member | null> {
  const noReadings = heartRateMembers.map(() => null);
  return heartRateChoice(heartRateMembers).pipe(
    startWith(choiceAmong(noReadings, noReadings)),
    map((c) => heartRateMembers[c.from] ?? null),
    distinctUntilChanged(),
  );
}

/**
 * The one Source the app reads from `members`: heart rate from the best-ranked of `heartRateMembers`
 * that has a reading, motion from `motion` for most exercises, and for each exercise from the member
 * `motionFor` picks.
 */
export function sourceOf(
  members: readonly Member[],
  heartRateMembers: readonly Member[],
  motion: Member | null,
  motionFor: (exercise: ExerciseId) => Member | null,
): Source {
  const virtual = members.find((m) => m.virtual)?.virtual ?? null;
  const names = members.map((m) => m.status.name);
  const info: SourceInfo = virtual
    ? virtual.info
    : {
        id: members.map((m) => m.status.id).join('+'),
        name: names.join(NAMES_TOGETHER),
        kind: sourceKindOf(members),
        placement: motion?.status.placement ?? null,
      };
  return {
    info,
    accel$: motion?.accel$ ?? null,
    heartRate$: heartRateChoice(heartRateMembers).pipe(
      filter((c) => c.arrived),
      map((c) => c.now as HeartRateSample),
    ),
    heartRateNow$: heartRateChoice(heartRateMembers).pipe(
      map((c) => c.now),
      distinctUntilChanged(),
    ),
    virtual,
    motionFor: (exercise) => {
      const m = motionFor(exercise);
      return m?.accel$ && m.status.placement
        ? { accel$: m.accel$, placement: m.status.placement, source: memberInfo(m) }
        : null;
    },
    disconnect: () => {
      for (const m of members) m.close();
    },
  };
}
