// What the screens write, in one place so that the set, rest, summary and history screens say a
// thing the same way: clock faces and durations, dosages and target changes, form problems, when a
// session began and what it held, why it paused; and the other way, a number as a person types it.
// Pure: the locale dates are written in is the caller's (see personLocale).

import type { PersonalTuning } from '../motion/tuning.ts';
import type { Placement } from '../sensors/samples.ts';
import type { SessionSummary } from '../store/records.ts';
import {
  byHandText,
  deviceLabel,
  deviceWord,
  outOfReachLabel,
  resumeByHandText,
} from '../workout/by-hand.ts';
import { formatDuration, heldS } from '../workout/held-seconds.ts';
import type { LearnedInSession } from '../workout/personal-tuning.ts';
import {
  countRangeText,
  countText,
  type Dosage,
  type Exercise,
  exerciseById,
  FORM_ISSUE_TEXT,
  PICK_A_WEIGHT,
  perSideText,
  sidesText,
} from '../workout/program.ts';
import {
  farAboveProgram,
  programBottom,
  programTop,
  SET_OFFERED_AFTER_SESSIONS,
  type TargetChange,
} from '../workout/progression.ts';
import type { CurrentSet, SetRecord } from '../workout/session.ts';
import type { PauseReason } from '../workout/session-state.ts';
import { skippedUndone } from '../workout/set-outcomes.ts';
import { startSeenWord } from '../workout/set-shown.ts';
import { capitalised, WITH_A_PAUSE, withPauseText } from '../workout/set-words.ts';
import { anyKept, type SetsKept, setsKeptText } from '../workout/sets-kept.ts';

/** "45", "1:07": the big number of a timer. */
function formatSeconds(totalS: number): string {
  if (totalS < 60) return String(totalS);
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The big number of a timer with its unit: "45" with "s"; "1:07" needs none. */
export function clockFace(totalS: number): { readonly digits: string; readonly suffix: string } {
  return { digits: formatSeconds(totalS), suffix: totalS < 60 ? 's' : '' };
}

// Whole seconds held: the workout's own count, so that the voice and the exports say a hold the same;
// and a duration in a sentence as the plan and progression's reasons write it.
export { formatDuration, heldS } from '../workout/held-seconds.ts';

/**
 * The set a rest leads to, as the voice names it there in words ("set two of three", "one set"), in
 * digits: "set 2 of 3", "1 set".
 */
export function nextSetText(setNumber: number, sets: number): string {
  return sets > 1 ? `set ${setNumber} of ${sets}` : '1 set';
}

/** "1 set", "3 sets". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * "3 × 10 reps", "1 × 1 rep", "2 × 6 breaths", "3 × 2 min hold"; a bird dog set as the set screen and
 * the voice say it, "1 × 10 each side"; the weight of one done with weights, "3 × 12 reps at 25 kg".
 */
export function describeDosage(exercise: Exercise, { sets, target, weightKg }: Dosage): string {
  const per =
    exercise.kind === 'hold' ? `${describeTarget(exercise, target)} hold` : describeTarget(exercise, target);
  return `${sets} × ${per}${weightKg ? ` ${atWeight(weightKg)}` : ''}`;
}

/** A set's target as the plan says it: "45 s" of a hold, "10 reps", "4 breaths", "5 each side". */
export function describeTarget(exercise: Exercise, target: number): string {
  if (exercise.kind === 'hold') return formatDuration(target);
  return exercise.alternatesSides ? perSideText(target) : countText(exercise, target);
}

/** The weight something is done with, as the plan, the summary and History say it: "at 25 kg". */
export function atWeight(kg: number): string {
  return `at ${kg} kg`;
}

/** "10–12 reps", "3–5 breaths": the counts the program gives a set of the exercise, or null without a range. */
export function describeRange(exercise: Exercise): string | null {
  return exercise.targetRange ? countRangeText(exercise, exercise.targetRange) : null;
}

// A count or a duration with its unit, or a range of them: "30 s", "1 min 30 s", "10–12 reps", "25 kg",
// "10 each side", "93 bpm". Split over two lines, "10–" over "12 reps" or "12" over "reps" reads as two numbers.
const NUMBER = String.raw`\b\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:reps?|breaths?|sets?|min|s|kg|bpm|each side)\b`;
const QUANTITY = `${NUMBER}(?:–${NUMBER})? ${UNIT}(?: ${NUMBER} ${UNIT})*`;
// A plan's count of sets, "3 ×" of "3 × 10 min hold": "3" ending a line over "× 10 min" reads as a
// number alone, and a line ending "3 × 10" leaves the set's target apart from its unit.
const SETS_TIMES = `${NUMBER} ×`;
// A hyphenated word, "Drawing-in": a line must not end at its hyphen either.
const HYPHENATED = String.raw`\S+-\S+`;
// Of a session's sets, "1 cut short", "1 set cut short", "2 skipped": a line ending "1 cut" reads as
// a count of cuts, and one ending "2" leaves the number apart from what it counts.
const SETS_KEPT = String.raw`${NUMBER} (?:sets? )?(?:cut short|done|skipped)\b`;
const UNBREAKABLE = new RegExp(`(${HYPHENATED}|${SETS_TIMES}|${SETS_KEPT}|${QUANTITY})`);

/**
 * A sentence cut where a line may break: the runs at the odd places must each stay on one line (a
 * hyphenated name, a number with its unit, a range, a plan's "3 ×"), the text between them wraps as it
 * likes. The characters are all kept as they are, so that screen readers and find in page read the
 * sentence as written: joined again, the parts are the sentence.
 */
export function unbreakableRuns(text: string): string[] {
  return text.split(UNBREAKABLE);
}

/**
 * Why a target set below the program's dose stays where it is (see belowProgramDose), and how to
 * raise it: `where` is "in Settings", or "here" in the settings themselves. The dose is a count's
 * range, "10–12 reps", or the drawing-in's first step, "45 s".
 */
export function describeBelowRange(exercise: Exercise, where: 'in Settings' | 'here'): string {
  const dose =
    describeRange(exercise) ?? describeTarget(exercise, programBottom(exercise) ?? exercise.dosage.target);
  return `Below the program's ${dose}, so past sessions leave it as you set it: raise it ${where} when you are ready for more.`;
}

/**
 * The advice beside an exercise done with a weight once every set of the most the program asks for
 * was done (see heavierWeightsDue): what was done, "You did every set of 4 × 15 reps, …", and what to
 * do, raise the weight `where` ("in Settings", or "here" in the settings). Not "last time": a short
 * session since leaves the advice due. After a change whose reason already told what was done, and
 * when (`afterReason`), only what to do.
 */
export function describeHeavierWeight(
  exercise: Exercise,
  where: 'in Settings' | 'here',
  afterReason: boolean,
): string {
  const advice = `Time to try a heavier weight, one that keeps good form throughout: raise it ${where}.`;
  const { targetRange, setRange } = exercise;
  if (afterReason || !targetRange || !setRange) return advice;
  return `You did every set of ${setRange.high} × ${countText(exercise, targetRange.high)}, the most the program asks for. ${advice}`;
}

/**
 * The offer of a set more beside an exercise program.md offers more sets of (see setOfferDue), in the
 * words a raised target gives its reason in: "You did every set of 15 reps in your last 2 sessions:
 * the program offers more sets."
 */
export function describeSetOffer(exercise: Exercise, target: number): string {
  return `You did every set of ${countText(exercise, target)} in your last ${SET_OFFERED_AFTER_SESSIONS} sessions: the program offers more sets.`;
}

/**
 * The word beside an exercise done with a weight before the person has logged one: program.md names
 * none, only "a weight that keeps good form throughout (log the weight)", and the voice asks the same.
 */
export function describeNoWeight(where: 'in Settings' | 'here'): string {
  return `${PICK_A_WEIGHT}, and log it ${where}.`;
}

/**
 * The word beside an exercise whose weight the plan took from the last session, none being logged
 * (see weightAsLastTime): "At 32.5 kg, as last time, until you log a weight in Settings."
 */
export function describeWeightAsLastTime(kg: number, where: 'in Settings' | 'here'): string {
  return `${capitalised(atWeight(kg))}, as last time, until you log a weight ${where}.`;
}

/**
 * A calm word beside a target far above the program's dosage (see farAboveProgram), or null: "Far
 * above the program's 10–12 reps: build up to it slowly."
 */
export function farAboveProgramNote(exercise: Exercise, target: number): string | null {
  if (!farAboveProgram(exercise, target)) return null;
  const top = programTop(exercise);
  if (top === null)
    return `Far above the ${describeTarget(exercise, exercise.dosage.target)} a plank starts at: build up to it slowly, holding only as long as your form holds.`;
  return `Far above the program's ${describeRange(exercise) ?? describeTarget(exercise, top)}: build up to it slowly.`;
}

/**
 * One side of a change as the plan says it: "45 s", "10 reps", or with the sets where they changed,
 * "4 × 12 reps".
 */
export function describeChangedDose(change: TargetChange, side: 'setting' | 'today'): string {
  const target = describeTarget(exerciseById(change.exerciseId), change[side]);
  return change.sets ? `${change.sets[side]} × ${target}` : target;
}

/**
 * "Raised from 45 s: you held the whole 45 s last time.", "Raised from 3 × 12 reps: …"; a target kept
 * at the setting where it would have moved, "Kept at 30 s: last time's goal, as you ended …".
 */
export function describeTargetChange(change: TargetChange): string {
  if (!change.sets && change.today === change.setting)
    return `Kept at ${describeChangedDose(change, 'today')}: ${change.reason}.`;
  const raised = change.sets ? change.sets.today > change.sets.setting : change.today > change.setting;
  return `${raised ? 'Raised' : 'Lowered'} from ${describeChangedDose(change, 'setting')}: ${change.reason}.`;
}

/**
 * The form problems the detectors saw in a set, "lower back over-extended, tabletop lost", or null
 * for a set in good form (and for a set kept without its form problems, as an imported file may be).
 */
export function describeForm(record: SetRecord): string | null {
  const issues = record.formIssues ?? [];
  return issues.length > 0 ? issues.map((issue) => FORM_ISSUE_TEXT[issue].problem).join(', ') : null;
}

/**
 * When a session began, for a sentence about it: "8:00 AM" today, "yesterday at 8:00 AM",
 * "Nov 2 at 8:00 AM", and with the year when it is not this year's. A time alone would pass a
 * session of weeks ago off as this morning's.
 */
export function sessionStartText(startedAt: number, now: number, locale?: string): string {
  const start = new Date(startedAt);
  const today = new Date(now);
  const time = start.toLocaleTimeString(locale, { timeStyle: 'short' });
  const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  if (sameDay(start, today)) return time;
  const yesterday = new Date(today);
  yesterday.setDate(today.getDate() - 1);
  if (sameDay(start, yesterday)) return `yesterday at ${time}`;
  const date = start.toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    ...(start.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${date} at ${time}`;
}

/**
 * "11 done, 2 cut short, 1 skipped": of a session's sets, those done, those a tap ended short of their
 * target and those skipped before they began, as the voice says them at the end (a set skipped is not
 * a set), in setsKeptText's short form. With none kept, "0 sets": the session is listed all the same.
 */
export function setsDone(sets: SetsKept): string {
  if (anyKept(sets)) return setsKeptText(sets, String, 'short');
  return [plural(0, 'set'), ...(sets.skipped > 0 ? [`${sets.skipped} skipped`] : [])].join(', ');
}

/** A session's sets as its summary keeps them, told apart: one saved before cut short was kept has none. */
export function setsKeptIn({ sets, skipped = 0, cutShort = 0 }: SessionSummary): SetsKept {
  return { done: sets - skipped - cutShort, cutShort, skipped };
}

/** "under a minute", "34 min": a session's length, the same in its summary and in History. */
export function sessionLength(durationMs: number): string {
  const minutes = Math.round(durationMs / 60_000);
  return minutes === 0 ? 'under a minute' : `${minutes} min`;
}

/** Between the facts of a line of them, a session's in History and its summary's: see factsLine. */
export const FACT_SEPARATOR = ' · ';

/**
 * What a session's sets counted, as the summary after it and History say it: "9 reps · Bird dog 2 each
 * side · 4 breaths", leaving out what it had none of. A bird dog is told per side, as its set, the
 * voice and the rest count it, where the session kept its sides; its reps are then not in the other
 * reps' total. One saved before breaths were kept apart has their sum with the other reps.
 */
export function countedFacts({
  reps: total,
  breaths,
  perSide = [],
}: Pick<SessionSummary, 'reps' | 'breaths' | 'perSide'>): string[] {
  const reps = total - perSide.reduce((n, sides) => n + sides.right + sides.left, 0);
  const perSideFacts = perSide.map(
    ({ exerciseId, ...sides }) => `${exerciseById(exerciseId).name} ${sidesText(sides)}`,
  );
  if (breaths === undefined)
    return [
      ...(reps > 0 ? [reps === 1 ? '1 rep or breath' : `${reps} reps and breaths`] : []),
      ...perSideFacts,
    ];
  return [
    ...(reps > breaths ? [plural(reps - breaths, 'rep')] : []),
    ...perSideFacts,
    ...(breaths > 0 ? [plural(breaths, 'breath')] : []),
  ];
}

/**
 * A kept session in a line of History: how long, how many sets, what they counted (see countedFacts)
 * and held, leaving out what the session had none of (a plank-only session has no reps to tell of).
 */
export function describeSessionFacts(summary: SessionSummary): string {
  const parts = [sessionLength(summary.durationMs), setsDone(setsKeptIn(summary)), ...countedFacts(summary)];
  const held = heldText(summary);
  if (held) parts.push(held);
  if (summary.avgBpm !== null) parts.push(`${summary.avgBpm} bpm average`);
  for (const { exerciseId, kg } of summary.weights ?? [])
    parts.push(`${exerciseById(exerciseId).name} ${atWeight(kg)}`);
  return parts.join(FACT_SEPARATOR);
}

/**
 * "2 min 18 s held", and the time of holds broken by a pause as the rest and the voice said each:
 * "45 s held, with a pause", "1 min 16 s held, 45 s of it with a pause". Null where nothing was held.
 */
export function heldText(summary: Pick<SessionSummary, 'holdMs' | 'pausedHoldMs'>): string | null {
  const totalS = heldS(summary.holdMs);
  if (totalS === 0) return null;
  const held = `${formatDuration(totalS)} held`;
  const pausedS = heldS(summary.pausedHoldMs ?? 0);
  if (pausedS === 0) return held;
  return pausedS >= totalS
    ? withPauseText(held, { pausedInHold: true })
    : `${held}, ${formatDuration(pausedS)} of it ${WITH_A_PAUSE}`;
}

/** Why the app paused the session, under "Paused" on the set and rest screens: the voice may be muted. */
const PAUSE_REASON_TEXT: Readonly<Record<PauseReason, string>> = {
  connection: 'connection lost',
  lost: 'out of reach',
  replay: 'replay ended',
};

/** "Paused", and why when the app paused for a device: "Paused: connection lost". */
export function pausedText(reason: PauseReason | null): string {
  return reason ? `Paused: ${PAUSE_REASON_TEXT[reason]}` : 'Paused';
}

/**
 * A ring's name while its session is paused, "Reps, paused" or "Rest remaining, paused: out of reach":
 * "Paused" on a ring is hidden from a screen reader, and Chromium gives one a progress bar's name and
 * number but not its aria-valuetext, so that a paused ring was read as if it went on.
 */
export function pausedRingLabel(label: string, paused: boolean, reason: PauseReason | null): string {
  return paused ? `${label}, ${pausedText(reason).toLowerCase()}` : label;
}

/**
 * What a set begun by itself shows under its big line until the voice's "Go" is heard (see
 * showsSetUnderWay): the big line says what the device saw, in the words the "Go" names it with
 * ("Ready" for a still wrist), or where to be where nothing saw the person (the device that would
 * went, or turned heart-rate-only). A hold nothing sees begins with Start hold, which the voice asks
 * for in place of a "Go". The voice may still be saying how the exercise is done, 8 s and more before
 * its "Go": "Listen for Go." read at a glance from the mat ended in the command not yet given, so the
 * word is quoted, as the voice's, in a line that asks the person to wait for it.
 */
export function beforeGoText(exercise: Pick<Exercise, 'kind'>, set: Pick<CurrentSet, 'startSeen'>): string {
  if (startSeenWord(set)) return 'Stay there until the voice says “Go”.';
  return exercise.kind === 'hold' ? 'Listen, then tap Start hold.' : 'Start when the voice says “Go”.';
}

/**
 * The set of this exercise skipped before anything in it was counted just before `set`, while `set`
 * still waits for the position: the next set of the same exercise waits as the skipped one did, and
 * only its number changed to tell the tap was taken, which a person with the voice muted missed and
 * tapped Skip set again, skipping this one too. Null where there is none to tell of.
 */
export function skippedJustBefore(
  completed: readonly SetRecord[],
  exerciseId: string,
  set: Pick<CurrentSet, 'setNumber' | 'waiting'>,
): number | null {
  const last = completed.at(-1);
  if (!set.waiting || !last || !skippedUndone(last)) return null;
  return last.exerciseId === exerciseId && last.setNumber === set.setNumber - 1 ? last.setNumber : null;
}

/** What the line under the position says of a set skipped just before this one (see skippedJustBefore). */
export function skippedBeforeText(skipped: number, setNumber: number): string {
  return `Set ${skipped} skipped. Set ${setNumber} starts once you are in position and still.`;
}

/**
 * Paused with the device that counts the set out of reach: what the way on from the pause (`wayOn`)
 * goes on with, as the voice says it (see resumeByHandText). Finish's question takes Resume off the
 * screen: there the line names its Keep going, where it named a Resume the person could not find.
 * `device`, where the device that went is worn, as the voice names it (see
 * SessionState.pausedForDevice): "until the watch is back", where "the device" left a person with the
 * voice muted to guess which of their two to bring back.
 */
export function awayPausedText(
  exercise: Exercise,
  set: Pick<CurrentSet, 'holdStartMs'>,
  wayOn: WayOnFromPause = 'Resume',
  device?: Placement,
): string {
  return `${awayByHandText(exercise, set.holdStartMs, wayOn, device)}.`;
}

/** The same in a rest, for the set after it: a hold is begun by Start hold, as nothing sees it begin. */
export function awayInRestText(
  next: Exercise | undefined,
  wayOn: WayOnFromPause = 'Resume',
  device?: Placement,
): string {
  return `${awayByHandText(next, null, wayOn, device)}.`;
}

/** The buttons that go on from a pause, as the set and rest screens show them (see FinishQuestion). */
export type WayOnFromPause = 'Resume' | 'Keep going' | 'Keep going, then Resume';

function awayByHandText(
  exercise: Exercise | undefined,
  holdStartMs: number | null,
  wayOn: WayOnFromPause,
  device: Placement | undefined,
): string {
  const awaited = deviceWord(device);
  if (wayOn === 'Resume') return resumeByHandText(exercise, holdStartMs, '+1', awaited);
  // "Keep going, then Resume" with a comma after it, as the line of a set still waiting says it.
  const way = wayOn === 'Keep going' ? wayOn : `${wayOn},`;
  return `Tap Reconnect, or ${way} and ${byHandText(exercise, holdStartMs, '+1', awaited)}`;
}

/**
 * The same while the set runs, standing under it: the voice says it once, and a person who missed it
 * reads it here. Short, as the line of a device that cannot see the exercise is.
 */
export function awayWhileSetRunsText(
  exercise: Exercise,
  set: Pick<CurrentSet, 'holdStartMs'>,
  placement?: Placement,
  motionStopped = false,
  wayOn: WayOnFromPause = 'Resume',
): string {
  // A device still connected, as the header says, whose motion stopped is not out of reach.
  const gone = motionStopped ? `${deviceLabel(placement)} motion stopped` : outOfReachLabel(placement);
  const byHand = byHandText(exercise, set.holdStartMs, '+1', null);
  // Finish's question takes +1 (Start hold, End hold) off the screen: its Keep going comes first.
  if (wayOn === 'Keep going') return `${gone}: Keep going, then ${byHand}`;
  if (wayOn === 'Keep going, then Resume') return `${gone}: Keep going, then Resume and ${byHand}`;
  return `${gone}: ${byHand}`;
}

/**
 * A line that asks for a tap, cut so that the words asking for it, up to the button's name ("count
 * with +1", "tap Start hold", "tap End hold"), stay on one line, where "+1" went to a line alone under
 * "count with" and "hold" under "tap Start". `tap` is empty where the line asks for none.
 */
export function tapWordsOf(line: string): {
  readonly before: string;
  readonly tap: string;
  readonly after: string;
} {
  const found = /count with \+1|tap (?:Start|End) hold/.exec(line);
  if (!found) return { before: line, tap: '', after: '' };
  const end = found.index + found[0].length;
  return { before: line.slice(0, found.index), tap: found[0], after: line.slice(end) };
}

/**
 * The pause at the top of a rep where the voice times it (Exercise.topPauseS), for a person who does
 * not hear it (muted): "Hold 3", "Hold 2", "Hold 1", the seconds left, from when the person got there,
 * then "Down" as the voice says it, until the rep is counted. Null outside such a pause.
 */
export function topPauseText(
  exercise: Pick<Exercise, 'topPauseS'>,
  set: Pick<CurrentSet, 'atTopSinceMs'>,
  nowMs: number,
): string | null {
  if (exercise.topPauseS === undefined || set.atTopSinceMs == null) return null;
  const leftMs = set.atTopSinceMs + exercise.topPauseS * 1000 - nowMs;
  return leftMs > 0 ? `Hold ${Math.ceil(leftMs / 1000)}` : 'Down';
}

/** The reason alone, for a line of its own under a large "Paused". */
export function pauseReasonText(reason: PauseReason): string {
  return PAUSE_REASON_TEXT[reason];
}

/** The digits of the scripts a phone keyboard may type (Arabic-Indic, Persian, Devanagari), as 0–9. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];

/**
 * A number as a person types it on any phone: with a decimal comma ("12,5") or the Arabic decimal
 * separator as well as a point, in the digits of their own script, spaces around it. NaN for
 * anything else, null for nothing typed. (A number field would keep "125" of "12,5" without a word
 * where the browser's own language writes decimals with a point.)
 */
export function parseTypedNumber(text: string): number | null {
  let ascii = '';
  for (const char of text.trim()) {
    const code = char.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    ascii += zero === undefined ? char : String(code - zero);
  }
  if (ascii === '') return null;
  const normal = ascii.replace(/[,\u066b]/, '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

/**
 * Where what was learned came from, in the words of what the person did: +1 and −1 put a count
 * right, a correction; End hold is how they tell a hold ended, where the detectors still saw it held,
 * and is not called one.
 */
function learnedFrom(tunings: readonly (PersonalTuning | undefined)[]): string {
  const counts = tunings.some((tuning) => tuning !== undefined && tuning.rangeScale !== 1);
  const holds = tunings.some((tuning) => tuning !== undefined && tuning.holdLeaveScale !== 1);
  const sources = [
    ...(counts ? ['your corrections'] : []),
    ...(holds ? ['the holds you ended by hand'] : []),
  ];
  return `Learned from ${listed(sources)}`;
}

/**
 * What the app learned of how the person does an exercise from their +1, −1 and holds ended by hand:
 * "reps count from 60 % of the movement the program expects", the exercise named where several may
 * be told ("superman reps count …").
 */
function learnedParts(exercise: Exercise, tuning: PersonalTuning | undefined, named: boolean): string[] {
  if (!tuning) return [];
  const percent = (scale: number) => `${Math.round(scale * 100)} %`;
  const name = exercise.name.toLowerCase();
  const parts: string[] = [];
  if (tuning.rangeScale !== 1) {
    const counted = exercise.kind === 'breaths' ? 'breaths' : 'reps';
    parts.push(
      `${named ? `${name} ${counted}` : counted} count from ${percent(tuning.rangeScale)} of the movement the program expects`,
    );
  }
  if (tuning.holdLeaveScale !== 1) {
    const hold = named ? `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} hold` : 'a hold';
    parts.push(`${hold} ends at ${percent(tuning.holdLeaveScale)} of the usual move out of the pose`);
  }
  return parts;
}

/**
 * Settings, beside the exercise: "Learned from your corrections: reps count from 60 % …", or "from
 * the holds you ended by hand". Null when nothing was.
 */
export function learnedText(exercise: Exercise, tuning: PersonalTuning | undefined): string | null {
  const parts = learnedParts(exercise, tuning, false);
  return parts.length ? `${learnedFrom([tuning])}: ${parts.join('; ')}.` : null;
}

/**
 * The summary, of what this session's corrections and holds ended by hand changed in the counting
 * from now on, in the words Settings uses, and where to forget it. Null when they changed nothing.
 */
export function learnedInSessionText(learned: readonly LearnedInSession[]): string | null {
  const parts = learned.flatMap(({ exerciseId, tuning }) =>
    learnedParts(exerciseById(exerciseId), tuning, true),
  );
  const from = learnedFrom(learned.map(({ tuning }) => tuning));
  return parts.length ? `${from}: ${parts.join('; ')}. Forget it in Settings.` : null;
}

/** "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
