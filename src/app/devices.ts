// Which devices feed the app, and how they are doing. The virtual strap is connected until the person
// picks a real device. Several devices can be connected at once (an H10 on the chest for heart rate
// and trunk motion, a watch for the wrist): the app then reads heart rate from one and motion from
// the one best placed for the exercise.

import {
  BehaviorSubject,
  combineLatest,
  defer,
  distinctUntilChanged,
  EMPTY,
  filter,
  firstValueFrom,
  interval,
  map,
  merge,
  NEVER,
  type Observable,
  of,
  Subscription,
  share,
  startWith,
  switchMap,
  take,
  takeUntil,
  tap,
  timer,
} from 'rxjs';
import {
  createRecording,
  parseRecording,
  type RecordedPacket,
  type Recording,
} from '../protocol/recording.ts';
import {
  BLE_DEVICE_KINDS,
  type BleDeviceKind,
  HEART_RATE_FRESH_MS,
  kindOfPicked,
  requestOptionsFor,
} from '../sensors/ble/device-kinds.ts';
import {
  BluetoothProblem,
  bluetoothOf,
  describeBluetoothError,
  noBluetoothWords,
} from '../sensors/ble/errors.ts';
import { type ConnectionState as GattConnectionState, GattSession } from '../sensors/ble/gatt-session.ts';
import type { DeviceProblemKind } from '../sensors/ble/profile.ts';
import { PhoneMotion, requestMotionPermission } from '../sensors/phone/phone-motion.ts';
import { ReplaySource, replayName } from '../sensors/replay/replay-source.ts';
import type { AccelFrame, HeartRateSample, Placement, SourceInfo } from '../sensors/samples.ts';
import { HABITS, type Habit } from '../sensors/virtual/choreography.ts';
import { VirtualStrap } from '../sensors/virtual/virtual-strap.ts';
import {
  countedInPlaceWords,
  GOING_ON_WITHOUT_WORDS,
  type GoneHow,
  goneOnWithoutName,
} from '../workout/by-hand.ts';
import { waitsForPosition } from '../workout/counted-by.ts';
import { JsonStore, type KeyValueStorage } from '../workout/json-store.ts';
import { Model } from '../workout/model.ts';
import { concernedExercise } from '../workout/next-set.ts';
import { type ExerciseId, PROGRAM } from '../workout/program.ts';
import type { SessionState } from '../workout/session.ts';
import type { DeviceTakeOver, PauseReason } from '../workout/session-state.ts';
import { choiceAmong, chooseHeartRate, type HeartRateChoice } from './heart-rate-choice.ts';
import {
  exercisesCountedBy,
  exercisesHandedOverBy,
  motionDeviceFor,
  type SetCounted,
} from './motion-routing.ts';
import { personLocale } from './person-locale.ts';
import { recordingFile } from './recording-file.ts';
import { tryAgainDelayMs } from './rejoin-policy.ts';
import type { ExportedFile } from './session-files.ts';

/**
 * How a device is doing; 'ended' is a replay whose recording has played to its end, 'unavailable' a
 * device that never gave anything to connect to (phone motion on a computer with no motion sensor).
 */
export type ConnectionState = GattConnectionState | 'ended' | 'unavailable';

/** The device's state that pauses a set or rest, and why; the others let it go on. */
export const PAUSE_FOR_CONNECTION: Readonly<Record<ConnectionState, PauseReason | null>> = {
  connecting: null,
  connected: null,
  unavailable: null,
  reconnecting: 'connection',
  lost: 'lost',
  ended: 'replay',
};

/**
 * Whether the heart rate alone is out of reach, and how: the device it is read from is reconnecting or
 * given up for lost, and it counts and sees nothing of the exercises (a plain heart-rate strap, or one
 * whose motion will not stream), so its drop takes the heart rate and nothing else, and the session
 * goes on without it (see neededConnection). Null when the heart rate is there, or went
 * with a device the session waits for.
 */
export function heartRateAloneAway(devices: readonly DeviceStatus[]): AwayConnection | null {
  const device = devices.find((d) => d.heartRate);
  if (!device || !seesNoExercise(device)) return null;
  return isAway(device.connection) ? device.connection : null;
}

/**
 * Whether `d` neither counts an exercise nor sees where the person is: a plain heart-rate strap, or
 * one whose motion will not stream. The person counts every rep and times every hold by tap with it.
 */
export function seesNoExercise(d: Pick<DeviceStatus, 'motion' | 'counts' | 'handedOver'>): boolean {
  return !d.motion && d.counts.length === 0 && d.handedOver.length === 0;
}

/**
 * What a set needs of the devices: the one that counts its exercise and, while the set waits for the
 * person to be in position, the one that sees where they lie (the chest strap, in a lat pulldown the
 * watch counts).
 */
export interface SetNeeds {
  readonly exercise: ExerciseId;
  readonly position: boolean;
}

/**
 * What the session needs of the devices now: in a set, the set's; in a rest, the set after it, which
 * the rest's end begins: a device it needs going in the rest pauses the countdown, so that the set
 * does not begin without it, as it would not had the device gone a moment later. The strap that sees
 * where the person is, in a rest before a set another device counts, is not needed once it is away:
 * that set begins without waiting for a position (see SessionState.positionAway). Null outside them.
 */
export function setNeeds(state: SessionState): SetNeeds | null {
  const exercise = concernedExercise(state);
  if (!exercise) return null;
  const position = state.phase === 'set' ? state.set?.waiting === true : waitsForPosition(state, exercise);
  return { exercise: exercise.id, position };
}

/**
 * The connection of the devices `needs` asks for, the worst of them: what a drop pauses a set or rest
 * for (see PAUSE_FOR_CONNECTION). A device that counts only other exercises (an H10 in a lat pulldown
 * the watch counts, a watch in a glute bridge) goes with nothing the set needs: the set goes on, and
 * when one that needs it comes while it is still away, the person counts that by hand. With no needs
 * (no set nor rest under way), every device that counts or sees an exercise.
 */
export function neededConnection(devices: readonly DeviceStatus[], needs: SetNeeds | null): ConnectionState {
  return worstConnection(devices.filter((d) => neededDevice(d, needs)).map((d) => d.connection));
}

/**
 * Where the device whose drop pauses the set or rest (see neededConnection) is worn: of those `needs`
 * asks for that are away, their one placement, the watch beside a Polar H9 that counts nothing;
 * undefined where none is away, or two worn apart are, which the pause cannot tell between.
 */
export function droppedDevicePlacement(
  devices: readonly DeviceStatus[],
  needs: SetNeeds | null,
): Placement | undefined {
  const placements = new Set(
    devices
      .filter((d) => neededDevice(d, needs) && PAUSE_FOR_CONNECTION[d.connection] !== null)
      .map((d) => d.placement ?? undefined),
  );
  return placements.size === 1 ? [...placements][0] : undefined;
}

/**
 * Where the device whose drop paused a set or rest picked up on a new page is worn, as that page finds
 * the devices: the one away of those `needs` asks for (see droppedDevicePlacement); else the one the
 * old page named (`saved`, kept with the session since it was known, see
 * StateSnapshot.pausedForDevice); else, with devices of the last visit not yet reached, whose pause it
 * is (see pauseForConnectionOnRestore), their one placement; else, all back, the one placement of
 * those it asks for, as no other could have paused it. Undefined where two worn apart are in question
 * and the session, saved before it kept the device, names none.
 */
export function restoredDropPlacement(
  devices: Pick<DeviceState, 'devices' | 'awaiting'>,
  needs: SetNeeds | null,
  saved?: Placement,
): Placement | undefined {
  const away = droppedDevicePlacement(devices.devices, needs);
  if (away) return away;
  if (saved) return saved;
  const placements = new Set<Placement | null>(
    devices.awaiting.length > 0
      ? devices.awaiting.map(awaitedPlacement)
      : devices.devices.filter((d) => neededDevice(d, needs)).map((d) => d.placement),
  );
  const [only] = placements;
  return placements.size === 1 && only ? only : undefined;
}

/** Whether `needs` asks for `d` (see neededConnection). */
function neededDevice(d: DeviceStatus, needs: SetNeeds | null): boolean {
  return needs === null
    ? !seesNoExercise(d)
    : d.counts.includes(needs.exercise) || (needs.position && d.motion);
}

/** A device out of reach in a state that pauses a set it is needed in: reconnecting, or given up on. */
export type AwayConnection = 'reconnecting' | 'lost';

export function isAway(connection: ConnectionState): connection is AwayConnection {
  return connection === 'reconnecting' || connection === 'lost';
}

/**
 * The devices out of reach, or connected with their motion stopped, that the set under way (in a
 * rest, the set after it) goes on without, as it needs none of them (see neededConnection): a strap
 * that gives the heart rate alone, or one that counts other exercises (an H10 in a lat pulldown the
 * watch counts, a watch in a superman). The set screen says each, as the voice said it; a device the
 * set needs, gone, pauses it or has it counted by hand, which the screen says in its own words.
 */
export function goneOnWithout(devices: readonly DeviceStatus[], needs: SetNeeds | null): GoneOnWithout[] {
  return devices.filter(
    (d): d is GoneOnWithout => (isAway(d.connection) || d.motionStopped) && !neededDevice(d, needs),
  );
}

/** A device out of reach, or whose motion stopped, that the session goes on without (see goneOnWithout). */
export type GoneOnWithout = DeviceStatus & { readonly goneOnWithout: never };

/**
 * What the set or rest under way says of a device it goes on without (see goneOnWithout), `exercise`
 * the set's (in a rest, the set after it): which device counts it, where one took it over from this
 * one given up for lost ("Strap out of reach: the watch counts"); else how it is gone
 * (see goneOnWithoutText).
 */
export function goneOnWithoutLine(
  devices: readonly DeviceStatus[],
  gone: GoneOnWithout,
  exercise: ExerciseId | undefined,
): string {
  return `${goneOnWithoutName(gone.placement, seesNoExercise(gone))} ${goneOnWithoutWords(devices, gone, exercise)}`;
}

/**
 * What the header says after the name of a device the set or rest under way goes on without, in the
 * words of its line there (see goneOnWithoutLine): "out of reach: the watch counts" of a strap whose
 * set the watch took over, so that the header and the set tell the same; else how it is gone ("out of
 * reach: keep going").
 */
export function goneOnWithoutWords(
  devices: readonly DeviceStatus[],
  gone: GoneOnWithout,
  exercise: ExerciseId | undefined,
): string {
  const tookOver = exercise && gone.handedOver.includes(exercise) ? takenOverOf(devices, exercise) : null;
  return tookOver
    ? countedInPlaceWords(tookOver.placement, tookOver.how)
    : GOING_ON_WITHOUT_WORDS[goneHow(gone)];
}

/** How a device the session goes on without is gone: out of reach wins over its motion stopped. */
export function goneHow(d: GoneOnWithout): GoneHow {
  return isAway(d.connection) ? d.connection : 'stopped';
}

/**
 * Whether the device that sees where the person is (the one motion is read from for most exercises:
 * the chest strap beside a watch) is out of reach now, in a state that pauses a set (see
 * PAUSE_FOR_CONNECTION), or connected with its motion stopped (see DeviceStatus.motionStopped), as
 * blind to the position as one gone: no set waits to see the person in position meanwhile (see
 * SessionState.positionAway).
 */
export function positionOutOfReach(devices: readonly DeviceStatus[]): boolean {
  return devices.some((d) => d.motion && (PAUSE_FOR_CONNECTION[d.connection] !== null || d.motionStopped));
}

/**
 * Whether a device counts `exercise` by its motion (see DeviceStatus.counts): else the person counts
 * it by tap. The session's lessons ask it of the devices the app reads now.
 */
export function countedByMotion(devices: readonly DeviceStatus[], exercise: ExerciseId): boolean {
  return devices.some((d) => d.counts.includes(exercise));
}

/**
 * Of `exercise`, where the device given up for lost, or whose motion stopped, is worn that another
 * counts it in place of, where that other is, and how the first is gone (see DeviceStatus.handedOver);
 * null where its own device counts it.
 */
export function takenOverOf(devices: readonly DeviceStatus[], exercise: ExerciseId): DeviceTakeOver | null {
  const gone = devices.find((d) => d.handedOver.includes(exercise));
  const placement = devices.find((d) => d.counts.includes(exercise))?.placement;
  return gone?.placement && placement
    ? { from: gone.placement, placement, how: gone.connection === 'lost' ? 'lost' : 'stopped' }
    : null;
}

/**
 * Where the device each exercise is up to is worn (see SessionState.motionPlacements): the one that
 * counts it (see DeviceStatus.counts), else the one motion is read from for most exercises, which
 * cannot see it (a watch alone, in a glute bridge). None where no device gives motion.
 */
export function motionPlacementsOf(devices: readonly DeviceStatus[]): Partial<Record<ExerciseId, Placement>> {
  const placements: Partial<Record<ExerciseId, Placement>> = {};
  const main = devices.find((d) => d.motion);
  for (const { id } of PROGRAM) {
    const placement = (devices.find((d) => d.counts.includes(id)) ?? main)?.placement;
    if (placement) placements[id] = placement;
  }
  return placements;
}

/**
 * The exercises, in the program's order, whose device that counts them (see DeviceStatus.counts) is
 * out of reach now, in a state that pauses a set (see PAUSE_FOR_CONNECTION): the session counts their
 * sets by tap meanwhile, and ends none for want of reps nothing could see. One just being connected
 * has not gone.
 */
export function exercisesOutOfReach(devices: readonly DeviceStatus[]): ExerciseId[] {
  const away = new Set(
    devices
      .filter((d) => PAUSE_FOR_CONNECTION[d.connection] !== null || d.motionStopped)
      .flatMap((d) => d.counts),
  );
  return PROGRAM.map((e) => e.id).filter((id) => away.has(id));
}

/**
 * Of the exercises out of reach (see exercisesOutOfReach), those whose device is connected but has
 * stopped sending its motion (see DeviceStatus.motionStopped), in the program's order.
 */
export function exercisesMotionStopped(devices: readonly DeviceStatus[]): ExerciseId[] {
  const away = new Set(
    exercisesOutOfReach(devices.filter((d) => PAUSE_FOR_CONNECTION[d.connection] !== null)),
  );
  const stopped = new Set(devices.filter((d) => d.motionStopped).flatMap((d) => d.counts));
  return PROGRAM.map((e) => e.id).filter((id) => stopped.has(id) && !away.has(id));
}

/**
 * What a pause made for a device on an earlier page waits for, as this page finds the devices (see
 * pausedAsDevicesAre), for the set or rest picked up (`needs`, see setNeeds): a device it needs away,
 * by the rule a drop pauses it by (see neededConnection), so that it does not wait behind one it goes
 * on without. One still being connected, picked again or of the last visit reconnected with no tap
 * (the virtual strap 'connected' in its place meanwhile), is not back yet, and what it will count is
 * not known: the set waits for it as for one reconnecting, and goes on by itself once it is
 * connected, as it would have on that page. One of the last visit that did not answer is out of
 * reach, as one given up on is.
 */
export function pauseForConnectionOnRestore(
  devices: Pick<DeviceState, 'devices' | 'rejoining' | 'awaiting'>,
  needs: SetNeeds | null,
): PauseReason | null {
  const reason = PAUSE_FOR_CONNECTION[neededConnection(devices.devices, needs)];
  if (reason !== null) return reason;
  if (devices.devices.some((d) => d.connection === 'connecting')) return 'connection';
  // One awaited stays out of reach through its tries, by itself or at Reconnect, until one reaches
  // it: else the pause would say "connection lost" and "out of reach" by turns at each try.
  if (devices.awaiting.length > 0) return 'lost';
  return devices.rejoining ? 'connection' : null;
}
export type DeviceKind = BleDeviceKind | 'phone' | 'virtual' | 'replay';

/** Motion for one exercise: which stream, where it sits on the body, and the device it comes from. */
export interface MotionFeed {
  readonly accel$: Observable<AccelFrame>;
  readonly placement: Placement;
  /** The one device the stream is of, as the session's recording names it beside the others. */
  readonly source: SourceInfo;
}

/** What the app reads: one heart-rate stream and one motion stream, whichever devices give them. */
export interface Source {
  readonly info: SourceInfo;
  readonly accel$: Observable<AccelFrame> | null;
  /** Every reading of the device heart rate is read from, as it comes (see chooseHeartRate). */
  readonly heartRate$: Observable<HeartRateSample>;
  /**
   * The heart rate now: the current reading of the best-ranked device that has one (see
   * chooseHeartRate), null while none has: a device away, silent, off the skin or unsure of the pulse.
   */
  readonly heartRateNow$: Observable<HeartRateSample | null>;
  /** Set for the virtual strap, whose simulated person the app tells what to do. */
  readonly virtual: VirtualStrap | null;
  /** The motion stream best placed for an exercise (the wrist for the lat pulldown, else the chest). */
  motionFor(exercise: ExerciseId): MotionFeed | null;
  disconnect(): void;
}

/** One connected device, as the device panel shows it. */
export interface DeviceStatus {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly placement: Placement | null;
  readonly connection: ConnectionState;
  /** Battery level in %, or null when the device does not say. */
  readonly battery: number | null;
  readonly malformedPackets: number;
  /** Rate of the running motion stream, when known. */
  readonly sampleRateHz: number | null;
  /**
   * The app reads heart rate from this device: the best-ranked one with a current reading, else the
   * best-ranked one (see chooseHeartRate).
   */
  readonly heartRate: boolean;
  /** The app reads motion from this device (for most exercises). */
  readonly motion: boolean;
  /** The exercises whose motion is read from this device (see motionDeviceFor); none: counted elsewhere or by hand. */
  readonly counts: readonly ExerciseId[];
  /**
   * Given up for lost, the exercises it is best placed for that another device counts in its place
   * (see exercisesHandedOverBy): a strap's superman, counted by the watch beside it.
   */
  readonly handedOver: readonly ExerciseId[];
  /**
   * Connected, it has sent no motion for MOTION_STOPPED_AFTER_MS since it last did (see
   * motionStoppedOf): what it counts goes on by hand until its motion comes again.
   */
  readonly motionStopped: boolean;
  /**
   * Connected, its heart sensor is on and still finding the pulse (see findingPulseOf): a watch whose
   * readings are all unsure, for the 5 to 20 s after its sensor turns on or while the wrist moves.
   */
  readonly findingPulse: boolean;
}

/**
 * How long a reading the watch is unsure of says it is finding the pulse: it prints one about every
 * second, so one 5 s old is from a sensor that has stopped or a watch that says nothing more.
 */
export const FINDING_PULSE_MS = 5000;

/**
 * Whether a device is finding the pulse: connected, it gave a reading it is unsure of (`sought$`) in
 * the last FINDING_PULSE_MS, and none it is sure of (`sure$`) since.
 */
export function findingPulseOf(
  sought$: Observable<unknown>,
  sure$: Observable<unknown>,
  connection$: Observable<ConnectionState>,
): Observable<boolean> {
  return connection$.pipe(
    map((c) => c === 'connected'),
    distinctUntilChanged(),
    switchMap((connected) =>
      connected
        ? merge(sought$.pipe(map(() => true)), sure$.pipe(map(() => false))).pipe(
            switchMap((sought) =>
              sought
                ? timer(FINDING_PULSE_MS).pipe(
                    map(() => false),
                    startWith(true),
                  )
                : of(false),
            ),
            startWith(false),
          )
        : of(false),
    ),
    distinctUntilChanged(),
  );
}

/**
 * How long a Bluetooth device that streamed motion may send none, still connected, before what it
 * counts is taken for unseen: a Bangle.js sends 12.5 readings a second, an H10 a frame every 0.7 s,
 * and an H10 that restarts its stream by itself is back within a second. An InfiniTime watch's
 * silence is its reading unchanged (see heldWhileUnchanged), a stop only once it is found holding a
 * reading it did not send.
 */
export const MOTION_STOPPED_AFTER_MS = 3000;

/**
 * Whether a device's motion has stopped while it stays connected: MOTION_STOPPED_AFTER_MS after its
 * last frame, until the next, or, once it has sent one, after its stream is watched again (reconnected,
 * the page shown again) with none since: a stream that does not come back is as stopped as one that
 * goes quiet. Not before a first frame (a stream that never starts is told as a refusal, see
 * MOTION_REFUSALS), nor while it is not connected (its connection says why), nor while its streams are
 * suspended on purpose (`suspended$`). A device whose silence is a still wrist (`silentWhenStill`, see
 * heldWhileUnchanged) is not timed from a restart: only its readings held say it streams again.
 */
export function motionStoppedOf(
  accel$: Observable<unknown>,
  connection$: Observable<ConnectionState>,
  suspended$: Observable<boolean>,
  { silentWhenStill = false }: { readonly silentWhenStill?: boolean } = {},
): Observable<boolean> {
  return defer(() => {
    let sentOnce = false;
    const frames$ = accel$.pipe(
      tap(() => {
        sentOnce = true;
      }),
    );
    return streamWatched(connection$, suspended$).pipe(
      switchMap((watched) =>
        watched
          ? (sentOnce && !silentWhenStill ? frames$.pipe(startWith(null)) : frames$).pipe(
              switchMap(() =>
                timer(MOTION_STOPPED_AFTER_MS).pipe(
                  map(() => true),
                  startWith(false),
                ),
              ),
              startWith(false),
            )
          : of(false),
      ),
      distinctUntilChanged(),
    );
  });
}

/** Whether a device's stream is expected to run: connected, its streams not suspended on purpose. */
function streamWatched(
  connection$: Observable<ConnectionState>,
  suspended$: Observable<boolean>,
): Observable<boolean> {
  return combineLatest([connection$, suspended$]).pipe(
    map(([connection, suspended]) => connection === 'connected' && !suspended),
    distinctUntilChanged(),
  );
}

/**
 * The motion of a device that sends a reading only when it changed, looking every `pollMs`: each
 * look that sent nothing is its last reading again, timed then, while its stream is expected to run
 * (see streamWatched). Without it a still wrist is no samples at all: never seen still, so no set
 * starts by it and no hold is timed, and taken for a stopped stream (see motionStoppedOf). The last
 * reading may be one given before the stream was watched again, as its connection was set up (the
 * InfiniTime profile reads one as it subscribes): a wrist still from the start notifies nothing
 * after it. None from before a drop is held: the wrist may have moved since. Nor is one held once
 * the watch is found holding a reading it never sent (`unsent$`, see ProfileOutput.motionUnsent):
 * its silence is a stream stopped, no still wrist, until it sends again. Subscribed as the device is
 * set up, so that a reading given then is there to hold.
 */
export function heldWhileUnchanged(
  accel$: Observable<AccelFrame>,
  connection$: Observable<ConnectionState>,
  suspended$: Observable<boolean>,
  now: () => number,
  pollMs: number,
  unsent$: Observable<unknown> = EMPTY,
): Observable<AccelFrame> {
  return defer(() => {
    let sinceUnwatched: Float32Array | null = null;
    const heldFrom = (xyz: Float32Array) =>
      interval(pollMs).pipe(map((): AccelFrame => ({ t0Ms: now(), dtMs: 0, xyz })));
    return streamWatched(connection$, suspended$).pipe(
      switchMap((watched) => {
        if (!watched) {
          sinceUnwatched = null;
          return accel$.pipe(
            tap((frame) => {
              sinceUnwatched = frame.xyz.slice(-3);
            }),
          );
        }
        const carried = sinceUnwatched;
        sinceUnwatched = null;
        return merge(
          carried ? heldFrom(carried).pipe(takeUntil(merge(accel$, unsent$))) : EMPTY,
          accel$.pipe(
            switchMap((frame) => heldFrom(frame.xyz.slice(-3)).pipe(takeUntil(unsent$), startWith(frame))),
          ),
        );
      }),
    );
  }).pipe(share());
}

/**
 * Gives back the browser's permission for a device the person forgot, where the browser can
 * (BluetoothDevice.forget(), Chrome and Edge [WB-SPEC]): kept, getDevices() lists the device on
 * every visit after, for any page of the origin to connect to without the chooser. Where there is
 * no forget(), or it fails, nothing is lost: the app no longer knows the device, so it connects to
 * it again only once it is picked from the chooser.
 */
async function forgetPermission(device: BluetoothDevice): Promise<void> {
  if (typeof device.forget !== 'function') return;
  try {
    await device.forget();
  } catch {
    // See above: the app's own forgetting is done already.
  }
}

export interface DeviceState {
  /** The source the app reads; its placement is that of the motion device. */
  readonly source: SourceInfo | null;
  /**
   * The connection of the devices the app reads from and of any being connected at the person's
   * word, the worst of them: 'connecting' while one is (a set goes on meanwhile), 'reconnecting'
   * while a dropped device is being reconnected, 'lost' when it could not be, 'ended' when a replay
   * has played its recording to the end: what the device panel says of them all. Whether a set pauses
   * is read per device, of those it needs (see neededConnection).
   */
  readonly connection: ConnectionState;
  /** A device with an accelerometer is connected, so reps and holds are counted by themselves. */
  readonly countsMotion: boolean;
  /** Malformed packets counted and dropped, all devices together. */
  readonly malformedPackets: number;
  /** Something to tell the person: no Web Bluetooth, permission denied, a dropped connection. */
  readonly problem: string | null;
  /**
   * How many problems have been told: the same problem told again (the same file chosen twice) is
   * news, though its words are those already shown.
   */
  readonly problemsTold: number;
  /**
   * Where the browser has no Web Bluetooth, what the device panel says of it: up front (`brief`), and
   * in its menu why and what still works (`note`); null where it has, the one word of whether it has
   * (a flag beside it could say otherwise). Worded for this browser, as a tap on a Bluetooth device's
   * problem is.
   */
  readonly noBluetooth: { readonly brief: string; readonly note: string } | null;
  /**
   * Devices of an earlier visit that did not answer as the page loaded: named, so that the virtual
   * strap standing in is not taken for them, and tried again by themselves (see tryAgainDelayMs).
   */
  readonly awaiting: readonly AwaitedDevice[];
  /**
   * Devices of an earlier visit on their first try as the page loads, neither connected nor awaited
   * yet, tried one at a time (`trying` the one tried now, the others waiting their turn): named as
   * being connected, so that the virtual strap standing in meanwhile, and "No strap is
   * connected", are not taken for the strap a person sees the app connecting to (a strap waking up
   * takes seconds).
   */
  readonly firstTries: readonly AwaitedDevice[];
  /**
   * A device of an earlier visit is being connected now with no tap: as the page loads (before it is
   * awaited, if it does not answer), or tried again by itself or at the person's word. It is not
   * listed among the devices meanwhile, and the devices there go on as they are.
   */
  readonly rejoining: boolean;
  /** The lowest battery level among the connected devices. */
  readonly battery: number | null;
  readonly devices: readonly DeviceStatus[];
}

function noBluetoothNotice(nav: Navigator): DeviceState['noBluetooth'] {
  const { brief, note } = noBluetoothWords(nav.userAgent ?? '');
  return { brief, note };
}

/** A device of an earlier visit that did not answer as the page loaded. */
export interface AwaitedDevice {
  readonly id: string;
  readonly name: string;
  readonly kind: BleDeviceKind;
  /** A connection to it is being tried now. */
  readonly trying: boolean;
}

/** Where a device of an earlier visit is worn, as its kind tells from its name; null where it does not. */
export function awaitedPlacement(device: Pick<AwaitedDevice, 'name' | 'kind'>): Placement | null {
  return BLE_DEVICE_KINDS[device.kind].placement(device.name);
}

/** The words of a device's problem (see sensors/ble/problems.ts), for the screens' lines. */
export { deviceProblem, outOfReachCountedInPlace } from '../sensors/ble/problems.ts';

/**
 * What a device of an earlier visit that did not answer as the page loaded says. Its name follows the
 * headline (see HEADLINE_MAX_CHARS); a strap wakes when its contacts are wet and it is worn.
 */
export const KNOWN_DEVICE_WORDS = {
  notFound: (device: string, isStrap: boolean) =>
    `Not found: ${device} did not answer. ${isStrap ? 'Put it on with its contacts wet' : 'Wake it'}, or ` +
    'bring it closer: it is tried again by itself. Meanwhile the virtual strap stands in, with a simulated heart.',
} as const;

function notFoundWords(device: BluetoothDevice, kind: BleDeviceKind): string {
  const spec = BLE_DEVICE_KINDS[kind];
  const name = device.name || spec.label;
  const isStrap = kind === 'heart-rate' || spec.placement(name) === 'chest';
  return KNOWN_DEVICE_WORDS.notFound(name, isStrap);
}

/**
 * What a recording file that cannot be replayed says: what went wrong first, in few words, as a
 * session's header on a phone with large text shows only that (see HEADLINE_MAX_CHARS).
 */
export const RECORDING_WORDS = {
  notARecording: (why: string) => `Not a recording: Backbeat cannot replay that file; ${why}.`,
  empty: 'Empty recording: it was saved before any device sent anything.',
} as const;

export interface DevicesOptions {
  readonly now: () => number;
  readonly navigator: Navigator;
  /** Seed of the virtual strap's simulated person. */
  readonly seed: number;
  /** Where page-lifecycle events come from (pagehide, visibilitychange); the global window by default. */
  readonly window?: Window | null;
  /** Where the virtual person's habit is remembered (localStorage in the app); none keeps it for this visit. */
  readonly storage?: KeyValueStorage | null;
}

/** Where the virtual person's habit is kept: a choice made to try the app survives a reload. */
export const VIRTUAL_HABIT_KEY = 'backbeat.virtual-habit.v1';
/** Where the Bluetooth devices picked are kept, to connect to again on the next visit. */
export const BLUETOOTH_DEVICES_KEY = 'backbeat.bluetooth-devices.v1';

/** A Bluetooth device the person picked, as the next visit finds it again among getDevices(). */
export interface KnownDevice {
  readonly id: string;
  readonly kind: BleDeviceKind;
}

/** One connected device and its streams. */
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
function sourceKindOf(members: readonly Member[]): SourceInfo['kind'] {
  if (members.some((m) => m.status.kind === 'replay')) return 'replay';
  return members.length === 1 && members[0].status.kind === 'phone' ? 'phone' : 'bluetooth';
}

/** One device as a source of its own: a watch whose motion counts a set beside the strap. */
function memberInfo(m: Member): SourceInfo {
  if (m.virtual) return m.virtual.info;
  return { id: m.status.id, name: m.status.name, kind: sourceKindOf([m]), placement: m.status.placement };
}

interface Member {
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

/** A device motion can be read from (see Devices.givesMotion), as the motion routing weighs it. */
interface MotionGiver {
  readonly member: Member;
  readonly placement: Placement;
  readonly lost: boolean;
  readonly motionStopped: boolean;
}

/** What a device says when it will not stream motion: it counts as a heart-rate-only device then. */
const MOTION_REFUSALS = new Set<DeviceProblemKind>([
  'mtu-too-small',
  'charging',
  'stream-failed',
  'no-motion-service',
]);

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

const CONNECTION_SEVERITY: Record<ConnectionState, number> = {
  connected: 0,
  connecting: 1,
  reconnecting: 2,
  ended: 3,
  unavailable: 4,
  lost: 5,
};

export class Devices extends Model<DeviceState> {
  private readonly source: BehaviorSubject<Source>;
  readonly source$: Observable<Source>;
  private members: Member[] = [];
  /** The recording last replayed, to play again once it has ended. */
  private lastReplay: {
    readonly recording: Recording;
    readonly placement?: Placement;
    readonly fileName?: string;
  } | null = null;
  private memberSubscriptions = new Subscription();
  private readonly lifecycle = new Subscription();
  /** Each device's connection as last heard, for `givesMotion`. */
  private readonly connections = new WeakMap<Member, ConnectionState>();
  /**
   * Devices picked now and still being connected: listed, but nothing is read from them until they
   * are connected, so the devices there before (the virtual strap too) go on counting meanwhile.
   */
  private readonly joining = new WeakSet<Member>();
  /** The devices the source last published reads from. */
  private sourceMembers: readonly Member[] = [];
  /** Whether each device has refused to stream motion, as last heard, for `givesMotion`. */
  private readonly motionRefused = new WeakMap<Member, boolean>();
  /** Whether each device's motion stream has stopped, as last heard, for `motionGivers`. */
  private readonly motionStopped = new WeakMap<Member, boolean>();
  private readonly habitStore: JsonStore<Habit>;
  private virtualHabit: Habit;
  private readonly knownDevices: JsonStore<readonly KnownDevice[]>;
  /** Devices of an earlier visit being connected again, by id, until the attempt is over (true: connected). */
  private readonly rejoining = new Map<string, Promise<boolean>>();
  /** The devices of an earlier visit on their first try as the page loads (see DeviceState.firstTries). */
  private firstTries: Array<{ readonly device: BluetoothDevice; readonly kind: BleDeviceKind }> = [];
  /** Devices of an earlier visit that did not answer as the page loaded, tried again now and then. */
  private awaited: Array<{ readonly device: BluetoothDevice; readonly kind: BleDeviceKind }> = [];
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  /** The awaited devices are being tried by themselves now: the round schedules the next when it ends. */
  private rejoiningAwaited = false;
  /** Tries of the awaited devices made by themselves since the page loaded. */
  private failedRejoins = 0;
  /** The page is hidden (the screen went off, another app is in front). */
  private pageHidden = false;
  /** The devices' streams are stopped on purpose (see applyStreaming): their silence is no news. */
  private readonly streamsSuspended = new BehaviorSubject(false);
  /** A session is under way: streams run on while the page is hidden (see keepStreaming). */
  private sessionRunning = false;
  private lostRetryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The devices given up on are being tried now. */
  private retryingLost = false;
  /** Tries by themselves of the devices given up on, since none was given up on. */
  private failedLostRetries = 0;
  /** The set under way, by its key (see setKey), and its exercise; null outside a set. */
  private readonly setUnderWay = new BehaviorSubject<{
    readonly key: string;
    readonly exercise: ExerciseId;
  } | null>(null);
  /**
   * The device counting the set under way (see motionDeviceFor's `counting`): it keeps the set to
   * its end, as a count changes source mid-set only where its device is given up for lost.
   */
  private setCounter: Member | null = null;

  constructor(private readonly options: DevicesOptions) {
    super({
      source: null,
      connection: 'connecting',
      countsMotion: false,
      malformedPackets: 0,
      problem: null,
      problemsTold: 0,
      noBluetooth: bluetoothOf(options.navigator) ? null : noBluetoothNotice(options.navigator),
      awaiting: [],
      firstTries: [],
      rejoining: false,
      battery: null,
      devices: [],
    });
    this.habitStore = new JsonStore(options.storage ?? null, VIRTUAL_HABIT_KEY, parseHabit, () => 'usual');
    this.virtualHabit = this.habitStore.load();
    this.knownDevices = new JsonStore(
      options.storage ?? null,
      BLUETOOTH_DEVICES_KEY,
      parseKnownDevices,
      () => [],
    );
    const virtual = this.createVirtualMember();
    this.members = [virtual];
    this.sourceMembers = [virtual];
    this.source = new BehaviorSubject(this.compose());
    this.source$ = this.source.asObservable();
    this.watch();
    this.listenToPageLifecycle();
  }

  get active(): Source {
    return this.source.value;
  }

  /** Must be called from a click or tap: the browser shows its device chooser. */
  connectBluetoothStrap(): Promise<void> {
    return this.connect('heart-rate');
  }

  /** Connects a device of this kind. Bluetooth kinds must be called from a click or tap. */
  async connect(kind: DeviceKind): Promise<void> {
    switch (kind) {
      case 'virtual':
        return this.useVirtualStrap();
      case 'phone':
        return this.usePhoneMotion();
      case 'replay':
        return;
      default:
        return this.connectBluetooth(kind);
    }
  }

  /**
   * Tells the virtual strap's simulated person how to follow the screen, from their next activity
   * on; the virtual strap connected later, or after a reload, has the same habit.
   */
  setVirtualHabit(habit: Habit): void {
    this.virtualHabit = habit;
    this.habitStore.save(habit);
    this.active.virtual?.setHabit(habit);
  }

  useVirtualStrap(): void {
    // Left for the virtual strap, a device is not connected again on the next visit, nor on this one.
    // Its permission is kept, unlike one taken out with × (see disconnectDevice): this sets the
    // person's own devices aside for a try, a demo or a day the strap is flat, not for good.
    this.knownDevices.clear();
    // Those waiting their first try are tried no more either (the one being tried ends its try).
    this.firstTries = this.firstTries.filter((t) => this.rejoining.has(t.device.id));
    this.stopAwaiting(() => true);
    this.publishAwaiting();
    if (this.members.length === 1 && this.members[0].virtual) return;
    this.setMembers([this.createVirtualMember()]);
  }

  /** The phone's own motion sensors, beside whatever else is connected (not the virtual strap). */
  async usePhoneMotion(): Promise<void> {
    try {
      // iOS asks for permission, and only inside the tap: this must be the first await.
      await requestMotionPermission();
    } catch (error) {
      this.update({ problem: error instanceof Error ? error.message : String(error) });
      return;
    }
    const target = this.options.window ?? (typeof window === 'undefined' ? null : window);
    if (!target) return;
    const phone = new PhoneMotion(target, this.options.now);
    const problems = phone.problem$.subscribe((problem) => this.update({ problem }));
    this.addMember(
      {
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
      },
      (m) => m.status.kind === 'phone',
    );
    phone.start();
  }

  /**
   * Plays a recording (a bug report) through the same decoders as a live device; its motion sits
   * where the device that recorded it is worn, unless `placement` says otherwise.
   */
  replay(recording: Recording, placement?: Placement, fileName?: string): void {
    this.lastReplay = { recording, placement, fileName };
    // A device of the last visit joining would end the replay: it is tried again on the next visit.
    this.stopAwaiting(() => true);
    const replay = new ReplaySource(recording, {
      now: this.options.now,
      placement,
      name: replayName(recording, fileName, personLocale()),
    });
    const connection$ = replay.connection$.pipe(map((c) => (c === 'lost' ? 'ended' : c)));
    // A recording holds what the device sent, and a watch that sends only a change sent nothing while
    // the wrist was still: held as live (see heldWhileUnchanged), a still hold replayed is the one the
    // detectors saw live, not a lone reading, never seen still. Held from before the first packet,
    // which plays as the replay starts.
    const pollMs = replay.motionKind ? BLE_DEVICE_KINDS[replay.motionKind].unchangedUnsentMs : undefined;
    const accel$ =
      pollMs === undefined
        ? replay.accel$
        : heldWhileUnchanged(replay.accel$, connection$, this.streamsSuspended, this.options.now, pollMs);
    const holding = accel$ === replay.accel$ ? null : accel$.subscribe();
    this.setMembers([
      {
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
        recordedAt: recording.startedAt ?? null,
        close: () => {
          replay.stop();
          holding?.unsubscribe();
        },
      },
    ]);
    replay.start();
  }

  /** Plays the recording last replayed again, from its start. */
  replayAgain(): void {
    const last = this.lastReplay;
    if (last) this.replay(last.recording, last.placement, last.fileName);
  }

  /**
   * Everything the connected Bluetooth devices sent and were sent (a replay: the packets played so
   * far), as a file to attach to a bug report.
   */
  recording(): Recording {
    const packets = this.members.flatMap((m) => m.recordedPackets()).sort((a, b) => a.tMs - b.tMs);
    // Played packets keep their recorded times: the file keeps its original's date (or, like the
    // original, has none), not the moment it was saved.
    const replayed = this.members.find((m) => m.recordedAt !== undefined);
    // A live recording is dated by its first packet: saved after a session, it began when the session did.
    const sinceFirstMs = packets.length ? this.options.now() - packets[0].tMs : 0;
    const startedAt = replayed
      ? (replayed.recordedAt ?? undefined)
      : new Date(Date.now() - sinceFirstMs).toISOString();
    return createRecording(packets, startedAt);
  }

  /** What recording() holds, as a file to save. */
  recordingFile(): ExportedFile {
    return recordingFile(this.recording());
  }

  /** A file the person picked, as its text: read as a recording and replayed, or why it cannot be said. */
  replayText(file: { readonly text: string; readonly fileName: string }): void {
    const parsed = parseRecording(file.text);
    if (!parsed.ok) this.update({ problem: RECORDING_WORDS.notARecording(parsed.error.message) });
    // Saved before a device sent anything: it would play as a strap with heart rate only.
    else if (parsed.value.packets.length === 0) this.update({ problem: RECORDING_WORDS.empty });
    else this.replay(parsed.value, undefined, file.fileName);
  }

  /** Tries again to reach a device the app gave up on, or one of an earlier visit not found, without the chooser. */
  reconnectDevice(id: string): void {
    const session = this.members.find((m) => m.status.id === id)?.session;
    if (!session) {
      void this.rejoinAwaitedNow(id);
      return;
    }
    // The person did what "out of reach … press Reconnect" asked; if the device stays away, it is said again.
    this.update({ problem: null });
    session.retry();
  }

  /**
   * Connects again, with no tap and no chooser, to the Bluetooth devices picked on an earlier visit
   * that the browser still lets the app use (getDevices(), where the browser has it [CRS]). One that
   * does not answer (off, or out of reach) stays known: the virtual strap stands in, the person is
   * told which device was not found (its simulated heart rate would otherwise pass for theirs), and
   * the device is tried again by itself (see tryAgainDelayMs) or at the person's word.
   */
  async reconnectKnownDevices(): Promise<void> {
    const bluetooth = bluetoothOf(this.options.navigator);
    const known = this.knownDevices.load();
    if (!bluetooth || typeof bluetooth.getDevices !== 'function' || known.length === 0) return;
    let granted: BluetoothDevice[];
    try {
      granted = await bluetooth.getDevices();
    } catch {
      return;
    }
    // Tried one at a time, all named from the start: a watch waiting its turn behind a strap is said
    // to be on its way, not left out as if it were not coming.
    this.firstTries = known.flatMap(({ id, kind }) => {
      const device = granted.find((d) => d.id === id);
      return device && !this.members.some((m) => m.status.id === id) ? [{ device, kind }] : [];
    });
    this.publishAwaiting();
    for (const { device, kind } of [...this.firstTries]) {
      // The person may have chosen the virtual strap, or picked this device, while the others were tried.
      const stillKnown = this.knownDevices.load().some((d) => d.id === device.id);
      if (!stillKnown || this.members.some((m) => m.status.id === device.id)) {
        this.firstTries = this.firstTries.filter((t) => t.device !== device);
        this.publishAwaiting();
        continue;
      }
      const reached = await this.rejoin(device, kind, true);
      if (!reached && this.awaited.some((a) => a.device === device)) this.tellNotFound(device, kind);
    }
    this.scheduleRejoin();
  }

  /**
   * One try at a device of an earlier visit, with no chooser; true when it is connected. The first try
   * of the visit (`awaitIfUnreached`) leaves one that does not answer awaited, in the same news as the
   * try's end: no moment says the device is neither tried nor awaited (a pause picked up from an
   * earlier page would take it for back, see pauseForConnectionOnRestore).
   */
  private async rejoin(
    device: BluetoothDevice,
    kind: BleDeviceKind,
    awaitIfUnreached = false,
  ): Promise<boolean> {
    const attempt = this.useBluetoothDevice(device, kind, true);
    this.rejoining.set(device.id, attempt);
    if (awaitIfUnreached && !this.firstTries.some((t) => t.device === device)) {
      this.firstTries.push({ device, kind });
    }
    this.publishAwaiting();
    let reached = false;
    try {
      reached = await attempt;
      return reached;
    } finally {
      this.rejoining.delete(device.id);
      if (awaitIfUnreached) this.firstTries = this.firstTries.filter((t) => t.device !== device);
      // The person may have chosen the virtual strap or another strap while it was tried.
      const stillKnown = this.knownDevices.load().some((d) => d.id === device.id);
      if (!reached && awaitIfUnreached && stillKnown) this.awaited.push({ device, kind });
      this.publishAwaiting();
    }
  }

  /** The person asked for an awaited device: it is tried at once, and said again not to be found. */
  private async rejoinAwaitedNow(id: string): Promise<void> {
    const awaited = this.awaited.find((a) => a.device.id === id);
    if (!awaited || this.rejoining.has(id)) return;
    // The person did what "Not found … bring it closer" asked; if the device stays away, it is said again.
    this.update({ problem: null });
    const reached = await this.rejoin(awaited.device, awaited.kind);
    if (!reached && this.awaited.includes(awaited)) this.tellNotFound(awaited.device, awaited.kind);
  }

  private tellNotFound(device: BluetoothDevice, kind: BleDeviceKind): void {
    this.update({ problem: notFoundWords(device, kind) });
  }

  /**
   * The next try of the awaited devices by themselves, when there is one to make (see tryAgainDelayMs).
   * None while a round of tries is under way (an attempt may take ATTEMPT_TIMEOUT_MS): that round
   * schedules the next as it ends, lest two rounds run side by side and each count a failure.
   */
  private scheduleRejoin(): void {
    if (this.rejoinTimer !== null) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
    if (this.awaited.length === 0 || this.rejoiningAwaited) return;
    const delay = tryAgainDelayMs({
      failedAttempts: this.failedRejoins,
      sessionRunning: this.sessionRunning,
      pageHidden: this.pageHidden,
    });
    if (delay === null) return;
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      void this.rejoinAwaited();
    }, delay);
  }

  private async rejoinAwaited(): Promise<void> {
    this.rejoiningAwaited = true;
    try {
      for (const awaited of [...this.awaited]) {
        // Connected or given up meanwhile, or being tried at the person's word.
        if (!this.awaited.includes(awaited) || this.rejoining.has(awaited.device.id)) continue;
        await this.rejoin(awaited.device, awaited.kind);
      }
    } finally {
      this.rejoiningAwaited = false;
    }
    this.failedRejoins++;
    this.scheduleRejoin();
  }

  /** The Bluetooth devices given up on after their reconnection attempts, out of reach. */
  private lostSessions(): GattSession[] {
    return this.members.flatMap((m) => (m.session && this.connections.get(m) === 'lost' ? [m.session] : []));
  }

  /**
   * The next try of the devices given up on, by themselves (see tryAgainDelayMs): a strap that
   * comes back is not left until the person thinks of Reconnect. A try already due stays due.
   */
  private scheduleLostRetry(): void {
    if (this.retryingLost) return;
    const lost = this.lostSessions();
    if (lost.length === 0) this.failedLostRetries = 0;
    const delay =
      lost.length === 0
        ? null
        : tryAgainDelayMs({
            failedAttempts: this.failedLostRetries,
            sessionRunning: this.sessionRunning,
            pageHidden: this.pageHidden,
          });
    if (delay === null) {
      if (this.lostRetryTimer !== null) clearTimeout(this.lostRetryTimer);
      this.lostRetryTimer = null;
      return;
    }
    if (this.lostRetryTimer !== null) return;
    this.lostRetryTimer = setTimeout(() => {
      this.lostRetryTimer = null;
      void this.retryLost();
    }, delay);
  }

  private async retryLost(): Promise<void> {
    this.retryingLost = true;
    try {
      for (const session of this.lostSessions()) await session.tryOnce();
    } finally {
      this.retryingLost = false;
    }
    this.failedLostRetries++;
    this.scheduleLostRetry();
  }

  /** The awaited devices that `gone` matches are tried no more (connected, or another chosen). */
  private stopAwaiting(
    gone: (awaited: { readonly device: BluetoothDevice; readonly kind: BleDeviceKind }) => boolean,
  ): void {
    const left = this.awaited.filter((a) => !gone(a));
    if (left.length === this.awaited.length) return;
    this.awaited = left;
    this.publishAwaiting();
    this.scheduleRejoin();
  }

  private publishAwaiting(): void {
    const named = ({ device, kind }: { readonly device: BluetoothDevice; readonly kind: BleDeviceKind }) => ({
      id: device.id,
      name: device.name || BLE_DEVICE_KINDS[kind].label,
      kind,
      trying: this.rejoining.has(device.id),
    });
    const connected = (id: string) => this.members.some((m) => m.status.id === id);
    this.update({
      awaiting: this.awaited.map(named),
      firstTries: this.firstTries.filter((t) => !connected(t.device.id)).map(named),
      // One connected is listed among the devices, its try over for the person: a pause waiting for it
      // goes on from "out of reach" at once, not by way of "connection lost" (see pauseForConnectionOnRestore).
      rejoining: [...this.rejoining.keys()].some((id) => !this.members.some((m) => m.status.id === id)),
    });
  }

  /**
   * Disconnects one device (stopping its streams first); it is not connected again on the next visit.
   * One awaited is forgotten so (a strap left at home, or sold), the virtual strap going on. Either
   * way the browser's permission for it is given back (see forgetPermission): Forget and × take one
   * device out and leave the rest, which is the person done with that one, where Use the virtual
   * strap (see useVirtualStrap) sets their own devices aside for now.
   */
  disconnectDevice(id: string): void {
    this.remember(this.knownDevices.load().filter((d) => d.id !== id));
    const awaited = this.awaited.find((a) => a.device.id === id);
    if (awaited) void forgetPermission(awaited.device);
    // "It is tried again by itself" is no longer so.
    if (awaited && this.state.problem === notFoundWords(awaited.device, awaited.kind))
      this.update({ problem: null });
    this.stopAwaiting((a) => a.device.id === id);
    const session = this.members.find((m) => m.status.id === id)?.session;
    this.removeMember(id);
    // Once it has stopped its streams and let go (see GattSession.close): forget() would cut that short.
    if (session)
      void firstValueFrom(session.connection$.pipe(filter((c) => c === 'lost')), { defaultValue: null }).then(
        () => forgetPermission(session.device),
      );
  }

  private removeMember(id: string): void {
    const remaining = this.members.filter((m) => m.status.id !== id);
    if (remaining.length === this.members.length) return;
    this.setMembers(remaining.length ? remaining : [this.createVirtualMember()]);
  }

  dismissProblem(): void {
    this.update({ problem: null });
  }

  dispose(): void {
    this.stopAwaiting(() => true);
    if (this.lostRetryTimer !== null) clearTimeout(this.lostRetryTimer);
    this.lostRetryTimer = null;
    this.lifecycle.unsubscribe();
    this.memberSubscriptions.unsubscribe();
    for (const m of this.members) m.close();
    this.members = [];
  }

  private async connectBluetooth(kind: BleDeviceKind): Promise<void> {
    const spec = BLE_DEVICE_KINDS[kind];
    let device: BluetoothDevice;
    try {
      const bluetooth = bluetoothOf(this.options.navigator);
      if (!bluetooth) {
        const words = noBluetoothWords(this.options.navigator.userAgent ?? '');
        throw new BluetoothProblem('unsupported', words.problem);
      }
      // requestDevice must be the first await: it needs the tap's user activation [WB-SPEC].
      device = await bluetooth.requestDevice(requestOptionsFor(spec));
    } catch (error) {
      const problem = describeBluetoothError(error);
      // Closing the chooser is a choice, not a failure: go quietly back.
      this.update({ problem: problem.kind === 'cancelled' ? null : problem.message });
      return;
    }
    // Picked while its connection from an earlier visit is under way: one connection, not two.
    await this.rejoining.get(device.id);
    const already = this.members.find((m) => m.status.id === device.id);
    if (already) {
      // Picked again: the device stays as it is, and one the app gave up on is tried again.
      if (this.connections.get(already) === 'lost') already.session?.retry();
      return;
    }
    await this.useBluetoothDevice(device, kindOfPicked(kind, device.name ?? ''), false);
  }

  /**
   * Connects a device picked now or on an earlier visit (`quiet`: then one that does not answer
   * says nothing, and is tried again on the next visit).
   */
  private async useBluetoothDevice(
    device: BluetoothDevice,
    kind: BleDeviceKind,
    quiet: boolean,
  ): Promise<boolean> {
    const spec = BLE_DEVICE_KINDS[kind];
    let member: Member | null = null;
    let holding: Subscription | null = null;
    try {
      const name = device.name || spec.label;
      const placement = spec.placement(name);
      const live = new GattSession(device, spec.profiles(), { now: this.options.now });
      const problems = this.showProblemsOf(live);
      // Heard from the start: a device refuses its motion stream while it is being set up, before it
      // is read from (see joining), and the device list is watched afresh once it is.
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
              this.streamsSuspended,
              this.options.now,
              pollMs,
              live.motionUnsent$,
            );
      // Held from its setup on (see heldWhileUnchanged): nothing reads from it until it is connected.
      holding = accel$ === live.accel$ ? null : accel$.subscribe();
      member = {
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
          ? motionStoppedOf(accel$, live.connection$, this.streamsSuspended, {
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
      // Listed beside the devices there while it is connected (up to ATTEMPT_TIMEOUT_MS), and read
      // from once it is: until then the devices there, the virtual strap too, go on counting a set
      // under way, so no rep goes uncounted and no hold runs on unseen, and a device that fails leaves
      // them as they were, the same simulated person going on. One from an earlier visit is listed
      // among the awaited devices while it is tried.
      if (!quiet) {
        this.joining.add(member);
        this.setMembers([...this.members, member]);
      }
      await live.connect();
      // Let go while it was connected again with no tap (the virtual strap chosen meanwhile): it
      // answered too late to take the place the person gave another, and is not known any more.
      if (quiet && !this.knownDevices.load().some((d) => d.id === device.id)) {
        member.close();
        return false;
      }
      connectedOnce = true;
      this.joining.delete(member);
      // The virtual strap makes room for it, and a second device of the same kind takes the place of
      // the first; other kinds stay beside it. So it does of one of the same kind awaited from an
      // earlier visit, tried no more.
      const replaced = this.members.filter((m) => m !== member && m.status.kind === kind);
      // What it said while it was set up (its motion refused) stays: listing it made room for that.
      this.addMember(member, (m) => m === member || replaced.includes(m), { keepProblem: !quiet });
      const replacedIds = new Set([
        ...replaced.map((m) => m.status.id),
        ...this.awaited.filter((a) => a.kind === kind && a.device.id !== device.id).map((a) => a.device.id),
      ]);
      this.stopAwaiting((a) => a.device.id === device.id || replacedIds.has(a.device.id));
      this.remember([
        ...this.knownDevices.load().filter((d) => d.id !== device.id && !replacedIds.has(d.id)),
        { id: device.id, kind },
      ]);
      return true;
    } catch (error) {
      // Held on the page's streams (see heldWhileUnchanged), it would keep each failed try alive.
      holding?.unsubscribe();
      // Let go while it joined (×, the virtual strap, a replay): its abandoned connection fails late,
      // and what it failed with is news of a device the person is done with.
      const listed = member !== null && this.members.includes(member);
      const letGo = !quiet && member !== null && !listed;
      if (listed) this.removeMember(device.id);
      const problem = describeBluetoothError(error);
      if (!quiet && !letGo) this.update({ problem: problem.kind === 'cancelled' ? null : problem.message });
      return false;
    }
  }

  private remember(devices: readonly KnownDevice[]): void {
    if (devices.length) this.knownDevices.save(devices);
    else this.knownDevices.clear();
  }

  /**
   * Shows what a Bluetooth device has to say. Some of it is true only until the device shows
   * otherwise, and goes by itself then: out of reach until it reconnects, silent until it sends, its
   * motion stream stopped or its frames cut short until motion comes again (left up, each would
   * offer a switch away from a working strap). Any other problem stays until it is dismissed.
   */
  private showProblemsOf(session: GattSession): Subscription {
    const over: Partial<Record<DeviceProblemKind, Observable<unknown>>> = {
      'connection-lost': session.connection$.pipe(filter((c) => c === 'connected')),
      'no-data': merge(session.heartRate$, session.accel$),
      'stream-stopped': session.accel$,
      // Whole frames again: the cut ones were a radio's bad patch, not a packet size too small.
      'truncated-frames': session.accel$,
    };
    return session.problem$
      .pipe(
        tap((p) => this.update({ problem: p.message })),
        // A newer problem has taken the place of the one shown: only it can go by itself.
        switchMap(
          (p) =>
            over[p.kind]?.pipe(
              take(1),
              map(() => p.message),
            ) ?? EMPTY,
        ),
      )
      .subscribe((message) => {
        if (this.state.problem === message) this.update({ problem: null });
      });
  }

  private update(patch: Partial<Omit<DeviceState, 'problemsTold'>>): void {
    const told = typeof patch.problem === 'string' ? 1 : 0;
    this.setState({ ...this.state, ...patch, problemsTold: this.state.problemsTold + told });
  }

  /** Adds a real device: the virtual strap and any device `replaces` matches make room for it. */
  private addMember(
    member: Member,
    replaces: (m: Member) => boolean,
    options: { readonly keepProblem?: boolean } = {},
  ): void {
    const kept = this.members.filter((m) => !m.virtual && m.status.kind !== 'replay' && !replaces(m));
    this.setMembers([...kept, member], options);
  }

  /** Other devices: the problem shown goes with the devices it was about, unless `keepProblem`. */
  private setMembers(
    members: Member[],
    { keepProblem = false }: { readonly keepProblem?: boolean } = {},
  ): void {
    for (const m of this.members) if (!members.includes(m)) m.close();
    this.members = members;
    this.watch(keepProblem);
    // A device listed while it is connected, or one that failed to, changes nothing the app reads: a
    // new source would start the set's detectors over, in the middle of a rep.
    if (!sameMembers(this.sourceMembers, this.readFrom(members))) this.publishSource();
  }

  private publishSource(): void {
    this.sourceMembers = this.readFrom(this.members);
    this.source.next(this.compose());
  }

  /** The devices the app reads from: all but those still being connected (see joining). */
  private readFrom(members: readonly Member[]): Member[] {
    return members.filter((m) => !this.joining.has(m));
  }

  /** The devices heart rate can be read from, best-ranked first (see HEART_RATE_RANK). */
  private heartRateMembers(): Member[] {
    const candidates = this.readFrom(this.members).filter((m) => m.heartRate$ !== null);
    return candidates.sort((a, b) => HEART_RATE_RANK[a.status.kind] - HEART_RATE_RANK[b.status.kind]);
  }

  /** Which of `members` (see heartRateMembers) the heart rate is read from, reading by reading. */
  private heartRateChoice(members: readonly Member[]): Observable<HeartRateChoice> {
    return chooseHeartRate(
      members.map((m) => ({
        heartRate$: m.heartRate$ ?? NEVER,
        there$: m.connection$.pipe(map((c) => c === 'connecting' || c === 'connected')),
        freshMs: heartRateFreshMs(m.status.kind),
      })),
    );
  }

  /**
   * Whether a device can be the one motion is read from: it has an accelerometer placed on the body,
   * and it is not 'unavailable'. A device that never gave any motion (phone motion on a computer
   * without a motion sensor) is no motion device at all, so sets start when due and are counted by
   * hand, as with a heart-rate-only strap, until it gives some.
   */
  private givesMotion(m: Member): boolean {
    return (
      m.accel$ !== null &&
      m.status.placement !== null &&
      this.connections.get(m) !== 'unavailable' &&
      this.motionRefused.get(m) !== true
    );
  }

  /**
   * The devices motion can be read from now, each with where it sits, whether it is given up on and
   * whether its motion stopped (see givesMotion, MotionDevice).
   */
  private motionGivers(): MotionGiver[] {
    return this.readFrom(this.members)
      .filter((m) => this.givesMotion(m))
      .map((member) => ({
        member,
        placement: member.status.placement as Placement,
        lost: this.connections.get(member) === 'lost',
        motionStopped: this.motionStopped.get(member) === true,
      }));
  }

  /** The set under way among `givers`, and the device counting it (see motionDeviceFor's `counting`). */
  private setCounted(givers: readonly MotionGiver[]): SetCounted<MotionGiver> | null {
    const set = this.setUnderWay.value;
    return (
      set && { exercise: set.exercise, counting: givers.find((g) => g.member === this.setCounter) ?? null }
    );
  }

  private motionMember(exercise: ExerciseId | null): Member | null {
    const givers = this.motionGivers();
    const set = this.setCounted(givers);
    const counting = set?.exercise === exercise ? set.counting : null;
    return motionDeviceFor(exercise, givers, counting)?.member ?? null;
  }

  /**
   * The exercises of the program each device counts, by the rule that picks motionMember, and those
   * another counts in its place while it is given up for lost.
   */
  private exercisesCounted(
    members: readonly Member[],
  ): { readonly counts: ExerciseId[]; readonly handedOver: ExerciseId[] }[] {
    const givers = this.motionGivers();
    const set = this.setCounted(givers);
    const ids = PROGRAM.map((e) => e.id);
    return members.map((m) => {
      const giver = givers.find((g) => g.member === m);
      return giver
        ? {
            counts: exercisesCountedBy(giver, givers, ids, set),
            handedOver: exercisesHandedOverBy(giver, givers, ids, set),
          }
        : { counts: [], handedOver: [] };
    });
  }

  /** The one Source the app reads, from the current devices. */
  private compose(): Source {
    const members = this.readFrom(this.members);
    const heartRateMembers = this.heartRateMembers();
    const motion = this.motionMember(null);
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
      heartRate$: this.heartRateChoice(heartRateMembers).pipe(
        filter((c) => c.arrived),
        map((c) => c.now as HeartRateSample),
      ),
      heartRateNow$: this.heartRateChoice(heartRateMembers).pipe(
        map((c) => c.now),
        distinctUntilChanged(),
      ),
      virtual,
      motionFor: (exercise) => {
        const m = sameMembers(this.readFrom(this.members), members) ? this.motionMember(exercise) : null;
        return m?.accel$ && m.status.placement
          ? { accel$: m.accel$, placement: m.status.placement, source: memberInfo(m) }
          : null;
      },
      disconnect: () => {
        for (const m of members) m.close();
      },
    };
  }

  /** Follows every device's state into DeviceState. */
  private watch(keepProblem = false): void {
    this.memberSubscriptions.unsubscribe();
    this.memberSubscriptions = new Subscription();
    const members = this.members;
    const heartRateMembers = this.heartRateMembers();
    // Read at each change of the readings, as the heart rate shown is: the device it comes from now;
    // before the devices' states are known, the one read while none has a reading.
    const noReadings = heartRateMembers.map(() => null);
    const hr$ = this.heartRateChoice(heartRateMembers).pipe(
      startWith(choiceAmong(noReadings, noReadings)),
      map((c) => heartRateMembers[c.from] ?? null),
      distinctUntilChanged(),
    );
    let motion = this.motionMember(null);
    const source = this.compose().info;
    this.update({ source, countsMotion: motion !== null, ...(keepProblem ? {} : { problem: null }) });
    if (members.length === 0) return;
    const perDevice = members.map((m) =>
      combineLatest([
        m.connection$,
        m.battery$,
        m.malformedPackets$,
        m.sampleRateHz$,
        m.motionRefused$ ?? of(false),
        m.motionStopped$ ?? of(false),
        m.pulseSought$ && m.heartRate$
          ? findingPulseOf(m.pulseSought$, m.heartRate$, m.connection$)
          : of(false),
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
          }),
        ),
      ),
    );
    this.memberSubscriptions.add(
      combineLatest([combineLatest(perDevice), hr$, this.setUnderWay]).subscribe(([seen, hr, set]) => {
        const statuses = seen.map((s, i) => ({ ...s.status, heartRate: members[i] === hr }));
        for (const [i, m] of members.entries()) {
          this.connections.set(m, statuses[i].connection);
          this.motionRefused.set(m, seen[i].motionRefused);
          this.motionStopped.set(m, statuses[i].motionStopped);
        }
        this.scheduleLostRetry();
        // The set under way handed to another device (its own given up for lost) is read from that
        // one from now; a set just begun is read from its device as it begins, and one whose device was
        // taken away (the virtual strap making room) from the devices published then (see setMembers).
        const setCounter = set && this.motionMember(set.exercise);
        const handedOn =
          this.setCounter !== null && members.includes(this.setCounter) && setCounter !== this.setCounter;
        this.setCounter = setCounter;
        // A device that stops or starts giving motion (see givesMotion) changes what the app reads.
        if (this.motionMember(null) !== motion || handedOn) {
          motion = this.motionMember(null);
          this.update({ source: this.compose().info, countsMotion: motion !== null });
          this.publishSource();
        }
        const counted = this.exercisesCounted(members);
        const devices = statuses.map(
          (d, i): DeviceStatus => ({ ...d, motion: members[i] === motion, ...counted[i] }),
        );
        // One being connected at the person's word is 'connecting' (which pauses nothing) until it is:
        // a set picked up on a new page, paused for it, waits for it and goes on once it is connected.
        const used = devices.filter((d, i) => d.heartRate || d.motion || this.joining.has(members[i]));
        const batteries = devices.map((d) => d.battery).filter((b): b is number => b !== null);
        this.update({
          devices,
          connection: worstConnection((used.length ? used : devices).map((d) => d.connection)),
          malformedPackets: devices.reduce((n, d) => n + d.malformedPackets, 0),
          battery: batteries.length ? Math.min(...batteries) : null,
        });
      }),
    );
  }

  /**
   * The set under way (its key and exercise), or none (null, in a rest too): the device counting it
   * keeps it to its end, and the one best placed counts the next (see motionDeviceFor).
   */
  countSetUnderWay(set: { readonly key: string; readonly exercise: ExerciseId } | null): void {
    if (set?.key === this.setUnderWay.value?.key) return;
    this.setCounter = null;
    this.setUnderWay.next(set);
  }

  /**
   * A session is under way (or no longer): while it is, the devices' streams run on with the page
   * hidden, as a phone on the floor turns its screen off in the middle of a set; the set would
   * otherwise end for want of reps, or a hold run on unseen.
   */
  keepStreaming(sessionRunning: boolean): void {
    if (sessionRunning === this.sessionRunning) return;
    this.sessionRunning = sessionRunning;
    this.applyStreaming();
    this.scheduleRejoin();
    this.scheduleLostRetry();
  }

  /** Streams stop while the page is hidden with no session under way, and run otherwise. */
  private applyStreaming(): void {
    const stop = this.pageHidden && !this.sessionRunning;
    this.streamsSuspended.next(stop);
    for (const m of this.members) void (stop ? m.session?.suspendStreams() : m.session?.resumeStreams());
  }

  /**
   * Streams the device would keep running are stopped when the page goes (the H10 otherwise runs
   * until its battery dies [P-KI]); hidden with no session under way only pauses them, and they
   * start again when it is back.
   */
  private listenToPageLifecycle(): void {
    const win = this.options.window ?? (typeof window === 'undefined' ? null : window);
    if (!win) return;
    const onVisibility = () => {
      this.pageHidden = win.document.visibilityState === 'hidden';
      this.applyStreaming();
      this.scheduleRejoin();
      this.scheduleLostRetry();
    };
    const onPageHide = () => {
      for (const m of this.members) void m.session?.suspendStreams();
    };
    const onPageShow = () => {
      for (const m of this.members) void m.session?.resumeStreams();
    };
    win.document.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('pagehide', onPageHide);
    win.addEventListener('pageshow', onPageShow);
    this.lifecycle.add(() => {
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('pageshow', onPageShow);
    });
  }

  private createVirtualMember(): Member {
    const strap = new VirtualStrap({
      seed: this.options.seed,
      now: this.options.now,
      habit: this.virtualHabit,
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
}

/** The known devices read back from storage; entries that are not one (hand-edited, older) are left out. */
function parseKnownDevices(value: unknown): readonly KnownDevice[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is KnownDevice =>
      typeof d === 'object' &&
      d !== null &&
      typeof d.id === 'string' &&
      typeof d.kind === 'string' &&
      Object.hasOwn(BLE_DEVICE_KINDS, d.kind),
  );
}

/** A habit read back from storage; anything else (an older or hand-edited value) is the usual one. */
function parseHabit(value: unknown): Habit {
  return HABITS.find((h) => h === value) ?? 'usual';
}

function sameMembers(a: readonly Member[], b: readonly Member[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

function worstConnection(states: readonly ConnectionState[]): ConnectionState {
  let worst: ConnectionState = 'connected';
  for (const s of states) if (CONNECTION_SEVERITY[s] > CONNECTION_SEVERITY[worst]) worst = s;
  return worst;
}
