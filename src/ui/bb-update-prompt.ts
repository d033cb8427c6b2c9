import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { UpdateModel, UpdateState } from '../app/updates.ts';
import { ObserveController } from './observe.ts';
import { buttonStyles } from './styles.ts';

/**
 * How long a notice stays before it leaves by itself. Neither needs an answer: the app works offline
 * either way, and a waiting version also loads by itself the next time the app is opened.
 */
export const NOTICE_MS = { offline: 6_000, update: 12_000 } as const;

/**
 * Says when a new version is ready (and reloads on request) or when the app now works offline.
 * A banner in the page's flow, never over the screen, so that it cannot cover Start or a set's
 * controls (on the start screen it comes under Start, so that it cannot move it either); it waits
 * while a session runs (the screen then belongs to the exercise) and leaves by itself after a few
 * seconds. Where it `keepsPlace`, the offline news comes into room kept for it from the first paint
 * and leaves it kept, so that the text being read under it does not move.
 */
@customElement('bb-update-prompt')
export class BbUpdatePrompt extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      /* With nothing to say it takes no place, nor a gap beside it in the screen's grid. */
      :host([hidden]) {
        display: none;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: center;
        justify-content: center;
        padding: 0.25rem 0.5rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-accent, #4ade80);
        background: var(--bb-bg, #0d1117);
        color: var(--bb-text, #f5f7fa);
        font-size: 1rem;
      }
      button {
        font-size: 1rem;
        min-height: 2.75rem;
        padding: 0.25rem 0.9rem;
      }
      /* The room the offline news takes, kept while it is still to come and once it has gone. */
      .kept {
        visibility: hidden;
      }
    `,
  ];

  @property({ attribute: false }) updates!: UpdateModel;
  /** A session is running: the notice waits until it is over. */
  @property({ type: Boolean }) waiting = false;
  /**
   * The screen is being read as the offline news comes (the start screen on a first visit): the
   * news takes room kept for it, unseen, from the first paint until the screen gives way, rather than
   * pushing the text under it down as it comes and back up as it goes.
   */
  @property({ type: Boolean, attribute: 'keeps-place' }) keepsPlace = false;
  /**
   * The screen is not the start screen (a session's summary, Settings, History): the offline news
   * waits for the start screen, where it comes under Start, rather than push the screen's heading down.
   * At 180 × 320 its two lines and OK took the first screen's top: the summary's heading went to
   * 244–320 px, and Settings' and History's to 296–329 px, past the window's foot. An update, which
   * needs an answer, still shows.
   */
  @property({ type: Boolean, attribute: 'offline-later' }) offlineLater = false;
  /** The offline news was shown here: its room stays kept after it has gone. */
  private offlineShown = false;

  private state!: ObserveController<UpdateState>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timing: keyof typeof NOTICE_MS | null = null;

  override connectedCallback(): void {
    // The controller needs the model, which is set before the element is attached.
    this.state ??= ObserveController.ofModel(this, this.updates);
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The screen it was on gave way to another (Start tapped, History opened): the offline news was
    // seen, and does not come back. An update waits to be answered.
    if (this.timing === 'offline') this.updates.dismiss();
    this.stopTimer();
  }

  protected override willUpdate(): void {
    this.hidden = !this.showing() && !this.keepsRoom();
  }

  override render() {
    const showing = this.showing();
    if (showing === 'update') {
      // Each button described by the news it answers: in a screen reader's list of buttons, "Later"
      // alone says nothing.
      return html`<div role="status">
        <span id="update-news">A new version of Backbeat is ready.</span>
        <button class="primary" aria-describedby="update-news" @click=${() => this.updates.reload()}>Reload</button>
        <button class="quiet" aria-describedby="update-news" @click=${this.onAnswered}>Later</button>
      </div>`;
    }
    if (showing === 'offline') {
      return html`<div role="status">
        <span id="offline-news">Backbeat now works offline.</span>
        <button class="quiet" aria-describedby="offline-news" @click=${this.onAnswered}>OK</button>
      </div>`;
    }
    if (this.keepsRoom()) {
      // The same notice, unseen and out of reach, so that its room is the one it takes at any width
      // and text size.
      return html`<div class="kept" aria-hidden="true" inert>
        Backbeat now works offline.
        <button class="quiet" tabindex="-1">OK</button>
      </div>`;
    }
    return null;
  }

  protected override updated(_changed: PropertyValues<this>): void {
    // The notice on screen leaves after its time; one that changes (offline, then an update) starts anew.
    const showing = this.showing();
    if (showing === 'offline') this.offlineShown = true;
    if (showing === this.timing) return;
    const shown = this.timing;
    this.stopTimer();
    // The offline news was on screen when the session began: it has been seen, and does not come back.
    if (shown === 'offline' && this.waiting) this.updates.dismiss();
    if (!showing) return;
    this.startTimer(showing);
  }

  /**
   * A notice with the keyboard's focus on its button stays until the focus leaves it: gone from
   * under the focus, it took the focus with it, to the page's body, and a person who had tabbed to
   * its OK was sent back to the page's top.
   */
  private startTimer(showing: keyof typeof NOTICE_MS): void {
    this.timing = showing;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.shadowRoot?.activeElement) this.startTimer(showing);
      else this.updates.dismiss();
    }, NOTICE_MS[showing]);
  }

  /**
   * OK or Later goes with the notice: answered from the keyboard (a click with no pointer behind it,
   * detail 0), the screen the notice is on is asked to take the focus first, so that it is not lost
   * to the page's body and the next Tab does not start again from the page's top. A tap leaves the
   * focus where a tap leaves it.
   */
  private onAnswered(event: MouseEvent): void {
    if (event.detail === 0 && this.shadowRoot?.activeElement)
      this.dispatchEvent(new CustomEvent('bb-notice-answered', { bubbles: true, composed: true }));
    this.updates.dismiss();
  }

  private showing(): keyof typeof NOTICE_MS | null {
    if (this.waiting) return null;
    const { updateReady, offlineReady } = this.state.value;
    return updateReady ? 'update' : offlineReady && !this.offlineLater ? 'offline' : null;
  }

  private keepsRoom(): boolean {
    return this.keepsPlace && !this.waiting && (this.state.value.offlineNewsDue || this.offlineShown);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timing = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-update-prompt': BbUpdatePrompt;
  }
  interface GlobalEventHandlersEventMap {
    /** The notice was answered with the focus on its button, and goes: the focus wants a new place. */
    'bb-notice-answered': CustomEvent<undefined>;
  }
}
