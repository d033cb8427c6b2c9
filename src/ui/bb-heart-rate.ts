import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceStatus } from '../app/device-status.ts';
import { hiddenFromSight, lowLandscape, narrow, visuallyHidden } from './styles.ts';

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
    .bpm,
    .room-number {
      font-size: clamp(2rem, 6vmin, 3rem);
      font-weight: 800;
    }
    .unit,
    .finding {
      color: var(--bb-muted, #b6c2d1);
    }
    /*
     * The reading keeps the room of the widest it shows, three digits and the unit, with none, two
     * digits or a watch finding the pulse: as the number came and grew, History and Settings beside it
     * moved 25 px on a laptop, and on a phone with its text at twice its size the unit went under the
     * number, the header 13 px taller and the set under it lower. Each state lies over the room.
     */
    .reading {
      display: inline-grid;
    }
    .reading > * {
      grid-area: 1 / 1;
    }
    .room {
      visibility: hidden;
    }
    .number,
    .room {
      display: inline-flex;
      align-items: baseline;
      justify-content: end;
      gap: 0 0.4rem;
    }
    /*
     * In the number's place, in the words the device panel beside it says a device's state in: on two
     * lines in the number's height where the room is too narrow for one, as beside the screens' menu
     * of a 180 px phone. They take the room's width, never widen it.
     */
    .finding {
      inline-size: 0;
      min-inline-size: 100%;
      align-self: center;
    }
    /*
     * Where the header is short of room the unit is left to screen readers, the heart beside the number
     * says it: "♥ 188 bpm" is 138 px, 18 px wider than the header leaves the heart rate beside the
     * screens' menu of a 180 px phone, and on a phone on its side the room of three digits took 22 px
     * from the devices' words beside it, which wrapped and pushed the set below the window.
     */
    @media ${narrow}, ${lowLandscape} {
      .unit,
      .room-unit {
        ${hiddenFromSight}
      }
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
    /* Kept for the zone that comes with the next reading, so that its coming moves nothing. */
    .zone.kept {
      visibility: hidden;
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
    /*
     * Beside the screens' menu of a 180 px phone the zone is its number in its colour, "zone" left to
     * screen readers, and the gaps narrower, for it to fit the row beside three digits: "zone 5" took a
     * line of its own under the number, and the header from 106 to 126 px, the devices' line and
     * everything under it 20 px down as a zone came. Its room is kept there too (see zones): in the row,
     * it takes no height.
     */
    :host([zone-number-only]) {
      column-gap: 0.2rem;
    }
    :host([zone-number-only]) .zone-word {
      ${hiddenFromSight}
    }
    :host([zone-number-only]) .zone {
      padding-inline: 0.2rem;
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
  /**
   * The person's maximum is known, so a reading may come with a zone: the zone's room is kept while
   * there is none, and its coming or going moves nothing beside the heart rate.
   */
  @property({ type: Boolean }) zones = false;
  /** The zone is said by its number alone, where the row beside the screens' menu is narrow (see styles). */
  @property({ type: Boolean, attribute: 'zone-number-only', reflect: true }) zoneNumberOnly = false;

  override render() {
    // "--" read aloud means nothing: without a reading the words say so, and why.
    const none = this.bpm === null;
    const label = none ? `Heart rate: no reading${this.absence ? `, ${this.absence}` : ''}` : 'Heart rate';
    const title = none && this.absence ? this.absence : nothing;
    return html`
      <span class="heart" aria-hidden="true">♥</span>
      <span class="visually-hidden">${label}</span>
      <span class="reading">
        <span class="room" aria-hidden="true"><span class="room-number">000</span><span class="room-unit">bpm</span></span>
        ${
          none && this.finding
            ? html`<span class="finding" aria-hidden="true" title=${title}>finding pulse…</span>`
            : html`<span class="number"><span class="bpm" aria-hidden=${none ? 'true' : nothing} title=${title}>${this.bpm ?? '--'}</span>
              <span class="unit" aria-hidden=${none ? 'true' : nothing}>bpm</span></span>`
        }
      </span>
      ${this.renderZone()}
    `;
  }

  private renderZone() {
    const kept = !this.zone;
    if (kept && !this.zones) return null;
    // One template for both: "zone 5" written in another's text nodes was a sixtieth of a pixel wider.
    return html`<span class=${kept ? 'zone kept' : 'zone'} data-zone=${this.zone ?? nothing} aria-hidden=${kept ? 'true' : nothing}
      ><span class="zone-word">zone </span>${this.zone ?? 5}</span
    >`;
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
