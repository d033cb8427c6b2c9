// Sets as CSV in the layout Strong exports and other workout apps (Hevy among them) import: one row
// per set, the workout's rows sharing Date and Workout Name. Weight in kg, Seconds for holds, Reps
// for reps and breath cycles; what the columns cannot hold goes into Notes.

import { wallTimeOf } from '../store/codec.ts';
import type { SessionBundle, SetRow } from '../store/records.ts';
import { exerciseById } from '../workout/program.ts';

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

export function toCsv(bundles: readonly SessionBundle[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { session, sets } of [...bundles].sort((a, b) => a.session.startedAt - b.session.startedAt)) {
    const date = localDateTime(new Date(session.startedAt));
    const durationS = Math.round(
      ((session.endedAt ?? wallTimeOf(session, session.summary.durationMs)) - session.startedAt) / 1000,
    );
    for (const set of [...sets].sort((a, b) => a.index - b.index)) {
      const exercise = exerciseById(set.exerciseId);
      const dosage = session.plan.find((p) => p.exerciseId === set.exerciseId)?.dosage;
      const isHold = exercise.kind === 'hold';
      rows.push([
        date,
        WORKOUT_NAME,
        String(durationS),
        exercise.name,
        String(set.setNumber),
        String(dosage?.weightKg ?? 0),
        String(isHold ? 0 : set.count),
        '0',
        String(isHold ? Math.round((set.holdMs ?? 0) / 1000) : 0),
        setNotes(set, exercise.kind),
        '',
        '',
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function setNotes(set: SetRow, kind: 'reps' | 'hold' | 'breaths'): string {
  const notes: string[] = [];
  if (kind === 'breaths') notes.push(`${set.count} breath cycles`);
  if (set.sides.left + set.sides.right > 0) notes.push(`left ${set.sides.left}, right ${set.sides.right}`);
  if (set.peakDeg !== null) notes.push(`range ${Math.round(set.peakDeg)}°`);
  if (set.endedBy !== 'target') notes.push(`ended: ${set.endedBy}`);
  if (set.formIssues.length) notes.push(`form: ${set.formIssues.join(', ')}`);
  return notes.join('; ');
}

/** RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Strong's Date column: local time, "YYYY-MM-DD HH:MM:SS". */
function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
