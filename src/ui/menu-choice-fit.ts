import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A closed menu, and its unseen twin holding the menu's chosen words alone. */
export interface MenuAndTwin {
  readonly menu: HTMLSelectElement;
  readonly twin: HTMLSelectElement;
}

/**
 * Whether a closed menu cuts its chosen words at its edge (it shows them on one line): the menu is
 * narrower than its twin, a menu of those words alone, as wide as it takes to show them whole. Measured
 * against the twin, as only the browser's layout says how much room its menu's arrow and padding take.
 * Measured after every render, and again as either changes size with the window or the text.
 */
export class MenuChoiceFitController implements ReactiveController {
  /** The chosen words are cut at the menu's edge. */
  cut = false;
  private readonly sizeObserver = new ResizeObserver(() => this.measure());
  private observed: MenuAndTwin | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly find: () => MenuAndTwin | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const found = this.find();
    if (found?.menu !== this.observed?.menu || found?.twin !== this.observed?.twin) {
      this.sizeObserver.disconnect();
      if (found) {
        this.sizeObserver.observe(found.menu);
        this.sizeObserver.observe(found.twin);
      }
      this.observed = found;
    }
    this.measure();
  }

  hostDisconnected(): void {
    this.sizeObserver.disconnect();
    this.observed = null;
  }

  private measure(): void {
    const shown = this.observed;
    const cut =
      shown !== null && shown.menu.getBoundingClientRect().width < shown.twin.getBoundingClientRect().width;
    if (cut === this.cut) return;
    this.cut = cut;
    this.host.requestUpdate();
  }
}
