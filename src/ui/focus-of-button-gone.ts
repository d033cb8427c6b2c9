// Keeps the keyboard's focus, and a screen reader's place, in the device panel when the button
// pressed goes once the app has done what it asked (a problem's OK, Use the virtual strap): its going
// took the focus to the top of the page. A controller of its own: it holds the button pressed across
// the renders that take it away.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface FocusingHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

export class FocusOfButtonGone implements ReactiveController {
  private pressedToGo: HTMLElement | null = null;

  /** `stays`: where the focus goes on from, a part that stays when the button goes. */
  constructor(
    private readonly host: FocusingHost,
    private readonly stays: string,
  ) {
    host.addController(this);
  }

  /** A button pressed that goes once the app has done what it asks. */
  pressed(button: HTMLElement): void {
    this.pressedToGo = button;
  }

  /**
   * The button pressed gone with what it put away, the focus goes on from the part that stays, where
   * it had fallen to the page. Not where the person has moved it on since.
   */
  hostUpdated(): void {
    if (!this.pressedToGo || this.pressedToGo.isConnected) return;
    this.pressedToGo = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    this.host.renderRoot.querySelector<HTMLElement>(this.stays)?.focus();
  }
}
