// The coach's lines in the screen reader's status region (see bb-app): which of them stay there as
// the next come. Pure: the times come from the page's clock.

/** One turn's lines of the coach, and when they came. */
export interface UnspokenLine {
  /** New for each turn, so that the same words said again are a new line, read again. */
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

/** However fast lines come, the region holds no more than this many turns. */
const MOST_LINES = 3;

/** The lines `shown`, with `next` after them and those older than LINES_TOGETHER_MS before it gone. */
export function withLine(shown: readonly UnspokenLine[], next: UnspokenLine): readonly UnspokenLine[] {
  const recent = shown.filter((line) => next.atMs - line.atMs < LINES_TOGETHER_MS);
  return [...recent, next].slice(-MOST_LINES);
}

/**
 * One turn's lines of the voice as a screen reader is given them: each line ends as a sentence, so
 * that lines read one after another do not run together ("One. Rest, …"), and each sentence begins
 * with a capital. A line is put together from parts the voice says alike in any case ("Superman, set
 * one of three. ten reps."); read or shown, a sentence begun in lower case is a fault.
 */
export function readAsSentences(said: readonly string[]): string {
  return said
    .map((line) => (/[.!?]$/.test(line) ? line : `${line}.`))
    .join(' ')
    .replace(/(^|[.!?]\s+)([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}
