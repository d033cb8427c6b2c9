// The sets a session keeps, in words: the question before Finish and the voice after it count them
// the same way, and neither calls a set skipped partway done.

import { type SessionState, setsCutShortOnFinish, setsKeptOnFinish, setsSkippedOnFinish } from './session.ts';

/** The sets a session keeps: done, cut short (skipped with something counted), skipped with nothing. */
export interface SetsKept {
  readonly done: number;
  readonly cutShort: number;
  readonly skipped: number;
}

/** The sets the session keeps if it is finished now (or has been), told apart. */
export function setsKeptOnFinishing(state: SessionState): SetsKept {
  const cutShort = setsCutShortOnFinish(state);
  const skipped = setsSkippedOnFinish(state);
  return { done: setsKeptOnFinish(state) - cutShort - skipped, cutShort, skipped };
}

/** The session is kept: a set of it was done, in full or in part. */
export function anyKept({ done, cutShort }: SetsKept): boolean {
  return done + cutShort > 0;
}

/**
 * "4 sets done, 2 cut short, 1 skipped", leaving out what did not happen, the numbers as `numeral`
 * writes them (the voice's in words). With none done in full, the sets cut short come first: "0 sets
 * done" would be heard as nothing kept.
 */
export function setsKeptText(
  { done, cutShort, skipped }: SetsKept,
  numeral: (n: number) => string = String,
): string {
  const sets = (n: number) => `${numeral(n)} set${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (done > 0) parts.push(`${sets(done)} done`);
  if (cutShort > 0) parts.push(done > 0 ? `${numeral(cutShort)} cut short` : `${sets(cutShort)} cut short`);
  if (skipped > 0) parts.push(`${numeral(skipped)} skipped`);
  return parts.join(', ');
}

/** Finish's question, with what ending now would keep; with no set done, it is not kept: said before. */
export function finishQuestionText(sets: SetsKept): string {
  if (anyKept(sets)) return `End the session? ${setsKeptText(sets)}`;
  const skipped = sets.skipped > 0 ? ` (${sets.skipped} skipped)` : '';
  return `End the session? No sets done${skipped}, so it will not be kept`;
}
