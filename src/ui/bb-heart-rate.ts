import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceStatus } from '../app/devices.ts';
import { visuallyHidden } from './styles.ts';

/** Live heart rate, large enough to read from the mat. */
@customElement('bb-heart-rate')
export class BbHeartRate extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
    /* Where even one line is too narrow, the zone goes under the number whole, never the page sideways. */
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.4rem;
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
    .unit,
    .finding {
      color: var(--bb-muted, #b6c2d1);
    }
    /*
     * In the number's place, in the words the device panel beside it says a device's state in. Where
     * the heart and the words on one line are wider than the header leaves them (148 px beside the
     * screens' menu of a 180 px phone, which leaves 120), the words go on two lines beside the heart,
     * in the number's height: pushed whole under the heart, they took a line of their own and the
     * header 24 px more, and smaller words would undo the person's large text.
     */
    .finding {
      flex: 1 1 0;
      display: inline-grid;
      align-items: center;
    }
    /* As tall as the number's line, so that the header does not move by 8 px as the number comes. */
    .finding::before {
      content: '\\200b';
      grid-area: 1 / 1;
      font-size: clamp(2rem, 6vmin, 3rem);
    }
    .finding > span {
      grid-area: 1 / 1;
    }
    /* Each zone its colour, calm to strong (index.html): red is for the top zone only, not an alarm at rest. */
    .zone {
      --zone-color: var(--bb-zone-1, #94a3b8);
      margin-left: 0.4rem;
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      border: 2px solid var(--zone-color);
      background: color-mix(in srgb, var(--zone-color) 15%, transparent);
      font-weight: 700;
      white-space: nowrap;
    }
    .zone[data-zone='2'] {
      --zone-color: var(--bb-zone-2, #60a5fa);
    }
    .zone[data-zone='3'] {
      --zone-color: var(--bb-zone-3, #4ade80);
    }
    .zone[data-zone='4'] {
      --zone-color: var(--bb-zone-4, #fbbf24);
    }
    .zone[data-zone='5'] {
      --zone-color: var(--bb-zone-5, #f87171);
    }
    /* A phone's header holds "Backbeat ♥ 163 bpm zone 4" on one line only with the spacing tightened. */
    @media (max-width: 24rem) {
      .zone {
        margin-left: 0;
        padding-inline: 0.45rem;
      }
    }
  `,
  ];

  /** Beats per minute, or null when there is no current reading. */
  @property({ type: Number }) bpm: number | null = null;
  /** Why there is no current reading (see noReadingReason); null before the first one. */
  @property() absence: string | null = null;
  /**
   * With no current reading, a watch is finding the pulse (see findingPulse): said in the number's
   * place, where "--" told a person waiting for it nothing of a watch that is on its way to one.
   */
  @property({ type: Boolean }) finding = false;
  /** Heart-rate zone 1–5 from the person's maximum; null when no maximum or age is set, or below zone 1. */
  @property({ type: Number }) zone: number | null = null;

  override render() {
    // "--" read aloud means nothing: without a reading the words say so, and why.
    const none = this.bpm === null;
    const label = none ? `Heart rate: no reading${this.absence ? `, ${this.absence}` : ''}` : 'Heart rate';
    const title = none && this.absence ? this.absence : nothing;
    return html`
      <span class="heart" aria-hidden="true">♥</span>
      <span class="visually-hidden">${label}</span>
      ${
        none && this.finding
          ? html`<span class="finding" aria-hidden="true" title=${title}><span>finding pulse…</span></span>`
          : html`<span class="bpm" aria-hidden=${none ? 'true' : nothing} title=${title}>${this.bpm ?? '--'}</span>
            <span class="unit" aria-hidden=${none ? 'true' : nothing}>bpm</span>`
      }
      ${this.zone ? html`<span class="zone" data-zone=${this.zone}>zone ${this.zone}</span>` : null}
    `;
  }
}

/**
 * Why the device heart rate is read from gives no reading now, or that no connected device measures
 * it, in the header's words; null when it is there. First, that the session is recorded in another
 * tab (see recordedInAnotherTab), where this tab shows none of its own device's.
 */
export function noReadingReason(devices: readonly DeviceStatus[], recordedElsewhere = false): string | null {
  if (recordedElsewhere) return 'the session is being recorded in another tab';
  const finding = findingPulse(devices);
  if (finding) return `${finding.name} is finding your pulse`;
  const device = devices.find((d) => d.heartRate);
  switch (device?.connection) {
    case 'reconnecting':
      return `${device.name} is out of reach, reconnecting`;
    case 'lost':
      return `${device.name} is out of reach`;
    case 'ended':
      return 'the replay has finished';
    case undefined:
      return devices.length ? 'no connected device measures heart rate' : null;
    default:
      return null;
  }
}

/**
 * The device finding the pulse (see DeviceStatus.findingPulse), read where there is no current reading:
 * a watch beside a strap that is out of reach or silent is the one the heart rate will come from.
 */
export function findingPulse(devices: readonly DeviceStatus[]): DeviceStatus | undefined {
  return devices.find((d) => d.findingPulse);
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-heart-rate': BbHeartRate;
  }
}
