import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { wrongPositionText } from '../workout/program.ts';
import type { CurrentSet, PlannedExercise } from '../workout/session.ts';
import { sendCommand } from './events.ts';
import { buttonStyles, visuallyHidden } from './styles.ts';
import './bb-progress-ring.ts';

/** The screen during a set: what to do, the big live count or hold timer, and the manual overrides. */
@customElement('bb-set-view')
export class BbSetView extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: grid;
        gap: 1rem;
        justify-items: center;
        text-align: center;
      }
      h2 {
        margin: 0;
        font-size: clamp(2rem, 7vmin, 3.5rem);
      }
      .meta {
        font-size: clamp(1.25rem, 4vmin, 2rem);
        color: var(--bb-muted, #b6c2d1);
      }
      .side {
        color: var(--bb-accent, #4ade80);
        font-weight: 700;
      }
      .count {
        font-size: clamp(5rem, 28vmin, 10rem);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .unit {
        font-size: clamp(1.25rem, 5vmin, 2.25rem);
        color: var(--bb-muted, #b6c2d1);
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        justify-content: center;
      }
      .prompt {
        font-size: clamp(2rem, 9vmin, 4rem);
        font-weight: 800;
        line-height: 1.15;
        max-width: 40rem;
        margin: 0.25rem 0;
      }
      .waiting {
        font-size: clamp(1.1rem, 4vmin, 1.6rem);
        color: var(--bb-muted, #b6c2d1);
        max-width: 36rem;
      }
      .wrong {
        font-size: clamp(1.15rem, 4.5vmin, 2rem);
        font-weight: 700;
        max-width: 36rem;
        padding: 0.75rem 1rem;
        border-radius: 0.75rem;
        background: var(--bb-problem-bg, #3b2a0a);
        border: 2px solid var(--bb-warn, #fbbf24);
      }
      details {
        max-width: 40rem;
        text-align: left;
        font-size: 1.15rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) planned!: PlannedExercise;
  @property({ attribute: false }) set!: CurrentSet;
  @property({ type: Number }) nowMs = 0;
  @property({ type: Boolean }) paused = false;

  override render() {
    if (this.set.waiting) return this.renderWaiting();
    const { exercise, dosage } = this.planned;
    const set = this.set;
    const display = this.display();
    return html`
      <h2>${exercise.name}</h2>
      <div class="meta">
        Set ${set.setNumber} of ${dosage.sets}${dosage.weightKg ? html` · ${dosage.weightKg} kg` : nothing}
        ${exercise.alternatesSides ? html` · next: <span class="side">${set.count % 2 === 0 ? 'right' : 'left'} arm</span>` : nothing}
      </div>
      <bb-progress-ring
        .value=${display.value}
        .max=${display.max}
        label=${display.label}
        value-text=${display.valueText}
      >
        <div class="count" aria-hidden="true">${display.big}</div>
        <div class="unit" aria-hidden="true">${display.unit}</div>
      </bb-progress-ring>
      <div class="visually-hidden" role="status" aria-live="polite">${display.announcement}</div>
      <div class="controls">
        ${
          exercise.kind === 'hold'
            ? html`<button @click=${() => sendCommand(this, 'bb-end-hold')} ?disabled=${set.holdStartMs === null}>End hold</button>`
            : html`
                <button @click=${() => sendCommand(this, 'bb-adjust', { delta: -1 })}>−1</button>
                <button @click=${() => sendCommand(this, 'bb-adjust', { delta: 1 })}>+1</button>
              `
        }
        ${this.renderSessionControls()}
      </div>
      ${this.renderHowTo()}
    `;
  }

  /**
   * Before the set begins: what position to take, in letters big enough to read from the mat, and
   * what is wrong with the present one; the set begins by itself once the person is in it.
   */
  private renderWaiting() {
    const { exercise, dosage } = this.planned;
    const set = this.set;
    return html`
      <h2>${exercise.name}</h2>
      <div class="meta">
        Set ${set.setNumber} of ${dosage.sets}${dosage.weightKg ? html` · ${dosage.weightKg} kg` : nothing}
      </div>
      <div class="prompt" role="status" aria-live="polite">${this.paused ? 'Paused' : exercise.positionPrompt}</div>
      ${
        set.wrongPosture
          ? html`<div class="wrong" role="alert">${wrongPositionText(exercise, set.wrongPosture)}</div>`
          : html`<div class="waiting">The set starts by itself once you are in position and still.</div>`
      }
      <div class="controls">
        <button class="primary" @click=${() => sendCommand(this, 'bb-begin-set')}>Start the set</button>
        ${this.renderSessionControls()}
      </div>
      ${this.renderHowTo()}
    `;
  }

  /** Pause or resume, skip the set, finish the session: the same before and during the set. */
  private renderSessionControls() {
    return html`
      ${
        this.paused
          ? html`<button class="primary" @click=${() => sendCommand(this, 'bb-resume')}>Resume</button>`
          : html`<button @click=${() => sendCommand(this, 'bb-pause')}>Pause</button>`
      }
      <button @click=${() => sendCommand(this, 'bb-skip')}>Skip set</button>
      <button class="quiet" @click=${() => sendCommand(this, 'bb-finish')}>Finish</button>
    `;
  }

  private renderHowTo() {
    const { exercise } = this.planned;
    return html`<details>
      <summary>How to do it</summary>
      <p>${exercise.position}</p>
      <ol>
        ${exercise.steps.map((step) => html`<li>${step}</li>`)}
      </ol>
      <ul>
        ${exercise.cues.map((cue) => html`<li>${cue}</li>`)}
      </ul>
    </details>`;
  }

  private display() {
    const { exercise, dosage } = this.planned;
    const set = this.set;
    if (exercise.kind === 'hold') {
      const heldS =
        set.holdStartMs === null ? 0 : Math.max(0, Math.floor((this.nowMs - set.holdStartMs) / 1000));
      return {
        value: heldS,
        max: dosage.target,
        big: formatSeconds(heldS),
        unit: this.paused
          ? 'paused'
          : set.holdStartMs === null
            ? 'get into position'
            : `of ${formatSeconds(dosage.target)}`,
        label: 'Hold time',
        valueText: `${heldS} of ${dosage.target} seconds`,
        announcement: this.paused
          ? 'Paused'
          : set.holdStartMs === null
            ? 'Waiting for the hold to begin'
            : 'Holding',
      };
    }
    const noun = exercise.kind === 'breaths' ? 'breaths' : 'reps';
    return {
      value: set.count,
      max: dosage.target,
      big: String(set.count),
      unit: this.paused ? 'paused' : `of ${dosage.target} ${noun}`,
      label: exercise.kind === 'breaths' ? 'Breath cycles' : 'Reps',
      valueText: `${set.count} of ${dosage.target} ${noun}`,
      announcement: this.paused ? 'Paused' : `${set.count} of ${dosage.target} ${noun}`,
    };
  }
}

export function formatSeconds(totalS: number): string {
  if (totalS < 60) return String(totalS);
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** "45 s", "1 min", "1 min 7 s": for sentences, where 1:07 would read badly aloud. */
export function formatDuration(totalS: number): string {
  if (totalS < 60) return `${totalS} s`;
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-set-view': BbSetView;
  }
}
