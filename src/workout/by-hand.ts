// What the person does while the device that counts is given up for lost, in the words the voice
// says and the set and rest screens show, so that a person who hears it and then looks reads the
// same: the voice says "plus one" where the screen names its button, "+1".

import type { Placement } from '../sensors/samples.ts';
import { countedByHand, exercisesCountedByHand } from './counted-by.ts';
import type { Exercise, ExerciseId } from './program.ts';
import type { DeviceTakeOver, SessionState } from './session-state.ts';
import { capitalised } from './set-words.ts';

/**
 * What the person does with a tap while nothing sees a rep, or a hold begin or end: a count goes on
 * with +1, a hold by the tap that begins it (not begun: `holdStartMs` null, as in a rest before it)
 * or ends it. With no exercise to go on with, a count. `awaited`, the device a count goes on by hand
 * until ("watch", as the line before it names it; "device" where that is not known); null for the
 * brief line under a set that runs: it stands there while the device is away, which it need not say.
 */
export function byHandText(
  exercise: Pick<Exercise, 'kind'> | undefined,
  holdStartMs: number | null,
  plusOne: '+1' | 'plus one',
  awaited: string | null = 'device',
): string {
  const brief = awaited === null;
  if (exercise?.kind !== 'hold')
    return brief ? `count with ${plusOne}` : `count with ${plusOne} until the ${awaited} is back`;
  if (holdStartMs === null) return brief ? 'tap Start hold' : 'tap Start hold when you are in position';
  return 'tap End hold when you let go';
}

/**
 * What a set counted by hand asks of each rep, on its ring until the first is counted, as a hold
 * nothing sees asks for Start hold: "tap +1 after each rep" ("breath" for a bat hang).
 */
export function tapEachCountText(exercise: Pick<Exercise, 'kind'>): string {
  return tapEachCountParts(exercise).join(' ');
}

/**
 * tapEachCountText in its two parts, the tap and when, "tap +1" and "after each rep": the ring breaks
 * its line between them, where it put "rep" alone under "tap +1 after each".
 */
export function tapEachCountParts(exercise: Pick<Exercise, 'kind'>): readonly [string, string] {
  return ['tap +1', `after each ${exercise.kind === 'breaths' ? 'breath' : 'rep'}`];
}

const PHONE_IN_SIGHT = 'Put the phone where you can see it from the mat';

/**
 * The start screen's line under Start: how the session goes with the devices connected now, which
 * count `countedByDevice` by themselves (undefined until they are known). Where they count the whole
 * plan the person just does the exercises; where they count none of it (a heart-rate-only strap),
 * the person taps for every rep and hold, and that is what it says, as the set will ask for it.
 */
export function startAdviceText(
  plan: readonly Pick<Exercise, 'id' | 'kind'>[],
  countedByDevice: readonly ExerciseId[] | undefined,
): string {
  const byHand = exercisesCountedByHand({ countedByDevice }, plan);
  if (byHand.length === 0)
    return `${PHONE_IN_SIGHT}, press Start, and just do the exercises: Backbeat counts and times them.`;
  if (byHand.length < plan.length)
    return `${PHONE_IN_SIGHT}, press Start, and do the exercises: Backbeat counts and times what your devices can see, and the plan below says what to tap for the rest.`;
  const counts = (['reps', 'breaths'] as const)
    .filter((kind) => byHand.some((exercise) => exercise.kind === kind))
    .map((kind) => (kind === 'reps' ? 'rep' : 'breath'));
  const holds = byHand.some((exercise) => exercise.kind === 'hold');
  const taps = [
    ...(counts.length > 0 ? [`+1 after each ${counts.join(' or ')}`] : []),
    ...(holds ? ['Start hold and End hold for each hold'] : []),
  ].join(', and ');
  return `${PHONE_IN_SIGHT} and press Start. Tap ${taps}: Backbeat times the ${holds ? 'holds and rests' : 'rests'}, and says what comes next.`;
}

/**
 * The mark in today's plan of an exercise the devices connected now cannot see, where they count
 * others of the plan (a watch cannot see four of the seven): what its set will ask, known before
 * Start rather than set by set. Null for one they count, and where they count all of the
 * plan or none of it, which the start text says for every set (see startAdviceText): the plan's
 * exercises counted by hand are the same ones there and here.
 */
export function planByHandText(
  exercise: Pick<Exercise, 'id' | 'kind'>,
  plan: readonly Pick<Exercise, 'id'>[],
  countedByDevice: readonly ExerciseId[] | undefined,
): string | null {
  const devices = { countedByDevice };
  if (!countedByHand(devices, exercise)) return null;
  if (exercisesCountedByHand(devices, plan).length === plan.length) return null;
  if (exercise.kind === 'hold') return 'Timed by hand: tap Start hold and End hold';
  return `Counted by hand: ${tapEachCountText(exercise)}`;
}

/** Reconnect, or Resume and go on by hand until the device `awaited` is back (see byHandText). */
export function resumeByHandText(
  exercise: Pick<Exercise, 'kind'> | undefined,
  holdStartMs: number | null,
  plusOne: '+1' | 'plus one',
  awaited = 'device',
): string {
  return `Tap Reconnect, or Resume and ${byHandText(exercise, holdStartMs, plusOne, awaited)}`;
}

/** A device as the person knows it, by where it is worn: "watch", "strap". */
const DEVICE_BY_PLACEMENT: Readonly<Record<Placement, string>> = {
  chest: 'strap',
  wrist: 'watch',
  arm: 'armband',
  phone: 'phone',
};

/** The device worn at `placement`, in a word ("watch"); "device" where it is not known. */
export function deviceWord(placement: Placement | undefined): string {
  return placement ? DEVICE_BY_PLACEMENT[placement] : 'device';
}

/** The device worn at `placement`, as a line begins with it: "Watch". */
export function deviceLabel(placement: Placement | undefined): string {
  return capitalised(deviceWord(placement));
}

/** The screen's words for it out of reach while a set runs: "Watch out of reach". */
export function outOfReachLabel(placement: Placement | undefined): string {
  return `${deviceLabel(placement)} out of reach`;
}

/**
 * A device gone `how` (worn at `from`) whose exercise the one worn at `placement` counts in its
 * place, as the set and rest screens show it and the voice begins it: "Strap out of reach: the watch
 * counts", "Watch motion stopped: the strap counts".
 */
export function countedInPlaceText(
  from: Placement | undefined,
  placement: Placement | undefined,
  how: DeviceTakeOver['how'],
): string {
  return `${deviceLabel(from)} ${countedInPlaceWords(placement, how)}`;
}

/**
 * What follows the name of a device gone `how` whose exercise the one worn at `placement` counts in
 * its place: in the header's line of it, and under the set's name after "Strap".
 */
export function countedInPlaceWords(placement: Placement | undefined, how: DeviceTakeOver['how']): string {
  return `${how === 'lost' ? 'out of reach' : 'motion stopped'}: the ${deviceWord(placement)} counts`;
}

/**
 * How a device the session goes on without is gone: out of reach (reconnecting, or given up on), or
 * connected with its motion stopped.
 */
export type GoneHow = 'reconnecting' | 'lost' | 'stopped';

/**
 * What follows a device's name while the session goes on without it: in the header's line of it,
 * under the set's name, and in the voice.
 */
export const GOING_ON_WITHOUT_WORDS: Readonly<Record<GoneHow, string>> = {
  reconnecting: 'reconnecting: keep going',
  lost: 'out of reach: keep going',
  stopped: 'motion stopped: keep going',
};

/**
 * A device out of reach that the set goes on without, as the screen shows it and the voice says it:
 * "Heart-rate strap reconnecting: keep going" of one that gives the heart rate alone, else named by
 * where it is worn ("Strap out of reach: keep going", of an H10 in a lat pulldown the watch counts;
 * "Watch motion stopped: keep going", of a watch still connected in a set the strap counts).
 */
export function goneOnWithoutText(
  placement: Placement | null | undefined,
  heartRateOnly: boolean,
  how: GoneHow,
): string {
  return `${goneOnWithoutName(placement, heartRateOnly)} ${GOING_ON_WITHOUT_WORDS[how]}`;
}

/**
 * A device the session goes on without as the set's line and the voice name it: "Heart-rate strap" of
 * one that gives the heart rate alone, else by where it is worn ("Strap", "Watch").
 */
export function goneOnWithoutName(placement: Placement | null | undefined, heartRateOnly: boolean): string {
  return heartRateOnly ? 'Heart-rate strap' : deviceLabel(placement ?? undefined);
}

/**
 * The line of a set no connected device sees, where one that counts other exercises is there (a
 * watch in a glute bridge): which device cannot see it, and what the person does instead. The voice
 * says it with the set's "Go" and the screen shows it under the set's number, from this one rule, so
 * that what is heard is what is read: `named` names the device as each does, the screen by its name
 * ("InfiniTime"), the voice by where it is worn ("Your watch"). Null where a device counts the set,
 * and where no device here counts any exercise (a heart-rate-only strap): nothing was expected to see
 * it, and the set says only how to count it.
 */
export function unseenByText(
  state: Pick<SessionState, 'countedByDevice' | 'motionPlacements'>,
  exercise: Exercise,
  named: (placement: Placement) => string,
  plusOne: '+1' | 'plus one',
): string | null {
  const placement = state.motionPlacements?.[exercise.id];
  if (!placement || !countedByHand(state, exercise)) return null;
  return `${named(placement)} cannot see this exercise: ${byHandText(exercise, null, plusOne, null)}`;
}
