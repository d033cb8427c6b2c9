// What the app has learned of how this person moves, per exercise (see motion/tuning.ts), kept for
// the next set and the next session. The app adapts it after each set the person corrected; the
// detectors of the next set read it.

import {
  adaptTuning,
  isPersonalTuning,
  NEUTRAL_TUNING,
  type PersonalTuning,
  type SetCorrection,
} from '../motion/tuning.ts';
import { JsonStore, type KeyValueStorage } from './json-store.ts';
import { Model } from './model.ts';
import { type ExerciseId, PROGRAM } from './program.ts';
import type { SetRecord } from './session.ts';

export type PersonalTunings = Readonly<Partial<Record<ExerciseId, PersonalTuning>>>;

export const TUNING_KEY = 'backbeat.personal-tuning.v1';

/** Keeps the tunings of known exercises that are well formed; anything else is dropped. */
export function parseTunings(value: unknown): PersonalTunings {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const tunings: Partial<Record<ExerciseId, PersonalTuning>> = {};
  for (const { id } of PROGRAM) {
    const t = raw[id];
    if (isPersonalTuning(t)) tunings[id] = { rangeScale: t.rangeScale, holdLeaveScale: t.holdLeaveScale };
  }
  return tunings;
}

/**
 * What a finished set tells the detectors about the person, or null when the person corrected
 * nothing. `expectedPeakDeg` is the exercise's expected range, to read the person's own against.
 */
export function correctionOf(
  record: SetRecord,
  expectedPeakDeg?: number,
  detected = record.count - (record.corrections ?? 0),
): SetCorrection | null {
  if (detected === record.count && !record.endedByHand) return null;
  return {
    detected,
    corrected: record.count,
    // The set's largest rep: a little above its usual one, so the range is read on the safe side.
    typicalPeakDeg: record.peakDeg ?? undefined,
    expectedPeakDeg,
    holdEndedByHand: record.endedByHand,
  };
}

export class TuningStore extends JsonStore<PersonalTunings> {
  constructor(storage: KeyValueStorage | null, key = TUNING_KEY) {
    super(storage, key, parseTunings, () => ({}));
  }
}

/** The tunings' one owner: read one exercise's, replace one exercise's (saved at once). */
export class TuningModel extends Model<PersonalTunings> {
  constructor(private readonly store: TuningStore) {
    super(store.load());
  }

  tuningFor(id: ExerciseId): PersonalTuning {
    return this.state[id] ?? NEUTRAL_TUNING;
  }

  set(id: ExerciseId, tuning: PersonalTuning): void {
    const next = { ...this.state, [id]: tuning };
    this.setState(next);
    this.store.save(next);
  }

  /** Forgets what was learned of one exercise: its detectors expect the program's movement again. */
  forget(id: ExerciseId): void {
    if (!(id in this.state)) return;
    const { [id]: _forgotten, ...rest } = this.state;
    this.setState(rest);
    this.store.save(rest);
  }

  /** Takes on what was learned elsewhere (a backup), checked as stored tunings are. */
  takeOn(raw: unknown): void {
    const next = parseTunings(raw);
    this.setState(next);
    this.store.save(next);
  }

  /** Reads what was learned again: a session in another tab taught something. */
  reload(): void {
    this.setState(this.store.load());
  }
}

/** What the set just done taught: kept so that a later correction of it replaces its lesson. */
interface Lesson {
  readonly index: number;
  /** The exercise's tuning before this set taught anything. */
  readonly before: PersonalTuning;
  /** The count the lesson is read against: the detectors', or the one restored after a reload. */
  readonly detected: number;
  /**
   * A detector counted the set. Counted by hand alone (a heart-rate-only strap, a watch that does not
   * see this exercise), its corrections say nothing of how the detectors see the person.
   */
  readonly byMotion: boolean;
}

export interface LessonSources {
  /** The exercise's expected peak (degrees), to read the person's own range against. */
  readonly expectedPeakDeg: (id: ExerciseId) => number | undefined;
  /** Whether a detector counts this exercise with the devices connected now. */
  readonly countedByMotion: (id: ExerciseId) => boolean;
}

/**
 * Teaches the tunings from the sets of a session as they are done. A set the person corrected adapts
 * its exercise's tuning once; a correction of its count during the rest after it replaces that
 * lesson rather than adding another, so that −1 then +1 leaves the tuning as it was.
 */
export class SetLessons {
  private seen: number;
  private lastRecord: SetRecord | null;
  private lesson: Lesson | null = null;

  constructor(
    private readonly tunings: TuningModel,
    private readonly sources: LessonSources,
    completed: readonly SetRecord[],
  ) {
    this.seen = completed.length;
    this.lastRecord = completed.at(-1) ?? null;
  }

  /** Takes each state's finished sets. */
  observe(completed: readonly SetRecord[]): void {
    const record = completed.at(-1) ?? null;
    const index = completed.length - 1;
    if (record && completed.length === this.seen + 1) {
      this.lesson = this.lessonOf(record, index, record.count - (record.corrections ?? 0));
      this.teach(record, this.lesson);
    } else if (record && completed.length === this.seen && record !== this.lastRecord) {
      // The set just done, put right during its rest. After a reload its first lesson is already in
      // the tuning, so the new one is read against the count as it stood.
      if (this.lesson?.index !== index)
        this.lesson = this.lessonOf(record, index, this.lastRecord?.count ?? 0);
      this.teach(record, this.lesson);
    } else if (completed.length !== this.seen) {
      // A new session, or one put back on resume: its sets taught what they had to when they were done.
      this.lesson = null;
    }
    this.seen = completed.length;
    this.lastRecord = record;
  }

  private lessonOf(record: SetRecord, index: number, detected: number): Lesson {
    const id = record.exerciseId;
    return {
      index,
      before: this.tunings.tuningFor(id),
      detected,
      byMotion: this.sources.countedByMotion(id),
    };
  }

  private teach(record: SetRecord, lesson: Lesson): void {
    if (!lesson.byMotion) return;
    const id = record.exerciseId;
    const correction = correctionOf(record, this.sources.expectedPeakDeg(id), lesson.detected);
    const tuning = correction ? adaptTuning(lesson.before, correction) : lesson.before;
    if (tuning !== this.tunings.tuningFor(id)) this.tunings.set(id, tuning);
  }
}
