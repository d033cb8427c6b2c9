import { css, html, type LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TuningModel } from '../workout/personal-tuning.ts';
import { type ExerciseId, exerciseById, perSideText } from '../workout/program.ts';
import { belowProgramDose, type TargetChange } from '../workout/progression.ts';
import { capitalised } from '../workout/set-words.ts';
import {
  type DosagePatch,
  type ExerciseChoice,
  LIMITS,
  type Settings,
  type SettingsModel,
  targetLimits,
} from '../workout/settings.ts';
import type { TypedField } from '../workout/typed-setting.ts';
import { shownTargetChange, suggestedWeightKg, targetFieldNames, weightNote } from './dosage-notes.ts';
import { checked } from './form-values.ts';
import {
  describeBelowRange,
  describeChangedDose,
  describeHeavierWeight,
  describeTargetChange,
  farAboveProgramNote,
  learnedText,
} from './format.ts';
import { PROGRESS_LABEL } from './settings-session.ts';
import { cardListStyles, unbroken } from './styles.ts';
import type { TypedCorrections } from './typed-corrections.ts';

export type WeightsAsLastTime = Readonly<Partial<Record<ExerciseId, number>>>;

/**
 * Whether two sets of weights differ in any weight: the app hands them over afresh on every render,
 * and a form re-rendered by each heart-rate sample wipes a number being typed.
 */
export function otherWeights(next: WeightsAsLastTime, previous?: WeightsAsLastTime): boolean {
  if (!previous) return true;
  const ids = new Set([...Object.keys(next), ...Object.keys(previous)]) as Set<ExerciseId>;
  return [...ids].some((id) => next[id] !== previous[id]);
}

/** The settings screen, with what today's plan and the app's learning say of each exercise. */
interface SettingsScreen extends LitElement {
  readonly model: SettingsModel;
  readonly targetChanges: readonly TargetChange[];
  readonly heavierWeights: readonly ExerciseId[];
  readonly weightsAsLastTime: WeightsAsLastTime;
  readonly tunings: TuningModel | null;
}

/**
 * The settings' exercises, in session order: each one's box to leave it out, its move buttons, its
 * numbers (sets, target, rest and weight), and the notes on them from today's plan and what was learned.
 */
export class ExercisesFieldset {
  /** What the last reorder did, for screen readers: focus stays on the button, this says where it went. */
  announcement = '';

  constructor(
    private readonly host: SettingsScreen,
    private readonly corrections: TypedCorrections,
  ) {}

  render(s: Settings, learned: TuningModel['state'] | undefined) {
    const count = s.exercises.length;
    return html`
      <fieldset>
        <legend>Exercises, in session order</legend>
        <ol class="cards">
          ${repeat(
            s.exercises,
            (choice) => choice.id,
            (choice, i) =>
              this.renderExercise(choice, i, count, s.length === 'short', s.autoProgress, learned),
          )}
        </ol>
      </fieldset>
    `;
  }

  private renderExercise(
    choice: ExerciseChoice,
    index: number,
    count: number,
    short: boolean,
    autoProgress: boolean,
    learned: TuningModel['state'] | undefined,
  ) {
    const exercise = exerciseById(choice.id);
    const { dosage } = choice;
    const target = targetFieldNames(exercise.kind);
    const limits = targetLimits(choice.id);
    const change = shownTargetChange(this.host.targetChanges, choice.id);
    const learnedWords = learnedText(exercise, learned?.[choice.id]);
    // The field keeps the full session's sets, to come back to; a short session does one of each.
    const shortNoteId = short && dosage.sets !== 1 ? `${choice.id}-short-sets` : null;
    // The reps of a set done one side at a time are kept as the total of both sides.
    const perSideNoteId = exercise.alternatesSides ? `${choice.id}-per-side` : null;
    const farAbove = farAboveProgramNote(exercise, dosage.target);
    const farAboveNoteId = farAbove ? `${choice.id}-far-above` : null;
    const targetNoteIds = [perSideNoteId, farAboveNoteId].filter((id) => id !== null).join(' ') || null;
    const lastTimeKg = suggestedWeightKg(exercise, dosage, this.host.weightsAsLastTime[choice.id]);
    const weightNoteText = weightNote(exercise, dosage, lastTimeKg);
    const weightNoteId = weightNoteText ? `${choice.id}-weight-note` : null;
    return html`
      <li class=${choice.included ? '' : 'left-out'}>
        <div class="head">
          <label>
            <input type="checkbox" .checked=${live(choice.included)}
              @change=${(e: Event) => this.host.model.setIncluded(choice.id, checked(e))} />
            <span>${unbroken(exercise.name)}</span>
          </label>
          <button type="button" data-id=${choice.id} data-move="earlier" aria-label=${`Move ${exercise.name} earlier`}
            ?disabled=${index === 0} @click=${() => this.onMove(choice.id, -1)}>↑</button>
          <button type="button" data-id=${choice.id} data-move="later" aria-label=${`Move ${exercise.name} later`}
            ?disabled=${index === count - 1} @click=${() => this.onMove(choice.id, 1)}>↓</button>
        </div>
        <div class="dose">
          ${this.numberField(choice.id, exercise.name, 'sets', 'sets', ['Sets', ''], dosage.sets, LIMITS.sets, 1, shortNoteId)}
          ${this.numberField(choice.id, exercise.name, 'target', target.label, target.words, dosage.target, limits, 1, targetNoteIds)}
          ${this.numberField(choice.id, exercise.name, 'restS', 'rest, seconds', ['A rest', ' s'], dosage.restS, LIMITS.restS, 1)}
          ${
            exercise.weighted
              ? this.numberField(
                  choice.id,
                  exercise.name,
                  'weightKg',
                  'weight, kg',
                  ['The weight', ' kg'],
                  dosage.weightKg ?? null,
                  LIMITS.weightKg,
                  0.5,
                  weightNoteId,
                  lastTimeKg,
                )
              : nothing
          }
        </div>
        ${weightNoteId ? html`<p class="note" id=${weightNoteId}>${weightNoteText}</p>` : nothing}
        ${
          perSideNoteId
            ? html`<p class="note" id=${perSideNoteId}>
                Reps count both sides: ${dosage.target} = ${unbroken(perSideText(dosage.target))}.
              </p>`
            : nothing
        }
        ${
          shortNoteId
            ? html`<p class="note" id=${shortNoteId}>
                A short session does 1 set; ${dosage.sets} sets are for a full session.
              </p>`
            : nothing
        }
        ${
          change
            ? html`<p class="note">
                Today's session: ${unbroken(describeChangedDose(change, 'today'))}. ${unbroken(describeTargetChange(change))} Untick
                “${PROGRESS_LABEL}” to keep ${unbroken(describeChangedDose(change, 'setting'))}.
              </p>`
            : autoProgress && belowProgramDose(exercise, dosage.target)
              ? html`<p class="note">${unbroken(describeBelowRange(exercise, 'here'))}</p>`
              : nothing
        }
        ${
          this.host.heavierWeights.includes(choice.id)
            ? html`<p class="note">${unbroken(describeHeavierWeight(exercise, 'here', change !== undefined))}</p>`
            : nothing
        }
        ${farAbove ? html`<p class="note" id=${farAboveNoteId}>${unbroken(farAbove)}</p>` : nothing}
        ${
          learnedWords
            ? html`<p class="note learned">
                ${learnedWords}
                <button type="button" class="quiet" aria-label=${`Forget what was learned of ${exercise.name}`}
                  @click=${() => this.host.tunings?.forget(choice.id)}>Forget it</button>
              </p>`
            : nothing
        }
        ${DOSAGE_FIELDS.map((field) => this.corrections.render(dosageKey(choice.id, field)))}
      </li>
    `;
  }

  /**
   * A number input whose accessible name says which exercise it belongs to ("Superman sets"). Its step
   * is the precision the settings keep (whole seconds, half kilograms): a coarser one would mark a kept
   * value invalid with no word to the person about it. A whole number is a number field with a keypad
   * of digits; a decimal (the weight) is text read as typed, so that "12,5" is not taken for 125.
   */
  private numberField(
    id: ExerciseId,
    name: string,
    field: keyof DosagePatch,
    label: string,
    words: FieldWords,
    value: number | null,
    limits: Limits,
    step: number,
    describedBy: string | null = null,
    suggested: number | null = null,
  ) {
    const key = dosageKey(id, field);
    const before = () => this.host.model.state.exercises.find((c) => c.id === id)?.dosage[field] ?? null;
    // The weight may be left empty: none is logged until the person picks one.
    const optional = field === 'weightKg';
    const onChange = (e: Event) =>
      this.corrections.onTyped(e, key, { words, limits, step, optional }, before(), (n) => {
        if (n !== null || optional) this.host.model.setDosage(id, { [field]: n ?? undefined });
      });
    const described = this.corrections.describedBy(key, [describedBy]);
    return html`
      <label>
        ${capitalised(label)}
        ${
          Number.isInteger(step)
            ? html`<input type="number" aria-label=${`${name} ${label}`} aria-describedby=${described ?? nothing} inputmode="numeric" placeholder=${suggested === null ? nothing : String(suggested)} min=${limits.min} max=${limits.max} step=${step} .value=${live(value === null ? '' : String(value))}
                @change=${onChange} />`
            : html`<input type="text" aria-label=${`${name} ${label}`} aria-describedby=${described ?? nothing} inputmode="decimal" autocomplete="off" placeholder=${suggested === null ? nothing : String(suggested)} .value=${live(value === null ? '' : String(value))}
                @change=${onChange} />`
        }
      </label>
    `;
  }

  private async onMove(id: ExerciseId, by: -1 | 1): Promise<void> {
    this.host.model.move(id, by);
    const { exercises } = this.host.model.state;
    const index = exercises.findIndex((c) => c.id === id);
    this.announcement = `${exerciseById(id).name} is now ${index + 1} of ${exercises.length}`;
    this.host.requestUpdate();
    await this.host.updateComplete;
    // Moving the row in the DOM drops focus; keep it on the button so the next press moves it again, or
    // on the other one when this end is reached.
    const root = this.host.renderRoot;
    const same = root.querySelector<HTMLButtonElement>(
      `button[data-id="${id}"][data-move="${by < 0 ? 'earlier' : 'later'}"]`,
    );
    const other = root.querySelector<HTMLButtonElement>(
      `button[data-id="${id}"][data-move="${by < 0 ? 'later' : 'earlier'}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
  }
}

/** The numbers of an exercise's row, in the order they are laid out, for their words in that order. */
const DOSAGE_FIELDS = [
  'sets',
  'target',
  'restS',
  'weightKg',
] as const satisfies readonly (keyof DosagePatch)[];

/**
 * Where the words about one number of one exercise are kept: each field its own, so that a second
 * number typed wrong in the row does not take away what was said of the first.
 */
function dosageKey(id: ExerciseId, field: keyof DosagePatch): string {
  return `${id} ${field}`;
}

/** How a field's value is named in a sentence, and its unit: ["A rest", " s"]. */
type FieldWords = TypedField['words'];

type Limits = { readonly min: number; readonly max: number };

export const exercisesStyles = [
  cardListStyles,
  css`
  li.left-out .dose {
    opacity: 0.55;
  }
  /* The name wraps before the two move buttons part. */
  .head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .head label {
    font-weight: 700;
    font-size: 1.2rem;
    margin-right: auto;
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: break-word;
  }
  .head button {
    flex: none;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0 0.75rem;
  }
  .dose {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.25rem;
  }
  /* On a phone the fields stack: their words in one column, so the boxes line up under each other. */
  @media (max-width: 30rem) {
    .dose label {
      display: grid;
      grid-template-columns: 8.5rem auto;
    }
  }
  /* Phones up to 384 px (360, 375): an exercise's box and its head give up some of their margins, as
     the list's box does (see bb-settings), so that each stays inside the list's. */
  @media (max-width: 24rem) {
    .cards > li {
      padding-inline: 0.5rem;
    }
    .head {
      gap: 0.25rem;
    }
  }
  /* The narrowest phones (320 px): the words' column and the names give up a little of their room too. */
  @media (max-width: 22rem) {
    .head label {
      font-size: 1.1rem;
    }
    .dose label {
      grid-template-columns: 7rem auto;
    }
  }
  /* Text at twice its size on a phone (180 px): the boxes in boxes give up more of their margins,
     and the move buttons go under a name that does not fit beside them. */
  @media (max-width: 18rem) {
    .cards > li {
      padding-inline: 0.4rem;
    }
    .head {
      flex-wrap: wrap;
    }
    /* A box's words wrap beside it; only a name that cannot (Drawing-in) goes under its box. */
    .head label {
      flex-wrap: wrap;
    }
    .head label > span {
      flex: 1 1 0;
    }
    .dose label {
      grid-template-columns: auto;
      justify-items: start;
    }
  }
  /* Forget it beside the words where it fits, under them and flush with them where it does not. */
  .note.learned {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
`,
];
