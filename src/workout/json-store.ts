// A value kept as JSON under one key of localStorage. localStorage can be missing (some WebViews),
// full, or throw in private browsing; the value then lives for this visit only, and nothing breaks.
// Whatever is read back is checked and repaired by `parse`, because storage outlives versions of
// the app and can be edited by hand.

/** The part of `localStorage` the stores use. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class JsonStore<T> {
  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key: string,
    private readonly parse: (value: unknown) => T,
    private readonly fallback: () => T,
  ) {}

  load(): T {
    try {
      const text = this.storage?.getItem(this.key);
      return text ? this.parse(JSON.parse(text)) : this.fallback();
    } catch {
      return this.fallback();
    }
  }

  /** Whether the value was kept beyond this visit. */
  save(value: T): boolean {
    try {
      this.storage?.setItem(this.key, JSON.stringify(value));
      return this.storage !== null;
    } catch {
      return false;
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing was stored.
    }
  }
}

/** Where `localStorage` may be read; accessing it can throw (sandboxed frames, blocked cookies). */
export function browserStorage(win: { readonly localStorage?: KeyValueStorage }): KeyValueStorage | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null;
  }
}
