// One device in the device panel: its name, its state and the rest (battery, stream, part, what it
// offers). A component of its own so that the panel lays devices out, and a device is said in one
// place, whole beside the others or under the line that names it already. It renders into the
// panel's own tree, not a shadow root of its own: its parts flow in the panel's rows, between the
// other devices and the panel's buttons, and take the panel's look.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceStatus } from '../app/device-status.ts';
import { sendDeviceCommand } from './device-commands.ts';
import { deviceRoleLine } from './device-role.ts';
import { goingOnWithout, type SessionOfDevices, sessionStateWords } from './device-state-words.ts';

/** A battery at or below this is shown as low: a strap's coin cell has hours left. */
const LOW_BATTERY_PERCENT = 15;

/** A device's look, in the panel's styles: the row renders into the panel's tree (see the header). */
export const deviceRowStyles = css`
  bb-device-row {
    display: contents;
  }
  .device {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.5rem;
  }
  .name {
    font-weight: 700;
  }
  .state[data-connection='lost'],
  .state[data-connection='reconnecting'],
  .state[data-connection='unavailable'],
  .state[data-motion-stopped],
  .retry {
    color: var(--bb-warn, #fbbf24);
  }
  /* After the warning's colour: a device the session goes on without is away, and said calmly. */
  .state[data-going-on],
  .battery,
  .rate {
    color: var(--bb-muted, #b6c2d1);
  }
  .battery[data-low] {
    color: var(--bb-warn, #fbbf24);
  }
`;

@customElement('bb-device-row')
export class BbDeviceRow extends LitElement {
  @property({ attribute: false }) status!: DeviceStatus;
  /** Several devices share the work: each says its part, and is let go with its ×. */
  @property({ type: Boolean }) several = false;
  @property({ attribute: false }) session!: SessionOfDevices;
  /**
   * Under the line that names the devices and says their states (see BbDevicePanel.renderAtAGlance):
   * only what the line leaves out, and the name where `namedUnderItsLine`.
   */
  @property({ type: Boolean }) underItsLine = false;
  /** Under its line, the device is named: there are several, or the line says it in a word. */
  @property({ type: Boolean }) namedUnderItsLine = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return this.underItsLine ? this.renderUnderItsLine() : this.renderWhole(false);
  }

  /** The device, its name and state first; `opened`, under the devices' line opened to it. */
  private renderWhole(opened: boolean) {
    const d = this.status;
    return html`<span class="device" data-kind=${d.kind}>
      <span class="name">${d.name}</span>
      <span
        class="state"
        data-connection=${d.connection}
        ?data-motion-stopped=${d.connection === 'connected' && d.motionStopped}
        ?data-going-on=${goingOnWithout(d, this.session)}
      >${sessionStateWords(d, this.session, opened)}</span>
      ${this.details()}
    </span>`;
  }

  /**
   * The device under the line that names it and says its state: the rest, under its name where
   * named; nothing where there is no more to say. One whose motion stopped the line says only as "No
   * watch motion": here it is named, and said connected, its motion stopped.
   */
  private renderUnderItsLine() {
    const d = this.status;
    if (d.motionStopped) return this.renderWhole(true);
    const details = this.details();
    if (!details.length && !this.namedUnderItsLine) return nothing;
    return html`<span class="device" data-kind=${d.kind}>
      ${this.namedUnderItsLine ? html`<span class="name">${d.name}</span>` : nothing}
      ${details}
    </span>`;
  }

  /** What a device's name and state leave out: its battery, stream, role, and what it offers. */
  private details() {
    const d = this.status;
    // Where several share the work, each one's part: beside a watch, the strap's "motion 50 Hz" does
    // not count the lat pulldown; alone, a watch's (see deviceRoleLine). Told before the session,
    // where the devices are chosen; in one, over two lines of a phone's header, it pushed the count
    // down the screen.
    const roles = this.session.inSession ? '' : deviceRoleLine(d, this.several);
    return [
      // Going on without it, its state says it is reconnecting already.
      d.connection === 'reconnecting' && !goingOnWithout(d, this.session)
        ? html`<span class="retry">reconnecting…</span>`
        : nothing,
      this.renderBattery(),
      // Of a stream that stopped, its rate is no longer the stream's.
      d.sampleRateHz && d.connection === 'connected' && !d.motionStopped
        ? html`<span class="rate">motion ${Math.round(d.sampleRateHz)} Hz</span>`
        : nothing,
      roles ? html`<span class="note role">${roles}</span>` : nothing,
      d.malformedPackets > 0
        ? html`<span class="note malformed">${d.malformedPackets} bad ${d.malformedPackets === 1 ? 'packet' : 'packets'} dropped</span>`
        : nothing,
      d.connection === 'lost' && d.kind !== 'phone' && d.kind !== 'replay' && d.kind !== 'virtual'
        ? html`<button class="quiet" @click=${() => sendDeviceCommand(this, 'bb-reconnect-device', { id: d.id })}>Reconnect</button>`
        : nothing,
      d.connection === 'ended'
        ? html`<button class="quiet" @click=${() => sendDeviceCommand(this, 'bb-replay-again', undefined)}>Play again</button>`
        : nothing,
      this.several && d.kind !== 'virtual'
        ? html`<button class="quiet" aria-label=${`Disconnect ${d.name}`} @click=${() => sendDeviceCommand(this, 'bb-disconnect-device', { id: d.id })}>×</button>`
        : nothing,
    ].filter((part) => part !== nothing);
  }

  /**
   * The battery of a device in reach. Of one away only a low level is told, as it was last read: it
   * may be why the device went (a full one, read before it went, says nothing now).
   */
  private renderBattery() {
    const { battery, connection } = this.status;
    if (battery === null) return nothing;
    const low = battery <= LOW_BATTERY_PERCENT;
    if (connection === 'connected') {
      return html`<span class="battery" ?data-low=${low} aria-label="battery ${battery} percent">battery ${battery} %</span>`;
    }
    return low
      ? html`<span class="battery" data-low aria-label="battery was ${battery} percent">battery was ${battery} %</span>`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-device-row': BbDeviceRow;
  }
}
