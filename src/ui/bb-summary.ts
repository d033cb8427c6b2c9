import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exerciseById } from '../workout/program.ts';
import type { SetRecord } from '../workout/session.ts';
import { formatDuration } from './bb-set-view.ts';
import { sendCommand } from './events.ts';
import { buttonStyles, visuallyHidden } from './styles.ts';

/** The end of a session: every set, what was counted, and how long it took. */
@customElement('bb-summary')
export class BbSummary extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
        justify-items: center;
      }
      h2 {
        margin: 0;
        font-size: clamp(2rem, 6vmin, 3rem);
      }
      table {
        border-collapse: collapse;
        font-size: 1.2rem;
        min-width: min(100%, 32rem);
      }
      th,
      td {
        padding: 0.5rem 0.9rem;
        border-bottom: 1px solid var(--bb-border, #3b4656);
        text-align: left;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .totals {
        font-size: 1.4rem;
        color: var(--bb-muted, #b6c2d1);
      }
    `,
  ];

  @property({ attribute: false }) records: readonly SetRecord[] = [];
  @property({ type: Number }) durationMs = 0;

  override render() {
    const reps = this.records.reduce((n, r) => n + (r.holdMs === null ? r.count : 0), 0);
    const holdMs = this.records.reduce((n, r) => n + (r.holdMs ?? 0), 0);
    return html`
      <h2>Session done</h2>
      <div class="totals">
        ${this.records.length} sets · ${reps} reps and breaths · ${formatDuration(Math.round(holdMs / 1000))} held ·
        ${Math.round(this.durationMs / 60000)} min
      </div>
      <table>
        <caption class="visually-hidden">Sets of this session</caption>
        <thead>
          <tr><th scope="col">Exercise</th><th scope="col">Set</th><th scope="col">Done</th><th scope="col">Target</th></tr>
        </thead>
        <tbody>
          ${this.records.map(
            (r) => html`<tr>
              <td>${exerciseById(r.exerciseId).name}</td>
              <td class="number">${r.setNumber}</td>
              <td class="number">${r.holdMs === null ? r.count : formatDuration(Math.round(r.holdMs / 1000))}</td>
              <td class="number">${r.holdMs === null ? r.target : `${r.target} s`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <button class="primary" @click=${() => sendCommand(this, 'bb-new-session')}>New session</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-summary': BbSummary;
  }
}
