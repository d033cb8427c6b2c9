// What the app has learned of how this person moves, per exercise (see motion/tuning.ts), kept for
// the next set and the next session. The app adapts it after each set the person corrected; the
// detectors of the next set read it.

import { MOVED_SHARE, MovementSeen } from '../motion/movement-seen.ts';
import {
  adaptTuning,
  isPersonalTuning,
  NEUTRAL_TUNING,
  type PersonalTuning,
  type SetCorrection,
} from '../motion/tuning.ts';
import { begunWithStartHold } from './hold-timing.ts';
import { JsonStore, type KeyValueStorage } from './json-store.ts';
import { Model } from './model.ts';
import { type ExerciseId, PROGRAM } from './program.ts';
import { repCutAtEnd } from './rep-cut.ts';
import type { SetRecord } from './session-state.ts';

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
 * Turned this share of the way to the angle that ends a hold, the person has left its pose: past the
 * band a hold is held still in (3° of a plank's 8°, 4° of drawing-in's 10°), where breathing and the
 * tremor of a plank stay.
 */
const HOLD_LEFT_SHARE = 0.5;

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
  /**
   * Of the set's corrections, the +1 that made up for no movement the detectors had: tapped while the
   * device that counts it was out of reach (countedAway), or while it saw the person move through
   * nothing it did not count (a +1 before the first rep). They teach nothing. Absent where none were,
   * and in lessons kept before.
   */
  readonly unseen?: number;
  /**
   * The set's count at its end, where the device saw no movement in it that it did not count, or saw
   * none of it with the set's device away: a +1 after the set makes up for no rep it missed, and
   * teaches nothing above this count. Absent otherwise, and in lessons kept before.
   */
  readonly seenUpTo?: number;
  /**
   * The hold was ended with End hold while the device saw the person still in its pose (see
   * SetSeen.leftHold), or was one it never saw them still in (see SetSeen.neverSeenStill): it teaches
   * the hold detector nothing. Absent otherwise, and in lessons kept before.
   */
  readonly heldAtTap?: boolean;
}

/** What the device that counts a set saw, as the set was done on this page (see motion/movement-seen.ts). */
export interface SetSeen {
  /** Of the +1 tapped in the set, those that followed no movement the detectors did not count. */
  readonly unseen: number;
  /** Whether the device saw movement in the set that it did not count; undefined where it saw none of the set. */
  readonly moved?: boolean;
  /**
   * Of a hold ended with End hold: whether the device saw the person out of its pose at the tap, the
   * end the detectors missed, or still in it, the person ending the hold themselves (it hurt, or they
   * had enough), where the detectors missed nothing. Undefined where nothing tells.
   */
  readonly leftHold?: boolean;
  /**
   * Of a hold begun with Start hold and ended with End hold: the device never saw the person still in
   * it (a plank that trembles past the stillness it reads). The detectors had no hold whose end they
   * could miss. Absent otherwise.
   */
  readonly neverSeenStill?: true;
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
  /** How far (degrees) the person moves from a hold's pose before the detectors end the hold, as the program expects. */
  readonly holdLeaveDeg?: (id: ExerciseId) => number | undefined;
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
 * off a rep under way, ending at this count (see SetLesson.cutAt). `seen`: what the device saw of the
 * set just ended (see SetSeen); without it, its +1 tapped while the device was there are taken as
 * reps it missed.
 */
export function learnFromLastSet(
  kept: SessionLessons | null,
  completed: readonly SetRecord[],
  sessionStartedMs: number,
  justEnded: boolean,
  sources: LessonSources,
  cutAt?: number,
  seen?: SetSeen,
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
  const byMotion = taught?.byMotion ?? sources.countedByMotion(id);
  const cut = taught ? taught.cutAt : justEnded ? cutAt : undefined;
  // A set put back with no lesson kept is read from the count it came back with: what was tapped
  // before it is in that count. The +1 tapped while the device was away made up for reps it never
  // saw, not a miscount; those tapped while it was there, before the drop or after, put one right.
  const unseenTapped = taught
    ? (taught.unseen ?? 0)
    : justEnded
      ? (seen?.unseen ?? 0) + (record.countedAway ?? 0)
      : 0;
  // A −1 after the set takes back such a +1 first, as one in it does (see SetLessons.judgeTaps): a +1
  // taken back is no count the detectors fell short of, nor one they went over.
  const unseen = Math.min(unseenTapped, Math.max(0, corrections));
  // A +1 after the set is for a rep it missed where the device saw one go uncounted; where nothing
  // tells, one after a drop may be for a rep in the drop.
  const unseenAfter =
    justEnded && (seen?.moved === false || (seen?.moved === undefined && record.deviceAway));
  const seenUpTo = taught ? taught.seenUpTo : unseenAfter ? record.count : undefined;
  // The +1 for the rep the end cut off is read off the count as tapped; those that made up for no
  // movement seen are then taken away.
  const tapped = seenUpTo === undefined ? record.count : Math.min(record.count, seenUpTo);
  const counted = cut !== undefined && tapped > cut ? tapped - 1 : tapped;
  // A hold ended with End hold while the device saw it still held: the person stopped it, the
  // detectors missed no end. Nor did they miss the end of one they never saw held.
  const heldAtTap = taught
    ? taught.heldAtTap === true
    : justEnded && (seen?.leftHold === false || seen?.neverSeenStill === true);
  const taughtCount = { ...record, count: counted - unseen, ...(heldAtTap ? { endedByHand: false } : {}) };
  const correction = byMotion ? correctionOf(taughtCount, sources.expectedPeakDeg(id), detected) : null;
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
    ...(unseenTapped > 0 ? { unseen: unseenTapped } : {}),
    ...(seenUpTo !== undefined ? { seenUpTo } : {}),
    ...(heldAtTap ? { heldAtTap } : {}),
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
    (v.cutAt === undefined || typeof v.cutAt === 'number') &&
    (v.unseen === undefined || typeof v.unseen === 'number') &&
    (v.seenUpTo === undefined || typeof v.seenUpTo === 'number') &&
    (v.heldAtTap === undefined || typeof v.heldAtTap === 'boolean')
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
    readonly waiting?: boolean;
    readonly workBeganMs?: number;
    readonly corrections?: number;
    readonly countedAway?: number;
    readonly countedByHand?: number;
    readonly holdStartMs?: number | null;
    readonly holdBegunByTap?: true;
    readonly settledMs?: number;
  } | null;
  readonly completed: readonly SetRecord[];
  readonly startedMs: number | null;
  readonly pausedAtMs?: number | null;
  readonly nowMs?: number;
  /** The exercise of the set under way, where known: what the device saw of it is read against its range. */
  readonly plan?: readonly { readonly exercise: { readonly id: ExerciseId } }[];
  readonly exerciseIndex?: number;
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
  /** What the device saw of the set under way, and its +1 that followed no movement it missed. */
  private running: {
    readonly startedMs: number;
    readonly movement: MovementSeen;
    unseen: number;
  } | null = null;

  constructor(
    private readonly tunings: TuningModel,
    private readonly sources: Omit<LessonSources, 'tuningFor'>,
    private readonly store: LessonStore,
  ) {
    this.lessonsInMemory = store.load();
  }

  /**
   * The direction of gravity that the device counting the set under way saw at `tMs` (session clock).
   * Taken only while the set runs: not while the person gets into position, nor in a pause.
   */
  seeTilt(tMs: number, x: number, y: number, z: number): void {
    const state = this.previous;
    const set = state?.set;
    if (state?.phase !== 'set' || !set || set.waiting || state.pausedAtMs != null) return;
    this.runningSet(state, set.startedMs).movement.see(tMs, x, y, z);
  }

  /** A rep the detectors counted in the set under way, from the start of its movement to its end. */
  seeRep(startMs: number, endMs: number): void {
    this.running?.movement.counted(startMs, endMs);
  }

  /** Takes each state of the session. */
  observe(state: LessonState): void {
    const previous = this.previous;
    this.previous = state;
    const before = previous?.phase === 'set' ? previous.set : null;
    if (state.phase === 'set' && state.set && before?.startedMs === state.set.startedMs)
      this.judgeTaps(state, before, state.set, state.nowMs ?? before.lastProgressMs ?? before.startedMs);
    const { completed, startedMs } = state;
    const record = completed.at(-1);
    if (!record || startedMs === null || record === previous?.completed.at(-1)) return;
    // The reducer ends a set into a record that keeps its start; a session put back has none running.
    const justEnded =
      previous?.phase === 'set' &&
      previous.set?.startedMs === record.startedMs &&
      previous.completed.length === completed.length - 1;
    const cutAt = justEnded && previous ? countCutAt(previous, record) : undefined;
    // A +1 that brought the set to its target ended it: it is judged as one tapped in it.
    if (justEnded && before && previous) this.judgeTaps(previous, before, record, record.endedMs);
    const seen = justEnded ? this.seenOf(record, previous?.set ?? null) : undefined;
    const { lessons, teach } = learnFromLastSet(
      this.lessons(),
      completed,
      startedMs,
      justEnded,
      { ...this.sources, tuningFor: (id) => this.tunings.tuningFor(id) },
      cutAt,
      seen,
    );
    if (lessons !== this.lessonsInMemory) {
      this.lessonsInMemory = lessons;
      this.kept = this.store.save(lessons);
    }
    if (teach && !sameTuning(teach, this.tunings.tuningFor(record.exerciseId)))
      this.tunings.set(record.exerciseId, teach);
  }

  /** What is kept of the set under way, begun afresh for a new set. */
  private runningSet(state: LessonState, startedMs: number) {
    if (this.running?.startedMs !== startedMs) {
      const floorDeg = this.movedFloorDeg(state);
      this.running = {
        startedMs,
        movement: new MovementSeen(floorDeg),
        unseen: 0,
      };
    }
    return this.running;
  }

  /**
   * Keeps, of the +1 and −1 tapped in the set between `before` and `after` at `atMs`, the +1 that
   * followed no movement the device saw and did not count since the set's last progress (its start,
   * a rep, a tap); a −1 takes back such a +1 first. Taps while the device was away, or while none
   * counted the exercise, are kept by the session itself (countedAway, countedByHand).
   */
  private judgeTaps(
    state: LessonState,
    before: NonNullable<LessonState['set']>,
    after: Pick<SetRecord, 'corrections' | 'countedAway' | 'countedByHand'>,
    atMs: number,
  ): void {
    const delta = (after.corrections ?? 0) - (before.corrections ?? 0);
    if (delta === 0) return;
    if ((after.countedAway ?? 0) !== (before.countedAway ?? 0)) return;
    if ((after.countedByHand ?? 0) !== (before.countedByHand ?? 0)) return;
    const running = this.runningSet(state, before.startedMs);
    if (delta < 0) {
      running.unseen = Math.max(0, running.unseen + delta);
      return;
    }
    const sinceMs = before.lastProgressMs ?? before.startedMs;
    if (running.movement.between(sinceMs, atMs) === 'still') running.unseen += delta;
  }

  /** What the device saw of the set just ended, where this page saw it run, as it was just before it ended (`set`). */
  private seenOf(record: SetRecord, set: LessonState['set']): SetSeen | undefined {
    const running = this.running;
    if (running?.startedMs !== record.startedMs) return undefined;
    const inSet = running.movement.between(record.workBeganMs ?? record.startedMs, record.endedMs);
    // A hold timed from "Go" or Start hold before the person got into it is held in the pose they settled in.
    const heldFromMs = set?.settledMs ?? set?.holdStartMs;
    const neverSeenStill =
      record.endedByHand === true && set != null && set.settledMs === undefined && begunWithStartHold(set);
    const leftHold =
      record.endedByHand && heldFromMs != null && !neverSeenStill
        ? this.leftHold(record, heldFromMs)
        : undefined;
    return {
      unseen: running.unseen,
      ...(inSet === 'unseen' ? {} : { moved: inSet === 'moved' }),
      ...(leftHold === undefined ? {} : { leftHold }),
      ...(neverSeenStill ? { neverSeenStill } : {}),
    };
  }

  /**
   * Whether the device saw the person out of the hold's pose as End hold was tapped: turned from it
   * by HOLD_LEFT_SHARE of the turn that ends a hold. Undefined where nothing tells.
   */
  private leftHold(record: SetRecord, holdStartMs: number): boolean | undefined {
    const leaveDeg = this.sources.holdLeaveDeg?.(record.exerciseId);
    const turned = this.running?.movement.turnedDeg(holdStartMs, record.endedMs) ?? null;
    if (leaveDeg === undefined || turned === null) return undefined;
    return turned >= HOLD_LEFT_SHARE * leaveDeg * this.tunings.tuningFor(record.exerciseId).holdLeaveScale;
  }

  /** The least turn that is movement in the set under way, or null where nothing tells (see MOVED_SHARE). */
  private movedFloorDeg(state: LessonState): number | null {
    const id = state.plan?.[state.exerciseIndex ?? -1]?.exercise.id;
    const expected = id === undefined ? undefined : this.sources.expectedPeakDeg(id);
    return id === undefined || expected === undefined
      ? null
      : MOVED_SHARE * expected * this.tunings.tuningFor(id).rangeScale;
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
