// A device problem as the line at a glance shows it on a phone with its text at twice its size: its
// headline (what went wrong, in few words), then the rest (why, and what to do), which the line
// shows once opened and a screen reader is told with it.

import { type DeviceStatus, isAway } from '../app/devices.ts';
import { deviceProblem } from '../sensors/ble/problems.ts';
import { deviceWord } from '../workout/by-hand.ts';

/**
 * The longest headline the line shows whole on a 180 px wide screen (a 360 px phone with its text at
 * twice its size): there the line has 118 px beside its marker, two lines of about 11 characters of
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

/** The headline of a device out of reach that did not come back: "Out of reach:". */
const OUT_OF_REACH = splitProblem(deviceProblem('connection-lost').message).headline;

/**
 * What follows the headline of a problem on its line shut: of a device out of reach, the device it
 * names, in a word ("strap", "watch", by where it is worn), its name being in the rest, a tap away:
 * the headline alone ended on its colon, "Out of reach:", with nothing after it. Null for every
 * other problem, and where no device away is named in it.
 */
export function shutSubject(
  problem: string,
  devices: readonly Pick<DeviceStatus, 'name' | 'placement' | 'connection' | 'heartRate'>[],
): string | null {
  const { headline, rest } = splitProblem(problem);
  if (headline !== OUT_OF_REACH) return null;
  const named = devices.find((d) => isAway(d.connection) && d.name && rest.includes(d.name));
  if (!named) return null;
  // A strap that gives the heart rate alone says not where it is worn: it is worn on the chest.
  return named.placement || !named.heartRate ? deviceWord(named.placement ?? undefined) : 'strap';
}
