// News of the devices while a set or a rest goes on: one out of reach or silent, back, joined, or
// counting in place of another, and how the person counts meanwhile.

import { byHandText, countedInPlaceText, deviceWord, goneOnWithoutText } from '../workout/by-hand.ts';
import {
  motionAwayExercises,
  motionAwayFor,
  motionAwaySince,
  motionStoppedFor,
} from '../workout/counted-by.ts';
import { concernedExercise } from '../workout/next-set.ts';
import type { Exercise, ExerciseId } from '../workout/program.ts';
import type { CurrentSet, SessionState } from '../workout/session.ts';
import { goSaidAt } from '../workout/set-shown.ts';
import { capitalised } from '../workout/set-words.ts';
import { CONNECTION_LOST_SAID_AFTER_MS, isPaused } from './pause-lines.ts';

/**
 * "Strap out of reach", of the device that went out of reach CONNECTION_LOST_SAID_AFTER_MS ago, when
 * that is news now: it counts other exercises than the set under way (in a rest, the set after it), which
 * goes on without it, not paused (an H10 in a lat pulldown the watch counts). Said once, as the heart
 * rate alone out of reach is, in its words ("Strap out of reach: keep going"); a set that needs it,
 * come while it is still away, says to count with plus one as it begins. Undefined otherwise.
 */
export function unneededDeviceAwayBecameNews(prev: SessionState, next: SessionState): string | undefined {
  if (isPaused(next) || (next.phase !== 'set' && next.phase !== 'rest')) return undefined;
  const concerned = concernedExercise(next);
  if (concerned && motionAwayFor(next, concerned)) return undefined;
  const news = motionAwayExercises(next).find((id) => {
    const sinceMs = next.motionAwaySinceMs?.[id];
    if (sinceMs === undefined) return false;
    const dueMs = sinceMs + CONNECTION_LOST_SAID_AFTER_MS;
    return prev.nowMs < dueMs && next.nowMs >= dueMs;
  });
  // Said once, as any drop is, when it has been away long enough to be news: out of reach by then,
  // unless it is still connected and only its motion stopped, which the screen says too.
  if (news === undefined || goingToldByTakeOver(next, news)) return undefined;
  const how = next.motionStopped?.includes(news) ? 'stopped' : 'lost';
  return goneOnWithoutText(next.motionPlacements?.[news], false, how);
}

/**
 * Whether the going of the device `exercise` is up to was told already, as another took over the set
 * or rest under way from it ("Strap motion stopped: the watch counts from here"): its other exercises
 * going on without it, "Strap motion stopped: keep going" a moment later, would tell the same device
 * gone again. A take-over of an earlier going (the strap lost and back before) told nothing of this one.
 */
function goingToldByTakeOver(state: SessionState, exercise: ExerciseId): boolean {
  const tookOver = state.deviceTookOver;
  const sinceMs = state.motionAwaySinceMs?.[exercise];
  return (
    tookOver !== undefined &&
    sinceMs !== undefined &&
    tookOver.atMs >= sinceMs &&
    tookOver.from === state.motionPlacements?.[exercise]
  );
}

/**
 * The person's own device has taken the virtual strap's place (see SessionState.deviceJoined): from
 * now on what is counted is what they do, not the simulated person's reps, which the count so far
 * holds. Said as a reply, which waits for a count being said and which no count cuts off; in a set,
 * that it counts from here, in a rest, from the next set. Undefined otherwise.
 */
export function deviceJoinedNews(prev: SessionState, next: SessionState): string | undefined {
  const joined = next.deviceJoined;
  if (!joined || joined === prev.deviceJoined || (next.phase !== 'set' && next.phase !== 'rest'))
    return undefined;
  const from = next.phase === 'set' ? 'from here' : 'from the next set';
  return `Your ${deviceWord(joined.placement)} is connected: it counts ${from}`;
}

/**
 * The device beside one given up for lost has taken over the exercise under way (see
 * SessionState.deviceTookOver): the person goes on, and hears which device counts, in a set from
 * here, in a rest the next set. Said as a reply, as a device joining is. Undefined otherwise.
 */
export function deviceTookOverNews(prev: SessionState, next: SessionState): string | undefined {
  const tookOver = next.deviceTookOver;
  if (!tookOver || tookOver === prev.deviceTookOver || (next.phase !== 'set' && next.phase !== 'rest'))
    return undefined;
  const from = next.phase === 'set' ? 'from here' : 'the next set';
  return `${countedInPlaceText(tookOver.from, tookOver.placement, tookOver.how)} ${from}`;
}

/**
 * The heart rate alone is out of reach (a plain strap): nothing the person counts or times went with
 * it, so the set or rest goes on and the voice says just that. Its return is not said: the person
 * does nothing different for it, and the screen shows the heart rate again.
 */
export const HEART_RATE_AWAY_TEXT = 'Heart rate out of reach: keep going';

/**
 * Whether `next` is the moment to say that the heart rate alone is out of reach: away
 * CONNECTION_LOST_SAID_AFTER_MS by now, as any drop is said, so that a strap back within a moment is
 * not spoken of; once, in a set or a rest going on. In a pause the person took then, it goes unsaid:
 * what they hear as the session goes on is how it goes on, which the strap does not change.
 */
export function heartRateAwayBecameNews(prev: SessionState, next: SessionState): boolean {
  const sinceMs = next.heartRateAwaySinceMs;
  if (sinceMs === undefined || isPaused(next) || (next.phase !== 'set' && next.phase !== 'rest'))
    return false;
  const dueMs = sinceMs + CONNECTION_LOST_SAID_AFTER_MS;
  return prev.nowMs < dueMs && next.nowMs >= dueMs;
}

/**
 * How the device that counts the set went: out of reach, or, still connected, silent ("The watch has
 * stopped sending motion"), which the person would otherwise take for a watch that is there and counts.
 */
export function awayWords(state: SessionState, exercise: Exercise): string {
  return motionStoppedFor(state, exercise) ? 'has stopped sending motion' : 'is out of reach';
}

/** The device that counts the set is back, named as its going was ("The watch is out of reach"). */
export const deviceBackText = (state: SessionState, exercise: Exercise): string =>
  `The ${deviceOf(state, exercise)} is back: it counts again`;

/** The device the exercise is up to, by where it is worn ("watch"); "device" where that is not known. */
export function deviceOf(state: SessionState, exercise: Exercise): string {
  return deviceWord(state.motionPlacements?.[exercise.id]);
}

/**
 * Whether `next` is the moment to say that the device counting the set under way is out of reach:
 * away CONNECTION_LOST_SAID_AFTER_MS by now, as a strap's drop is said, so that one back within a
 * moment is not spoken of. Once, and not where a line of the set has told the person how to go on by
 * hand since it went (see toldByTheSetsLines): "Count with plus one" twice within a second.
 */
export function awayBecameNews(
  prev: SessionState,
  next: SessionState,
  exercise: Exercise,
  set: CurrentSet,
): boolean {
  const sinceMs = awaySince(next, exercise);
  if (sinceMs === undefined) return false;
  const dueMs = sinceMs + CONNECTION_LOST_SAID_AFTER_MS;
  return prev.nowMs < dueMs && next.nowMs >= dueMs && !toldByTheSetsLines(next, exercise, set);
}

/** Since when the device counting the exercise has been out of reach; undefined while it is there. */
function awaySince(state: SessionState, exercise: Exercise): number | undefined {
  return motionAwayFor(state, exercise) ? motionAwaySince(state, exercise) : undefined;
}

/**
 * Whether the person in `state` was told to count with plus one until the device counting the set is
 * back: by the news of its going, CONNECTION_LOST_SAID_AFTER_MS after it went (by `nowMs`), or,
 * however soon after, by a line of the set (see toldByTheSetsLines).
 */
export function toldToCountByHand(
  state: SessionState,
  nowMs: number,
  exercise: Exercise,
  set: CurrentSet,
): boolean {
  const sinceMs = awaySince(state, exercise);
  if (sinceMs === undefined) return false;
  return nowMs - sinceMs >= CONNECTION_LOST_SAID_AFTER_MS || toldByTheSetsLines(state, exercise, set);
}

/**
 * Whether a line of the set under way told the person how to go on by hand while the device counting
 * it is away, said since it went: the set's "Go" (see byHandFromGo) or its going on after a pause
 * (see howItGoesOn). Not a set still waiting: its start said only where to be.
 */
function toldByTheSetsLines(state: SessionState, exercise: Exercise, set: CurrentSet): boolean {
  const sinceMs = awaySince(state, exercise);
  if (sinceMs === undefined) return false;
  const pause = state.pauses?.at(-1);
  const resumedMs = pause ? pause.atMs + pause.ms : Number.NEGATIVE_INFINITY;
  return (!set.waiting && goSaidAt(set) >= sinceMs) || resumedMs >= sinceMs;
}

/**
 * How the set goes on while the device that counts it is out of reach: nothing sees a rep, a hold
 * begin or end, so the person does with a tap what it would have seen, until that device ("the
 * watch", as its going was said) is back.
 */
export function byHandUntilBack(state: SessionState, exercise: Exercise, set: CurrentSet): string {
  return capitalised(byHandText(exercise, set.holdStartMs, 'plus one', deviceOf(state, exercise)));
}
