import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { visuallyHidden } from './styles.ts';

/** Live heart rate, large enough to read from the mat. */
@customElement('bb-heart-rate')
export class BbHeartRate extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
    :host {
      display: inline-flex;
      align-items: baseline;
      gap: 0.4rem;
      font-variant-numeric: tabular-nums;
    }
    .heart {
      color: var(--bb-heart, #f87171);
      font-size: 1.6em;
    }
    .bpm {
      font-size: clamp(2rem, 6vmin, 3rem);
      font-weight: 800;
    }
    .unit {
      color: var(--bb-muted, #b6c2d1);
    }
    .zone {
      margin-left: 0.4rem;
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      border: 2px solid var(--bb-heart, #f87171);
      font-weight: 700;
    }
  `,
  ];

  /** Beats per minute, or null before the first reading. */
  @property({ type: Number }) bpm: number | null = null;
  /** Heart-rate zone 1–5 from the person's maximum; null when no maximum or age is set, or below zone 1. */
  @property({ type: Number }) zone: number | null = null;

  override render() {
    return html`
      <span class="heart" aria-hidden="true">♥</span>
      <span class="visually-hidden">Heart rate</span>
      <span class="bpm">${this.bpm ?? '--'}</span>
      <span class="unit">bpm</span>
      ${this.zone ? html`<span class="zone" data-zone=${this.zone}>zone ${this.zone}</span>` : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-heart-rate': BbHeartRate;
  }
}
