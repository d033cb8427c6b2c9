import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { countText, PROGRAM } from '../workout/program.ts';
import { DRAWING_IN_STEPS_S, PLANK_STEP_S } from '../workout/progression.ts';
import type { Settings, SettingsModel } from '../workout/settings.ts';
import { checked } from './form-values.ts';
import { describeRange, formatDuration, listed } from './format.ts';
import { unbroken } from './styles.ts';

/**
 * The box that lets progression set the targets, the holds' and the counts' within the program's range:
 * named again by the note that says what it did.
 */
export const PROGRESS_LABEL = 'Set targets from my past sessions';

/** "The superman (10–12 reps), … and the wide-grip lat pulldown (12–15 reps)": the counts progression raises. */
const RANGED_COUNTS = listed(
  PROGRAM.flatMap((exercise) => {
    const range = describeRange(exercise);
    return range ? [`the ${exercise.name.toLowerCase()} (${range})`] : [];
  }),
).replace(/^the /, 'The ');

/**
 * "The wide-grip lat pulldown adds a set after a session in which every set reached 15 reps, up to 4 sets,
 * the reps starting again at 12.": the sets progression adds.
 */
const ADDED_SETS = PROGRAM.flatMap((exercise) => {
  const { targetRange, setRange } = exercise;
  return targetRange && setRange
    ? [
        `The ${exercise.name.toLowerCase()} adds a set after a session in which every set reached ${countText(exercise, targetRange.high)}, up to ${setRange.high} sets, the reps starting again at ${targetRange.low}.`,
      ]
    : [];
}).join(' ');

/** The settings' session: a full or a short one, and whether progression sets the targets. */
export function sessionFieldset(s: Settings, model: SettingsModel) {
  return html`
    <fieldset>
      <legend>Session</legend>
      <label>
        <input type="radio" name="length" value="full" .checked=${live(s.length === 'full')}
          @change=${() => model.setLength('full')} />
        Full session: every set
      </label>
      <label>
        <input type="radio" name="length" value="short" .checked=${live(s.length === 'short')}
          @change=${() => model.setLength('short')} />
        Short session: one set of each exercise
      </label>
      <label>
        <input type="checkbox" .checked=${live(s.autoProgress)} aria-describedby="progress-note"
          @change=${(e: Event) => model.setAutoProgress(checked(e))} />
        ${PROGRESS_LABEL}
      </label>
      <p class="note" id="progress-note">
        The drawing-in climbs ${unbroken(DRAWING_IN_STEPS_S.map(formatDuration).join(' → '))}, never below its
        target here; a target here below ${unbroken(formatDuration(DRAWING_IN_STEPS_S[0]))} stays as it is. The first plank aims ${unbroken(`${PLANK_STEP_S} s`)} past the first of the last session, above or
        below its target here, as each plank in a session aims past the one before. ${unbroken(RANGED_COUNTS)} ask
        one more after a session in which every set reached its target, up to the top of that range, never
        below their target here; a target here below that range stays as it is. ${unbroken(ADDED_SETS)}
      </p>
    </fieldset>
  `;
}
