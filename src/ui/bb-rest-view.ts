import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Exercise } from '../workout/program.ts';
import { formatSeconds } from './bb-set-view.ts';
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
        font-size: clamp(6rem, 30vmin, 14rem);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .unit,
      .next {
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
  @property({ attribute: false }) next: { exercise: Exercise; setNumber: number } | null = null;

  override render() {
    const remainingS = Math.max(0, Math.ceil(this.remainingMs / 1000));
    const totalS = Math.round(this.totalMs / 1000);
    return html`
      <h2>Rest</h2>
      <bb-progress-ring
        .value=${remainingS}
        .max=${totalS}
        label="Rest remaining"
        value-text=${`${remainingS} seconds of rest left`}
      >
        <div class="count" aria-hidden="true">${formatSeconds(remainingS)}</div>
        <div class="unit" aria-hidden="true">seconds</div>
      </bb-progress-ring>
      ${
        this.next
          ? html`<div class="next" aria-live="polite">Next: <strong>${this.next.exercise.name}</strong>, set ${this.next.setNumber}</div>`
          : nothing
      }
      <div class="controls">
        <button class="primary" @click=${() => sendCommand(this, 'bb-skip')}>Start now</button>
        <button class="quiet" @click=${() => sendCommand(this, 'bb-finish')}>Finish</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-rest-view': BbRestView;
  }
}
