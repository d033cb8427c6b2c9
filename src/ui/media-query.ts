import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether a media query matches, kept current while the component is connected: a change (the phone
 * turned, its text made larger) renders the component again.
 */
export class MediaQueryController implements ReactiveController {
  matches = false;
  private list: MediaQueryList | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.list = window.matchMedia(this.query);
    this.matches = this.list.matches;
    this.list.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.list?.removeEventListener('change', this.onChange);
    this.list = null;
  }

  private readonly onChange = (event: MediaQueryListEvent): void => {
    this.matches = event.matches;
    this.host.requestUpdate();
  };
}
