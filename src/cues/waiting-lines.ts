// The lines waiting for the voice, in the order they are said: replies ahead of announcements, and no
// more announcements than the voice can say while they are still news. Pure: no speech engine here.

import type { LineRole, Topic } from './cue.ts';
import { spokenSentences } from './spoken-sentences.ts';

/**
 * At most this many announcements wait behind the line being said; beyond it the oldest waiting
 * announcement is dropped, since what was news a few lines ago is wrong by the time it would be heard.
 * A reply is never dropped for room, nor takes an announcement's: the person waits for each (see
 * Speech.say), and they come no faster than the person moves and taps, a newer count taking an older
 * one's place. Four: a new exercise's first set hands over four lines at once (its own, its one point,
 * how it is done, where to be or "Go"), and behind a count still being said the oldest of them, the
 * set's own, was dropped; counted with the replies, news of the devices said ahead of them dropped the
 * set's own line, or its one point where that line was being said.
 */
export const MAX_QUEUED = 4;

/** A line handed to the voice, as it waits to be said. */
export interface Line {
  readonly text: string;
  readonly topic: Topic | null;
  /** Said a sentence at a time (see firstSentenceOf). */
  readonly bySentence: boolean;
  /** An answer to what the person just did (see Speech.say). */
  readonly reply: boolean;
  /** Heard though a reply interrupts (see Speech.say). */
  readonly kept: boolean;
  /** Its part where a rest says how the next exercise is done (see LineRole). */
  readonly role?: LineRole;
  /** When it was handed over (performance.now()). */
  readonly atMs: number;
  /** Of what is left of a line said a sentence at a time, the whole line as it was handed over. */
  readonly whole?: string;
  /**
   * When (performance.now()) the countdown or the set cuts off what is said: a sentence that would
   * not end by then is not begun (see Speech.sayNext).
   */
  readonly untilMs?: number;
  /** Called as the voice begins the line (its first sentence): never for one dropped unsaid. */
  readonly onStart?: () => void;
}

/** How a line was handed to the voice, as what keeps lines aside for later reads it (see Speech.say). */
export interface HandedLine {
  readonly interrupt: boolean;
  readonly reply: boolean;
  readonly topic: Topic | null;
  readonly ends: readonly Topic[] | null;
  readonly role?: LineRole;
}

/** Whether `line` is where to lie and how, said by the rest before a first set (see LineRole). */
export function isRestHow(line: Line | null | undefined): boolean {
  return line?.role?.kind === 'rest-how';
}

/**
 * `line` once the voice has begun it: what is said of it later (the rest of a line said by sentence,
 * a kept line said again whole after a reply or a pause cut it off) is no new start of the line.
 */
export function begun(line: Line): Line {
  const { onStart: _reported, ...later } = line;
  return later;
}

/**
 * What of `line` to say now (`now`) and what is left of it to wait first in line (`rest`, null where
 * nothing is): all of it, but of one said a sentence at a time its first sentence (or clause of a
 * long one), the rest a line of its own topic, already begun, that knows the whole line. How to lie is
 * moot once a newer position line comes ("In position. Go."), and what is left of it is dropped for
 * that, as how the exercise is done is for a count; the sentence under way is said to its end, as half
 * a sentence broken off is heard as a fault.
 */
export function firstSentenceOf(line: Line): { readonly now: Line; readonly rest: Line | null } {
  if (!line.bySentence) return { now: line, rest: null };
  const [first, ...rest] = spokenSentences(line.text);
  if (rest.length === 0) return { now: line, rest: null };
  return {
    now: { ...line, text: first },
    rest: { ...begun(line), text: rest.join(' '), whole: line.whole ?? line.text },
  };
}

export class WaitingLines {
  private readonly lines: Line[] = [];

  get length(): number {
    return this.lines.length;
  }

  /** The line said next. */
  get next(): Line | undefined {
    return this.lines[0];
  }

  find(predicate: (line: Line) => boolean): Line | undefined {
    return this.lines.find(predicate);
  }

  filter(predicate: (line: Line) => boolean): Line[] {
    return this.lines.filter(predicate);
  }

  /** Adds `line` to be said last. */
  push(line: Line): void {
    this.lines.push(line);
  }

  /** Adds `line` after the replies waiting, ahead of the announcements. */
  putAheadOfAnnouncements(line: Line): void {
    const at = this.lines.findIndex((waiting) => !waiting.reply);
    this.lines.splice(at < 0 ? this.lines.length : at, 0, line);
  }

  /** Adds `line` to be said next. */
  putFirst(line: Line): void {
    this.lines.unshift(line);
  }

  /** Takes out the line said next. */
  takeNext(): Line | undefined {
    return this.lines.shift();
  }

  drop(stale: (line: Line) => boolean): void {
    for (let i = this.lines.length - 1; i >= 0; i--) if (stale(this.lines[i])) this.lines.splice(i, 1);
  }

  clear(): void {
    this.lines.length = 0;
  }

  /** Drops the oldest announcements beyond MAX_QUEUED; the replies all stay. */
  dropAnnouncementsBeyondRoom(): void {
    while (this.lines.filter((waiting) => !waiting.reply).length > MAX_QUEUED) {
      this.lines.splice(
        this.lines.findIndex((waiting) => !waiting.reply),
        1,
      );
    }
  }
}
