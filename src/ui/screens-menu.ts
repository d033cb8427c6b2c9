import { html, type LitElement, nothing, type ReactiveController } from 'lit';
import type { AppView } from './view-entries.ts';

/**
 * The header's way to History and Settings between sessions: two buttons, or on a phone with its text
 * at twice its size a menu the width of a fingertip that holds them. The menu lies over the page: a
 * tap anywhere else, or Escape, puts it away.
 */
export class ScreensMenu implements ReactiveController {
  /** The menu is open (on a phone with large text). */
  private open = false;

  private readonly onPointerDown = (event: PointerEvent) => {
    const screens = this.host.renderRoot.querySelector('.screens');
    if (this.open && screens && !event.composedPath().includes(screens)) this.close();
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (!this.open || event.key !== 'Escape') return;
    this.close();
    this.host.renderRoot.querySelector<HTMLElement>('button.menu')?.focus();
  };

  constructor(private readonly host: LitElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.onPointerDown);
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.onPointerDown);
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  /** Puts the menu away: whatever opened another screen (Done, Back, the browser's Back) does. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
  }

  /**
   * History and Settings, the one open `shown` pressed; `onPick` is told which was tapped. `asMenu` on
   * a phone with large text, where the two side by side were wider than the row beside the heart rate.
   */
  render(shown: AppView, asMenu: boolean, onPick: (view: AppView) => void) {
    const pick = (view: AppView) => () => {
      onPick(view);
      this.close();
    };
    const nav = html`<nav id="screens" aria-label="Screens">
      <button class="quiet" aria-pressed=${shown === 'history'} @click=${pick('history')}>History</button>
      <button class="quiet" aria-pressed=${shown === 'settings'} @click=${pick('settings')}>Settings</button>
    </nav>`;
    if (!asMenu) return nav;
    return html`<div class="screens">
      <button
        class="quiet menu"
        aria-label="History and Settings"
        aria-expanded=${this.open}
        aria-controls=${this.open ? 'screens' : nothing}
        ?data-screen-open=${shown !== 'session'}
        @click=${() => this.toggle()}
      ><span class="bars" aria-hidden="true"></span></button>
      ${this.open ? nav : null}
    </div>`;
  }

  private toggle(): void {
    this.open = !this.open;
    this.host.requestUpdate();
  }
}
