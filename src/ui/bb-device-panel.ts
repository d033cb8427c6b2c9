import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceState, DeviceStatus } from '../app/device-status.ts';
import type { VirtualPersonStatus } from '../sensors/virtual/virtual-strap.ts';
import type { ExerciseId } from '../workout/program.ts';
import { awaitedDeviceStyles } from './bb-awaited-device.ts';
import { type BbMenuChoice, deviceMenuStyles } from './bb-device-menu.ts';
import { deviceRowStyles } from './bb-device-row.ts';
import { ChoiceInView } from './choice-in-view.ts';
import {
  countByHandWords,
  narrowStateWords,
  type SessionOfDevices,
  sessionStateWords,
} from './device-state-words.ts';
import {
  devicesAtAGlance,
  namedOnTheNarrowLine,
  narrowDevicesLine,
  severalDevicesComing,
  stateSaidOverProblem,
  wideDevicesLine,
} from './devices-at-a-glance.ts';
import { devicesGlanceStyles } from './devices-glance-styles.ts';
import { devicesListed, someRecordable } from './devices-listed.ts';
import { sendCommand } from './events.ts';
import { FocusOfButtonGone } from './focus-of-button-gone.ts';
import { MediaQueryController } from './media-query.ts';
import { problemAsTheSetTellsIt, shutLine, splitProblem } from './problem-line.ts';
import { strapToConnect, switchInSession } from './session-switch.ts';
import {
  buttonStyles,
  fieldStyles,
  LOW_LANDSCAPE,
  NARROW,
  PHONE_SCREEN,
  UPRIGHT_PHONE,
  visuallyHidden,
} from './styles.ts';
import { describePerson } from './virtual-person-words.ts';

/**
 * A problem as its line at a glance shows it: what went wrong (its headline: "Not a recording:"), then
 * the rest, which the line shows once opened. Shut, the headline goes on with the device it is about,
 * or stands without its colon (see shutLine), drawn by the style alone: a screen reader is told the
 * problem as it is written, which names the device.
 */
function renderProblemLine(problem: string, state: Pick<DeviceState, 'devices' | 'awaiting'>) {
  const { headline, rest } = splitProblem(problem);
  if (!rest) return html`<span class="gist">${headline}</span>`;
  const { words, colon, subject } = shutLine(problem, state.devices, state.awaiting);
  return html`<span class="gist" data-subject=${subject ?? nothing}
      >${words}<span class="colon">${colon}</span></span
    ><span class="rest">${rest}</span>`;
}

/**
 * A problem's line that says the devices' state first (see stateSaidOverProblem): shut, the devices
 * and their state (`devicesWords`), then how the set is counted (`countWords`), each on a line of its
 * own; opened, and to a screen reader, the problem after them, above the devices' row.
 */
function renderStateOverProblemLine(devicesWords: string, countWords: string | null, problem: string) {
  // The comma inside the first line: between them, a line of its own.
  const then = countWords ? ',' : '';
  const count = countWords ? html` <span class="said-line">${countWords}</span>` : nothing;
  return html`<span class="gist"><span class="said-line">${devicesWords}${then}</span>${count}</span
    ><span class="rest">. ${problem}</span>`;
}

/** The parts of the panel that are components of their own, each rendered after the panel. */
const PARTS = 'bb-device-row, bb-awaited-device, bb-device-menu';

/** Which devices are in use, how they are doing, and how to switch or add one. Compact: the
 * session screen stays readable from the mat, so the menu's summary beside the virtual strap's
 * button is just "More devices", keeping the buttons on one row. */
@customElement('bb-device-panel')
export class BbDevicePanel extends LitElement {
  static override styles = [
    buttonStyles,
    fieldStyles,
    visuallyHidden,
    deviceRowStyles,
    awaitedDeviceStyles,
    deviceMenuStyles,
    css`
      :host {
        position: relative;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
        font-size: 1rem;
      }
      /*
       * Out of a session, several devices (see severalDevicesComing) keep two rows of the header,
       * those of a button each: on a laptop a strap and a watch of an earlier visit, one row on their
       * way, took a second once connected, each with its part and ×, and Start came down 48 px.
       */
      :host([several-rows]) {
        min-height: calc(2 * 2.75rem + 0.25rem);
        align-content: flex-start;
      }
      button {
        font-size: 1rem;
        min-height: 2.75rem;
      }
      .note,
      .person {
        color: var(--bb-muted, #b6c2d1);
      }
      /*
       * The switch, the menu's button and, without Bluetooth, its short note: together, so that the
       * note sits beside the button it is about, on one row of a 360 px phone.
       */
      .choices {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
        min-width: 0;
      }
      .no-bluetooth {
        flex: 1 1 8rem;
      }
      /* The menu's summary and the file picker look like the buttons they are. */
      summary,
      .file {
        box-sizing: border-box;
        cursor: pointer;
        min-height: 2.75rem;
        display: flex;
        align-items: center;
        gap: 0.4rem;
        padding: 0 1rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-border, #3b4656);
        background: var(--bb-button, #1c2430);
        font-weight: 600;
        list-style: none;
      }
      /* As wide as its words, open or shut: the open menu below is wider than the button. */
      summary {
        width: fit-content;
      }
      summary::-webkit-details-marker {
        display: none;
      }
      /* To the eye only (see disclosureMarker): read, it came after the words, "More devices ▾". */
      summary::after {
        content: '▾' / '';
      }
      /* Its own summary's: an opened devices' line holds the menu, whose shut arrow stays ▾. */
      details[open] > summary::after {
        content: '▴' / '';
      }
      summary:hover,
      .file:hover {
        border-color: var(--bb-accent, #4ade80);
      }
      summary:focus-visible,
      .file:has(:focus-visible) {
        outline: 4px solid var(--bb-focus, #facc15);
        outline-offset: 2px;
      }
      .problem {
        flex-basis: 100%;
        display: flex;
        /* OK goes under the words where beside them it would not fit (text at twice its size). */
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.75rem 1rem;
        border-radius: 0.75rem;
        background: var(--bb-problem-bg, #3b2a0a);
        border: 2px solid var(--bb-warn, #fbbf24);
      }
      .problem > span {
        flex: 1 1 10rem;
      }
    `,
    devicesGlanceStyles,
  ];

  @property({ attribute: false }) device!: DeviceState;
  @property({ attribute: false }) person: VirtualPersonStatus | null = null;
  /**
   * A session is running: only what the devices are doing is shown (and a reconnect when one is
   * lost, and the one-tap switch of switchInSession), so the header stays short and the set's screen
   * keeps its room.
   */
  @property({ type: Boolean, reflect: true }) compact = false;
  /**
   * Which set or rest of the session is on screen. When it gives way to the next, an opened line of
   * the devices closes (see renderAtAGlance): the person on the mat did not tap it shut, and open it
   * pushes the new screen's count down.
   */
  @property({ attribute: false }) sessionScreen: string | null = null;
  /**
   * The person paused the session (not the app, nor Finish's question): on a phone the header offers
   * a strap then, where a row more would take the count's room (see switchInSession).
   */
  @property({ type: Boolean }) pausedByThePerson = false;
  /**
   * The devices away that the set under way (in a rest, the set after it) goes on without, as it
   * needs none of them (see goneOnWithout): each is said to be reconnecting calmly, as the set says
   * it. One the set needs is not among them, also while the person pauses the set themselves: the
   * set waits for it.
   */
  @property({ attribute: false }) goneOnWithout: readonly DeviceStatus[] = [];
  /**
   * The exercise of the set under way (in a rest, the set after it): of a device given up for lost
   * whose part in it another took over, the header names the one that counts, as the set does.
   */
  @property({ attribute: false }) sessionExercise: ExerciseId | undefined = undefined;
  /**
   * In a session, the switch to the virtual strap was tapped once: it asks before it leaves a device
   * that may still be counting for the simulated person's moves.
   */
  @state() private askingToSwitch = false;
  /** The keyboard's focus goes on from the devices' line or menu, which stay (see FocusOfButtonGone). */
  private readonly focusOfButtonGone = new FocusOfButtonGone(
    this,
    'details.glance > summary, details.more > summary',
  );
  /** The device the person just chose: a problem with it is brought into view (see ChoiceInView). */
  private readonly choiceInView = new ChoiceInView(this);
  /** A phone with its text at twice its size: the devices take a line (see renderAtAGlance). */
  private readonly narrowScreen = new MediaQueryController(this, NARROW);
  private get narrow(): boolean {
    return this.narrowScreen.matches;
  }
  private readonly phoneScreen = new MediaQueryController(this, PHONE_SCREEN);
  private readonly uprightPhone = new MediaQueryController(this, UPRIGHT_PHONE);
  private readonly phoneOnItsSide = new MediaQueryController(this, LOW_LANDSCAPE);
  /** The devices are a line that opens to the rest (see devicesAtAGlance and renderAtAGlance). */
  private get atAGlance(): boolean {
    const room = {
      narrow: this.narrow,
      uprightPhone: this.uprightPhone.matches,
      phoneOnItsSide: this.phoneOnItsSide.matches,
    };
    return devicesAtAGlance(room, this.compact, this.device);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('keydown', this.onKeyDown);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The question goes with the problem that offered the switch, and with the session.
    if (!this.device.problem || !this.compact) this.askingToSwitch = false;
    if (changed.has('sessionScreen') && this.hasUpdated) this.closeMenu();
    this.toggleAttribute('glance', this.atAGlance);
    this.toggleAttribute(
      'several-rows',
      !this.atAGlance && !this.compact && severalDevicesComing(this.device),
    );
  }

  /**
   * The panel is rendered whole once the parts it renders are: they render after it, and what the
   * panel shows is read once it is all there.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await Promise.all(
      [...this.renderRoot.querySelectorAll<LitElement>(PARTS)].map((part) => part.updateComplete),
    );
    return done;
  }

  override render() {
    const state = this.device;
    const isVirtual = state.source?.kind === 'virtual';
    const devices = devicesListed(state);
    const recordable = someRecordable(devices);
    if (this.atAGlance) return this.renderAtAGlance(devices, isVirtual, recordable);
    return html`
      ${this.renderStatus(devices, isVirtual)}
      ${
        this.compact && this.uprightPhone.matches && this.problem
          ? this.renderProblemInSession(this.problem)
          : html`${
              // In a session, where the header is short, the one-tap switch alone: the session takes
              // the new device on.
              this.compact ? this.renderSessionSwitch() : this.renderChoices(isVirtual, recordable)
            }
            ${
              this.problem
                ? html`<div class="problem" role="alert">
                    <span id="problem-words">${this.problem}</span>
                    <button class="quiet" aria-describedby="problem-words" @click=${this.dismissProblem}>OK</button>
                  </div>`
                : nothing
            }`
      }
    `;
  }

  /**
   * A problem in a session on a phone held upright: its line at a glance, under the devices, as
   * before the session (see renderAtAGlance), opened to its whole words, the switch it offers and its
   * OK. Said whole, with the switch on a row of its own, it took 170 px of a 360×640 phone above the
   * set, whose ring shrank to 128 px and whose Finish and Mute went below the window, for words
   * the person had read before Start, or that a set counted by hand has no use for.
   */
  private renderProblemInSession(problem: string) {
    return this.renderGlance(
      renderProblemLine(problem, this.device),
      '',
      nothing,
      this.renderSessionSwitch(),
    );
  }

  /**
   * Each device and how it is doing, how motion is counted, and what the virtual person does. Under
   * the line that names the devices and their states (`underTheirLine`), what it does not say. How
   * motion is counted is left to the line where it says it (`countOnTheLine`).
   */
  private renderStatus(
    devices: readonly DeviceStatus[],
    isVirtual: boolean,
    { underTheirLine = false, countOnTheLine = false } = {},
  ) {
    const state = this.device;
    const countByHand = countOnTheLine ? null : countByHandWords(state, devices);
    const several = devices.length > 1;
    return html`
      ${
        underTheirLine
          ? devices.map((d) => this.renderDevice(d, several, true))
          : devices.length
            ? devices.map((d) => this.renderDevice(d, several, false))
            : html`<span class="name">No device</span>`
      }
      ${
        // Out of a session only: there it is tried again by itself, and the session's header stays short.
        this.compact
          ? nothing
          : [
              ...state.firstTries.map(
                (a) => html`<bb-awaited-device .awaited=${a} onFirstTry></bb-awaited-device>`,
              ),
              ...state.awaiting.map((a) => html`<bb-awaited-device .awaited=${a}></bb-awaited-device>`),
            ]
      }
      ${countByHand ? html`<span class="note">${countByHand}</span>` : nothing}
      ${isVirtual && this.person ? html`<span class="person">${describePerson(this.person)}</span>` : nothing}
    `;
  }

  /**
   * A phone with its text at twice its size, or an upright one out of a session with Bluetooth (see
   * atAGlance): a line of two at most, the problem if there is one (a screen reader is told it whole,
   * as an alert; in a set, the devices' state before it where it leaves the heart rate working: see
   * stateSaidOverProblem), else each device and its state, so that the screen under the header starts
   * on the first screen: a set's count, History's Back and heading. Laid out whole, the devices' words, the
   * Bluetooth note and the menu's button took more than the window's height. Opened, the rest: the
   * devices, the problem's OK, and in a session its one switch, out of one the switch and the menu of
   * devices.
   */
  private renderAtAGlance(devices: readonly DeviceStatus[], isVirtual: boolean, recordable: boolean) {
    const problem = this.problem;
    // Out of a session, a device of an earlier visit not found is named too: its Reconnect is inside.
    const { firstTries, awaiting } = this.device;
    const earlier = this.compact ? { firstTries: [], awaiting: [] } : { firstTries, awaiting };
    // While those are on their first try, the virtual strap standing in is said under the line (see
    // virtualStandsInWords), which has room for the devices the person is waiting for.
    const shown = !this.compact && firstTries.length ? devices.filter((d) => d.kind !== 'virtual') : devices;
    const line = this.narrow
      ? narrowDevicesLine(shown, narrowStateWords, earlier.firstTries, earlier.awaiting)
      : wideDevicesLine(
          shown,
          (d) => sessionStateWords(d, this.sessionOfDevices),
          earlier.firstTries,
          earlier.awaiting,
        );
    const offered = this.compact ? this.renderSessionSwitch() : this.renderChoices(isVirtual, recordable);
    if (problem && stateSaidOverProblem(this.narrow, this.compact, this.device)) {
      // The devices in a word, "Strap connected": named, "Polar Sense 1A2B3C4D connected," was wider
      // than the 302 px of a 360 px phone's line. Opened, their row names them.
      const inAWord = narrowDevicesLine(devices, narrowStateWords, [], []);
      return this.renderGlance(
        renderStateOverProblemLine(inAWord, countByHandWords(this.device, devices), problem),
        line,
        this.renderStatus(devices, isVirtual, { countOnTheLine: true }),
        offered,
      );
    }
    return this.renderGlance(
      problem && renderProblemLine(problem, this.device),
      line,
      this.renderStatus(devices, isVirtual, { underTheirLine: !problem }),
      offered,
    );
  }

  /**
   * A line at a glance, the problem's line (`problemLine`) if there is a problem, else `gist`, opened
   * to the devices' row (nothing where that row stays above the line: see renderProblemInSession),
   * the switch or choices `offered`, and a problem's OK.
   */
  private renderGlance(problemLine: unknown, gist: string, devices: unknown, offered: unknown) {
    const problem = Boolean(problemLine);
    return html`<details class="glance">
      ${
        problem
          ? html`<summary class="problem-line"><span class="line" id="problem-line" role="alert">${problemLine}</span></summary>`
          : html`<summary><span class="line"><span class="gist">${gist}</span></span></summary>`
      }
      <div class="glance-body">
        ${devices}
        ${offered}
        ${problem ? html`<button class="quiet" aria-describedby="problem-line" @click=${this.dismissAtAGlance}>OK</button>` : nothing}
      </div>
    </details>`;
  }

  /** The devices' problem, if any, as the set under way tells it (see problemAsTheSetTellsIt). */
  private get problem(): string | null {
    const { problem, devices } = this.device;
    return problem && problemAsTheSetTellsIt(problem, devices, this.sessionExercise);
  }

  /** The problem seen: the line closes again, so that the count under it comes back into view. */
  private readonly dismissAtAGlance = (event: Event): void => {
    this.closeMenu();
    this.dismissProblem(event);
  };

  private readonly dismissProblem = (event: Event): void => {
    this.focusOfButtonGone.pressed(event.currentTarget as HTMLElement);
    sendCommand(this, 'bb-dismiss-problem');
  };

  /**
   * The one-tap way to another device: the virtual strap, or from it a Bluetooth strap, none while a
   * device is on its way (see strapToConnect): beside a strap being connected, "Connect a Bluetooth
   * strap" read as the way to that one, whose pick would ask for it again. The menu offers every kind.
   */
  private renderSwitch(isVirtual: boolean) {
    if (!isVirtual) return this.renderUseVirtual();
    return strapToConnect(this.device) ? this.renderConnectStrap() : nothing;
  }

  /**
   * In a session, the one switch there is reason to offer (see switchInSession), or none. Inside the
   * line of devices a phone with large text shows (see renderAtAGlance), it takes no room until the
   * line is opened.
   */
  private renderSessionSwitch() {
    const offer = switchInSession(this.device, {
      phoneScreen: this.phoneScreen.matches,
      narrow: this.narrow,
      pausedByThePerson: this.pausedByThePerson,
    });
    if (offer === 'connect-strap') return this.renderConnectStrap();
    if (offer === 'use-virtual') return this.renderUseVirtual();
    return nothing;
  }

  private renderConnectStrap() {
    return html`<button @click=${this.connectBluetooth}>Connect a Bluetooth strap</button>`;
  }

  private renderUseVirtual() {
    if (this.compact && this.askingToSwitch) {
      return html`<span class="ask">Switch? A simulated person does the exercises from now on.</span>
        <button @click=${this.onSwitch}>Switch</button>
        <button class="quiet keep-device" @click=${this.keepDevice}>Keep this device</button>`;
    }
    return html`<button class="use-virtual" @click=${this.onSwitch}>Use the virtual strap</button>`;
  }

  private renderChoices(isVirtual: boolean, recordable: boolean) {
    const noBluetooth = this.device.noBluetooth;
    return html`<div class="choices">
      ${
        // Said up front where the browser has no Web Bluetooth, so nobody taps a choice that cannot
        // work; in short, beside the menu: said whole, on four lines of a phone, it pushed Start down.
        noBluetooth ? html`<span class="note no-bluetooth">${noBluetooth.brief}</span>` : nothing
      }
      ${this.renderSwitch(isVirtual)}
      <bb-device-menu
        .device=${this.device}
        ?recordable=${recordable}
        .habit=${isVirtual && this.person ? this.person.habit : null}
        @bb-menu-choice=${this.onMenuChoice}
      ></bb-device-menu>
    </div>`;
  }

  /**
   * A device as the devices' row says it, whole, or `underItsLine`, what the line leaves out (see
   * renderAtAGlance), named there too where several are or where the line of a phone with its text at
   * twice its size says most in a word.
   */
  private renderDevice(d: DeviceStatus, several: boolean, underItsLine: boolean) {
    return html`<bb-device-row
      .status=${d}
      ?several=${several}
      .session=${this.sessionOfDevices}
      ?underItsLine=${underItsLine}
      ?namedUnderItsLine=${several || (this.narrow && !namedOnTheNarrowLine(d))}
    ></bb-device-row>`;
  }

  /** What of the session under way changes how a device's state is said. */
  private get sessionOfDevices(): SessionOfDevices {
    return {
      inSession: this.compact,
      devices: this.device.devices,
      goneOnWithout: this.goneOnWithout,
      exercise: this.sessionExercise,
    };
  }

  private readonly connectBluetooth = (): void => {
    this.choiceInView.chose('heart-rate');
    sendCommand(this, 'bb-connect-bluetooth');
  };

  /**
   * A choice made in the menu: the menu goes, and on a phone with large text the devices' line it is
   * in goes shut with it; the device chosen, if any, is followed (see ChoiceInView).
   */
  private readonly onMenuChoice = (event: CustomEvent<BbMenuChoice>): void => {
    this.closeMenu();
    if (event.detail.kind) this.choiceInView.chose(event.detail.kind);
  };

  /** The menu and the devices' line go shut: a session's screen gives way, a problem was seen. */
  private closeMenu(): void {
    for (const details of this.renderRoot.querySelectorAll('details')) details.open = false;
  }

  /** Out of a session the switch is made at once; in one, on the second tap (see askingToSwitch). */
  private readonly onSwitch = (event: Event): void => {
    if (this.compact && !this.askingToSwitch) {
      this.askingToSwitch = true;
      // The button pressed gives way to the question: the focus goes to the answer that changes nothing.
      void this.updateComplete.then(() => this.focusOn('.keep-device'));
      return;
    }
    this.askingToSwitch = false;
    this.focusOfButtonGone.pressed(event.currentTarget as HTMLElement);
    this.choiceInView.chose('virtual');
    sendCommand(this, 'bb-use-virtual');
  };

  /** The question taken back: Use the virtual strap again, with the focus on it. */
  private readonly keepDevice = (): void => {
    this.askingToSwitch = false;
    void this.updateComplete.then(() => this.focusOn('.use-virtual'));
  };

  private focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Escape puts away the innermost open one: the menu, then the devices' line it is in. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const details = [...this.renderRoot.querySelectorAll('details')].findLast((d) => d.open);
    if (event.key !== 'Escape' || !details) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-device-panel': BbDevicePanel;
  }
}
