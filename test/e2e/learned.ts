// What the built app keeps of a session's sets and what it learned of how the person moves, read back
// from the page's own store, and settings that plan one exercise alone.
import type { Page } from 'playwright-core';
import { type ExerciseId, PROGRAM } from '../../src/workout/program.ts';

/** The settings of a plan of `id` alone, `sets` sets of `target`. */
export function onlyExercise(id: ExerciseId, sets: number, target: number): string {
  return JSON.stringify({
    exercises: PROGRAM.map((e) =>
      e.id === id
        ? { id, included: true, dosage: { sets, target, restS: 60 } }
        : { id: e.id, included: false },
    ),
  });
}

/** A set as saved, as far as what it taught goes. */
export interface SavedSet {
  readonly count: number;
  readonly corrections?: number;
  readonly holdMs: number | null;
  readonly endedByHand?: boolean;
}

/** The sets saved, and the tunings learned, by exercise. */
export function savedAndLearned(page: Page): Promise<{ sets: SavedSet[]; tunings: Record<string, unknown> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('backbeat');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const sets = await new Promise<SavedSet[]>((resolve) => {
      const request = db.transaction('sets').objectStore('sets').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return { sets, tunings: JSON.parse(localStorage.getItem('backbeat.personal-tuning.v1') ?? '{}') };
  });
}
