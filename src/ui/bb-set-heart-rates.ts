import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionHeart } from '../workout/heart.ts';
import { exerciseById } from '../workout/program.ts';
import type { SetRecord } from '../workout/session.ts';
import { narrow, unbroken } from './styles.ts';
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
      /* "Superman 1: 93 bpm average, 101 at most, −12 bpm in the rest" wraps within a 180 px screen. */
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
    /* Text at twice its size (180 px): the bullets' margin gives up a little, and "Glute bridge 1:"
       keeps its line rather than part "Glute" from its name. */
    @media ${narrow} {
      ul {
        padding-left: 0.875rem;
      }
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
            // The drop names its bpm: on a phone the line wraps after the average, and "81 at most,
            // then −2 in the rest" under it said of no unit what −2 was; "then" gave its room to the
            // unit, and the line still fits under the average. The drop stays with what it is: in
            // History's card a bird dog's line broke "−17 in the" over "rest", and where the two are
            // wider than a line (text at twice its size, 180 px) they part before "in the rest".
            const drop =
              dropBpm === null
                ? ''
                : html` <span class="unbroken">${dropBpm > 0 ? `−${dropBpm} bpm` : 'no drop'} <span class="unbroken">in the rest</span></span>`;
            // Each number with its unit: "87" over "bpm average" on a phone read as a number alone. The
            // comma before the drop goes with "at most": after a box kept whole the line may break
            // before it, and a line began ", then no drop in the rest".
            return html`<li>${setName(record, skipped)} <span class="unbroken">${stats.avgBpm} bpm</span> average, <span class="unbroken">${stats.maxBpm} at most${dropBpm === null ? '' : ','}</span>${drop}</li>`;
          })}
        </ul>
        ${
          hrv
            ? html`<p>${withMsUnbroken(hrv)}</p>
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
 * "Glute bridge 1:", its number and colon kept with the last word of the name: with text at twice its
 * size (180 px) the line broke "Glute bridge" over "1: 94 bpm", a number that read as the list's own.
 * A hyphenated word stays whole too (see unbroken).
 */
function setName(record: SetRecord, skipped: boolean) {
  const name = exerciseById(record.exerciseId).name;
  const cut = name.lastIndexOf(' ');
  const numbered = `${name.slice(cut + 1)} ${record.setNumber}`;
  return html`${unbroken(name.slice(0, cut + 1))}${
    skipped
      ? html`<span class="unbroken">${unbroken(numbered)}</span> <span class="unbroken">(skipped):</span>`
      : html`<span class="unbroken">${unbroken(`${numbered}:`)}</span>`
  }`;
}

/** Each "41 ms" of the line kept whole: it broke "the session, 41" over "ms after it". */
function withMsUnbroken(text: string) {
  return text
    .split(/(\d+ ms)/)
    .map((part, i) => (i % 2 === 1 ? html`<span class="unbroken">${part}</span>` : part));
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
