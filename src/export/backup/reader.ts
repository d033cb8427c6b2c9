// Walks the untrusted JSON of a file, field by field, and says where it is wrong: the error a file is
// refused with, and the places a damaged field is put right (told) rather than refusing it.

import { fromBase64, littleEndianToNative } from './base64.ts';

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/**
 * Where a file is damaged, in words a person can find it by, and what is wrong there:
 * "file.sessions[0].sets[1].count" and "should be a number" read "This file is damaged (session 1,
 * set 2): "count" should be a number". The field keeps its name in the file, for whoever opens it.
 */
function damaged(path: string, problem: string): ImportError {
  const { where, what } = placeOf(path);
  return new DamagedField(
    `This file is damaged${where ? ` (${where})` : ''}: ${what} ${problem}. Nothing was imported.`,
    path,
    problem,
  );
}

/** A file damaged at one place: an ImportError, which an import that can put the place right catches. */
export class DamagedField extends ImportError {
  constructor(
    message: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(message);
  }
}

/** A path in the file, in words: where ("session 1, set 2") and the field there ("\"count\"", or "it"). */
export function placeOf(path: string): { where: string; what: string } {
  const places: string[] = [];
  let field: string[] = [];
  for (const part of path.split('.')) {
    const [name, ...indexes] = part.split('[');
    if (indexes.length === 0) {
      field.push(name);
      continue;
    }
    for (const index of indexes)
      places.push(`${PLACE_NAMES[name] ?? name} ${Number.parseInt(index, 10) + 1}`);
    field = [];
  }
  const named = field.filter((f) => f !== 'file');
  return { where: places.join(', '), what: named.length ? `"${named.join('.')}"` : 'it' };
}

/** The lists of the file, by what one item of each is. */
const PLACE_NAMES: Readonly<Record<string, string>> = {
  sessions: 'session',
  sets: 'set',
  events: 'event',
  heartRate: 'heart-rate chunk',
  motion: 'motion chunk',
  plan: 'plan entry',
  sources: 'device',
  formIssues: 'form issue',
  gaps: 'gap',
  weights: 'weight',
  perSide: 'count per side',
  pauses: 'pause',
  repGapsMs: 'rep time',
};

/** Walks untrusted JSON, remembering the path so that an error can say where the file is wrong. */
export class Reader {
  constructor(
    readonly value: unknown,
    private readonly path: string,
    /** Where the fields this version does not know are listed, by path, as they are kept. */
    private readonly unknown: string[],
    /** Where what could not be read and was put right is told (see readSnapshot). */
    private readonly putRight: string[] = [],
  ) {}

  /**
   * Reads with `read`, or, where this place is damaged, tells where, what is wrong and what was done
   * about it (`so`): "session 1, pause 2: "atMs" should be a number, so the pause was left out"; null.
   */
  orPutRight<T>(read: (r: Reader) => T, so: string): T | null {
    try {
      return read(this);
    } catch (error) {
      if (!(error instanceof DamagedField)) throw error;
      const { where, what } = placeOf(error.path);
      this.putRight.push(`${where}: ${what} ${error.problem}, so ${so}`);
      return null;
    }
  }

  /**
   * The object read, with whatever else the file had at this place kept beside it: a newer version
   * may add fields, and an import must not lose them.
   */
  keep<T extends object>(known: T): T {
    const source = this.object();
    const extra = Object.keys(source).filter((key) => !(key in known) && source[key] !== undefined);
    if (extra.length === 0) return known;
    for (const key of extra) this.unknown.push(`${this.path}.${key}`);
    return { ...Object.fromEntries(extra.map((key) => [key, source[key]])), ...known };
  }

  /** Refuses fields this version has nowhere to keep. */
  refuseUnknown(known: readonly string[]): void {
    const extra = Object.keys(this.object()).filter((key) => !known.includes(key));
    if (extra.length > 0) {
      throw new ImportError(
        `This file holds more than this version of Backbeat can keep (${extra.map((k) => `${this.path}.${k}`).join(', ')}); update the app to import it. Nothing was imported.`,
      );
    }
  }

  fail(problem: string): never {
    throw damaged(this.path, problem);
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      this.fail('should be an object');
    }
    return this.value as Record<string, unknown>;
  }

  has(key: string): boolean {
    return this.object()[key] !== undefined;
  }

  field(key: string): Reader {
    return new Reader(this.object()[key], `${this.path}.${key}`, this.unknown, this.putRight);
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail('should be text');
    return this.value;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('should be true or false');
    return this.value;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('should be a number');
    return this.value;
  }

  /** A number from `min` to `max`, or the file is damaged with `problem`. */
  within(min: number, max: number, problem: string): number {
    const value = this.number();
    if (value < min || value > max) this.fail(problem);
    return value;
  }

  /** A count: a whole number from 0 to `max` (a file edited to −5 reps, or 9999, would skew every chart). */
  count(max: number): number {
    const value = this.number();
    if (!Number.isInteger(value) || value < 0 || value > max)
      this.fail(`should be a whole number from 0 to ${max}`);
    return value;
  }

  /**
   * A clock's offset from UTC, whole minutes: clocks run from 12 h behind to 14 h ahead, and the store
   * looks for a session's week within a day of its start (see weekStarts).
   */
  utcOffsetMin(): number {
    const value = this.number();
    if (!Number.isInteger(value) || value < -720 || value > 840)
      this.fail('should be a whole number of minutes from -720 to 840');
    return value;
  }

  oneOf<T extends string>(allowed: readonly T[]): T {
    if (!allowed.includes(this.value as T)) this.fail(`should be one of ${allowed.join(', ')}`);
    return this.value as T;
  }

  nullable<T>(read: (r: Reader) => T): T | null {
    return this.value === null ? null : read(this);
  }

  array<T>(read: (r: Reader) => T): T[] {
    if (!Array.isArray(this.value)) this.fail('should be a list');
    return this.value.map((item, i) =>
      read(new Reader(item, `${this.path}[${i}]`, this.unknown, this.putRight)),
    );
  }

  /** The bytes of a base64 column, checked to hold whole elements of the given size. */
  bytes(elementSize: number): ArrayBuffer {
    const bytes = fromBase64(this.string()) ?? this.fail('is not valid base64');
    if (bytes.byteLength % elementSize !== 0) this.fail(`does not hold whole ${elementSize}-byte values`);
    return littleEndianToNative(bytes, elementSize);
  }
}
