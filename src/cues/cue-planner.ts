// What to tell the person now, as a pure function of the session's last two states. The person lies on
// the mat and never looks at the phone, so everything the screen shows that matters in the moment (the
// count, the time left, what comes next, a form problem) is also said, beeped or buzzed. No I/O here:
// the cue player turns these cues into speech, tones and vibration.
// This module tells which moment the change is and gathers its cues; what each moment says is worked out
// in a module named for it: set-start-lines, during-set-lines, position-lines, hold-lines, set-end-lines,
// rest-lines and rest-countdown, pause-lines and resume-lines, device-news, form-warnings.

import { currentPlanned, recordsKeptOnFinish, type SessionState } from '../workout/session.ts';
import { planRanThrough, stoppedShort } from '../workout/set-outcomes.ts';
import { anyKept, setsKeptOnFinishing, setsKeptText } from '../workout/sets-kept.ts';
import { countdown } from './countdown.ts';
import { type Cue, type CueSettings, say, sayReply, tone, vibrate } from './cue.ts';
import {
  deviceJoinedNews,
  deviceTookOverNews,
  HEART_RATE_AWAY_TEXT,
  heartRateAwayBecameNews,
  unneededDeviceAwayBecameNews,
} from './device-news.ts';
import { duringSet } from './during-set-lines.ts';
import { isPaused, pausedCues } from './pause-lines.ts';
import { restCountdownFrom, restTimeCall } from './rest-countdown.ts';
import { restBegins } from './rest-lines.ts';
import { resumedCues } from './resume-lines.ts';
import { correctedFromNextSet, correctedInRest, setEnded } from './set-end-lines.ts';
import { setBegins } from './set-start-lines.ts';
import { stoppedShortWords } from './spoken-set.ts';
import { plural, sentences, spokenNumber } from './spoken-words.ts';

// The cue types and timings that the cue player, the store of a session's cues and the tests read
// along with planCues.
export { COUNTDOWN_S } from './countdown.ts';
export { type Cue, type CueSettings, VIBRATION } from './cue.ts';
export { FORM_WARNINGS } from './form-warnings.ts';
export { CONNECTION_LOST_SAID_AFTER_MS } from './pause-lines.ts';
export { spokenDuration, spokenMs, spokenNumber } from './spoken-words.ts';

export function planCues(prev: SessionState, next: SessionState, settings: CueSettings): Cue[] {
  if (prev === next) return [];
  const cues = whatHappened(prev, next, settings.speechRate ?? 1, settings.readOnScreen === true);
  // Said as a reply, which no count cuts off: the person who counts by hand taps +1 every rep or two,
  // and each tap's count is said over the line under way (see countTapped).
  if (heartRateAwayBecameNews(prev, next)) cues.push(sayReply(HEART_RATE_AWAY_TEXT));
  const goneUnneeded = unneededDeviceAwayBecameNews(prev, next);
  if (goneUnneeded) cues.push(sayReply(goneUnneeded));
  const joined = deviceJoinedNews(prev, next);
  if (joined) cues.push(sayReply(joined));
  const tookOver = deviceTookOverNews(prev, next);
  if (tookOver) cues.push(sayReply(tookOver));
  return applySettings(cues, settings);
}

function applySettings(cues: readonly Cue[], settings: CueSettings): Cue[] {
  const allowed = (cue: Cue): boolean => {
    switch (cue.kind) {
      case 'say':
        return !settings.muted;
      case 'tone':
        return !settings.muted && settings.tones;
      case 'vibrate':
        return settings.vibration;
    }
  };
  return cues.filter(allowed);
}

function whatHappened(
  prev: SessionState,
  next: SessionState,
  speechRate: number,
  readOnScreen: boolean,
): Cue[] {
  // A new session (reset) or a different plan: nothing happened to the person.
  if (next.phase === 'ready') return [];
  // Quiet through a pause: no countdown while the clock is stopped.
  if (isPaused(next)) return pausedCues(prev, next);
  if (isPaused(prev) && next.phase === prev.phase && sameSet(prev, next))
    return resumedCues(prev, next, readOnScreen ? null : speechRate);
  const cues: Cue[] = [];
  const finished =
    next.completed.length > prev.completed.length ? next.completed.slice(prev.completed.length) : [];

  if (prev.phase === 'set' && prev.set) {
    if (next.phase === 'set' && next.set && sameSet(prev, next)) {
      cues.push(...duringSet(prev, prev.set, next, next.set, speechRate));
      cues.push(...correctedFromNextSet(prev, next));
      return cues;
    }
    const record = finished[0];
    if (record) cues.push(...setEnded(prev, prev.set, record, next.phase === 'summary'));
  }
  // The session or the exercise's last set over: a one point still waiting behind the counts, or held
  // by a pause, is of a movement no longer done, and heard between "Set cut short" and "Session ended"
  // it reads as a fault in what was just done. With a set of the exercise to come it still keeps that
  // set safe, heard before the rest's line, as no later set says it.
  const lastSetOver = finished.some((record) => record.setNumber >= (currentPlanned(prev)?.dosage.sets ?? 0));
  const sessionOver = next.phase === 'summary' && prev.phase !== 'summary';
  const follows = whatFollows(prev, next, cues, speechRate);
  return lastSetOver || sessionOver ? endingPoint(follows) : follows;
}

/** The cues of what follows a set's end, or of a change outside a set: a set begun, a rest, the summary. */
function whatFollows(prev: SessionState, next: SessionState, cues: Cue[], speechRate: number): Cue[] {
  if (next.phase === 'set' && next.set && !(prev.phase === 'set' && sameSet(prev, next))) {
    // Straight from the set before, not from a reload's picked-up set.
    const noRestBefore = prev.phase === 'set' && next.set.noRestBefore === true;
    if (prev.phase === 'rest' || noRestBefore) cues.push(tone('rest-end'), vibrate('rest-end'));
    const begins = setBegins(prev, next, next.set, speechRate);
    // No rest between them (a rest of 0 s): the set just done's last count, "Done", "Set over" or
    // "Set cut short" is heard to its end first, then the set.
    if (noRestBefore) return [...cues, ...begins.map(afterWhatIsSaid)];
    // Straight on from a set skipped before it began: "Set skipped" is news, said over what was being
    // said, and the set after it.
    if (prev.phase === 'set') return cutShort([...cues, ...begins.map(afterWhatIsSaid)]);
    cues.push(...begins);
  } else if (next.phase === 'rest') {
    if (prev.phase !== 'rest') cues.push(...restBegins(prev, next, speechRate));
    else {
      cues.push(...correctedInRest(prev, next));
      // When the opening line lets it go on is worked out only on the ticks that have a number due.
      const due = countdown(prev.restEndsMs, prev.nowMs, next.restEndsMs, next.nowMs);
      if (due.length > 0 && restCountdownFrom(next, speechRate) <= next.nowMs) cues.push(...due);
      cues.push(...restTimeCall(prev, next, speechRate));
    }
  } else if (next.phase === 'summary' && prev.phase !== 'summary') {
    cues.push(tone('session-end'), vibrate('session-end'), say(sessionEnded(next)));
    // Finished before its plan ran through: what was still being said of the next exercise is old news.
    // A set skipped into the summary is told by this line alone, the answer to the tap (see setEnded).
    if (endedEarly(next) || skippedIntoSummary(prev, next)) return cutShort(cues);
  } else if (next.phase === 'summary') {
    cues.push(...correctedInRest(prev, next));
  }
  return cues;
}

/** The first line of these cues ends what waits or is held of an exercise's one point (see Speech.say). */
function endingPoint(cues: readonly Cue[]): Cue[] {
  const first = cues.findIndex((cue) => cue.kind === 'say');
  return cues.map((cue, i) =>
    i === first && cue.kind === 'say' && !cue.ends?.includes('point')
      ? { ...cue, ends: [...(cue.ends ?? []), 'point'] }
      : cue,
  );
}

/**
 * The session ended before its plan ran through: sets of it neither done nor skipped, or its last
 * cut short by Finish (see planRanThrough).
 */
function endedEarly(state: SessionState): boolean {
  return !planRanThrough(state);
}

/** The line said once what is being said or waits has been, not over it. */
function afterWhatIsSaid(cue: Cue): Cue {
  return cue.kind === 'say' ? { ...cue, interrupt: false } : cue;
}

/** The first line of these cues cuts off whatever is still being said or waits to be. */
function cutShort(cues: readonly Cue[]): Cue[] {
  const first = cues.findIndex((cue) => cue.kind === 'say');
  return cues.map((cue, i) => (i === first && cue.kind === 'say' ? { ...cue, interrupt: true } : cue));
}

function sameSet(a: SessionState, b: SessionState): boolean {
  return a.exerciseIndex === b.exerciseIndex && a.set?.setNumber === b.set?.setNumber;
}

/**
 * Whether the set under way in `prev` ended with nothing counted or held and brought the summary: Skip
 * set on the plan's last set, or Finish. The session's line counts it among the skipped, "one set done,
 * two skipped"; "Set skipped" before it told the same set twice.
 */
function skippedIntoSummary(prev: SessionState, next: SessionState): boolean {
  const record = next.completed.length > prev.completed.length ? next.completed.at(-1) : undefined;
  return prev.phase === 'set' && next.phase === 'summary' && record?.endedBy === 'skipped';
}

/**
 * As Finish's question counts them: sets skipped before they began are not called done, nor those
 * skipped partway (cut short), and none done is not kept.
 */
function sessionEnded(state: SessionState): string {
  const sets = setsKeptOnFinishing(state);
  if (!anyKept(sets)) return 'Session ended: no set done, so it is not kept';
  // Ended by Finish before its plan ran through, its last set cut short included: done, not complete.
  const ended = endedEarly(state) ? 'Session ended' : 'Session complete';
  const kept =
    ended === 'Session complete' && sets.cutShort + sets.skipped === 0
      ? plural(sets.done, 'set')
      : setsKeptText(sets, spokenNumber);
  return sentences([`${ended}: ${kept}`, ...stoppedShortLines(state), 'Well done']);
}

/**
 * The sets counted done above that ended by themselves short of their target (see stoppedShort), each
 * named: the summary shows "2 of 10", and "fourteen sets. Well done" alone told the person all were
 * done in full.
 */
function stoppedShortLines(state: SessionState): string[] {
  const setsOf = (exerciseId: string) =>
    state.plan.find((planned) => planned.exercise.id === exerciseId)?.dosage.sets ?? 1;
  return recordsKeptOnFinish(state)
    .filter(stoppedShort)
    .map((record) => stoppedShortWords(record, Math.max(setsOf(record.exerciseId), record.setNumber)));
}
