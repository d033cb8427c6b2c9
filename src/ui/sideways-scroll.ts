import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Whether a box that scrolls sideways (a table wider than a phone) has columns beyond its right edge:
 * measured once the box is laid out, again when it or what it holds changes size, and on each scroll
 * (the host calls `measure` from the box's scroll event). Nothing else shows the columns are there.
 */
export class SidewaysScroll implements ReactiveController {
  /** Columns lie beyond the box's right edge: the hint says so. */
  moreToTheRight = false;
  private box: HTMLElement | null = null;
  private observer: ResizeObserver | null = null;

  /** `findBox` gives the box as rendered, or null while there is none to watch (a closed table). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly findBox: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const box = this.findBox();
    if (box === this.box) return;
    this.observer?.disconnect();
    this.observer = null;
    this.box = box;
    if (!box) {
      this.show(false);
      return;
    }
    this.observer = new ResizeObserver(() => this.measure());
    this.observer.observe(box);
    if (box.firstElementChild) this.observer.observe(box.firstElementChild);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.box = null;
  }

  readonly measure = (): void => {
    const box = this.box;
    this.show(!!box && box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
  };

  private show(more: boolean): void {
    if (more === this.moreToTheRight) return;
    this.moreToTheRight = more;
    this.host.requestUpdate();
  }
}

/** The line over a box of SidewaysScroll while columns lie beyond its edge; the table is read whole. */
export function sidewaysHint(scroll: SidewaysScroll) {
  return scroll.moreToTheRight
    ? html`<p class="scroll-hint" aria-hidden="true">More columns: scroll sideways →</p>`
    : null;
}

/** On a phone a table can be wider than its box; without this nothing shows the columns beyond. */
export const sidewaysHintStyles = css`
  .scroll-hint {
    margin: 0 0 0.25rem;
    color: var(--bb-muted, #b6c2d1);
    text-align: end;
  }
`;
