// How the virtual strap's simulated person follows the screen, as the person chose it to try the app:
// kept from one visit to the next apart from the devices, for the virtual strap connected later, or
// after a reload, is to behave as the one the choice was made with.

import { HABITS, type Habit } from '../sensors/virtual/choreography.ts';
import { JsonStore, type KeyValueStorage } from '../workout/json-store.ts';

/** Where the virtual person's habit is kept: a choice made to try the app survives a reload. */
export const VIRTUAL_HABIT_KEY = 'backbeat.virtual-habit.v1';

/** A habit read back from storage; anything else (an older or hand-edited value) is the usual one. */
export function parseHabit(value: unknown): Habit {
  return HABITS.find((h) => h === value) ?? 'usual';
}

export class VirtualStrapHabit {
  private readonly store: JsonStore<Habit>;
  private chosen: Habit;

  /** `storage` null keeps the habit for this visit only. */
  constructor(storage: KeyValueStorage | null) {
    this.store = new JsonStore(storage, VIRTUAL_HABIT_KEY, parseHabit, () => 'usual');
    this.chosen = this.store.load();
  }

  /** The habit a virtual strap connected now is given. */
  get habit(): Habit {
    return this.chosen;
  }

  choose(habit: Habit): void {
    this.chosen = habit;
    this.store.save(habit);
  }
}
