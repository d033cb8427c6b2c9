import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionHeart } from '../workout/heart.ts';
import { exerciseById } from '../workout/program.ts';
import type { SetRecord } from '../workout/session.ts';
import { unbroken } from './styles.ts';
import { setsWithHeartRate, tellsHeartRate } from './summary-heart.ts';

/**
 * A session's heart rate per set and its drop in the rest after each (the first minute, or the whole
 * rest if shorter), and RMSSD before and after: the summary at a session's end tells it, and History a
 * past session's, alike. Nothing where no set has a heart rate to tell.
 */
@customElement('bb-set-heart-rates')
export class BbSetHeartRates extends LitElement {
  static override styles = [
    css`
    :host {
      display: block;
      font-size: 1.1rem;
      color: var(--bb-muted, #b6c2d1);
      max-width: 32rem;
      /* "Superman 1: 93 bpm average, 101 at most, then −12 in the rest" wraps within a 180 px screen. */
      overflow-wrap: break-word;
    }
    h3,
    h4 {
      /* An h4 in History as large as the summary's h3. */
      font-size: 1.17em;
      color: var(--bb-text, #f5f7fa);
      margin: 0 0 0.5rem;
    }
    ul {
      margin: 0;
      padding-left: 1.2rem;
      line-height: 1.6;
    }
    .note {
      font-size: 1rem;
    }
    /* A number with its unit goes to the next line whole, as the app's unbroken text does, unless it
       is wider than a line itself (text at twice its size in History's card on a 180 px screen): then
       it wraps within, rather than past the screen's edge. */
    .unbroken {
      display: inline-block;
      max-width: 100%;
    }
  `,
  ];

  @property({ attribute: false }) records: readonly SetRecord[] = [];
  @property({ attribute: false }) heart: SessionHeart | null = null;
  /** Under a session's own heading in History (h4), or the summary's (h3). */
  @property({ type: Number }) level: 3 | 4 = 3;

  override render() {
    const heart = this.heart;
    if (!heart || !tellsHeartRate(this.records, heart)) return nothing;
    const told = setsWithHeartRate(this.records, heart);
    const hrv = describeHrv(heart);
    return html`
      <section class="heart" aria-labelledby="heart-title">
        ${
          this.level === 4
            ? html`<h4 id="heart-title">Heart rate</h4>`
            : html`<h3 id="heart-title">Heart rate</h3>`
        }
        <ul>
          ${told.map(({ record, stats, recovery, skipped }) => {
            const dropBpm = recovery ? Math.round(recovery.dropBpm) : null;
            // A heart that did not slow down (it may even have climbed, getting up) has no "−0" or "−-3".
            // The drop stays with what it is, as a heart rate with its bpm: in History's card a bird
            // dog's line broke "then −17 in the" over "rest".
            const drop =
              dropBpm === null
                ? ''
                : dropBpm > 0
                  ? html`, then <span class="unbroken">−${dropBpm} in the rest</span>`
                  : html`, then <span class="unbroken">no drop in the rest</span>`;
            // Each number with its unit: "87" over "bpm average" on a phone read as a number alone.
            return html`<li>${unbroken(`${exerciseById(record.exerciseId).name} ${record.setNumber}`)}${skipped ? ' (skipped)' : ''}: <span class="unbroken">${stats.avgBpm} bpm</span> average, <span class="unbroken">${stats.maxBpm} at most</span>${drop}</li>`;
          })}
        </ul>
        ${
          hrv
            ? html`<p>${hrv}</p>
                <p class="note">
                  Heart-rate variability is how much the time between beats varies; higher at rest
                  usually means more relaxed and recovered.
                </p>`
            : nothing
        }
      </section>
    `;
  }
}

/**
 * "Heart-rate variability (RMSSD) at rest: 32 ms before the session, 41 ms after it" (over the two
 * minutes on each side), leaving out a side without beat intervals.
 */
export function describeHrv(heart: SessionHeart): string | null {
  const parts = [
    heart.rmssdBeforeMs === null ? null : `${Math.round(heart.rmssdBeforeMs)} ms before the session`,
    heart.rmssdAfterMs === null
      ? null
      : `${Math.round(heart.rmssdAfterMs)} ms after ${heart.rmssdBeforeMs === null ? 'the session' : 'it'}`,
  ].filter((p) => p !== null);
  return parts.length ? `Heart-rate variability (RMSSD) at rest: ${parts.join(', ')}` : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-set-heart-rates': BbSetHeartRates;
  }
}
