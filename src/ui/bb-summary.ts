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
    return html`
      <h2>Session done</h2>
      <div class="totals">${summarise(this.records, this.durationMs)}</div>
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

/** "8 sets · 94 reps · 3 breaths · 2 min 15 s held · 34 min", leaving out what did not happen. */
export function summarise(records: readonly SetRecord[], durationMs: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let reps = 0;
  let breaths = 0;
  let holdMs = 0;
  for (const record of records) {
    if (record.holdMs !== null) holdMs += record.holdMs;
    else if (exerciseById(record.exerciseId).kind === 'breaths') breaths += record.count;
    else reps += record.count;
  }
  const parts = [plural(records.length, 'set')];
  if (reps > 0) parts.push(plural(reps, 'rep'));
  if (breaths > 0) parts.push(plural(breaths, 'breath'));
  if (holdMs > 0) parts.push(`${formatDuration(Math.round(holdMs / 1000))} held`);
  parts.push(`${Math.max(1, Math.round(durationMs / 60000))} min`);
  return parts.join(' · ');
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-summary': BbSummary;
  }
}
