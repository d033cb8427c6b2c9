// What each problem a Bluetooth device reports says: a headline of a few words, which the line at a
// glance of a 180 px wide screen shows whole (see HEADLINE_MAX_CHARS), then why, and what to do.

import type { DeviceProblem, DeviceProblemKind } from './profile.ts';

/** What a problem's words name: the device (its name as it gives it), and why motion failed. */
export interface ProblemParticulars {
  readonly device?: string;
  readonly why?: string;
}

export const DEVICE_PROBLEM_WORDS: Readonly<
  Record<DeviceProblemKind, (about: { readonly device: string; readonly why: string }) => string>
> = {
  'no-data': ({ device }) =>
    `No readings: ${device} is connected but sends nothing. Wet the strap’s electrodes and put it on, ` +
    'or wake the watch.',
  'connection-lost': ({ device }) => outOfReachWords(device, ''),
  // Status 10: Web Bluetooth cannot ask for a bigger MTU (PROTOCOLS.md §2.9 [P-ISS #222]).
  'mtu-too-small': () =>
    'Motion refused: the sensor will not stream motion over this Bluetooth link (packet size too small, ' +
    'INVALID_MTU). Heart rate still works; motion may work from another phone or browser.',
  'truncated-frames': () =>
    'Motion cut short: motion frames arrive cut short, as this phone or computer keeps the Bluetooth ' +
    'packet size too small. Heart rate still works; try another phone or browser for motion.',
  charging: () => 'On charger: the sensor does not stream while it charges. Take it off the charger.',
  'stream-failed': ({ why }) => `Motion failed: it could not start, as ${why}. Heart rate still works.`,
  'stream-stopped': () => 'Motion restarting: the sensor stopped its motion stream; the app starts it again.',
  // The motion service came with InfiniTime 1.7 (PROTOCOLS.md §3 [IT]). Whether reps are counted with
  // +1 is not the watch's to say, as a strap beside it may count them: the device panel's note says so
  // where nothing connected counts, as it does for a Polar without its motion data.
  'no-motion-service': () =>
    'Cannot count: this watch has no motion service. Update InfiniTime to 1.7 or later to count; ' +
    'heart rate still works.',
};

/** A device out of reach, `meanwhile` what goes on without it, and how to have it back. */
function outOfReachWords(device: string, meanwhile: string): string {
  return `Out of reach: ${device} did not come back${meanwhile}. Wake it or move closer: it is tried again by itself, or press Reconnect.`;
}

/**
 * A device out of reach whose exercise the one named `counter` ("watch") counts in its place: the
 * problem says what the set's line says, and still how to have the device back.
 */
export function outOfReachCountedInPlace(device: string, counter: string): string {
  return outOfReachWords(device, `, and the ${counter} counts in its place`);
}

/** The problem of `kind`, worded for the person (a device with no name is "the device"). */
export function deviceProblem(kind: DeviceProblemKind, about: ProblemParticulars = {}): DeviceProblem {
  return {
    kind,
    message: DEVICE_PROBLEM_WORDS[kind]({
      device: about.device || 'the device',
      why: about.why ?? 'the sensor did not say why',
    }),
  };
}
