// How long the voice takes over a line, reckoned: when a line is given up as never ended, when a
// number of the countdown is too old to say, when the taps of +1 leave room for a point, and whether a
// sentence ends before the countdown cuts it off. Pure: times come in as numbers (performance.now()).

/** Rates the settings allow: slower than 0.5 drags, faster than 2 is hard to follow on the mat. */
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

/** `rate` within the rates the settings allow. */
export function allowedRate(rate: number): number {
  return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
}

/**
 * Time allowed for a line, beyond its expected length, before the next one is handed on anyway:
 * some engines never report the end of an utterance, and the voice must not fall silent for good.
 */
const END_GRACE_MS = 4000;
/** Milliseconds per character at rate 1: generous, as engines and voices differ. */
const MS_PER_CHAR = 120;

/**
 * How long a line may go on before it is taken as over: some engines never report its end. The
 * voice's slowest reckoned pace (MS_PER_CHAR), and some grace beyond it.
 */
export function overdueMs(text: string, rate: number): number {
  return END_GRACE_MS + slowestMs(text, rate);
}

/**
 * How long `text` takes at the voice's slowest reckoned pace: the pace the planner reckons
 * (SPOKEN_MS_PER_CHAR) is a voice faster than some.
 */
function slowestMs(text: string, rate: number): number {
  return (text.length * MS_PER_CHAR) / rate;
}

/**
 * Whether `sentence`, begun at `nowMs`, would still be said at `untilMs`, when the countdown or the
 * set cuts off what is said, at the voice's slowest reckoned pace.
 */
export function endsAfter(sentence: string, rate: number, nowMs: number, untilMs: number): boolean {
  return nowMs + slowestMs(sentence, rate) > untilMs;
}

/**
 * How long a line of the 'time' topic may wait for the voice: the second it names ("fifteen seconds",
 * "four") is over by then, and the ring on screen has moved on.
 */
export const TIME_LINE_FRESH_MS = 1000;

/**
 * Lines of a topic handed over within this long of each other came at once: two reps the detectors
 * found in one batch of samples reach the voice in the same task, microseconds apart. No voice has
 * begun to sound within it, so the latest takes the place of the one just begun ("four", not "three"
 * run into "four"); a count that comes later is heard to its end.
 */
export const AT_ONCE_MS = 50;

/**
 * How long a kept line (an exercise's one point) next in line waits for the person's taps of +1 to
 * stop; 0 where it is said now. `tapsMs` holds when the last two taps were said (oldest first),
 * `lineMs` how long the line takes to say. Each tap's count is said at once, over what is being said:
 * a point begun between two taps faster than it is said was cut off by the next, and begun again after
 * it, its first words heard over and over. It is begun where, at the pace of the last two taps, it
 * ends before the next is due; otherwise once none has come for as long as it takes to say, and half
 * as long again as the last gap between two: they have stopped, or slowed to leave it room. Not more
 * than twice as long as it takes to say: taps a minute apart, long before, held it 25 s.
 */
export function keptWaitsMs(tapsMs: readonly number[], nowMs: number, lineMs: number): number {
  const lastMs = tapsMs.at(-1);
  if (lastMs === undefined) return 0;
  const gapMs = tapsMs.length > 1 ? lastMs - tapsMs[0] : null;
  if (gapMs !== null && nowMs + lineMs <= lastMs + gapMs) return 0;
  return Math.max(0, lastMs + Math.max(lineMs, Math.min(1.5 * (gapMs ?? 0), 2 * lineMs)) - nowMs);
}
