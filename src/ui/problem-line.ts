// A device problem as the line at a glance shows it on a phone with its text at twice its size: its
// headline (what went wrong, in few words), then the rest (why, and what to do), which the line
// shows once opened and a screen reader is told with it.

/**
 * The longest headline the line shows whole on a 180 px wide screen (a 360 px phone with its text at
 * twice its size): there the line has 118 px beside its marker, two lines of about 11 characters of
 * its bold type, and 18 characters wrap onto them even with a long word ("Motion restarting:").
 */
export const HEADLINE_MAX_CHARS = 18;

export interface ProblemLine {
  /** Its words up to the first colon or full stop, with it: "Not a recording:". */
  readonly headline: string;
  /** What follows the headline, with its leading space; empty where the problem is one sentence. */
  readonly rest: string;
}

/** Splits a problem at its first colon or full stop that ends a word. */
export function splitProblem(problem: string): ProblemLine {
  const end = problem.search(/[:.](\s|$)/);
  if (end < 0) return { headline: problem, rest: '' };
  return { headline: problem.slice(0, end + 1), rest: problem.slice(end + 1) };
}
