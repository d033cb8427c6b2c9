// What becomes of a number the person types into a setting. One out of range is not theirs to be
// clamped into (a resting pulse of 50 typed as the maximum is not a maximum of 100): the value from
// before stays, and the words beside the field say what was typed and what was kept. One between the
// steps the setting keeps is rounded to the nearest, and that is said too, with what was typed: "whole
// numbers; 3 kept" beside a 3 reads as a rule, not as the 2.5 just typed having been changed.

export interface TypedField {
  /** How the value is named in a sentence, and its unit: ["A rest", " s"]. */
  readonly words: readonly [string, string];
  readonly limits: { readonly min: number; readonly max: number };
  /** The precision kept: 1 for whole numbers, 0.5 for half kilograms. */
  readonly step: number;
  /** May be left empty (age, maximum heart rate); a needed one keeps its value when cleared. */
  readonly optional: boolean;
}

export interface TypedOutcome {
  /** What the setting holds from now on. */
  readonly value: number | null;
  /** What to say beside the field, or null when it holds what was typed. */
  readonly words: string | null;
}

/** `typed` is null for a cleared field and NaN for what is no number; `before` is the setting's value. */
export function typedSetting(typed: number | null, before: number | null, field: TypedField): TypedOutcome {
  const { words, limits, step, optional } = field;
  const [what, unit] = words;
  const kept = before === null ? 'left empty' : `${before}${unit} kept`;
  if (typed === null && optional) return { value: null, words: null };
  if (typed === null || !Number.isFinite(typed))
    return { value: before, words: `${what}: ${takes(field)}; ${kept}.` };
  if (typed < limits.min) {
    return {
      value: before,
      words: `${what}: ${typed}${unit} is below ${limits.min}${unit}, the lowest it takes; ${kept}.`,
    };
  }
  if (typed > limits.max) {
    return {
      value: before,
      words: `${what}: ${typed}${unit} is above ${limits.max}${unit}, the most it takes; ${kept}.`,
    };
  }
  const rounded = Math.round(typed / step) * step;
  if (rounded === typed) return { value: typed, words: null };
  const steps = step === 1 ? 'whole numbers' : `steps of ${step}${unit}`;
  return {
    value: rounded,
    words: `${what}: ${typed}${unit} rounded to ${rounded}${unit}, as it takes ${steps}.`,
  };
}

/** "whole numbers from 1 to 10", "0 to 300 kg in steps of 0.5 kg". */
function takes({ words: [, unit], limits, step }: TypedField): string {
  return step === 1
    ? `whole numbers from ${limits.min} to ${limits.max}${unit}`
    : `${limits.min} to ${limits.max}${unit} in steps of ${step}${unit}`;
}
