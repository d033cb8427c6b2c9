// The y axis of a progress chart: from zero, in round steps, up to a tick at or above the largest
// value. Most charts measure an amount (reps, breaths, seconds, degrees), so zero is where their scale
// begins: an axis fitted to the data alone made 19.1° and 19.3° look a world apart. Heart rate is not
// one: a resting heart is some 60 bpm, and from zero a session's 95 to 130 bpm was a band of 28 px at
// the top of a 121 px scale; its axis starts under the lowest value, spanning at least a set range
// (see AxisOptions.fromUnder). Pure.

export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  /** From `min` to `max`, one every `step`. */
  readonly ticks: readonly number[];
  readonly step: number;
}

export interface AxisOptions {
  readonly maxSteps: number;
  readonly wholeNumbers: boolean;
  /**
   * The axis starts at the round value at or under the lowest value (a tick of its step, never under
   * zero), not at zero, and spans at least this much: a change of a few bpm is a change seen, and a
   * week's heart rate a beat apart is not drawn a world apart.
   */
  readonly fromUnder?: { readonly minSpan: number };
}

/**
 * The axis of `values` (nulls are weeks without data): zero (or, `fromUnder`, a round value at or
 * under the lowest) and every value within it, split in at most `maxSteps` steps of 1, 2, 2.5 or 5
 * times a power of ten; with `wholeNumbers`, no step below 1 and none of 2.5, since 7.5 reps is
 * nothing anyone did. Values all zero, or none, are given a scale up to 1: a flat line on nothing
 * would have no numbers beside it.
 */
export function valueAxis(
  values: Iterable<number | null>,
  { maxSteps, wholeNumbers, fromUnder }: AxisOptions,
): ValueAxis {
  let low = fromUnder ? Number.POSITIVE_INFINITY : 0;
  let high = fromUnder ? Number.NEGATIVE_INFINITY : 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (fromUnder && low > high) return valueAxis([], { maxSteps, wholeNumbers });
  const span = Math.max(high - low, fromUnder?.minSpan ?? 0);
  if (span === 0) high = low + 1;
  const step = roundStep(Math.max(span, high - low) / Math.max(1, maxSteps), wholeNumbers);
  const decimals = decimalsOf(step);
  const at = (n: number) => Number((n * step).toFixed(decimals));
  const first = fromUnder ? Math.max(0, Math.floor(low / step + 1e-9)) : Math.floor(low / step + 1e-9);
  const last = Math.ceil(Math.max(high, first * step + span) / step - 1e-9);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => at(first + i));
  return { min: ticks[0]!, max: ticks.at(-1)!, ticks, step };
}

/** The smallest round step at least `rough`. */
function roundStep(rough: number, wholeNumbers: boolean): number {
  const power = Math.max(wholeNumbers ? 1 : 0, 10 ** Math.floor(Math.log10(rough)));
  const steps = [1, 2, 2.5, 5, 10]
    .map((factor) => Number((factor * power).toPrecision(12)))
    .filter((step) => !wholeNumbers || Number.isInteger(step));
  return steps.find((step) => step >= rough * (1 - 1e-9)) ?? 10 * power;
}

function decimalsOf(step: number): number {
  return String(step).split('.')[1]?.length ?? 0;
}

/**
 * The values a plot `plotPx` tall spans so that `marginPx` lies beyond its axis's first and last ticks:
 * a marker of a value at either (four breaths on an axis to 4, a set of none at 0) is drawn whole
 * inside the plot, where half of it lay beyond the plot's edge. A plot with no room for the margins
 * spans the axis alone.
 */
export function withMarginPx(
  axis: Pick<ValueAxis, 'min' | 'max'>,
  plotPx: number,
  marginPx: number,
): [number, number] {
  const inner = plotPx - 2 * marginPx;
  if (!(inner > 0)) return [axis.min, axis.max];
  const perPx = (axis.max - axis.min) / inner;
  return [axis.min - marginPx * perPx, axis.max + marginPx * perPx];
}
