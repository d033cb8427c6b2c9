// The coach's lines in the screen reader's status region (see unspoken-region.ts): which of them stay there as
// the next come. Pure: the times come from the page's clock.

/** Lines of the coach, said together in one turn (see turnAsLines), and when they came. */
export interface UnspokenLine {
  /** New for each line, so that the same words said again are a new line, read again. */
  readonly id: number;
  readonly text: string;
  readonly atMs: number;
}

/**
 * How long a turn's lines stay beside the next ones. Lines that replaced the last within a few
 * milliseconds (a set's introduction, then "In position. Go." 11 ms later) were gone before a screen
 * reader came to read them; kept, each is read as it comes. Shorter than the time between two reps,
 * so that the region holds one count at a time.
 */
export const LINES_TOGETHER_MS = 1000;

/** However fast lines come, the region holds no more than this many. */
const MOST_LINES = 3;

/** The lines `shown`, with `next` after them and those older than LINES_TOGETHER_MS before it gone. */
export function withLine(shown: readonly UnspokenLine[], next: UnspokenLine): readonly UnspokenLine[] {
  const recent = shown.filter((line) => next.atMs - line.atMs < LINES_TOGETHER_MS);
  return [...recent, next].slice(-MOST_LINES);
}

/**
 * A line that tells how long is left ("Rest goes on: fifty-four seconds left."), as the voice said it
 * after a pause or a reload. Not the bird dog's side: "two left done".
 */
const TELLS_TIME_LEFT = /\b(second|minute)s? left\b/;

/**
 * How long a line takes to read, a character at a time, as long as the voice takes to say it (the cue
 * planner's SPOKEN_MS_PER_CHAR, which a test keeps it equal to: the UI reads the cues through app/). A line that tells the time left stays that long and no longer: the rest's ring
 * counts on under it, and a screen reader that came to it later read a number that was no longer the
 * rest's; gone a second after it came, "Rest goes on: thirty-six seconds left." was there too short
 * a time to be read, on a braille display or by a screen reader coming to it from the line before.
 */
export const READ_MS_PER_CHAR = 80;

/**
 * Until when `line` stays: a line that tells the time left, as long as it takes to read; any other,
 * until the next lines replace it (see withLine), as a count is true until the next rep.
 */
export function lineTrueUntilMs(line: UnspokenLine): number {
  return TELLS_TIME_LEFT.test(line.text)
    ? line.atMs + line.text.length * READ_MS_PER_CHAR
    : Number.POSITIVE_INFINITY;
}

/**
 * The lines a turn's words are held as (see readAsSentences): a sentence that tells the time left
 * apart from the sentences around it, in the order said, so that it goes alone once untrue. A rest
 * picked up after a reload tells its time left, then the next set, where to be and how to move:
 * held as one, all of it left the region with the time a second on.
 */
export function turnAsLines(said: string): string[] {
  const lines: string[] = [];
  let together: string[] = [];
  for (const sentence of said.split(/(?<=[.!?])\s+/)) {
    if (!TELLS_TIME_LEFT.test(sentence)) {
      together.push(sentence);
      continue;
    }
    if (together.length > 0) lines.push(together.join(' '));
    lines.push(sentence);
    together = [];
  }
  if (together.length > 0) lines.push(together.join(' '));
  return lines;
}

/** The lines `shown` that are still true at `nowMs` (see lineTrueUntilMs). */
export function linesTrueAt(shown: readonly UnspokenLine[], nowMs: number): readonly UnspokenLine[] {
  return shown.filter((line) => nowMs < lineTrueUntilMs(line));
}

/**
 * One turn's lines of the voice as a screen reader is given them: each line ends as a sentence, so
 * that lines read one after another do not run together ("One. Rest, …"), and each sentence begins
 * with a capital, whatever a line was put together from; read or shown, a sentence begun in lower case
 * is a fault.
 */
export function readAsSentences(said: readonly string[]): string {
  return said
    .map((line) => (/[.!?]$/.test(line) ? line : `${line}.`))
    .join(' ')
    .replace(/(^|[.!?]\s+)([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}
