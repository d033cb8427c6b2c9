// What the app has learned of how this person moves, per exercise (see motion/tuning.ts), kept for
// the next set and the next session. The app adapts it after each set the person corrected; the
// detectors of the next set read it.

import {
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
export function correctionOf(record: SetRecord, expectedPeakDeg?: number): SetCorrection | null {
  const corrections = record.corrections ?? 0;
  if (corrections === 0 && !record.endedByHand) return null;
  return {
    detected: record.count - corrections,
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
}
