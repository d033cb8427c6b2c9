// What the person does while the device that counts is given up for lost, in the words the voice
// says and the set and rest screens show, so that a person who hears it and then looks reads the
// same: the voice says "plus one" where the screen names its button, "+1".

import type { Exercise } from './program.ts';

/**
 * Reconnect, or Resume and go on by hand: nothing sees a rep, or a hold begin or end, so a count goes
 * on with +1 and a hold by the tap that begins it (not begun: `holdStartMs` null, as in a rest before
 * it) or ends it. With no exercise to go on with, a count.
 */
export function resumeByHandText(
  exercise: Pick<Exercise, 'kind'> | undefined,
  holdStartMs: number | null,
  plusOne: '+1' | 'plus one',
): string {
  const byHand =
    exercise?.kind !== 'hold'
      ? `count with ${plusOne} until the device is back`
      : holdStartMs === null
        ? 'tap Start hold when you are in position'
        : 'tap End hold when you let go';
  return `Tap Reconnect, or Resume and ${byHand}`;
}
