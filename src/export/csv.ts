// Sets as CSV in the layout Strong exports and other workout apps (Hevy among them) import: one row
// per set, the workout's rows sharing Date and Workout Name. Weight in kg, Seconds for holds, Reps
// for reps and breath cycles; what the columns cannot hold goes into Notes. Duration is Strong's own
// "1h 5m" text (importers parse a bare number as milliseconds) and counts only the time in the app.

import type { SessionBundle, SetRow } from '../store/records.ts';
import { wallClockOf } from '../workout/calendar.ts';
import { droppedPlacement, sessionPauses, setAwayText, setTakenOverText } from '../workout/device-drops.ts';
import { heldS } from '../workout/held-seconds.ts';
import { exerciseById, FORM_ISSUE_TEXT, perSideText } from '../workout/program.ts';
import { setOutcome, skippedUndone } from '../workout/set-outcomes.ts';
import { alternatesSides, cutShortText, WITH_A_PAUSE, withPauseText } from '../workout/set-words.ts';

export const CSV_COLUMNS = [
  'Date',
  'Workout Name',
  'Duration',
  'Exercise Name',
  'Set Order',
  'Weight',
  'Reps',
  'Distance',
  'Seconds',
  'Notes',
  'Workout Notes',
  'RPE',
] as const;

export const WORKOUT_NAME = 'Backbeat back care';

/** What a CSV row needs of a session: no heart rate or motion, so a whole history stays small. */
export type CsvSession = Pick<SessionBundle, 'session' | 'sets'>;

export function toCsv(sessions: readonly CsvSession[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { session, sets } of [...sessions].sort((a, b) => a.session.startedAt - b.session.startedAt)) {
    const date = localDateTime(wallClockOf(session.startedAt, session.utcOffsetMin));
    const duration = strongDuration(session.summary.durationMs);
    // A set skipped before it counted anything was not done: an importer would log a set of nothing
    // (as the FIT file leaves it out).
    const done = sets.filter((set) => !skippedUndone(set)).sort((a, b) => a.index - b.index);
    const placement = droppedPlacement(session.sources);
    for (const set of done) {
      const exercise = exerciseById(set.exerciseId);
      const dosage = session.plan.find((p) => p.exerciseId === set.exerciseId)?.dosage;
      const isHold = exercise.kind === 'hold';
      rows.push([
        date,
        WORKOUT_NAME,
        duration,
        exercise.name,
        String(set.setNumber),
        // Empty where no weight was logged, as Strong leaves a cell it has nothing for (RPE here too), and
        // as importers of its layout read an empty cell: none given. A 0 is a weight, made up.
        dosage?.weightKg === undefined ? '' : String(dosage.weightKg),
        String(isHold ? 0 : set.count),
        '0',
        String(isHold ? heldS(set.holdMs ?? 0) : 0),
        setNotes(set, exercise.kind, setAwayText(set, sessionPauses(session), placement)),
        '',
        '',
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Strong's Duration column: "1h 5m", "19m", "2h"; under a minute, whole seconds ("45s"). */
export function strongDuration(ms: number): string {
  const totalS = Math.max(0, Math.round(ms / 1000));
  if (totalS < 60) return `${totalS}s`;
  const totalMin = Math.round(totalS / 60);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

function setNotes(set: SetRow, kind: 'reps' | 'hold' | 'breaths', away: string | null): string {
  const notes: string[] = [];
  if (kind === 'breaths') notes.push(counted(set.count, kind));
  // Right first, as the set is said and shown: it starts on the right arm.
  if (set.sides.left + set.sides.right > 0) notes.push(`right ${set.sides.right}, left ${set.sides.left}`);
  // In plain ASCII, as the whole file is: Excel reads a CSV with no byte-order mark in the system's code
  // page ("Â°"), and importers that read the header's first bytes trip over a byte-order mark.
  if (set.peakDeg !== null) notes.push(`range ${Math.round(set.peakDeg)} deg`);
  const end = setEnd(set, kind);
  // A hold broken by a pause was two holds, as the voice and the rest after it say ("cut short at 20 s
  // of 45 s, with a pause"); its Seconds alone read as one hold kept whole.
  const paused = set.pausedInHold === true && set.holdMs !== null && !skippedUndone(set);
  if (end) notes.push(paused ? withPauseText(end, set) : end);
  else if (paused) notes.push(WITH_A_PAUSE);
  // The set stood still while its device was out of reach, or went on without it: fewer reps, or a
  // hold cut, with no word of why, read as the person's own.
  if (away) notes.push(away);
  // The count is of two devices where one took the set over from the other.
  const takenOver = setTakenOverText(set);
  if (takenOver) notes.push(takenOver);
  if (set.formIssues.length) {
    notes.push(`form: ${set.formIssues.map((issue) => FORM_ISSUE_TEXT[issue].problem).join(', ')}`);
  }
  return notes.join('; ');
}

/**
 * How a set that did not end on its target ended, in the app's words. A plank is held as long as form
 * holds, past its target: one that ends there by leaving the pose ended as it should, and says nothing.
 * One the person's tap cut short says so, and where it was: "stopped" alone reads as reps that stopped
 * coming or a hold let go, which a set kept before taps were told apart reads as still.
 */
function setEnd(set: SetRow, kind: 'reps' | 'hold' | 'breaths'): string | null {
  switch (set.endedBy) {
    case 'target':
      return null;
    case 'skipped':
      return 'skipped';
    case 'form':
      return 'ended when form broke';
    case 'stopped': {
      // In the whole seconds the Seconds column gives.
      const done = kind === 'hold' ? heldS(set.holdMs ?? 0) : set.count;
      if (done >= set.target) return null;
      const target = kind === 'hold' ? `${set.target} s` : counted(set.target, kind);
      // Skip set, End hold or Finish (or an interrupted session kept as it was, which ends its set as
      // Finish does): "cut short", as the voice, the summary and History call it, in the rest's words.
      // A bird dog's target each side's: "of 20 reps" is a number none of them said.
      if (setOutcome(set) === 'cut short') {
        const cut = cutShortText(set, (n) => counted(n, kind === 'breaths' ? kind : 'reps'));
        return alternatesSides(set) ? `${cut}, of ${perSideText(set.target)}` : cut;
      }
      return `stopped before the target of ${target}`;
    }
  }
}

/** "1 rep", "10 reps", "1 breath cycle". */
function counted(n: number, kind: 'reps' | 'breaths'): string {
  return `${n} ${kind === 'breaths' ? 'breath cycle' : 'rep'}${n === 1 ? '' : 's'}`;
}

/** RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Strong's Date column: the local time where the session was done (see wallClockOf), "YYYY-MM-DD HH:MM:SS". */
function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
