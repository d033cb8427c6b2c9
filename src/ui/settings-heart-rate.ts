import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LIMITS, type Settings, type SettingsModel } from '../workout/settings.ts';
import type { TypedField } from '../workout/typed-setting.ts';
import { checked } from './form-values.ts';
import type { TypedCorrections } from './typed-corrections.ts';
import { zonesNote } from './zones-note.ts';

const AGE_FIELD: TypedField = { words: ['Age', ''], limits: LIMITS.age, step: 1, optional: true };
const MAX_HR_FIELD: TypedField = {
  words: ['Maximum heart rate', ' bpm'],
  limits: LIMITS.maxHr,
  step: 1,
  optional: true,
};

/** The settings' heart rate: the age or maximum the zones come from, and whether a rest ends on recovery. */
export function heartRateFieldset(s: Settings, model: SettingsModel, corrections: TypedCorrections) {
  return html`
    <fieldset>
      <legend>Heart rate</legend>
      <label>
        Age
        <input type="number" inputmode="numeric" min=${LIMITS.age.min} max=${LIMITS.age.max} step="1"
          aria-describedby=${corrections.describedBy('age') ?? nothing}
          .value=${live(s.age === null ? '' : String(s.age))}
          @change=${(e: Event) => corrections.onTyped(e, 'age', AGE_FIELD, s.age, (n) => model.setAge(n))} />
      </label>
      ${corrections.render('age')}
      <label>
        Maximum heart rate, bpm, if you know it
        <input type="number" inputmode="numeric" min=${LIMITS.maxHr.min} max=${LIMITS.maxHr.max} step="1"
          aria-describedby=${corrections.describedBy('max-hr', ['max-hr-note']) ?? nothing}
          .value=${live(s.maxHr === null ? '' : String(s.maxHr))}
          @change=${(e: Event) => corrections.onTyped(e, 'max-hr', MAX_HR_FIELD, s.maxHr, (n) => model.setMaxHr(n))} />
      </label>
      ${corrections.render('max-hr')}
      <p class="note" id="max-hr-note">${zonesNote(s)}</p>
      <label>
        <input type="checkbox" .checked=${live(s.endRestOnRecovery)}
          @change=${(e: Event) => model.setEndRestOnRecovery(checked(e))} />
        End a rest early once my heart rate has recovered
      </label>
    </fieldset>
  `;
}
