// A device problem as the line at a glance shows it on a phone with its text at twice its size: its
// headline (what went wrong, in few words), then the rest (why, and what to do), which the line
// shows once opened and a screen reader is told with it.

import { isAway, takenOverOf } from '../app/device-needs.ts';
import { type AwaitedDevice, awaitedPlacement, type DeviceStatus } from '../app/device-status.ts';
import { deviceProblem, outOfReachCountedInPlace } from '../app/device-words.ts';
import { deviceWord } from '../workout/by-hand.ts';
import type { ExerciseId } from '../workout/program.ts';

/**
 * The longest headline the line shows whole on a 180 px wide screen (a 360 px phone with its text at
 * twice its size): there the line has 121 px beside its marker, two lines of about 11 characters of
 * its bold type, and 18 characters wrap onto them even with a long word ("Motion restarting:").
 */
export const HEADLINE_MAX_CHARS = 18;

export interface ProblemLine {
  /** Its words up to the first colon or full stop, with it: "Not a recording:". */
  readonly headline: string;
  /** What follows the headline, with its leading space; empty where the problem is one sentence. */
  readonly rest: string;
}

/** Splits a problem at its first colon or full stop that ends a word. */
export function splitProblem(problem: string): ProblemLine {
  const end = problem.search(/[:.](\s|$)/);
  if (end < 0) return { headline: problem, rest: '' };
  return { headline: problem.slice(0, end + 1), rest: problem.slice(end + 1) };
}

// Two headlines that shutSubject reads apart from the rest: a device out of reach is said so only while
// it is away, and a watch that cannot count is "this watch", not named.
const OUT_OF_REACH = splitProblem(deviceProblem('connection-lost').message).headline;
const CANNOT_COUNT = splitProblem(deviceProblem('no-motion-service').message).headline;

// The headlines of the problems after which the device still gives the heart rate but no motion:
// its motion could not start, or is refused or cut short by the Bluetooth link, or a watch has no
// motion service. Each ends on what still works.
const HEART_RATE_STILL_WORKS = new Set(
  (['stream-failed', 'mtu-too-small', 'truncated-frames', 'no-motion-service'] as const).map(
    (kind) => splitProblem(deviceProblem(kind).message).headline,
  ),
);

/** Whether `problem` leaves the device it is about giving the heart rate, with no motion to count. */
export function leavesHeartRateOnly(problem: string): boolean {
  return HEART_RATE_STILL_WORKS.has(splitProblem(problem).headline);
}

/** A device as a problem may name it: one in use, or one of an earlier visit not found. */
type Named =
  | Pick<DeviceStatus, 'name' | 'kind' | 'placement' | 'connection' | 'heartRate'>
  | Pick<AwaitedDevice, 'name' | 'kind'>;

/** The device in a word, by where it is worn ("strap", "watch"). */
export function inAWord(device: Named): string {
  if ('connection' in device) {
    // A strap that gives the heart rate alone says not where it is worn: it is worn on the chest, and
    // is no less the strap while a watch beside it gives the heart rate (see chooseHeartRate).
    const strap = !device.placement && (device.heartRate || device.kind === 'heart-rate');
    return strap ? 'strap' : deviceWord(device.placement ?? undefined);
  }
  const placement = awaitedPlacement(device);
  return placement ? deviceWord(placement) : 'strap';
}

/**
 * What follows the headline of a problem on its line shut: the device the problem is about, in a
 * word ("strap", "watch", by where it is worn), its name being in the rest, a tap away: the one whose
 * name the rest begins with ("Polar H10 0A1B did not come back", "… is connected but sends nothing",
 * "… did not answer" of a device of an earlier visit), of one out of reach only while it is away; the
 * watch of "Cannot count: this watch has no motion service". Null for every other problem, whose
 * headline says it whole ("Bluetooth off"), and where no device is named.
 */
export function shutSubject(
  problem: string,
  devices: readonly Pick<DeviceStatus, 'name' | 'kind' | 'placement' | 'connection' | 'heartRate'>[],
  awaiting: readonly Pick<AwaitedDevice, 'name' | 'kind'>[] = [],
): string | null {
  const { headline, rest } = splitProblem(problem);
  if (headline === CANNOT_COUNT) {
    const watch = devices.find((d) => d.kind === 'pinetime');
    return watch ? inAWord(watch) : null;
  }
  const named = [...devices, ...awaiting].filter((d) => d.name && rest.startsWith(` ${d.name} `));
  const about =
    headline === OUT_OF_REACH ? named.find((d) => 'connection' in d && isAway(d.connection)) : named[0];
  if (!about) return null;
  return inAWord(about);
}

/** A problem's headline as its line shows it shut (see shutLine). */
export interface ShutLine {
  /** The headline but its colon: "Out of reach". */
  readonly words: string;
  /** Its colon, seen only before the subject: "" where it ends otherwise. */
  readonly colon: string;
  /** The device it is about, in a word (see shutSubject), or null. */
  readonly subject: string | null;
}

/**
 * A problem's headline as its line shut shows it: with the device it is about ("Out of reach: strap"),
 * or whole without its colon ("Bluetooth off", "Not a recording"), where it was "Bluetooth off:", a
 * colon with nothing after it. The colon stays in what a screen reader is told, the rest after it.
 */
export function shutLine(
  problem: string,
  devices: Parameters<typeof shutSubject>[1],
  awaiting: Parameters<typeof shutSubject>[2] = [],
): ShutLine {
  const { headline } = splitProblem(problem);
  const colon = headline.endsWith(':') ? ':' : '';
  return {
    words: headline.slice(0, headline.length - colon.length),
    colon,
    subject: shutSubject(problem, devices, awaiting),
  };
}

/**
 * A problem as the set under way tells it, `exercise` the set's (in a rest, the next set's): a device
 * given up for lost whose exercise another counts in its place (the strap, in a superman the watch
 * counts) is out of reach "and the watch counts in its place", as the set's line and the header say,
 * where the problem alone told only that it did not come back, as though the set waited for it.
 * Reconnect is still offered, for the device back. Any other problem, or the same out of a set
 * another counts, as it is.
 */
export function problemAsTheSetTellsIt(
  problem: string,
  devices: readonly DeviceStatus[],
  exercise: ExerciseId | undefined,
): string {
  const { headline, rest } = splitProblem(problem);
  if (headline !== OUT_OF_REACH || !exercise) return problem;
  const takenOver = takenOverOf(devices, exercise);
  const gone = devices.find((d) => d.handedOver.includes(exercise) && d.connection === 'lost');
  if (!takenOver || !gone || !rest.startsWith(` ${gone.name} `)) return problem;
  return outOfReachCountedInPlace(gone.name, deviceWord(takenOver.placement));
}
