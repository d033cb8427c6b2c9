import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type Exercise, exerciseById } from '../workout/program.ts';
import type { SetRecord } from '../workout/session.ts';
import { formatDuration, formatSeconds } from './bb-set-view.ts';
import { sendCommand } from './events.ts';
import { buttonStyles } from './styles.ts';
import './bb-progress-ring.ts';

/** Between sets: the rest countdown and what comes next. */
@customElement('bb-rest-view')
export class BbRestView extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
        justify-items: center;
        text-align: center;
        --bb-ring-fill: var(--bb-rest, #60a5fa);
      }
      h2 {
        margin: 0;
        font-size: clamp(2rem, 7vmin, 3.5rem);
      }
      .count {
        font-size: clamp(5rem, 28vmin, 10rem);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .unit,
      .next,
      .last {
        font-size: clamp(1.25rem, 4.5vmin, 2rem);
        color: var(--bb-muted, #b6c2d1);
      }
      .next strong {
        color: var(--bb-text, #f5f7fa);
      }
      .controls {
        display: flex;
        gap: 0.75rem;
      }
    `,
  ];

  @property({ type: Number }) remainingMs = 0;
  @property({ type: Number }) totalMs = 1;
  @property({ type: Boolean }) paused = false;
  @property({ attribute: false }) next: { exercise: Exercise; setNumber: number } | null = null;
  /** The set just finished, to confirm what was counted. */
  @property({ attribute: false }) lastSet: SetRecord | null = null;

  override render() {
    const remainingS = Math.max(0, Math.ceil(this.remainingMs / 1000));
    const totalS = Math.round(this.totalMs / 1000);
    return html`
      <h2>Rest</h2>
      ${this.lastSet ? html`<div class="last" role="status">${describeSet(this.lastSet)}</div>` : nothing}
      <bb-progress-ring
        .value=${remainingS}
        .max=${totalS}
        label="Rest remaining"
        value-text=${`${remainingS} seconds of rest left`}
      >
        <div class="count" aria-hidden="true">${formatSeconds(remainingS)}</div>
        <div class="unit" aria-hidden="true">${this.paused ? 'paused' : 'seconds'}</div>
      </bb-progress-ring>
      ${
        this.next
          ? html`<div class="next" aria-live="polite">Next: <strong>${this.next.exercise.name}</strong>, set ${this.next.setNumber}</div>`
          : nothing
      }
      <div class="controls">
        <button class="primary" @click=${() => sendCommand(this, 'bb-skip')}>Start now</button>
        ${
          this.paused
            ? html`<button class="primary" @click=${() => sendCommand(this, 'bb-resume')}>Resume</button>`
            : html`<button @click=${() => sendCommand(this, 'bb-pause')}>Pause</button>`
        }
        <button class="quiet" @click=${() => sendCommand(this, 'bb-finish')}>Finish</button>
      </div>
    `;
  }
}

/** "Superman, set 1: 10 of 10 reps" or "Elbow plank, set 2: held 1 min 7 s". */
export function describeSet(record: SetRecord): string {
  const exercise = exerciseById(record.exerciseId);
  const done =
    record.holdMs !== null
      ? `held ${formatDuration(Math.round(record.holdMs / 1000))}`
      : `${record.count} of ${record.target} ${exercise.kind === 'breaths' ? 'breaths' : 'reps'}`;
  return `${exercise.name}, set ${record.setNumber}: ${done}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-rest-view': BbRestView;
  }
}
