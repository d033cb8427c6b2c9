import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { VoiceChoice } from '../cues/speech.ts';
import type { TuningModel } from '../workout/personal-tuning.ts';
import { type ExerciseId, exerciseById, perSideText, weightToLog } from '../workout/program.ts';
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
import { checked } from './form-values.ts';
import {
  describeBelowRange,
  describeChangedDose,
  describeHeavierWeight,
  describeNoWeight,
  describeTargetChange,
  describeWeightAsLastTime,
  farAboveProgramNote,
  learnedText,
} from './format.ts';
import { ObserveController } from './observe.ts';
import { pressEnded } from './press-ended.ts';
import { RestoreDefaultsQuestion, restoreDefaultsQuestionStyles } from './restore-defaults-question.ts';
import { backupsFieldset } from './settings-backups.ts';
import { heartRateFieldset } from './settings-heart-rate.ts';
import { PROGRESS_LABEL, sessionFieldset } from './settings-session.ts';
import { VoiceAndSoundsFieldset, voiceAndSoundsStyles } from './settings-voice-and-sounds.ts';
import {
  backButton,
  buttonStyles,
  fieldStyles,
  headingFocusedByApp,
  screenTitleStyles,
  unbroken,
  unbrokenStyles,
  visuallyHidden,
} from './styles.ts';
import { TypedCorrections, typedCorrectionsStyles } from './typed-corrections.ts';
import { otherVoices } from './voice-menu.ts';

type WeightsAsLastTime = Readonly<Partial<Record<ExerciseId, number>>>;

/**
 * Whether two sets of weights differ in any weight: the app hands them over afresh on every render,
 * and a form re-rendered by each heart-rate sample wipes a number being typed.
 */
function otherWeights(next: WeightsAsLastTime, previous?: WeightsAsLastTime): boolean {
  if (!previous) return true;
  const ids = new Set([...Object.keys(next), ...Object.keys(previous)]) as Set<ExerciseId>;
  return [...ids].some((id) => next[id] !== previous[id]);
}

/**
 * The settings screen: the program (order, dosage, what to leave out, short or full), the voice and
 * sounds, and the heart-rate data. Every control is a native form control with a visible label, so it
 * works with the keyboard and a screen reader as it is; changes apply and are remembered at once.
 */
@customElement('bb-settings')
export class BbSettings extends LitElement {
  static override styles = [
    buttonStyles,
    fieldStyles,
    visuallyHidden,
    unbrokenStyles,
    headingFocusedByApp,
    screenTitleStyles,
    css`
      :host {
        display: block;
        /* History's column, as both open from the header's two buttons: a max-width here gave way to
           the app's main (max-width: 100% on each screen), and on a laptop the settings ran the
           window's whole width, their notes in lines of 1,300 px. */
        width: min(100%, 60rem);
        color: var(--bb-text, #f5f7fa);
        font-size: 1.1rem;
      }
      h2 {
        font-size: 2rem;
        margin: 0;
      }
      .title {
        margin: 0 0 1rem;
      }
      fieldset {
        border: 1px solid var(--bb-border, #3b4656);
        border-radius: 0.75rem;
        padding: 1rem 1.25rem;
        margin: 0 0 1.25rem;
        display: grid;
        gap: 0.75rem;
        /* A fieldset is as wide as its widest row by default: on a phone, it keeps to the screen. */
        min-inline-size: 0;
        /* Its column too: a voice's long name in the menu took it, and the page, to 713 px of a 360 px
           phone. */
        grid-template-columns: minmax(0, 1fr);
      }
      legend {
        font-weight: 700;
        font-size: 1.3rem;
        padding: 0 0.4rem;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
      }
      /* A control that does nothing now (muted) reads as such, its words as well as its box. */
      label:has(> :disabled) {
        color: var(--bb-muted, #b6c2d1);
      }
      input[type='number'],
      input[type='text'] {
        width: 5.5rem;
      }
      /* A tick box or a choice is tapped by its words as well as its box, on at least the 44 px of a
         button: at its text's height, "Full session: every set" was a 27 px strip 12 px above the short
         session's, and Mute's over Tones'. */
      label:has(> input[type='checkbox'], > input[type='radio']) {
        min-height: 2.75rem;
      }
      input[type='checkbox'],
      input[type='radio'] {
        flex: none;
        width: 1.5rem;
        height: 1.5rem;
        min-height: 0;
        accent-color: var(--bb-accent, #4ade80);
      }
      input:focus-visible,
      select:focus-visible {
        outline: 4px solid var(--bb-focus, #facc15);
        outline-offset: 2px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        border: 1px solid var(--bb-border, #3b4656);
        border-radius: 0.75rem;
        padding: 0.75rem 1rem;
        display: grid;
        gap: 0.6rem;
      }
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
      /*
       * Phones up to 384 px (360, 375): boxes in boxes give up some of their margins, and every
       * exercise's box stays inside the list's. An exercise's head (its box, "Drawing-in" on one line,
       * two 44 px move buttons) takes 271 px with the wider margins, which left a 360 px phone's boxes
       * 19 px into the list's right margin, against its border.
       */
      @media (max-width: 24rem) {
        fieldset {
          padding-inline: 0.6rem;
        }
        li {
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
         and what does not fit beside its words goes under them (a field, a menu of voices, the move
         buttons) rather than past the screen's edge. */
      @media (max-width: 18rem) {
        /* As large as History's heading there: at 2rem, "Settings" stuck 3 px into the page's margin. */
        h2 {
          font-size: 1.75rem;
        }
        fieldset {
          padding-inline: 0.3rem;
        }
        li {
          padding-inline: 0.4rem;
        }
        .head,
        label:not(:has(> input[type='checkbox'], > input[type='radio'])) {
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
      .note {
        color: var(--bb-muted, #b6c2d1);
        margin: 0;
      }
      /* Forget it beside the words where it fits, under them and flush with them where it does not. */
      .note.learned {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
      }
    `,
    typedCorrectionsStyles,
    voiceAndSoundsStyles,
    restoreDefaultsQuestionStyles,
  ];

  @property({ attribute: false }) model!: SettingsModel;
  /**
   * The voices the browser offers (Speech.voices()); empty while they load or when there are none.
   * The app hands the list over afresh on every render: only a list with other voices is a change,
   * or each heart-rate sample would re-render the form and wipe a number being typed.
   */
  @property({ attribute: false, hasChanged: otherVoices }) voices: readonly VoiceChoice[] = [];
  /** Where today's plan sets a target apart from these settings, and why (progression). */
  @property({ attribute: false }) targetChanges: readonly TargetChange[] = [];
  /** The exercises of today's plan for which it is time to try a heavier weight (progression). */
  @property({ attribute: false }) heavierWeights: readonly ExerciseId[] = [];
  /**
   * The weight today's plan took from the last session, of each exercise done with one for which none
   * is logged here (see weightAsLastTime): the field suggests it, and the plan lifts it until another
   * is typed.
   */
  @property({ attribute: false, hasChanged: otherWeights })
  weightsAsLastTime: WeightsAsLastTime = {};
  /** What the app learned from the person's corrections, to show per exercise and to forget. */
  @property({ attribute: false }) tunings: TuningModel | null = null;

  /** What the last reorder did, for screen readers: focus stays on the button, this says where it went. */
  @state() private announcement = '';
  private settings!: ObserveController<Settings>;
  private learned: ObserveController<TuningModel['state']> | null = null;
  private readonly corrections = new TypedCorrections(this);
  private readonly voiceAndSounds = new VoiceAndSoundsFieldset(this);
  private readonly restoreQuestion = new RestoreDefaultsQuestion(this, () => {
    this.corrections.forgetAll();
    this.model.restoreDefaults();
  });

  override connectedCallback(): void {
    // The controllers need the models, which are set before the element is attached.
    this.settings ??= ObserveController.ofModel(this, this.model);
    if (this.tunings) this.learned ??= ObserveController.ofModel(this, this.tunings);
    super.connectedCallback();
  }

  protected override async scheduleUpdate(): Promise<void> {
    if (this.corrections.takeHoldForPress()) await pressEnded();
    super.scheduleUpdate();
  }

  override render() {
    const s = this.settings.value;
    return html`
      <div class="title">
        ${
          // The way back above the heading, as History gives its own: Done alone closed the settings,
          // at their foot, 6,747 px down a phone with its text at twice its size (180 × 320).
          backButton(this.onDone)
        }
        <h2 id="settings-title" tabindex="-1">Settings</h2>
      </div>
      <form aria-labelledby="settings-title" @submit=${(e: Event) => e.preventDefault()}>
        ${sessionFieldset(s, this.model)} ${this.renderExercises(s)} ${this.voiceAndSounds.render(s, this.voices)} ${heartRateFieldset(s, this.model, this.corrections)}
        ${backupsFieldset(this)}
        <div class="actions">
          <button type="button" class="primary" @click=${this.onDone}>Done</button>
          ${this.restoreQuestion.render()}
        </div>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderExercises(s: Settings) {
    const count = s.exercises.length;
    return html`
      <fieldset>
        <legend>Exercises, in session order</legend>
        <ol>
          ${repeat(
            s.exercises,
            (choice) => choice.id,
            (choice, i) => this.renderExercise(choice, i, count, s.length === 'short', s.autoProgress),
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
  ) {
    const exercise = exerciseById(choice.id);
    const { dosage } = choice;
    const targetLabel =
      exercise.kind === 'hold' ? 'hold, seconds' : exercise.kind === 'breaths' ? 'breaths' : 'reps';
    const targetWords: FieldWords =
      exercise.kind === 'hold'
        ? ['A hold', ' s']
        : exercise.kind === 'breaths'
          ? ['Breaths', '']
          : ['Reps', ''];
    const limits = targetLimits(choice.id);
    // One kept at the setting moved nothing here: there is nothing for Progress to undo.
    const change = this.targetChanges.find(
      (c) => c.exerciseId === choice.id && (c.sets !== undefined || c.today !== c.setting),
    );
    const learned = learnedText(exercise, this.learned?.value[choice.id]);
    // The field keeps the full session's sets, to come back to; a short session does one of each.
    const shortNoteId = short && dosage.sets !== 1 ? `${choice.id}-short-sets` : null;
    // The reps of a set done one side at a time are kept as the total of both sides.
    const perSideNoteId = exercise.alternatesSides ? `${choice.id}-per-side` : null;
    const farAbove = farAboveProgramNote(exercise, dosage.target);
    const farAboveNoteId = farAbove ? `${choice.id}-far-above` : null;
    const targetNoteIds = [perSideNoteId, farAboveNoteId].filter((id) => id !== null).join(' ') || null;
    const lastTimeKg = weightToLog(exercise, dosage) ? (this.weightsAsLastTime[choice.id] ?? null) : null;
    const weightNote =
      lastTimeKg !== null
        ? describeWeightAsLastTime(lastTimeKg, 'here')
        : weightToLog(exercise, dosage)
          ? describeNoWeight('here')
          : null;
    const weightNoteId = weightNote ? `${choice.id}-weight-note` : null;
    return html`
      <li class=${choice.included ? '' : 'left-out'}>
        <div class="head">
          <label>
            <input type="checkbox" .checked=${live(choice.included)}
              @change=${(e: Event) => this.model.setIncluded(choice.id, checked(e))} />
            <span>${unbroken(exercise.name)}</span>
          </label>
          <button type="button" data-id=${choice.id} data-move="earlier" aria-label=${`Move ${exercise.name} earlier`}
            ?disabled=${index === 0} @click=${() => this.onMove(choice.id, -1)}>↑</button>
          <button type="button" data-id=${choice.id} data-move="later" aria-label=${`Move ${exercise.name} later`}
            ?disabled=${index === count - 1} @click=${() => this.onMove(choice.id, 1)}>↓</button>
        </div>
        <div class="dose">
          ${this.numberField(choice.id, exercise.name, 'sets', 'sets', ['Sets', ''], dosage.sets, LIMITS.sets, 1, shortNoteId)}
          ${this.numberField(choice.id, exercise.name, 'target', targetLabel, targetWords, dosage.target, limits, 1, targetNoteIds)}
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
        ${weightNoteId ? html`<p class="note" id=${weightNoteId}>${weightNote}</p>` : nothing}
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
          this.heavierWeights.includes(choice.id)
            ? html`<p class="note">${unbroken(describeHeavierWeight(exercise, 'here', change !== undefined))}</p>`
            : nothing
        }
        ${farAbove ? html`<p class="note" id=${farAboveNoteId}>${unbroken(farAbove)}</p>` : nothing}
        ${
          learned
            ? html`<p class="note learned">
                ${learned}
                <button type="button" class="quiet" aria-label=${`Forget what was learned of ${exercise.name}`}
                  @click=${() => this.tunings?.forget(choice.id)}>Forget it</button>
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
    const before = () => this.model.state.exercises.find((c) => c.id === id)?.dosage[field] ?? null;
    // The weight may be left empty: none is logged until the person picks one.
    const optional = field === 'weightKg';
    const onChange = (e: Event) =>
      this.corrections.onTyped(e, key, { words, limits, step, optional }, before(), (n) => {
        if (n !== null || optional) this.model.setDosage(id, { [field]: n ?? undefined });
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
    this.model.move(id, by);
    const index = this.settings.value.exercises.findIndex((c) => c.id === id);
    this.announcement = `${exerciseById(id).name} is now ${index + 1} of ${this.settings.value.exercises.length}`;
    await this.updateComplete;
    // Moving the row in the DOM drops focus; keep it on the button so the next press moves it again, or
    // on the other one when this end is reached.
    const root = this.renderRoot;
    const same = root.querySelector<HTMLButtonElement>(
      `button[data-id="${id}"][data-move="${by < 0 ? 'earlier' : 'later'}"]`,
    );
    const other = root.querySelector<HTMLButtonElement>(
      `button[data-id="${id}"][data-move="${by < 0 ? 'later' : 'earlier'}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
  }

  private onDone(): void {
    this.dispatchEvent(new CustomEvent('bb-settings-done', { bubbles: true, composed: true }));
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

declare global {
  interface HTMLElementTagNameMap {
    'bb-settings': BbSettings;
  }
  interface GlobalEventHandlersEventMap {
    /** Say a sample sentence with the chosen voice and rate. */
    'bb-try-voice': CustomEvent<undefined>;
    /** Close the settings. */
    'bb-settings-done': CustomEvent<undefined>;
  }
}
