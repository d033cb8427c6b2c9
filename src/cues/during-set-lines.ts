// What a set under way says: each count, the pause at the top of a rep, a hold's lines, form warnings,
// and the device that counts it gone or back.

import { motionAwayFor } from '../workout/counted-by.ts';
import type { Exercise } from '../workout/program.ts';
import { type CurrentSet, currentPlanned, type SessionState, type SetRecord } from '../workout/session.ts';
import { type Cue, sayCount, sayReply, sayTime, tone, vibrate } from './cue.ts';
import {
  awayBecameNews,
  awayWords,
  byHandUntilBack,
  deviceBackText,
  deviceOf,
  toldToCountByHand,
} from './device-news.ts';
import { formWarnings } from './form-warnings.ts';
import { countdownAfterHoldMs, countsDown, holdProgress, holdStartLine } from './hold-lines.ts';
import { saidPauses } from './pause-lines.ts';
import { positionCues } from './position-lines.ts';
import { spokenCount } from './spoken-set.ts';

export function duringSet(
  prev: SessionState,
  before: CurrentSet,
  next: SessionState,
  after: CurrentSet,
  speechRate: number,
): Cue[] {
  const planned = currentPlanned(next);
  if (!planned) return [];
  const cues: Cue[] = positionCues(prev, next, planned.exercise, before, after);
  // Gone while the set runs, the app not paused for it (a watch that counts one exercise, beside a
  // strap that stays): the person keeps moving and nothing counts, so they are told to tap. Said as a
  // reply, as its return is: the +1 they tap while it is said would cut off the line that says to.
  if (awayBecameNews(prev, next, planned.exercise, after))
    cues.push(
      sayReply(
        `The ${deviceOf(next, planned.exercise)} ${awayWords(next, planned.exercise)}. ${byHandUntilBack(next, planned.exercise, after)}`,
      ),
    );
  // Back by itself while the person counts with +1: a rep they tap now would be counted twice. Not
  // after a moment's drop of which nothing was said. Said as a reply, which no line cuts off: the
  // person is tapping, and each tap's count is said over the line under way (see countTapped).
  if (
    planned.exercise.kind !== 'hold' &&
    !motionAwayFor(next, planned.exercise) &&
    toldToCountByHand(prev, next.nowMs, planned.exercise, before)
  )
    cues.push(sayReply(deviceBackText(prev, planned.exercise)));
  cues.push(...formWarnings(before.formIssues, after.formIssues));
  const tapped = countTapped(before, after);
  if (after.count > before.count) {
    cues.push(...countUpCues(planned.exercise, tapped));
    const overWhatIsSaid = tapped || firstCountSinceResumed(prev, before);
    cues.push(sayCount(spokenCount(planned.exercise, after.count), overWhatIsSaid, tapped));
  } else if (after.count < before.count) {
    // A correction by hand: say the count it is now.
    cues.push(sayCount(spokenCount(planned.exercise, after.count), tapped, tapped));
  }
  cues.push(...topPauseCues(planned.exercise, before, after, prev.nowMs, next.nowMs));
  if (after.holdStartMs !== null) {
    const target = planned.dosage.target * 1000;
    if (before.holdStartMs === null) {
      const line = holdStartLine(
        after.holdStartMs,
        next.nowMs,
        target,
        speechRate,
        countsDown(planned.exercise),
      );
      // Started by a tap while where to be and how to hold were still said: they are moot (see Topic).
      cues.push(tone('hold-start'), vibrate('hold-start'), {
        kind: 'say',
        text: line,
        interrupt: false,
        ends: ['position', 'how'],
      });
    } else {
      const countdownFromMs = () => countdownAfterHoldMs(after, target, speechRate);
      cues.push(
        ...holdProgress(planned.exercise, after.holdStartMs, target, prev.nowMs, next.nowMs, countdownFromMs),
      );
    }
  }
  return cues;
}

/**
 * The pause at the top of a rep, where the program times it (Exercise.topPauseS): "Hold" once the
 * detectors see the person still there, "Down" when it has lasted. Each is true only as it is said
 * (the topic 'time'): one the voice is not free to say within a second is dropped, not heard as the
 * person lowers or after the rep is counted.
 */
function topPauseCues(
  exercise: Exercise,
  before: CurrentSet,
  after: CurrentSet,
  prevNowMs: number,
  nowMs: number,
): Cue[] {
  const sinceMs = after.atTopSinceMs;
  if (exercise.topPauseS === undefined || sinceMs == null) return [];
  const downMs = sinceMs + exercise.topPauseS * 1000;
  if (before.atTopSinceMs !== sinceMs) return [sayTime(nowMs >= downMs ? TOP_PAUSE_OVER : TOP_PAUSE_BEGINS)];
  return prevNowMs < downMs && nowMs >= downMs ? [sayTime(TOP_PAUSE_OVER)] : [];
}

const TOP_PAUSE_BEGINS = 'Hold';

const TOP_PAUSE_OVER = 'Down';

/**
 * Whether the count changed by the person's tap (+1 or −1), not by a rep the devices saw: the tap asks
 * to hear the count, and it is said at once, over the announcement under way; news of the devices is
 * a reply and is heard to its end first ("Heart rate out of reach: keep going" was cut off by the
 * next tap, a person counting by hand tapping every rep). A rep the devices count waits
 * for the sentence under way (see Topic): it is known a second or so after it anyway, and a person
 * who started while the set's line was said hears it out. A tapped "one" said when the set's opening
 * line ended, 3.2 s after the tap, ran into the next tap's "two".
 */
export function countTapped(
  before: Pick<CurrentSet, 'corrections'>,
  after: Pick<CurrentSet | SetRecord, 'corrections'>,
): boolean {
  return (after.corrections ?? 0) !== (before.corrections ?? 0);
}

/**
 * The beep and buzz of a count going up: both for a rep. Breath cycles the detectors count are
 * counted quietly, by voice alone: a beep would break the calm of the bat hang. One the person tapped
 * has the buzz, which tells the finger the tap was taken, as in every exercise, and no beep.
 */
export function countUpCues(exercise: Exercise, tapped: boolean): Cue[] {
  if (exercise.kind === 'reps') return [tone('rep'), vibrate('rep')];
  return tapped ? [vibrate('rep')] : [];
}

/**
 * Whether the set has counted nothing since it went on after a pause: its resume line ("Go on:
 * Superman, set two of three. …", some four seconds) may still be being said, and the person's
 * movement has made it moot, as it does "In position. Go.". The count comes over it, heard at once,
 * not when it ends; later counts in the set have no resume line to cut short.
 */
function firstCountSinceResumed(state: SessionState, set: CurrentSet): boolean {
  const pause = saidPauses(state).at(-1);
  if (!pause) return false;
  const resumedMs = pause.atMs + pause.ms;
  return resumedMs >= set.startedMs && set.lastProgressMs <= resumedMs;
}
