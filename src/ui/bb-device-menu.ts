// The menu of devices: every kind the person can pick, a recording to save or replay, and how the
// virtual person follows the screen. It stands alone as the one part of the device panel with a life
// of its own: it opens over the page and goes at a tap elsewhere, at a tab out of it or once a choice
// is made. It renders into the panel's own tree, not a shadow root of its own: the panel's Escape
// puts away the innermost open one of it and the devices' line it may sit in, and its focus falls
// back on the menu's button, as one tree.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceKind, DeviceState } from '../app/device-status.ts';
import type { Habit } from '../sensors/virtual/choreography.ts';
import { kindsInUse } from './device-choice.ts';
import { sendDeviceCommand } from './device-commands.ts';
import { jsonFileButton } from './styles.ts';

/** Phone motion and the virtual strap need no Bluetooth: every other kind does. */
const NEEDS_NO_BLUETOOTH = new Set<DeviceKind>(['phone', 'virtual']);

/**
 * The kinds the person can pick, in the order of the menu. A watch is said to be one: by its brand
 * alone ("Bangle.js"), under a button for a strap, a person with a watch had to know the brand.
 */
export const DEVICE_CHOICES: ReadonlyArray<{ readonly kind: DeviceKind; readonly label: string }> = [
  { kind: 'heart-rate', label: 'Heart-rate strap' },
  { kind: 'polar', label: 'Polar H10 / Verity Sense' },
  { kind: 'pinetime', label: 'PineTime watch' },
  { kind: 'microbit', label: 'micro:bit' },
  { kind: 'bangle', label: 'Bangle.js watch' },
  { kind: 'phone', label: 'Phone motion' },
  { kind: 'virtual', label: 'Virtual strap' },
];

/** The ways the virtual person can follow the screen, as the menu offers them: short enough for a 320 px phone. */
export const HABIT_CHOICES: ReadonlyArray<{ readonly habit: Habit; readonly label: string }> = [
  { habit: 'usual', label: 'Mostly does as asked' },
  { habit: 'follows', label: 'Always does as asked' },
  { habit: 'wrong-way', label: 'Lies the wrong way first' },
  { habit: 'up-early', label: 'Gets up before the end' },
  { habit: 'stays-up', label: 'Stays on their feet' },
];

/**
 * The menu's look, in the panel's styles: the menu renders into the panel's tree (see the header).
 * The open menu drops below the panel, over the page, as wide as the panel: in the panel's flow it
 * would widen it, the header would wrap anew, and the summary would leave the pointer or finger that
 * opened it. Over the set screen's notices too (z-index 1).
 */
export const deviceMenuStyles = css`
  bb-device-menu {
    display: contents;
  }
  .menu {
    position: absolute;
    top: calc(100% + 0.25rem);
    left: 0;
    right: 0;
    z-index: 2;
    padding: 0 0.75rem;
    border-radius: 0.75rem;
    border: 2px solid var(--bb-border, #3b4656);
    background: var(--bb-bg, #0d1117);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.35);
  }
  .why-no-bluetooth {
    margin: 0.5rem 0 0;
  }
  .habit {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding-bottom: 0.5rem;
  }
  /* The kind in use (see kindsInUse): the current state, in words, where a button would do nothing. */
  .in-use {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    min-height: 2.75rem;
    padding: 0 0.5rem;
    font-weight: 600;
  }
  .in-use .note {
    font-weight: 400;
  }
  .kinds {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0.5rem 0;
  }
`;

@customElement('bb-device-menu')
export class BbDeviceMenu extends LitElement {
  @property({ attribute: false }) device!: DeviceState;
  /** Some device in use sends packets a recording can keep (not phone motion, nor the virtual strap). */
  @property({ type: Boolean }) recordable = false;
  /** How the virtual person follows the screen, where the virtual strap is in use: null elsewhere. */
  @property({ attribute: false }) habit: Habit | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onPointerDown);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('pointerdown', this.onPointerDown);
    super.disconnectedCallback();
  }

  override render() {
    const noBluetooth = this.device.noBluetooth;
    const isVirtual = this.device.source?.kind === 'virtual';
    const inUse = kindsInUse(this.device.devices);
    return html`<details class="more" @focusout=${this.onFocusOut}>
      <summary>${isVirtual ? 'More devices' : 'Add a device'}</summary>
      <div class="menu">
        ${
          // Why, and what still works, over the choices it greys out.
          noBluetooth ? html`<p class="note why-no-bluetooth">${noBluetooth.note}</p>` : nothing
        }
        <div class="kinds" role="group" aria-label="Device kinds">
          ${DEVICE_CHOICES.map((c) =>
            inUse.has(c.kind)
              ? html`<span class="in-use" data-kind=${c.kind} aria-current="true"
                  ><span aria-hidden="true">✓ </span>${c.label} <span class="note">in use</span></span
                >`
              : html`<button
                class="quiet"
                data-kind=${c.kind}
                ?disabled=${noBluetooth !== null && !NEEDS_NO_BLUETOOTH.has(c.kind)}
                @click=${() => this.pick(c.kind)}
              >${c.label}</button>`,
          )}
          ${
            isVirtual
              ? nothing
              : this.recordable
                ? html`<button class="quiet" @click=${this.saveRecording}>Save a recording</button>`
                : html`<span class="note no-recording">Phone motion cannot be saved as a recording: recordings keep what Bluetooth devices send.</span>`
          }
          ${jsonFileButton('Replay a recording…', 'file replay', this.onRecordingFile)}
        </div>
        ${this.habit ? this.renderHabit(this.habit) : nothing}
      </div>
    </details>`;
  }

  /** How the virtual person follows the screen: to try a wrong position or an early stop with no device. */
  private renderHabit(habit: Habit) {
    return html`<label class="habit">Virtual person
      <select @change=${this.onHabit}>
        ${HABIT_CHOICES.map((c) => html`<option value=${c.habit} ?selected=${c.habit === habit}>${c.label}</option>`)}
      </select>
    </label>`;
  }

  private pick(kind: DeviceKind): void {
    this.choiceMade(kind);
    sendDeviceCommand(this, 'bb-connect-device', { kind });
  }

  private readonly saveRecording = (): void => {
    this.choiceMade(null);
    sendDeviceCommand(this, 'bb-save-recording', undefined);
  };

  private readonly onHabit = (event: Event): void => {
    this.choiceMade(null);
    sendDeviceCommand(this, 'bb-virtual-habit', {
      habit: (event.target as HTMLSelectElement).value as Habit,
    });
  };

  private readonly onRecordingFile = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.choiceMade('replay');
    sendDeviceCommand(this, 'bb-replay', { text: await file.text(), fileName: file.name });
  };

  /**
   * Once a choice is made the menu goes, so that on a phone the screen below comes back into view;
   * the panel is told (see BbMenuChoice), to put away the devices' line the menu is in on a phone
   * with large text, and to follow the device chosen, if any.
   */
  private choiceMade(kind: DeviceKind | null): void {
    this.renderRoot.querySelector('details')!.open = false;
    this.dispatchEvent(new CustomEvent('bb-menu-choice', { detail: { kind }, bubbles: true }));
  }

  /**
   * The open menu lies over the page: a tap anywhere else puts it away, as Escape does. The opened
   * devices' line is in the page's flow and stays open: shut as a finger came down on Start under
   * it, it took Start up from under the finger and the tap was lost.
   */
  private readonly onPointerDown = (event: PointerEvent): void => {
    const menu = this.renderRoot.querySelector('details');
    if (menu?.open && !event.composedPath().includes(menu)) menu.open = false;
  };

  /** Tabbing out of the open menu puts it away: it would hide the control the focus went to. */
  private readonly onFocusOut = (event: FocusEvent): void => {
    const details = event.currentTarget as HTMLDetailsElement;
    const to = event.relatedTarget;
    if (details.open && to instanceof Node && !details.contains(to)) details.open = false;
  };
}

/** A choice made in the menu: `kind`, the device chosen, or null for a recording saved or a habit. */
export interface BbMenuChoice {
  readonly kind: DeviceKind | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-device-menu': BbDeviceMenu;
  }
  interface GlobalEventHandlersEventMap {
    'bb-menu-choice': CustomEvent<BbMenuChoice>;
  }
}
