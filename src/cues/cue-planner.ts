// What to tell the person now, as a pure function of the session's last two states. The person lies on
// the mat and never looks at the phone, so everything the screen shows that matters in the moment (the
// count, the time left, what comes next, a form problem) is also said, beeped or buzzed. No I/O here:
// the cue player turns these cues into speech, tones and vibration.

import {
  type CurrentSet,
  currentPlanned,
  motionAwayFor,
  type Pause,
  planRanThrough,
  type SessionState,
  unsaidDrop,
  upNext,
} from '../workout/session.ts';
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
import { afterDropLinesMs, isPaused, pausedCues } from './pause-lines.ts';
import { restCountdownFrom, restCutsOffMs } from './rest-countdown.ts';
import { restBegins, restGoesOnLine, restLineCues, resumedRestLine } from './rest-lines.ts';
import { goesOnFromDrop, resumed } from './resume-words.ts';
import { correctedFromNextSet, correctedInRest, setEnded } from './set-end-lines.ts';
import { setBegins, setOpening } from './set-start-lines.ts';
import { plural, spokenNumber } from './spoken-words.ts';

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

/**
 * The line a session goes on with after a pause: the pause's answer, if still said, is moot; the one
 * point and how the exercise is done it cut off are said after it (see Speech.say), but for those of
 * an exercise skipped in the pause (`exerciseMoot`).
 */
const sayGoesOn = (text: string, exerciseMoot = false): Cue => ({
  kind: 'say',
  text,
  interrupt: true,
  ends: exerciseMoot ? ['pause', 'point', 'how'] : ['pause'],
});

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

/**
 * What is said as the session goes on after a pause, in the same set or rest. A device back from a
 * drop: nothing where the drop was not said; otherwise after "Paused: connection lost", not over it,
 * and in a set only how far it has come, "Go on: four done": the person is still in the set they
 * heard paused, and the next rep's count, seconds later, cut off the set's name and target.
 * `speechRate` null for lines shown at once, not said after the voice's (see readOnScreen).
 */
function resumedCues(prev: SessionState, next: SessionState, speechRate: number | null): Cue[] {
  const pause = next.pauses?.at(-1);
  const dropped = pause?.deviceDropped === true && pause.atMs + pause.ms === next.nowMs;
  // A set skipped on to in the pause came up with nothing said: it is told in full, name and target.
  const skippedTo =
    next.phase === 'set' && next.set !== null && pause !== undefined && next.set.startedMs > pause.atMs;
  // Skipped on to another exercise's first set: the point of the one the pause cut off is moot, and
  // the set is told as any first set of an exercise is as it begins, its own point with it: it went
  // on with "Go on: Glute bridge, one set. Fifteen reps. Lie on your back to start" alone. Judged by
  // the set as the pause left it: one the person got into position for meanwhile begins at Resume,
  // and went on with "Go on: Glute bridge, one set. Fifteen reps" alone, as if paused in.
  const pausedSet = prev.set ?? next.set;
  if (next.set?.setNumber === 1 && pausedSet && pause !== undefined && cameUpInPause(next, pausedSet, pause))
    return goesOnToNewExercise(next, next.set, speechRate ?? 1, restSkippedInPause(next, pause));
  // A rest the set before was skipped into in the pause began unsaid: it is told as a rest picked up
  // is, what comes next with it. It went on with "Rest goes on: forty-five seconds left" alone, and the
  // bridge after it began with neither its one point nor how it is done.
  const restLine = resumedRestLine(next, speechRate ?? 1);
  if (restLine !== null && restLine.saidMs === next.nowMs)
    return restLineCues(next, restLine.line, (text) => sayGoesOn(text, true));
  // A rest goes on with what the pause cut off of its lines, where the rest has room for it.
  const goesOn = (saidMs: number): string =>
    next.phase === 'rest' && pause !== undefined && pause.atMs + pause.ms === next.nowMs
      ? restGoesOnLine(next, pause, saidMs, speechRate ?? 1)
      : resumed(next, saidMs);
  // How long the rest has, from now, before its countdown or the set cuts off what is said; and
  // whether the line says the time left alone, which its countdown waits for (see LineRole). Before
  // another exercise, the one point of the set before that the pause cut off is of an exercise done:
  // it was said in the bird dog's rest after a superman, and "five" cut it off.
  const restGoesOn = (cue: Cue, saidMs: number): Cue =>
    next.phase === 'rest' && cue.kind === 'say'
      ? {
          ...cue,
          ...(restBeforeAnotherExercise(next) ? { ends: [...(cue.ends ?? []), 'point'] } : {}),
          role: {
            kind: cue.text === resumed(next, saidMs) ? 'rest-time-left' : 'rest-goes-on',
            roomMs: restCutsOffMs(next, speechRate ?? 1) - next.nowMs,
          },
        }
      : cue;
  if (!dropped || skippedTo)
    return restLineCues(next, goesOn(next.nowMs), (text) => restGoesOn(sayGoesOn(text), next.nowMs));
  // Nothing was said of a drop that short, and there is nothing to say unless the device is still
  // away: the person who tapped Resume then counts by hand, and is told so.
  const exercise = currentPlanned(next)?.exercise;
  if (unsaidDrop(pause) && !(exercise && motionAwayFor(next, exercise))) return [];
  const saidMs = speechRate === null ? next.nowMs : afterDropLinesMs(pause, next.nowMs, speechRate);
  // A hold or a rest over before the line is said is told by what follows it, "Done: forty-five
  // seconds" or the next set: the line would name more than the hold ("Go on: forty-six seconds
  // held"), or a rest with "zero seconds left".
  if (overBy(next, saidMs)) return [];
  // After what was said of the drop, not over it (see afterDropLinesMs); what it held follows.
  if (next.phase === 'set')
    return [{ kind: 'say', text: goesOnFromDrop(next, saidMs), interrupt: false, ends: ['pause'] }];
  return restLineCues(next, goesOn(saidMs), (text) =>
    restGoesOn(
      {
        kind: 'say',
        text,
        interrupt: false,
        ends: ['pause'],
      },
      saidMs,
    ),
  );
}

/** Whether the rest under way comes before another exercise than the set it follows. */
function restBeforeAnotherExercise(rest: SessionState): boolean {
  return upNext(rest)?.exercise.id !== currentPlanned(rest)?.exercise.id;
}

/**
 * Whether `set`, as the pause left it, came up during `pause`, skipped on to: the set under way ended
 * in it, or the rest before this set was skipped in it. Not the set paused in, begun before it.
 */
function cameUpInPause(state: SessionState, set: CurrentSet, pause: Pause): boolean {
  const endedInPause = state.completed.some((record) => record.endedMs >= pause.atMs);
  return endedInPause || (set.startedMs > pause.atMs && set.startedMs < pause.atMs + pause.ms);
}

/**
 * The first set of an exercise skipped on to in a pause, as the session goes on: what it says as it
 * begins (see setOpening), from "Go on:", but what the rest before it (`restBefore`, where one was
 * skipped in the pause) said whole before the pause cut it off.
 */
function goesOnToNewExercise(
  state: SessionState,
  set: CurrentSet,
  speechRate: number,
  restBefore: SessionState | null,
): Cue[] {
  // What the rest's countdown cut off of where to lie and how, kept by the voice through the pause,
  // follows the line it goes on with, as it follows the set's after a countdown: a pause at "four"
  // and Skip set in it lost the bird dog's "Pause, lower slowly, switch sides", cut off by "five".
  const afterRest = restBefore !== null;
  const [first, ...rest] = setOpening(restBefore ?? state, state, set, speechRate, true, afterRest);
  if (first?.kind !== 'say') return [sayGoesOn(resumed(state, state.nowMs), true)];
  return [
    { ...sayGoesOn(`Go on: ${first.text}`, true), ...(first.role ? { role: first.role } : {}) },
    ...rest,
  ];
}

/**
 * The rest that `state`'s set was skipped on to from in `pause`, as it stood then, for what its line
 * said whole before the pause (see restSaid): a person who paused half a minute into the rest had
 * heard the next exercise's point, where to lie and its movement, and heard them again after Resume.
 * Null where the set came up otherwise (the set before it ended in the pause: no rest was said).
 */
function restSkippedInPause(state: SessionState, pause: Pause): SessionState | null {
  const ended = state.completed.at(-1);
  if (!ended || ended.endedMs >= pause.atMs) return null;
  const exerciseIndex = state.plan.findIndex((planned) => planned.exercise.id === ended.exerciseId);
  const planned = state.plan[exerciseIndex];
  if (!planned || planned.dosage.restS <= 0) return null;
  // Its end as the pauses since it began moved it, this one's too, as restLineFrom reads it.
  const pausedMs = (state.pauses ?? []).reduce((ms, p) => (p.atMs >= ended.endedMs ? ms + p.ms : ms), 0);
  return {
    ...state,
    phase: 'rest',
    exerciseIndex,
    set: null,
    restEndsMs: ended.endedMs + planned.dosage.restS * 1000 + pausedMs,
  };
}

/**
 * Whether what is under way is over by itself by `atMs`: the rest, or the hold of a set that ends at
 * its target (a drawing-in).
 */
function overBy(state: SessionState, atMs: number): boolean {
  if (state.phase === 'rest') return state.restEndsMs !== null && atMs >= state.restEndsMs;
  const planned = currentPlanned(state);
  const holdStartMs = state.set?.holdStartMs ?? null;
  if (state.phase !== 'set' || !planned?.exercise.holdEndsAtTarget || holdStartMs === null) return false;
  return atMs >= holdStartMs + planned.dosage.target * 1000;
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
  if (endedEarly(state)) return `Session ended: ${setsKeptText(sets, spokenNumber)}. Well done`;
  if (sets.cutShort + sets.skipped === 0) return `Session complete: ${plural(sets.done, 'set')}. Well done`;
  return `Session complete: ${setsKeptText(sets, spokenNumber)}. Well done`;
}
