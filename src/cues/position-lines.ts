// Getting into position for a set: "In position. Go." once the person is seen there, where to be when
// they get up before the first rep, and the wrong position said.

import { unseenByDevices, waitsForPosition } from '../workout/counted-by.ts';
import { type Exercise, WRONG_POSITION_WAY_ON, wrongPositionText } from '../workout/program.ts';
import type { CurrentSet, SessionState } from '../workout/session.ts';
import { startSeenWord } from '../workout/set-shown.ts';
import { type Cue, sayPosition, sayWhere, tone, vibrate } from './cue.ts';
import { startUnseen, TAP_START_HOLD } from './set-start-lines.ts';
import { sentences } from './spoken-words.ts';

/** In position at last, a wrong position (said again now and then), or back to getting into position. */
export function positionCues(
  prev: SessionState,
  next: SessionState,
  exercise: Exercise,
  before: CurrentSet,
  after: CurrentSet,
): Cue[] {
  if (before.waiting && !after.waiting) {
    // The tone tells it on a device with no voice, and through music.
    const began = [tone('hold-start'), vibrate('hold-start')];
    // Begun as the devices changed (a watch that cannot see a glute bridge took the strap's place):
    // nothing saw the person in position, and the set begins as one nothing sees does.
    const sightLost = waitsForPosition(prev, exercise) && !waitsForPosition(next, exercise);
    if (sightLost && !after.begunByHand)
      return [...began, sayPosition(sentences(startUnseen(next, exercise, after)))];
    // Begun by hand, the person may not be in position as far as the sensor can tell. A hold no
    // device sees starts with a tap; reps whose device went while the person got into position are
    // counted with a tap until it is back, which the set's "Go" says as it does for a set begun so.
    const go =
      exercise.kind === 'hold'
        ? `${unseenByDevices(next, exercise) ? TAP_START_HOLD : 'Go'}.`
        : `${sentences(startUnseen(next, exercise, after))}.`;
    // What the device saw, and no more: a watch sees the wrist still, not where the person lies.
    const seen = after.begunByHand ? null : startSeenWord(after);
    return [...began, sayPosition(seen ? `${seen}. ${go}` : go)];
  }
  // Up again before the first rep: after the set's instructions, not over them; "In position. Go."
  // still waiting to be said is moot now (see Topic).
  if (after.waiting && !before.waiting) return [sayWhere(exercise.positionPrompt)];
  if (after.waiting && after.wrongPosture && after.warnedMs != null && after.warnedMs !== before.warnedMs) {
    const warning = wrongPositionText(exercise, after.wrongPosture);
    // Said again, the sensor may be the one that is wrong (worn oddly): the way on is the button.
    const again = before.warnedMs != null ? ` ${WRONG_POSITION_WAY_ON}` : '';
    // After the set's instructions, not over them (the longest take fifteen seconds to say); and not
    // at all if the person is in position by the time they end.
    return [tone('form'), vibrate('form'), sayWhere(`${warning}${again}`)];
  }
  return [];
}
