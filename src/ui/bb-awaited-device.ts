// A device of an earlier visit, in the device panel, on its way or not found as the page loaded. A
// component of its own beside the devices connected (see BbDeviceRow): it offers other things, and
// none while it is being tried. It renders into the panel's own tree, not a shadow root of its own:
// it flows in the panel's rows beside the devices connected, with their look.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AwaitedDevice } from '../app/device-status.ts';
import { sendDeviceCommand } from './device-commands.ts';
import { awaitedStateWords } from './device-state-words.ts';

/** In the panel's styles: the device's own look is that of a device connected (see deviceRowStyles). */
export const awaitedDeviceStyles = css`
  bb-awaited-device {
    display: contents;
  }
`;

/**
 * Named, so that the virtual strap beside it is not taken for it, and reconnected at a tap with no
 * chooser (the browser kept the permission), or forgotten, left at home or sold: the virtual strap in
 * use is no button to tap for that (see kindsInUse). The buttons' words leave out the name beside
 * them, which they repeated on a row each of a 360 px phone; a screen reader hears it. Neither while
 * it is being tried: one that answers is connected and known again, Forget or not. On its first try
 * as the page loads (`onFirstTry`), being connected or waiting its turn, it offers neither: it is on
 * its way, and greyed buttons beside it read as something to do. Tried again at Reconnect, they stay
 * greyed where the tap was.
 */
@customElement('bb-awaited-device')
export class BbAwaitedDevice extends LitElement {
  @property({ attribute: false }) awaited!: AwaitedDevice;
  @property({ type: Boolean }) onFirstTry = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const a = this.awaited;
    const connecting = a.trying || this.onFirstTry;
    return html`<span class="device awaited" data-kind=${a.kind}>
      <span class="name">${a.name}</span>
      <span class="state" data-connection=${connecting ? 'connecting' : 'lost'}>${awaitedStateWords(a, this.onFirstTry)}</span>
      ${this.onFirstTry ? nothing : this.renderButtons()}
    </span>`;
  }

  private renderButtons() {
    const a = this.awaited;
    return html`<button
        class="quiet"
        aria-label=${`Reconnect ${a.name}`}
        ?disabled=${a.trying}
        @click=${() => sendDeviceCommand(this, 'bb-reconnect-device', { id: a.id })}
      >Reconnect</button>
      <button
        class="quiet"
        aria-label=${`Forget ${a.name}`}
        ?disabled=${a.trying}
        @click=${() => sendDeviceCommand(this, 'bb-disconnect-device', { id: a.id })}
      >Forget</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-awaited-device': BbAwaitedDevice;
  }
}
