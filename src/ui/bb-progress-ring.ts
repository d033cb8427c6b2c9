import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A ring that fills as a set progresses, with the big number in its middle. */
@customElement('bb-progress-ring')
export class BbProgressRing extends LitElement {
  static override styles = css`
    /*
     * The box the screen gives the ring: a square of --bb-ring-size, unless the screen sizes it
     * otherwise (a phone gives it the height its other rows leave). The circle is the largest that
     * fits in it, and the numbers inside size themselves by it (container units, cqmin).
     */
    :host {
      display: grid;
      place-items: center;
      container-type: size;
      width: var(--bb-ring-size, min(70vmin, 26rem));
      height: var(--bb-ring-size, min(70vmin, 26rem));
    }
    .ring {
      position: relative;
      display: grid;
      place-items: center;
      width: min(100cqw, 100cqh);
      aspect-ratio: 1;
    }
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      transform: rotate(-90deg);
    }
    .track {
      stroke: var(--bb-ring-track, #2a3340);
    }
    .fill {
      stroke: var(--bb-ring-fill, #4ade80);
      transition: stroke-dashoffset 0.3s ease-out;
    }
    /* The count is the news, not the sweep to it. */
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
    .centre {
      position: relative;
      text-align: center;
      line-height: 1;
    }
  `;

  @property({ type: Number }) value = 0;
  @property({ type: Number }) max = 1;
  /** What the bar measures, for screen readers ("Reps", "Hold seconds"). */
  @property() label = '';
  /** The value as words, e.g. "7 of 10 reps". */
  @property({ attribute: 'value-text' }) valueText = '';

  override render() {
    const radius = 45;
    const circumference = 2 * Math.PI * radius;
    const fraction = this.max > 0 ? Math.min(1, Math.max(0, this.value / this.max)) : 0;
    return html`<div class="ring">
      <div
        role="progressbar"
        aria-label=${this.label}
        aria-valuemin="0"
        aria-valuemax=${this.max}
        aria-valuenow=${Math.min(this.value, this.max)}
        aria-valuetext=${this.valueText || `${this.value} of ${this.max}`}
        style="position:absolute;inset:0"
      ></div>
      <svg viewBox="0 0 100 100" aria-hidden="true">
        ${svg`<circle class="track" cx="50" cy="50" r=${radius} fill="none" stroke-width="6"></circle>
        <circle class="fill" cx="50" cy="50" r=${radius} fill="none" stroke-width="6" stroke-linecap="round"
          stroke-dasharray=${circumference} stroke-dashoffset=${circumference * (1 - fraction)}></circle>`}
      </svg>
      <div class="centre"><slot></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-progress-ring': BbProgressRing;
  }
}
