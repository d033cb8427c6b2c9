// What a set says as it begins: its name and target, the exercise's one point, where to lie and how it
// is done, and "Go", or what to tap where nothing sees the person.

import { byHandText, deviceWord, unseenByText } from '../workout/by-hand.ts';
import { countedByHand, motionAwayFor, unseenByDevices } from '../workout/counted-by.ts';
import { RECOVERED_TEXT } from '../workout/heart.ts';
import { type Exercise, PICK_A_WEIGHT, weightToLog } from '../workout/program.ts';
import {
  type CurrentSet,
  currentPlanned,
  type PlannedExercise,
  type SessionState,
} from '../workout/session.ts';
import { nextArm } from '../workout/set-shown.ts';
import { capitalised } from '../workout/set-words.ts';
import { type Cue, say, sayPosition, sayWhere } from './cue.ts';
import { byHandUntilBack } from './device-news.ts';
import { RIGHT_ARM_FIRST, restSaid } from './rest-lines.ts';
import { doneSoFar, dosageText, setOf } from './spoken-set.ts';
import { sentences } from './spoken-words.ts';

/** How the exercise is done: said a sentence at a time, so that a count comes at the end of one. */
const sayHow = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: false,
  topic: 'how',
  bySentence: true,
});

/** How a hold no connected device sees begins: the screen's button of that name. */
export const TAP_START_HOLD = 'Tap Start hold';

export function setBegins(
  prev: SessionState,
  next: SessionState,
  set: CurrentSet,
  speechRate: number,
): Cue[] {
  const newExercise = prev.phase === 'ready' || prev.exerciseIndex !== next.exerciseIndex;
  return setOpening(prev, next, set, speechRate, newExercise);
}

/**
 * What a set says as it begins (see setBegins): `prev` is the state it came from, the rest before it
 * (what that said is not said again) or none; `newExercise` where it is the first set the session does
 * of its exercise; `afterCountdown` where it comes at the end of that rest's countdown, not after a
 * pause.
 */
export function setOpening(
  prev: SessionState,
  next: SessionState,
  set: CurrentSet,
  speechRate: number,
  newExercise: boolean,
  afterCountdown = true,
): Cue[] {
  const planned = currentPlanned(next);
  if (!planned) return [];
  const { exercise, dosage } = planned;
  // Said once: where the rest before said the position to its end, the set does not say it again.
  const positionToSay = newExercise && !restSaid(prev, next.nowMs, speechRate, exercise.position);
  // How the exercise is done, to a person new to it, before its first set where the rest did not say
  // it: after where to be, and before "Go", which waits for it, as a hold waits for "Go".
  const howToSay =
    planned.sayHow === true &&
    newExercise &&
    set.setNumber === 1 &&
    !restSaid(prev, next.nowMs, speechRate, exercise.spokenHow);
  const parts = [
    `${exercise.name}, ${setOf(set.setNumber, dosage.sets)}`,
    dosageText(planned, next.completed),
  ];
  const weight = weightToPick(planned, set, newExercise);
  if (weight) parts.push(weight);
  // A set picked up after a reload or from another tab keeps what it had counted: say so.
  const done = doneSoFar(exercise, set, next.nowMs);
  if (done) parts.push(done);
  // The rest was cut short: say why before what comes, or the person wonders where it went.
  if (prev.phase === 'rest' && set.afterRecovery) parts.unshift(RECOVERED_TEXT);
  // Said once, as the position is: where the rest said the arm to start on, the set does not.
  const side = restSaid(prev, next.nowMs, speechRate, RIGHT_ARM_FIRST) ? null : startingSide(exercise, set);
  if (side) parts.push(side);
  // Its one point (Exercise.keyPoint), every session, before its first set goes: the movement is
  // said only in the first sessions, and the point that keeps the person safe must not go with it.
  // A line of its own right after the set's, which no tap or form warning drops (see Cue.kept): before
  // where to be, which "In position. Go." cuts short, and before the movement, which a first count
  // does; after them it was heard by no person who set off early, and "Go" waited for the whole of it
  // (3.4 to 4.2 s from in position).
  // Said by the rest before, where it had room (see restOpeningLine): not again here.
  const pointToSay =
    newExercise && set.setNumber === 1 && !restSaid(prev, next.nowMs, speechRate, exercise.keyPoint);
  const point: Cue | null = pointToSay
    ? { kind: 'say', text: sentences([exercise.keyPoint]), interrupt: false, topic: 'point', kept: true }
    : null;
  // Said by the rest before, to a person new to it: what the rest's countdown cut off of it, where a
  // voice slower than reckoned ran it into "five", follows the set's line (see LineRole).
  const cutFollows =
    afterCountdown &&
    planned.sayHow === true &&
    newExercise &&
    set.setNumber === 1 &&
    prev.phase === 'rest' &&
    !howToSay;
  const setsLineCue = (text: string): Cue => ({
    ...say(text, true),
    ...(cutFollows ? { role: { kind: 'set-after-rest-how' } as const } : {}),
  });
  const withPoint = (setsLine: string): Cue[] => [setsLineCue(setsLine), ...(point ? [point] : [])];
  // Where to lie and the movement, to a person new to the exercise: a line after the set's, said a
  // sentence at a time, whether or not a device sees the position (see Topic).
  const how = howToSay
    ? {
        ...sayHow(sentences([...(positionToSay ? [exercise.position] : []), exercise.spokenHow])),
        ...(prev.phase === 'rest' ? { role: { kind: 'set-how-after-rest' } as const } : {}),
      }
    : null;
  if (!set.waiting) {
    const start = startUnseen(next, exercise, set);
    // As where a device sees the position (below), but the set is under way from its first line: a
    // person who sets off during the movement hears their count at the end of the sentence under way,
    // and what is left of it, and "Go", are moot (see Topic). One who waits hears it to its end.
    if (how) return [...withPoint(sentences(parts)), how, sayPosition(sentences(start))];
    if (positionToSay) parts.push(exercise.position);
    // "Go" a line of its own where what the countdown cut off may come between: before it, not after.
    if (point || cutFollows) return [...withPoint(sentences(parts)), sayPosition(sentences(start))];
    return [setsLineCue(sentences([...parts, ...start]))];
  }
  // Where to get into, a line of its own: a person already there is in position before it ends, and
  // "In position. Go." takes its place (see Topic). The position is said in full when the exercise
  // changes, unless the rest has said it: the person cannot read it from the mat.
  // Where to lie and the movement follow the set's line and its point, which no position line cuts
  // off: a person in position before they end hears them to their end, then "Go"; the prompt is the
  // line that is cut. One who sets off before hears their count at the end of the sentence under way
  // (see Topic).
  if (how) return [...withPoint(sentences(parts)), how, sayWhere(exercise.positionPrompt)];
  const where = positionToSay ? [exercise.position, 'Keep still there to start'] : [exercise.positionPrompt];
  return [...withPoint(sentences(parts)), sayWhere(sentences(where))];
}

/**
 * How a set begins where nothing sees the person get into position: "Go", and what they count with a
 * tap (see byHandFromGo); a hold, once they are in position, by a tap where nothing sees it begin.
 */
export function startUnseen(state: SessionState, exercise: Exercise, set: CurrentSet): string[] {
  if (exercise.kind !== 'hold') return ['Go', ...byHandFromGo(state, exercise, set)];
  return [
    unseenByVoice(state, exercise) ??
      (unseenByDevices(state, exercise)
        ? `${TAP_START_HOLD} when you are in position`
        : 'Hold still when you are in position'),
  ];
}

/**
 * What the person counts with a tap from a set's "Go": all of it where no connected device sees the
 * exercise (a watch in a glute bridge), said once here; while the device that counts it is away, until
 * it is back.
 */
function byHandFromGo(state: SessionState, exercise: Exercise, set: CurrentSet): string[] {
  if (motionAwayFor(state, exercise)) return [byHandUntilBack(state, exercise, set)];
  if (countedByHand(state, exercise))
    return [unseenByVoice(state, exercise) ?? capitalised(byHandText(exercise, null, 'plus one', null))];
  return [];
}

/** The set's line of the device that cannot see it (see unseenByText), by where it is worn: "Your watch". */
function unseenByVoice(state: SessionState, exercise: Exercise): string | null {
  return unseenByText(state, exercise, (placement) => `Your ${deviceWord(placement)}`, 'plus one');
}

/** Bird dog starts on the right arm and alternates; the count tells which side is next (as bb-set-view shows). */
function startingSide(exercise: Exercise, set: CurrentSet): string | null {
  if (!exercise.alternatesSides) return null;
  return `Start with your ${nextArm(set)} arm, then alternate`;
}

/**
 * Before the first set of an exercise done with a weight the person has not logged: program.md's
 * word on it, "a weight that keeps good form throughout", where the plan names no number. Once, as
 * the weight is picked before the first pull; null otherwise.
 */
function weightToPick(planned: PlannedExercise, set: CurrentSet, newExercise: boolean): string | null {
  return weightToLog(planned.exercise, planned.dosage) && newExercise && set.setNumber === 1
    ? PICK_A_WEIGHT
    : null;
}
