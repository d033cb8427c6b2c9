// Follows the device the person chose in the device panel until it connects or a problem says why it
// cannot, and brings that problem into view. A controller of its own: it keeps the choice between
// renders and acts once the panel has rendered the problem, which the pure rule (device-choice.ts)
// does not see.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceKind, DeviceState } from '../app/device-status.ts';
import { type DeviceChoice, outcomeOfChoice } from './device-choice.ts';
import { leastScroll } from './opened-at.ts';
import { scrollPageBy } from './scroll-page.ts';

/** The device panel as this controller reads it. */
interface ChoosingHost extends ReactiveControllerHost {
  readonly device: DeviceState;
  /** In a session the header stays put: the problem is not scrolled to. */
  readonly compact: boolean;
  readonly renderRoot: ParentNode;
}

/**
 * On a phone with large text the header is taller than the screen, the page was scrolled to reach
 * the choice in the menu, and the problem, told above what is on screen, was kept there as the page
 * moved to keep what it showed in place.
 */
export class ChoiceInView implements ReactiveController {
  private choice: DeviceChoice | null = null;
  private deviceSeen: DeviceState | null = null;

  constructor(private readonly host: ChoosingHost) {
    host.addController(this);
  }

  /** The person chose a device of this `kind`: what becomes of it is theirs to see. */
  chose(kind: DeviceKind): void {
    this.choice = { kind, problemsToldBefore: this.host.device.problemsTold };
  }

  hostUpdated(): void {
    const device = this.host.device;
    const deviceChanged = device !== this.deviceSeen;
    this.deviceSeen = device;
    if (!deviceChanged || !this.choice) return;
    const outcome = outcomeOfChoice(this.choice, device);
    if (outcome === 'pending') return;
    this.choice = null;
    // On a phone with large text the problem is the devices' line (see renderAtAGlance).
    const problem = this.host.renderRoot.querySelector('.problem, .problem-line');
    if (outcome !== 'problem' || this.host.compact || !problem) return;
    scrollPageBy((view) => leastScroll(view, problem.getBoundingClientRect()));
  }
}
