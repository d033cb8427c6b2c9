// What is said as the session pauses and while it stays paused (the answer to Pause or Finish, why the
// app paused for a device, that it is still reconnecting), and when those lines cut off what the voice
// was saying.

import { deviceWord, resumeByHandText } from '../workout/by-hand.ts';
import { upNext } from '../workout/next-set.ts';
import { droppedSincePaused, UNSAID_DROP_MS, unsaidDrop } from '../workout/pauses.ts';
import { currentPlanned, type SessionState } from '../workout/session.ts';
import type { Pause, PauseReason } from '../workout/session-state.ts';
import { FINISH_ASKS } from '../workout/sets-kept.ts';
import { type Cue, say } from './cue.ts';
import { spokenMs } from './spoken-words.ts';

/**
 * The answer to a tap that paused the session: moot once it goes on (see Topic). The last line heard,
 * as a question waits for its answer: a first set's one point and how its exercise is done, still to
 * come, go with the set's other lines, and are said after the line it goes on with (see Speech.say).
 */
const sayPaused = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: true,
  topic: 'pause',
  reply: true,
  ends: ['point', 'how'],
});

/**
 * Why the app paused by itself ("Paused: connection lost", the device given up for lost): said over
 * what is being said, as the person must know why the session stopped. A first set's one point and
 * how its exercise is done, cut off or still waiting, are kept as the person's own pause keeps them
 * (see sayPaused), and said after the line the session goes on with, the device back or not: a strap
 * dropped while a new person's superman was named went on with "Go on. Lie face down to start" and
 * "In position. Go.", the movement cut off in its first sentence never said.
 */
const sayAppPaused = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: true,
  topic: 'pause',
  ends: ['point', 'how'],
});

/**
 * What is said as the session pauses, and while it stays paused: the answer to the person's Pause or
 * Finish, why the app paused for a device, and now and then that it is still reconnecting.
 */
export function pausedCues(prev: SessionState, next: SessionState): Cue[] {
  if (connectionLostDue(prev, next)) return [sayAppPaused(PAUSED_WORDS.connection)];
  // Said when the pause begins, and again when the device the app paused for is given up for lost:
  // the person must act. Not when the person pressed Reconnect after that: that is no news to them.
  const news = !isPaused(prev) || (next.pausedFor === 'lost' && prev.pausedFor !== 'lost');
  if (!news) return stillReconnecting(prev, next) ? [say(STILL_RECONNECTING)] : [];
  // The person's own Pause is their tap taken; a pause the app makes is news of the device. Finish
  // is their tap too: one who looked away after it hears that the session waits for their answer.
  if (next.pausedToAsk) return [sayPaused(PAUSED_WORDS.toAsk)];
  if (next.pausedFor === undefined) return [sayPaused(PAUSED_WORDS.person)];
  if (next.pausedFor === 'lost') return [sayAppPaused(lostWords(next))];
  // A strap that drops is said a moment later, if it is not back by then (see connectionLostDue).
  if (droppedSincePaused(next)) return [];
  return [sayAppPaused(PAUSED_WORDS[next.pausedFor])];
}

/**
 * A pause the person did not ask for says why: they are on the mat, not looking at the header. Finish's
 * asks what the screen asks over its answers, in its words.
 */
const PAUSED_WORDS: Readonly<Record<Exclude<PauseReason, 'lost'> | 'person' | 'toAsk', string>> = {
  person: 'Paused',
  toAsk: `Paused. ${FINISH_ASKS}`,
  connection: 'Paused: connection lost',
  replay: 'Paused: the replay has finished',
};

/**
 * How long a device that dropped out is waited for before "Paused: connection lost" is said. A strap
 * is often back within a second (an emulated Polar H10 in 0.66 s): said at once, the line was cut
 * off by the voice saying the set goes on, and that by the next rep's count, two half sentences for a
 * drop the person never noticed. Back within it, nothing is said and the set goes on; the session is
 * paused all the same, so that no rep is lost. A watch out of reach beside a strap that stays, and its
 * return, wait as long (see awayBecameNews).
 */
export const CONNECTION_LOST_SAID_AFTER_MS = UNSAID_DROP_MS;

/** Whether `next` is the moment to say that the connection is lost (see CONNECTION_LOST_SAID_AFTER_MS). */
function connectionLostDue(prev: SessionState, next: SessionState): boolean {
  if (!droppedSincePaused(next) || next.pausedAtMs === null) return false;
  const samePause = isPaused(prev) && prev.pausedAtMs === next.pausedAtMs;
  const beforeMs = samePause ? prev.nowMs - next.pausedAtMs : Number.NEGATIVE_INFINITY;
  return (
    beforeMs < CONNECTION_LOST_SAID_AFTER_MS && next.nowMs - next.pausedAtMs >= CONNECTION_LOST_SAID_AFTER_MS
  );
}

/**
 * When a pause the voice spoke of cut off what it was saying: a device's drop as "Paused: connection
 * lost" is said (see connectionLostDue), the rest's line going on until then. Reckoned cut off as the
 * drop began, "Next: Superman, set two of two", heard whole 2 s before, was said again after it. A
 * device given up for lost as the pause began was said at once (see Pause.saidAtOnce).
 */
export function cutOffMs(pause: Pause): number {
  if (pause.saidAtOnce) return pause.atMs;
  return pause.deviceDropped || pause.deviceLost ? pause.atMs + CONNECTION_LOST_SAID_AFTER_MS : pause.atMs;
}

/**
 * The pauses the voice spoke of, which cut off what it was saying: a drop back before it was said
 * (see unsaidDrop) cut nothing, and the timings of what follows go by the line before it.
 */
export function saidPauses(state: SessionState): readonly Pause[] {
  return (state.pauses ?? []).filter((pause) => !unsaidDrop(pause));
}

/**
 * When the line a session goes on with after a device's drop, from `resumedMs`, is said: after what
 * the voice said of the drop ("Paused: connection lost", then "Still reconnecting" every so often),
 * not over it. The time it names is the time then: "Rest goes on: twenty-six seconds left", worked
 * out as the strap came back, was heard behind "Paused: connection lost" with twenty-five on the ring.
 */
export function afterDropLinesMs(pause: Pause, resumedMs: number, speechRate: number): number {
  if (pause.deviceDropped !== true || unsaidDrop(pause)) return resumedMs;
  const everyMs = RECONNECTING_CALL_EVERY_S * 1000;
  const reconnectingCalls = Math.floor((pause.seenMs ?? pause.ms) / everyMs);
  const last =
    reconnectingCalls > 0
      ? { line: STILL_RECONNECTING, saidMs: pause.atMs + reconnectingCalls * everyMs }
      : { line: PAUSED_WORDS.connection, saidMs: pause.atMs + CONNECTION_LOST_SAID_AFTER_MS };
  return Math.max(resumedMs, last.saidMs + spokenMs(last.line, speechRate));
}

/**
 * While the app tries to reach the device it paused for (about 70 s before it gives up), the person
 * lying on the mat, not looking, hears now and then that it is still at it: silence that long sounds
 * like the app has stopped. Not more often, or the voice nags.
 */
export const RECONNECTING_CALL_EVERY_S = 25;

const STILL_RECONNECTING = 'Still reconnecting';

/** Whether `next` is the moment to say that the app is still reconnecting (see RECONNECTING_CALL_EVERY_S). */
function stillReconnecting(prev: SessionState, next: SessionState): boolean {
  if (prev.pausedFor !== 'connection' || next.pausedFor !== 'connection') return false;
  const sinceMs = next.pausedForSinceMs ?? next.pausedAtMs ?? next.nowMs;
  if (prev.pausedForSinceMs !== next.pausedForSinceMs) return false;
  const everyMs = RECONNECTING_CALL_EVERY_S * 1000;
  const calls = (nowMs: number) => Math.floor(Math.max(0, nowMs - sinceMs) / everyMs);
  return calls(next.nowMs) > calls(prev.nowMs);
}

/**
 * The device is given up for lost: the person must act, and Resume goes on by hand in the way the set
 * under way needs (see resumeByHandText), in the words the screen shows; in a rest, the way the set
 * after it needs (a hold has no +1). Named where more than one is worn (see pausedForDevice), that
 * the person knows which to bring back.
 */
function lostWords(state: SessionState): string {
  const exercise = state.phase === 'rest' ? upNext(state)?.exercise : currentPlanned(state)?.exercise;
  const holdStartMs = state.phase === 'set' ? (state.set?.holdStartMs ?? null) : null;
  const device = deviceWord(state.pausedForDevice);
  return `The ${device} is out of reach. ${resumeByHandText(exercise, holdStartMs, 'plus one', device)}`;
}

export function isPaused(state: SessionState): boolean {
  return state.pausedAtMs !== null;
}
