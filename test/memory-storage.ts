import type { KeyValueStorage } from '../src/workout/json-store.ts';

/** An in-memory stand-in for localStorage (the platform boundary), its entries in `items`. */
export class MemoryStorage implements KeyValueStorage {
  readonly items: Map<string, string>;

  constructor(entries: Iterable<readonly [string, string]> = []) {
    this.items = new Map(entries);
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
