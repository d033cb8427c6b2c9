// What the person does while the device that counts is given up for lost, in the words the voice
// says and the set and rest screens show, so that a person who hears it and then looks reads the
// same: the voice says "plus one" where the screen names its button, "+1".

import type { Exercise } from './program.ts';

/**
 * What the person does with a tap while nothing sees a rep, or a hold begin or end: a count goes on
 * with +1, a hold by the tap that begins it (not begun: `holdStartMs` null, as in a rest before it)
 * or ends it. With no exercise to go on with, a count. `brief`, for the line under a set that runs:
 * it stands there while the device is away, which it need not say.
 */
export function byHandText(
  exercise: Pick<Exercise, 'kind'> | undefined,
  holdStartMs: number | null,
  plusOne: '+1' | 'plus one',
  brief = false,
): string {
  if (exercise?.kind !== 'hold')
    return brief ? `count with ${plusOne}` : `count with ${plusOne} until the device is back`;
  if (holdStartMs === null) return brief ? 'tap Start hold' : 'tap Start hold when you are in position';
  return 'tap End hold when you let go';
}

/** Reconnect, or Resume and go on by hand (see byHandText). */
export function resumeByHandText(
  exercise: Pick<Exercise, 'kind'> | undefined,
  holdStartMs: number | null,
  plusOne: '+1' | 'plus one',
): string {
  return `Tap Reconnect, or Resume and ${byHandText(exercise, holdStartMs, plusOne)}`;
}
