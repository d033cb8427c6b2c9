import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceState } from '../app/devices.ts';
import type { PerformedActivity, VirtualPersonStatus } from '../sensors/virtual/virtual-strap.ts';
import { sendCommand } from './events.ts';
import { buttonStyles } from './styles.ts';

const CONNECTION_WORDS: Record<DeviceState['connection'], string> = {
  connecting: 'connecting…',
  connected: 'connected',
  lost: 'connection lost',
};

/** Which device is in use, how it is doing, and how to switch to another. */
@customElement('bb-device-panel')
export class BbDevicePanel extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        font-size: 1rem;
      }
      button {
        font-size: 1rem;
        min-height: 2.75rem;
      }
      .name {
        font-weight: 700;
      }
      .state[data-connection='lost'] {
        color: var(--bb-warn, #fbbf24);
      }
      .note,
      .person {
        color: var(--bb-muted, #b6c2d1);
      }
      .problem {
        flex-basis: 100%;
        display: flex;
        gap: 1rem;
        align-items: center;
        padding: 0.75rem 1rem;
        border-radius: 0.75rem;
        background: var(--bb-problem-bg, #3b2a0a);
        border: 2px solid var(--bb-warn, #fbbf24);
      }
    `,
  ];

  @property({ attribute: false }) device!: DeviceState;
  @property({ attribute: false }) person: VirtualPersonStatus | null = null;

  override render() {
    const device = this.device;
    const isVirtual = device.source?.kind === 'virtual';
    return html`
      <span>
        <span class="name">${device.source?.name ?? 'No device'}</span>
        <span class="state" data-connection=${device.connection}>${CONNECTION_WORDS[device.connection]}</span>
      </span>
      ${
        device.malformedPackets > 0
          ? html`<span class="note malformed">${device.malformedPackets} bad ${device.malformedPackets === 1 ? 'packet' : 'packets'} dropped</span>`
          : nothing
      }
      ${!device.countsMotion && device.source ? html`<span class="note">heart rate only: count with +1</span>` : nothing}
      ${isVirtual && this.person ? html`<span class="person">${describePerson(this.person)}</span>` : nothing}
      ${
        isVirtual
          ? html`<button @click=${() => sendCommand(this, 'bb-connect-bluetooth')}>Connect a Bluetooth strap</button>`
          : html`<button @click=${() => sendCommand(this, 'bb-use-virtual')}>Use the virtual strap</button>`
      }
      ${
        device.problem
          ? html`<div class="problem" role="alert">
              <span>${device.problem}</span>
              <button class="quiet" @click=${() => sendCommand(this, 'bb-dismiss-problem')}>OK</button>
            </div>`
          : nothing
      }
    `;
  }
}

/** One line on what the virtual strap's simulated person is doing, so a demo shows its ground truth. */
export function describePerson(status: VirtualPersonStatus): string {
  const { current, previous } = status;
  if (current.activity.kind === 'exercise') return `Virtual person: ${describePerformed(current, false)}`;
  if (current.activity.kind === 'rest') {
    return previous?.activity.kind === 'exercise'
      ? `Virtual person: resting after ${describePerformed(previous, true)}`
      : 'Virtual person: resting';
  }
  return 'Virtual person: waiting';
}

function describePerformed(performed: PerformedActivity, finished: boolean): string {
  if (performed.holdS !== null)
    return `${finished ? 'a hold of' : 'holding'} ${Math.floor(performed.holdS)} s`;
  if (performed.activity.kind === 'exercise' && performed.activity.exercise === 'bat-hang') {
    return `${performed.breathsDone} breaths${finished ? '' : ' done'}`;
  }
  return `${performed.repsDone} reps${finished ? '' : ' done'}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-device-panel': BbDevicePanel;
  }
}
