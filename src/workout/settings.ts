// What the person has chosen: their program (order, dosage, what is left out, short or full), how the
// coach sounds, and what the heart-rate features need. A pure model of it, a plan built from it, and a
// small store that remembers it in localStorage. Anything read back is checked and repaired, because
// storage outlives versions of the app and can be edited by hand.

import { browserStorage, JsonStore, type KeyValueStorage } from './json-store.ts';
import { Model } from './model.ts';
import { type Dosage, type ExerciseId, exerciseById, PROGRAM } from './program.ts';
import {
  lastWeightKg,
  type PastSession,
  progressPlan,
  sessionsPerExercise,
  setOfferDue,
} from './progression.ts';
import type { PlannedExercise } from './session-state.ts';

export interface ExerciseChoice {
  readonly id: ExerciseId;
  readonly included: boolean;
  readonly dosage: Dosage;
}

/** A full session does every set; a short one does one set of each exercise (a busy day, a warm-up). */
export type SessionLength = 'full' | 'short';

export interface Settings {
  /** All seven exercises, in the order the session takes them. */
  readonly exercises: readonly ExerciseChoice[];
  readonly length: SessionLength;
  /** No speech and no tones. */
  readonly muted: boolean;
  readonly tones: boolean;
  readonly vibration: boolean;
  /** The chosen voice's URI; null for the browser's English default. */
  readonly voiceUri: string | null;
  readonly speechRate: number;
  readonly age: number | null;
  /** A maximum heart rate the person knows (from a test); better than the one from age. */
  readonly maxHr: number | null;
  /** End a rest early once the heart rate has recovered. */
  readonly endRestOnRecovery: boolean;
  /**
   * Set the targets from past sessions: the drawing-in and plank holds, the counts with a range, and the
   * sets of an exercise with a range of them.
   */
  readonly autoProgress: boolean;
  /**
   * The exercises whose offer of a set more (see setOfferDue) the person took or declined: it is not
   * made again, and the sets are theirs to change in Settings.
   */
  readonly setOffersAnswered: readonly ExerciseId[];
  /**
   * Of those, the ones whose set more the person took: Restore defaults keeps that set, as it keeps the
   * targets the history set (see restoredDefaults). Absent in settings kept before, read from their
   * sets (see takenBeforeKept).
   */
  readonly setOffersTaken: readonly ExerciseId[];
}

/** The limits of every number the person can set: wide enough for anyone, narrow enough to catch typos. */
export const LIMITS = {
  sets: { min: 1, max: 10 },
  reps: { min: 1, max: 100 },
  holdS: { min: 5, max: 600 },
  breaths: { min: 1, max: 20 },
  restS: { min: 0, max: 600 },
  weightKg: { min: 0, max: 300 },
  speechRate: { min: 0.5, max: 2 },
  age: { min: 10, max: 100 },
  maxHr: { min: 100, max: 230 },
} as const;

export function targetLimits(id: ExerciseId): { readonly min: number; readonly max: number } {
  const kind = exerciseById(id).kind;
  return kind === 'hold' ? LIMITS.holdS : kind === 'breaths' ? LIMITS.breaths : LIMITS.reps;
}

export function defaultSettings(): Settings {
  return {
    exercises: PROGRAM.map((exercise) => ({ id: exercise.id, included: true, dosage: exercise.dosage })),
    length: 'full',
    muted: false,
    tones: true,
    vibration: true,
    voiceUri: null,
    speechRate: 1,
    age: null,
    maxHr: null,
    endRestOnRecovery: false,
    autoProgress: true,
    setOffersAnswered: [],
    setOffersTaken: [],
  };
}

// ---- The plan -----------------------------------------------------------------------------------------

/**
 * The voice says how an exercise is done in the first sessions that do it, this many: by then the
 * person has heard its movement a few times and done it, and a voice that tells it at every session
 * for good holds up the sets of one who knows it. Counted per exercise, not per session: one turned
 * on in Settings after the first weeks, or skipped until now, is new to the person all the same. The
 * set screen's "How to do it" is there always.
 */
export const HOW_SAID_SESSIONS = 3;

/**
 * Today's plan: the included exercises in order, progressed if wanted, one set each for a short session.
 * `sessionsDid` is sessionsPerExercise of `history`, passed in where several plans are made of one
 * history.
 */
export function planOf(
  settings: Settings,
  history: readonly PastSession[] = [],
  sessionsDid: ReadonlyMap<ExerciseId, number> = sessionsPerExercise(history),
): PlannedExercise[] {
  const plan = settings.exercises
    .filter((choice) => choice.included)
    .map((choice) => ({
      exercise: exerciseById(choice.id),
      dosage: dosageOf(choice, history),
      ...((sessionsDid.get(choice.id) ?? 0) < HOW_SAID_SESSIONS ? { sayHow: true } : {}),
    }));
  // Progressed as a full session: the sets progression adds are a full session's.
  const progressed = settings.autoProgress ? progressPlan(plan, history) : plan;
  return settings.length === 'short'
    ? progressed.map((planned) => ({ ...planned, dosage: { ...planned.dosage, sets: 1 } }))
    : progressed;
}

/**
 * The dosage a plan takes: the person's, and where they logged no weight for an exercise done with
 * one, the last session's weight (see lastWeightKg), with or without targets set from past sessions:
 * it is what they lift, not a target. It is not written to the settings: each plan reads it afresh
 * from the sessions, a session trained at it keeps it in its plan for the next, and the settings keep
 * only what the person typed, so that a weight they clear goes back to the one they last lifted.
 */
function dosageOf({ id, dosage }: ExerciseChoice, history: readonly PastSession[]): Dosage {
  if (!exerciseById(id).weighted || dosage.weightKg !== undefined) return dosage;
  const lastKg = lastWeightKg(history, id);
  return lastKg === null ? dosage : { ...dosage, weightKg: lastKg };
}

/**
 * The weight today's plan took from the last session, as the person logged none (see dosageOf), or
 * null: the plan and the settings say it is last time's.
 */
export function weightAsLastTime(settings: Settings, { exercise, dosage }: PlannedExercise): number | null {
  const logged = settings.exercises.find((choice) => choice.id === exercise.id)?.dosage.weightKg;
  return logged === undefined && dosage.weightKg !== undefined ? dosage.weightKg : null;
}

/**
 * The exercises of a full session to which a set more is offered today: those past sessions make it
 * due for, set as the program gives them, whose offer was not answered. A short session does one set
 * of each, and with targets not set from past sessions the sets are the person's alone.
 */
export function setOffers(settings: Settings, history: readonly PastSession[]): ExerciseId[] {
  if (settings.length === 'short' || !settings.autoProgress) return [];
  return settings.exercises
    .filter(
      ({ id, included, dosage }) =>
        included &&
        !settings.setOffersAnswered.includes(id) &&
        setOfferDue(history, exerciseById(id), dosage),
    )
    .map((choice) => choice.id);
}

// ---- Edits (pure) -------------------------------------------------------------------------------------

export type DosagePatch = Partial<Pick<Dosage, 'sets' | 'target' | 'restS' | 'weightKg'>>;

export function withDosage(settings: Settings, id: ExerciseId, patch: DosagePatch): Settings {
  return mapChoice(settings, id, (choice) => ({
    ...choice,
    dosage: cleanDosage(id, { ...choice.dosage, ...patch }),
  }));
}

/** The offer of a set more answered: `taken` adds the set; either way it is not offered again. */
export function withSetOfferAnswered(settings: Settings, id: ExerciseId, taken: boolean): Settings {
  const answered = { ...settings, setOffersAnswered: [...new Set([...settings.setOffersAnswered, id])] };
  if (!taken) return answered;
  const sets = settings.exercises.find((choice) => choice.id === id)?.dosage.sets ?? 1;
  const took = { ...answered, setOffersTaken: [...new Set([...settings.setOffersTaken, id])] };
  return withDosage(took, id, { sets: sets + 1 });
}

/**
 * Every setting as at first (Restore defaults), but the person's answers to the offer of a set more:
 * those are no setting but what they said, asked once, and a set they took was earned by the sessions
 * before it, as the targets the history sets are, which Restore defaults leaves as they are. Cleared,
 * the offer was made again, and a set taken was lost. So is a weight they logged kept: it is what they
 * lift, which no default knows, and cleared, the plan asked them to log it again.
 */
export function restoredDefaults(settings: Settings): Settings {
  const { setOffersAnswered, setOffersTaken } = settings;
  const answered: Settings = { ...defaultSettings(), setOffersAnswered, setOffersTaken };
  const taken = setOffersTaken.reduce(
    (restored, id) => withDosage(restored, id, { sets: exerciseById(id).dosage.sets + 1 }),
    answered,
  );
  return settings.exercises.reduce(
    (restored, { id, dosage }) =>
      dosage.weightKg === undefined ? restored : withDosage(restored, id, { weightKg: dosage.weightKg }),
    taken,
  );
}

export function withIncluded(settings: Settings, id: ExerciseId, included: boolean): Settings {
  return mapChoice(settings, id, (choice) => ({ ...choice, included }));
}

/** Moves an exercise `by` places earlier (negative) or later (positive) in the session, within bounds. */
export function withMoved(settings: Settings, id: ExerciseId, by: number): Settings {
  const from = settings.exercises.findIndex((choice) => choice.id === id);
  const to = Math.min(settings.exercises.length - 1, Math.max(0, from + by));
  if (from < 0 || to === from) return settings;
  const exercises = [...settings.exercises];
  const [moved] = exercises.splice(from, 1);
  exercises.splice(to, 0, moved);
  return { ...settings, exercises };
}

function mapChoice(
  settings: Settings,
  id: ExerciseId,
  f: (choice: ExerciseChoice) => ExerciseChoice,
): Settings {
  return {
    ...settings,
    exercises: settings.exercises.map((choice) => (choice.id === id ? f(choice) : choice)),
  };
}

// ---- Reading back (repairing) -------------------------------------------------------------------------

function clamp(
  value: unknown,
  limits: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(limits.max, Math.max(limits.min, value));
}

function wholeNumber(
  value: unknown,
  limits: { readonly min: number; readonly max: number },
  fallback: number,
) {
  return Math.round(clamp(value, limits, fallback));
}

function optionalNumber(
  value: unknown,
  limits: { readonly min: number; readonly max: number },
): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? wholeNumber(value, limits, limits.min) : null;
}

function cleanDosage(id: ExerciseId, raw: unknown): Dosage {
  const base = exerciseById(id).dosage;
  const d = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const dosage: Dosage = {
    sets: wholeNumber(d.sets, LIMITS.sets, base.sets),
    target: wholeNumber(d.target, targetLimits(id), base.target),
    restS: wholeNumber(d.restS, LIMITS.restS, base.restS),
  };
  // Only a weighted exercise has a weight, and only once the person logs one (a weight stored by a
  // version that gave a default is theirs: their sessions were logged at it); half kilograms are real
  // plates.
  if (!exerciseById(id).weighted || typeof d.weightKg !== 'number' || !Number.isFinite(d.weightKg))
    return dosage;
  return { ...dosage, weightKg: Math.round(clamp(d.weightKg, LIMITS.weightKg, 0) * 2) / 2 };
}

const IDS = new Set<string>(PROGRAM.map((exercise) => exercise.id));

/**
 * The offers taken, of settings stored before the taking was kept: an offer answered whose sets stand
 * above the program's was taken, as the answer is the one thing that adds a set the person did not
 * type. Read as declined, Restore defaults took back a set the sessions before it had earned.
 */
function takenBeforeKept(
  answered: readonly ExerciseId[],
  exercises: readonly ExerciseChoice[],
): ExerciseId[] {
  return answered.filter(
    (id) => (exercises.find((choice) => choice.id === id)?.dosage.sets ?? 0) > exerciseById(id).dosage.sets,
  );
}

/**
 * Settings from anything (stored JSON of an older version, a hand edit): unknown fields are dropped,
 * bad values fall back to defaults or are clamped, and every exercise appears exactly once (new ones at
 * the end, included).
 */
export function parseSettings(raw: unknown): Settings {
  const defaults = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return defaults;
  const r = raw as Record<string, unknown>;
  const seen = new Set<string>();
  const exercises: ExerciseChoice[] = [];
  for (const item of Array.isArray(r.exercises) ? r.exercises : []) {
    const c = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof c.id !== 'string' || !IDS.has(c.id) || seen.has(c.id)) continue;
    const id = c.id as ExerciseId;
    seen.add(id);
    exercises.push({ id, included: c.included !== false, dosage: cleanDosage(id, c.dosage) });
  }
  for (const choice of defaults.exercises) if (!seen.has(choice.id)) exercises.push(choice);
  const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const exerciseIds = (value: unknown): ExerciseId[] =>
    Array.isArray(value)
      ? [...new Set(value.filter((id): id is ExerciseId => typeof id === 'string' && IDS.has(id)))]
      : [];
  const setOffersAnswered = exerciseIds(r.setOffersAnswered);
  return {
    exercises,
    length: r.length === 'short' ? 'short' : 'full',
    muted: bool(r.muted, defaults.muted),
    tones: bool(r.tones, defaults.tones),
    vibration: bool(r.vibration, defaults.vibration),
    voiceUri: typeof r.voiceUri === 'string' && r.voiceUri !== '' ? r.voiceUri : null,
    speechRate: Math.round(clamp(r.speechRate, LIMITS.speechRate, defaults.speechRate) * 10) / 10,
    age: optionalNumber(r.age, LIMITS.age),
    maxHr: optionalNumber(r.maxHr, LIMITS.maxHr),
    endRestOnRecovery: bool(r.endRestOnRecovery, defaults.endRestOnRecovery),
    autoProgress: bool(r.autoProgress, defaults.autoProgress),
    setOffersAnswered,
    // An offer taken is one answered: a stray id would keep a set no answer gave.
    setOffersTaken: Array.isArray(r.setOffersTaken)
      ? exerciseIds(r.setOffersTaken).filter((id) => setOffersAnswered.includes(id))
      : takenBeforeKept(setOffersAnswered, exercises),
  };
}

// ---- Storage ------------------------------------------------------------------------------------------

export const SETTINGS_KEY = 'backbeat.settings.v1';

/** Remembers the settings (see json-store.ts for what storage can do wrong). */
export class SettingsStore extends JsonStore<Settings> {
  constructor(storage: KeyValueStorage | null, key = SETTINGS_KEY) {
    super(storage, key, parseSettings, defaultSettings);
  }
}

export { browserStorage, type KeyValueStorage };

// ---- The model ----------------------------------------------------------------------------------------

/** The settings' one owner: named commands, each saved at once. */
export class SettingsModel extends Model<Settings> {
  constructor(private readonly store: SettingsStore) {
    super(store.load());
  }

  setDosage(id: ExerciseId, patch: DosagePatch): void {
    this.update(withDosage(this.state, id, patch));
  }

  setIncluded(id: ExerciseId, included: boolean): void {
    this.update(withIncluded(this.state, id, included));
  }

  move(id: ExerciseId, by: number): void {
    this.update(withMoved(this.state, id, by));
  }

  setLength(length: SessionLength): void {
    this.update({ ...this.state, length });
  }

  setMuted(muted: boolean): void {
    this.update({ ...this.state, muted });
  }

  setTones(tones: boolean): void {
    this.update({ ...this.state, tones });
  }

  setVibration(vibration: boolean): void {
    this.update({ ...this.state, vibration });
  }

  setVoice(voiceUri: string | null): void {
    this.update(parseSettings({ ...this.state, voiceUri }));
  }

  setSpeechRate(speechRate: number): void {
    this.update(parseSettings({ ...this.state, speechRate }));
  }

  setAge(age: number | null): void {
    this.update(parseSettings({ ...this.state, age }));
  }

  setMaxHr(maxHr: number | null): void {
    this.update(parseSettings({ ...this.state, maxHr }));
  }

  setEndRestOnRecovery(endRestOnRecovery: boolean): void {
    this.update({ ...this.state, endRestOnRecovery });
  }

  setAutoProgress(autoProgress: boolean): void {
    this.update({ ...this.state, autoProgress });
  }

  answerSetOffer(id: ExerciseId, taken: boolean): void {
    this.update(withSetOfferAnswered(this.state, id, taken));
  }

  restoreDefaults(): void {
    this.update(restoredDefaults(this.state));
  }

  /** Takes on settings from elsewhere (a backup), checked and repaired as stored ones are. */
  takeOn(raw: unknown): void {
    this.update(parseSettings(raw));
  }

  /** Reads the settings again: another tab changed them, and an edit here must not undo that. */
  reload(): void {
    this.setState(this.store.load());
  }

  private update(next: Settings): void {
    this.setState(next);
    this.store.save(next);
  }
}
