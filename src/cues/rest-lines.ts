// What a rest says: its opening line, fitted to leave its countdown room; the line it goes on with after
// a pause or a reload; and what its lines were heard to say whole, which the set after it does not say
// again.

import { upNext } from '../workout/next-set.ts';
import type { Exercise } from '../workout/program.ts';
import { currentPlanned, type SessionState } from '../workout/session.ts';
import type { Pause } from '../workout/session-state.ts';
import { COUNTDOWN_RUN_MIN, COUNTDOWN_S, countdownFirstNumber, lineOverMs } from './countdown.ts';
import { type Cue, say } from './cue.ts';
import { afterDropLinesMs, cutOffMs, saidPauses } from './pause-lines.ts';
import { restLeftText, resumed } from './resume-words.ts';
import { setEndedWords, setOf } from './spoken-set.ts';
import { sentences, spokenDuration, spokenMs, textSentences } from './spoken-words.ts';

/**
 * How long into a rest its opening line is begun: behind what the set just done said of its end (see
 * setEndedWords). "Rest, three seconds. Next: Bird dog", judged to fit a rest of 3 s, came after
 * "Done: forty-five seconds" and was cut off by the set's line.
 */
export function restLineWaitsMs(rest: SessionState, speechRate: number): number {
  const ended = rest.completed.at(-1);
  return ended ? spokenMs(setEndedWords(ended), speechRate) : 0;
}

/**
 * What comes next, said as the rest begins: in full (the set, the side to start on, the position of a
 * new exercise, its one point before its first set) where it is over before the rest's countdown
 * begins at the voice's rate. A shorter rest
 * says less, down to the next exercise's name: the countdown is how a person on the mat knows the set
 * is coming, and the set's start says the side and the position itself (see restOpeningLine).
 */
export function restBegins(prev: SessionState, next: SessionState, speechRate: number): Cue[] {
  const newPage = prev.phase === 'ready' && next.restPickedUpMs !== undefined;
  const line =
    (newPage ? pickedUpRestLine(next, speechRate)?.line : null) ??
    restOpeningLine(next, prev.phase === 'ready', speechRate);
  return line === null ? [] : restLineCues(next, line, say);
}

/**
 * A rest's line, `first` the cue of its beginning. Where to lie and how the next exercise is done,
 * last in it where said, are a line of their own, said a sentence at a time, so that what the
 * countdown cuts off of them is known, and said as the set begins (see LineRole).
 */
export function restLineCues(state: SessionState, line: string, first: (text: string) => Cue): Cue[] {
  const [opening, whereAndHow] = restLineParts(state, line);
  if (whereAndHow === undefined) return [first(line)];
  return [
    first(opening),
    { kind: 'say', text: whereAndHow, interrupt: false, bySentence: true, role: { kind: 'rest-how' } },
  ];
}

/**
 * A rest's line as it is said (see restLineCues): its opening, then where to lie and how, if said, or
 * what of them it says from the sentence a pause cut off (see restGoesOnLine).
 */
function restLineParts(state: SessionState, line: string): [string] | [string, string] {
  const coming = upNext(state)?.exercise;
  const whereAndHow = coming ? whereAndHowSentences(coming) : [];
  // Ending where they end, or at the end of where to lie: a rest with no room for how it is done says
  // the position alone, and was said as one line, the bird dog's rest after "Set cut short: twenty-one
  // seconds held" for 15 s with nothing of it known to the countdown or a pause.
  for (let from = 0; from < whereAndHow.length; from++) {
    for (let to = whereAndHow.length; to > from; to--) {
      const said = sentences(whereAndHow.slice(from, to));
      if (line.endsWith(`. ${said}`)) return [line.slice(0, -said.length - 2), said];
    }
  }
  return [line];
}

/**
 * Where to lie and how `exercise` is done, a sentence each, as the voice says them one at a time
 * (see firstSentenceOf): a pause that cuts them off cuts off the sentence under way and those
 * after it, not those heard before it.
 */
function whereAndHowSentences(exercise: Exercise): string[] {
  return [...textSentences(exercise.position), ...textSentences(exercise.spokenHow)];
}

/** The arm a bird dog set starts on, as the rest before it says it (see startingSide). */
export const RIGHT_ARM_FIRST = 'Start with your right arm';

/**
 * The line `restBegins` says; `pickedUp` for a rest picked up after a reload, or gone on with after a
 * pause. `keep`, where given, picks what of the next set, its point, side, position and movement the
 * line may say (see restGoesOnLine), and where none fits it says the time left alone. `newPage` for
 * the line a new page picks the rest up with (see pickedUpLine): it says the next set whatever `keep`
 * picks, and is fitted to the rest as its first line is.
 */
export function restOpeningLine(
  state: SessionState,
  pickedUp: boolean,
  speechRate: number,
  keep?: (words: string) => boolean,
  newPage = false,
): string | null {
  const planned = currentPlanned(state);
  const coming = upNext(state);
  if (!planned || state.restEndsMs === null) return null;
  // The planned rest, not restEndsMs − nowMs: the clock in the state may lag the rep that ended the
  // set. A rest picked up after a reload says what is left of it.
  const rest = pickedUp
    ? restLeftText(state.restEndsMs, state.nowMs)
    : `Rest, ${spokenDuration(planned.dosage.restS)}`;
  const restMs = pickedUp
    ? state.restEndsMs - state.nowMs
    : planned.dosage.restS * 1000 - restLineWaitsMs(state, speechRate);
  if (!coming) return rest;
  const kept = (words: string[]) => (keep ? words.filter(keep) : words);
  // Where the rest is, on a new page: the person has heard nothing from it yet.
  const keptNext = (words: string[]) => (newPage ? words : kept(words));
  const following = state.plan.find((p) => p.exercise.id === coming.exercise.id);
  const nextSet = keptNext([
    `Next: ${coming.exercise.name}, ${setOf(coming.setNumber, following?.dosage.sets ?? 1)}`,
  ]);
  const side = kept(coming.exercise.alternatesSides ? [RIGHT_ARM_FIRST] : []);
  const newExercise = coming.exercise.id !== planned.exercise.id;
  // A sentence at a time: gone on with after a pause, from the sentence it cut off.
  const position = kept(newExercise ? textSentences(coming.exercise.position) : []);
  const firstSet = newExercise && coming.setNumber === 1;
  // How it is done, to a person new to it, before its first set: here, where the rest has room.
  const how = kept(firstSet && following?.sayHow ? textSentences(coming.exercise.spokenHow) : []);
  // Its one point, here where the rest has room, right after what it is of: said after the set's
  // line, it held up "In position. Go." for a person already there, 4.8 s for a bird dog. Left to the
  // set before the position or the movement is: the set says those in its own line, holding up "Go"
  // longer. Before them in the line: a voice slower than reckoned has the countdown cut the line's end
  // off (see sayCountdown), which cost the bridge's "Heels down, squeeze your glutes" at "Heels down,
  // squ", never said again, where now it cuts the movement, said on after the set's line (see
  // LineRole).
  const point = kept(firstSet ? [coming.exercise.keyPoint] : []);
  const shortest = sentences([rest, ...keptNext([`Next: ${coming.exercise.name}`])]);
  const fullestFirst = [
    ...(how.length > 0
      ? [
          sentences([rest, ...nextSet, ...point, ...side, ...position, ...how]),
          sentences([rest, ...nextSet, ...side, ...position, ...how]),
        ]
      : []),
    ...(point.length > 0 ? [sentences([rest, ...nextSet, ...point, ...side, ...position])] : []),
    sentences([rest, ...nextSet, ...side, ...position]),
    ...(point.length > 0 ? [sentences([rest, ...nextSet, ...point, ...side])] : []),
    sentences([rest, ...nextSet]),
    shortest,
  ];
  // The fullest line that leaves the countdown from "five": a line that merely fits the rest left it
  // none (after the glute bridge, a 10 s rest said the drawing-in's position for some 9 s, and the set
  // began unannounced). Where none leaves "five", the fullest that leaves a countdown at all; where
  // none does, the fullest the rest has room for, as the countdown is lost either way.
  // A rest too short even for the shortest: the exercise alone, which the rest screen's ring says is
  // after a rest. "Rest, three seconds. Next: Wide-grip lat pulldown" took 3.4 s, and the set's line
  // cut it off 2.8 s in.
  const nextAlone = `Next: ${coming.exercise.name}`;
  const countdownLeft = (line: string) => countdownFirstNumber(restMs - lineOverMs(line, speechRate));
  // Gone on with after a pause: what it cut off is said where the countdown keeps every number it
  // has after the time left alone, or not at all, and said by the set (see setOpening).
  if (keep && !newPage) {
    const numbers = Math.min(COUNTDOWN_S, countdownLeft(rest));
    return fullestFirst.find((line) => countdownLeft(line) >= numbers) ?? rest;
  }
  return (
    fullestFirst.find((line) => countdownLeft(line) === COUNTDOWN_S) ??
    fullestFirst.find((line) => countdownLeft(line) >= COUNTDOWN_RUN_MIN) ??
    fullestFirst.find((line) => spokenMs(line, speechRate) <= restMs) ??
    nextAlone
  );
}

/**
 * Whether the rest that ended at `endedMs` said `words` of the next exercise (its position, how it is
 * done), and to its end: neither cut off by the set begun early (Skip, a recovered heart rate), by a
 * pause, nor by the page going (a reload). A new page that picked the rest up said it again, with what
 * was left of it: whatever either line said whole counts. Then the set's start does not say them
 * again: the whole position said a second time was cut off a few seconds in by "In position. Go.".
 */
export function restSaid(rest: SessionState, endedMs: number, speechRate: number, words: string): boolean {
  const lines = restLines(rest, speechRate);
  // Where to lie and how, a sentence at a time: heard whole where each sentence was, by one line or
  // by the line a pause cut them off in and the one the rest went on with from there.
  return textSentences(words).every((sentence) =>
    lines.some((said) => heardWhole(rest, said, sentence, endedMs, speechRate)),
  );
}

/** A line a rest was told with, begun at `saidMs`. */
interface RestLine {
  readonly line: string;
  readonly saidMs: number;
}

/**
 * The lines a rest was told with before `beforeMs`: as it began, or as the pause it came up in ended
 * (see resumedRestLine), as a new page picked it up (see pickedUpRestLine), and as each pause in it
 * ended (see restGoesOnLine).
 */
function restLines(rest: SessionState, speechRate: number, beforeMs = Number.POSITIVE_INFINITY): RestLine[] {
  const planned = currentPlanned(rest);
  if (rest.phase !== 'rest' || !planned || rest.restEndsMs === null) return [];
  const endedMs = rest.completed.at(-1)?.endedMs ?? rest.restEndsMs - planned.dosage.restS * 1000;
  const resumed = resumedRestLine(rest, speechRate);
  // Said as the set before ended, behind its last words; a pause since moved the rest's end, not
  // when it was said. A rest that came up in a pause began unsaid: its line was the one it went on with.
  const openingLine = resumed === null ? restOpeningLine(rest, false, speechRate) : null;
  const opening =
    openingLine === null
      ? resumed
      : { line: openingLine, saidMs: endedMs + restLineWaitsMs(rest, speechRate) };
  const lines: RestLine[] = opening === null ? [] : [opening];
  // The line a new page picked the rest up with, in turn with the pauses': it goes by what the lines
  // before it said.
  const pickedUpMs = rest.restPickedUpMs;
  let toPickUp = pickedUpMs !== undefined && pickedUpMs < beforeMs;
  const pickUp = () => {
    const line = pickedUpLine(rest, lines, speechRate);
    if (line) lines.push(line);
    toPickUp = false;
  };
  for (const pause of saidPauses(rest)) {
    const resumedMs = pause.atMs + pause.ms;
    if (toPickUp && pickedUpMs !== undefined && pause.atMs >= pickedUpMs) pickUp();
    // The pause it came up in, said above; one that ended as a new page picked the rest up said
    // nothing as it ended (Finish's question), the page the rest again.
    if (pause.atMs < endedMs || cutOffMs(pause) >= beforeMs || resumedMs === resumed?.saidMs) continue;
    if (resumedMs === rest.restPickedUpMs) continue;
    const saidMs = afterDropLinesMs(pause, resumedMs, speechRate);
    const before = lines.filter((said) => said.saidMs < cutOffMs(pause));
    lines.push({ line: goesOnLine(rest, pause, saidMs, before, speechRate), saidMs });
  }
  if (toPickUp) pickUp();
  return lines.filter((said) => said.saidMs < beforeMs);
}

/**
 * The line a rest goes on with after `pause`, said at `saidMs`: the time left, and what the pause cut
 * off of what the rest's lines before it said (the next set, its one point, where to lie and how it
 * is done), where it leaves the countdown room, as the rest's first line does (see restOpeningLine).
 * It went on with "Rest goes on: thirty-six seconds left" alone, and the glute bridge's "Lie on your
 * back, knees bent" the pause cut off was said after the set's line, 16 s before "Go" that the 31 s
 * of the rest left could have held.
 */
export function restGoesOnLine(rest: SessionState, pause: Pause, saidMs: number, speechRate: number): string {
  return goesOnLine(rest, pause, saidMs, restLines(rest, speechRate, cutOffMs(pause)), speechRate);
}

/** As restGoesOnLine, `before` the lines the rest was told with before the pause. */
function goesOnLine(
  rest: SessionState,
  pause: Pause,
  saidMs: number,
  before: readonly RestLine[],
  speechRate: number,
): string {
  const told = (words: string) => before.some((said) => said.line.includes(sentences([words])));
  const heard = (words: string) =>
    before.some((said) => heardWhole(rest, said, words, cutOffMs(pause), speechRate));
  const line = restLineFrom(rest, saidMs, speechRate, (words) => told(words) && !heard(words));
  return line?.line ?? resumed(rest, saidMs);
}

/**
 * Whether the rest's line `said` said `words` to their end by `untilMs`, nor was cut off before by a
 * pause or the page going (a reload). Where to lie and how, said after the line's opening as a line of
 * their own: a pause that cut them off cut off none of the opening before them, whose point the set
 * said a second time.
 */
function heardWhole(
  rest: SessionState,
  said: RestLine,
  words: string,
  untilMs: number,
  speechRate: number,
): boolean {
  const parts = restLineParts(rest, said.line);
  const text = sentences([words]);
  const at = parts.findIndex((part) => part.includes(text));
  if (at < 0) return false;
  const pickedUpMs = rest.restPickedUpMs;
  const endMs =
    pickedUpMs !== undefined && pickedUpMs > said.saidMs ? Math.min(untilMs, pickedUpMs) : untilMs;
  // Where to lie and how are said a sentence at a time: heard up to the end of the words' sentence;
  // the opening is one line, heard whole or cut off.
  const [opening, whereAndHow] = parts;
  const heardTo =
    at === 1 && whereAndHow !== undefined
      ? `${opening}. ${whereAndHow.slice(0, whereAndHow.indexOf(text) + text.length)}`
      : parts.slice(0, at + 1).join('. ');
  return saidWhole(rest, heardTo, said.saidMs, endMs, speechRate);
}

/**
 * Whether `line`, begun at `saidMs`, was over by `untilMs` (the set's start, or the page going): any
 * pause begun while it was said cut it off ("Paused"), not only the last of the rest.
 */
function saidWhole(
  rest: SessionState,
  line: string,
  saidMs: number,
  untilMs: number,
  speechRate: number,
): boolean {
  const overMs = saidMs + spokenMs(line, speechRate);
  const cutByPause = saidPauses(rest).some((pause) => cutOffMs(pause) >= saidMs && cutOffMs(pause) < overMs);
  return !cutByPause && untilMs >= overMs;
}

/**
 * The line a new page said as it picked the rest up ("Rest goes on: ten seconds left. Next: …"), and
 * when; null where no page did.
 */
export function pickedUpRestLine(rest: SessionState, speechRate: number): RestLine | null {
  const pickedUpMs = rest.restPickedUpMs;
  return pickedUpMs === undefined
    ? null
    : pickedUpLine(rest, restLines(rest, speechRate, pickedUpMs), speechRate);
}

/**
 * As pickedUpRestLine, `before` the lines the old page told the rest with: where the rest is and how
 * long is left ("Rest goes on: twenty-three seconds left. Next: Glute bridge, one set"), and of the
 * next set's one point, side, where to lie and how it is done only what those lines had not said
 * whole by the time the page went, from the sentence it went in: it said them again as far as the
 * rest had room, the bridge's point and where to lie heard a moment before the reload. The saved state
 * holds no word of what the voice said, only when the rest began, its pauses and the old page's last
 * write, a second at most before the page went; what was heard is reckoned from them at the pace the
 * rest's lines are fitted by (SPOKEN_MS_PER_CHAR), as the set's start reckons what not to say again.
 * A sentence under way at the last write is said again from its start; one that a voice slower than
 * that pace had not finished by then is taken as heard, the voice that knew gone with the old page.
 */
function pickedUpLine(rest: SessionState, before: readonly RestLine[], speechRate: number): RestLine | null {
  const pickedUpMs = rest.restPickedUpMs;
  if (pickedUpMs === undefined) return null;
  const heard = (words: string) =>
    before.some((said) => said.saidMs < pickedUpMs && heardWhole(rest, said, words, pickedUpMs, speechRate));
  return restLineFrom(rest, pickedUpMs, speechRate, (words) => !heard(words), true);
}

/**
 * The line a rest that came up in a pause of the person's own (the set before skipped in it) was
 * told with as the pause ended ("Rest goes on: forty-five seconds left. Next: …"), and when; null for
 * any other rest, whose opening line was said as it began.
 */
export function resumedRestLine(
  rest: SessionState,
  speechRate: number,
): { line: string; saidMs: number } | null {
  const endedMs = rest.completed.at(-1)?.endedMs;
  if (rest.phase !== 'rest' || endedMs === undefined) return null;
  // Ended before the pause did: a set put right to its target in a pause ends as it ends, and its
  // rest begins said (see restBegins).
  const pause = (rest.pauses ?? []).find(
    (p) => p.deviceDropped !== true && p.atMs <= endedMs && endedMs < p.atMs + p.ms,
  );
  return pause === undefined ? null : restLineFrom(rest, pause.atMs + pause.ms, speechRate);
}

/**
 * The rest's line as said at `saidMs`, after it began: with what was left of it then, and of what
 * comes next what `keep` picks, where given (see restOpeningLine).
 */
function restLineFrom(
  rest: SessionState,
  saidMs: number,
  speechRate: number,
  keep?: (words: string) => boolean,
  newPage = false,
): { line: string; saidMs: number } | null {
  if (rest.phase !== 'rest' || rest.restEndsMs === null) return null;
  // What was left then: the pauses since moved the rest's end on.
  const pausedSinceMs = (rest.pauses ?? []).reduce(
    (ms, pause) => (pause.atMs >= saidMs ? ms + pause.ms : ms),
    0,
  );
  const then = { ...rest, nowMs: saidMs, restEndsMs: rest.restEndsMs - pausedSinceMs };
  const line = restOpeningLine(then, true, speechRate, keep, newPage);
  return line === null ? null : { line, saidMs };
}
