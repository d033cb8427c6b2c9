import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { VoiceChoice } from '../cues/speech.ts';
import type { TuningModel } from '../workout/personal-tuning.ts';
import type { ExerciseId } from '../workout/program.ts';
import type { TargetChange } from '../workout/progression.ts';
import type { Settings, SettingsModel } from '../workout/settings.ts';
import { ObserveController } from './observe.ts';
import { pressEnded } from './press-ended.ts';
import { RestoreDefaultsQuestion, restoreDefaultsQuestionStyles } from './restore-defaults-question.ts';
import { backupsFieldset } from './settings-backups.ts';
import {
  ExercisesFieldset,
  exercisesStyles,
  otherWeights,
  type WeightsAsLastTime,
} from './settings-exercises.ts';
import { heartRateFieldset } from './settings-heart-rate.ts';
import { sessionFieldset } from './settings-session.ts';
import { VoiceAndSoundsFieldset, voiceAndSoundsStyles } from './settings-voice-and-sounds.ts';
import {
  backButton,
  buttonStyles,
  fieldStyles,
  headingFocusedByApp,
  screenTitleStyles,
  unbrokenStyles,
  visuallyHidden,
} from './styles.ts';
import { TypedCorrections, typedCorrectionsStyles } from './typed-corrections.ts';
import { otherVoices } from './voice-menu.ts';

/**
 * The settings screen: the program (order, dosage, what to leave out, short or full), the voice and
 * sounds, and the heart-rate data. Every control is a native form control with a visible label, so it
 * works with the keyboard and a screen reader as it is; changes apply and are remembered at once.
 *
 * Each fieldset is a module of its own (settings-*.ts), rendered into this one shadow root so that one
 * form holds every field, the styles they share apply to all, and a number typed out of range is said
 * beside its field (typed-corrections.ts) wherever that field is.
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
        label:not(:has(> input[type='checkbox'], > input[type='radio'])) {
          flex-wrap: wrap;
        }
      }
      .note {
        color: var(--bb-muted, #b6c2d1);
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
      }
    `,
    typedCorrectionsStyles,
    exercisesStyles,
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

  private settings!: ObserveController<Settings>;
  private learned: ObserveController<TuningModel['state']> | null = null;
  private readonly corrections = new TypedCorrections(this);
  private readonly exercises = new ExercisesFieldset(this, this.corrections);
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
        ${sessionFieldset(s, this.model)}
        ${this.exercises.render(s, this.learned?.value)}
        ${this.voiceAndSounds.render(s, this.voices)}
        ${heartRateFieldset(s, this.model, this.corrections)}
        ${backupsFieldset(this)}
        <div class="actions">
          <button type="button" class="primary" @click=${this.onDone}>Done</button>
          ${this.restoreQuestion.render()}
        </div>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">${this.exercises.announcement}</div>
    `;
  }

  private onDone(): void {
    this.dispatchEvent(new CustomEvent('bb-settings-done', { bubbles: true, composed: true }));
  }
}

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
