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
import { repCutAtEnd } from './rep-cut.ts';
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
 * `cutAt`: the count the set ended with where its end cut off a rep under way (see repCutAtEnd).
 */
export function correctionOf(
  record: SetRecord,
  expectedPeakDeg?: number,
  detected = record.count - (record.corrections ?? 0),
  cutAt?: number,
): SetCorrection | null {
  // The rep the end cut off, put right after it, is a rep the detectors had no time to see, not one
  // too small for them: the reps beyond it are the ones missed.
  const corrected = cutAt !== undefined && record.count > cutAt ? record.count - 1 : record.count;
  if (detected === corrected && !record.endedByHand) return null;
  return {
    detected,
    corrected,
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

export const LESSONS_KEY = 'backbeat.session-lessons.v1';

/**
 * A set's place in its session, the same on every page that puts the session back: a reload or a
 * move to another tab moves every time onto that page's clock, but not apart from one another.
 */
export function setKeyOf(record: SetRecord, index: number, sessionStartedMs: number): string {
  const offsetMs = Math.round(record.startedMs - sessionStartedMs);
  const lengthMs = Math.round(record.endedMs - record.startedMs);
  return `${index}:${record.exerciseId}:${record.setNumber}:${offsetMs}:${lengthMs}`;
}

/** What one set taught, kept with the count it was taught for. */
export interface SetLesson {
  readonly set: string;
  readonly exerciseId: ExerciseId;
  /** The exercise's tuning before this set taught anything: a later correction of the set starts again from it. */
  readonly before: PersonalTuning;
  /** The tuning this set left. */
  readonly after: PersonalTuning;
  /** The count the set's corrections are read against: the detectors', or the one it was put back with. */
  readonly detected: number;
  /** The set as taught: put back unchanged (Resume, a move from another tab), it teaches nothing more. */
  readonly count: number;
  readonly corrections: number;
  readonly endedByHand: boolean;
  /**
   * A detector counted the set. Counted by hand alone (a heart-rate-only strap, a watch that does not
   * see this exercise), its corrections say nothing of how the detectors see the person.
   */
  readonly byMotion: boolean;
  /**
   * The count the set ended with, where the person's tap ended it with a rep under way (see
   * repCutAtEnd): one rep put right above it is that rep. Absent otherwise, and in lessons kept before.
   */
  readonly cutAt?: number;
}

/** The lessons of one session's sets, kept beyond the page so that a reload cannot teach them twice. */
export interface SessionLessons {
  /** The session's first set (see setKeyOf): another session's sets start a list of their own. */
  readonly session: string;
  readonly lessons: readonly SetLesson[];
}

export interface LessonSources {
  /** The exercise's expected peak (degrees), to read the person's own range against. */
  readonly expectedPeakDeg: (id: ExerciseId) => number | undefined;
  /** Whether a detector counts this exercise with the devices connected now. */
  readonly countedByMotion: (id: ExerciseId) => boolean;
  /** The exercise's tuning now. */
  readonly tuningFor: (id: ExerciseId) => PersonalTuning;
}

/**
 * What the session's last set teaches, as a set's end or a correction of it: the lessons with its own,
 * and the tuning to give its exercise (null when there is nothing new to learn). A set teaches once,
 * from the tuning it began with; a correction of it in the rest after it replaces that lesson, so that
 * −1 then +1 leaves the tuning as it was; a set found as it was taught (put back after a reload, moved
 * from another tab) teaches nothing again. `justEnded`: the set was seen ending on this page; one put
 * back with no lesson kept (a session begun before lessons were kept) is taken as taught already, and
 * a correction of it is read against the count it was put back with. `cutAt`: the set just ended cut
 * off a rep under way, ending at this count (see SetLesson.cutAt).
 */
export function learnFromLastSet(
  kept: SessionLessons | null,
  completed: readonly SetRecord[],
  sessionStartedMs: number,
  justEnded: boolean,
  sources: LessonSources,
  cutAt?: number,
): { readonly lessons: SessionLessons | null; readonly teach: PersonalTuning | null } {
  const first = completed[0];
  const record = completed.at(-1);
  if (!first || !record) return { lessons: kept, teach: null };
  const session = setKeyOf(first, 0, sessionStartedMs);
  const lessons = kept?.session === session ? kept.lessons : [];
  const set = setKeyOf(record, completed.length - 1, sessionStartedMs);
  const taught = lessons.find((lesson) => lesson.set === set);
  const corrections = record.corrections ?? 0;
  const endedByHand = record.endedByHand ?? false;
  if (
    taught &&
    taught.count === record.count &&
    taught.corrections === corrections &&
    taught.endedByHand === endedByHand
  )
    return { lessons: kept, teach: null };
  const id = record.exerciseId;
  const before = taught?.before ?? sources.tuningFor(id);
  const detected = taught?.detected ?? (justEnded ? record.count - corrections : record.count);
  // A set its device was away for was partly unseen: the +1 that made up for it is no miscount.
  const byMotion = taught?.byMotion ?? (!record.deviceAway && sources.countedByMotion(id));
  const cut = taught ? taught.cutAt : justEnded ? cutAt : undefined;
  const correction = byMotion ? correctionOf(record, sources.expectedPeakDeg(id), detected, cut) : null;
  const after = correction && (taught || justEnded) ? adaptTuning(before, correction) : before;
  const lesson: SetLesson = {
    set,
    exerciseId: id,
    before,
    after,
    detected,
    count: record.count,
    corrections,
    endedByHand,
    byMotion,
    ...(cut !== undefined ? { cutAt: cut } : {}),
  };
  return {
    lessons: { session, lessons: [...lessons.filter((l) => l.set !== set), lesson] },
    teach: taught || after !== before ? after : null,
  };
}

const sameTuning = (a: PersonalTuning, b: PersonalTuning) =>
  a.rangeScale === b.rangeScale && a.holdLeaveScale === b.holdLeaveScale;

/** An exercise whose counting this session's corrections changed, and how it is counted now. */
export interface LearnedInSession {
  readonly exerciseId: ExerciseId;
  readonly tuning: PersonalTuning;
}

/**
 * The exercises this session's sets taught something that still holds: the tuning their lessons left
 * is the one in use, and differs from the one the session began with. Not one whose lessons cancelled
 * out (−1 in one set, +1 in the next), nor one forgotten in Settings since.
 */
export function learnedInSession(
  kept: SessionLessons | null,
  tuningFor: (id: ExerciseId) => PersonalTuning,
): LearnedInSession[] {
  const learned: LearnedInSession[] = [];
  for (const { id } of PROGRAM) {
    const lessons = kept?.lessons.filter((lesson) => lesson.exerciseId === id) ?? [];
    const first = lessons[0];
    const last = lessons.at(-1);
    if (!first || !last) continue;
    const now = tuningFor(id);
    if (sameTuning(last.after, now) && !sameTuning(first.before, now))
      learned.push({ exerciseId: id, tuning: now });
  }
  return learned;
}

function isSetLesson(value: unknown): value is SetLesson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.set === 'string' &&
    PROGRAM.some((e) => e.id === v.exerciseId) &&
    isPersonalTuning(v.before) &&
    isPersonalTuning(v.after) &&
    typeof v.detected === 'number' &&
    typeof v.count === 'number' &&
    typeof v.corrections === 'number' &&
    typeof v.endedByHand === 'boolean' &&
    typeof v.byMotion === 'boolean' &&
    (v.cutAt === undefined || typeof v.cutAt === 'number')
  );
}

/** Keeps well-formed lessons; anything else reads as no lessons (a set then teaches as if just done). */
export function parseSessionLessons(value: unknown): SessionLessons | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.session !== 'string' || !Array.isArray(v.lessons)) return null;
  return { session: v.session, lessons: v.lessons.filter(isSetLesson) };
}

export class LessonStore extends JsonStore<SessionLessons | null> {
  constructor(storage: KeyValueStorage | null, key = LESSONS_KEY) {
    super(storage, key, parseSessionLessons, () => null);
  }
}

/** What the lessons read of a session's state. */
export interface LessonState {
  readonly phase: string;
  readonly set: {
    readonly startedMs: number;
    readonly lastProgressMs?: number;
    readonly repGapsMs?: readonly number[];
  } | null;
  readonly completed: readonly SetRecord[];
  readonly startedMs: number | null;
  readonly pausedAtMs?: number | null;
}

/**
 * The count `record` ended with where its end, at the person's tap (Finish, Skip set), cut off a rep
 * under way, as the set `running` was just before; undefined otherwise. Ended in a pause (Finish's
 * question pauses the session), the set stopped where the pause began.
 */
export function countCutAt(running: LessonState, record: SetRecord): number | undefined {
  const set = running.set;
  if (!set || set.lastProgressMs === undefined || !(record.finishedUnderWay || record.skippedUnderWay))
    return undefined;
  const stoppedMs = Math.min(record.endedMs, running.pausedAtMs ?? record.endedMs);
  return repCutAtEnd(set.repGapsMs ?? [], stoppedMs - set.lastProgressMs) ? record.count : undefined;
}

/**
 * Teaches the tunings from the sets of a session as they are done and corrected (see
 * learnFromLastSet). The lessons are kept in storage, so that a session put back on a page, after a
 * reload or from another tab, finds what its sets taught before.
 */
export class SetLessons {
  private previous: LessonState | null = null;
  private lessonsInMemory: SessionLessons | null;
  private kept = true;

  constructor(
    private readonly tunings: TuningModel,
    private readonly sources: Omit<LessonSources, 'tuningFor'>,
    private readonly store: LessonStore,
  ) {
    this.lessonsInMemory = store.load();
  }

  /** Takes each state of the session. */
  observe(state: LessonState): void {
    const previous = this.previous;
    this.previous = state;
    const { completed, startedMs } = state;
    const record = completed.at(-1);
    if (!record || startedMs === null || record === previous?.completed.at(-1)) return;
    // The reducer ends a set into a record that keeps its start; a session put back has none running.
    const justEnded =
      previous?.phase === 'set' &&
      previous.set?.startedMs === record.startedMs &&
      previous.completed.length === completed.length - 1;
    const cutAt = justEnded && previous ? countCutAt(previous, record) : undefined;
    const { lessons, teach } = learnFromLastSet(
      this.lessons(),
      completed,
      startedMs,
      justEnded,
      { ...this.sources, tuningFor: (id) => this.tunings.tuningFor(id) },
      cutAt,
    );
    if (lessons !== this.lessonsInMemory) {
      this.lessonsInMemory = lessons;
      this.kept = this.store.save(lessons);
    }
    if (teach && !sameTuning(teach, this.tunings.tuningFor(record.exerciseId)))
      this.tunings.set(record.exerciseId, teach);
  }

  /** What this session's corrections changed that still holds: for the summary. */
  learned(): LearnedInSession[] {
    return learnedInSession(this.lessons(), (id) => this.tunings.tuningFor(id));
  }

  /** The lessons as stored, where another tab may have written them; this page's where none could be kept. */
  private lessons(): SessionLessons | null {
    return this.kept ? (this.store.load() ?? this.lessonsInMemory) : this.lessonsInMemory;
  }
}
