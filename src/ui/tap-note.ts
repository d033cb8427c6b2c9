import {
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { sendCommand } from './events.ts';
import { narrowAndShort } from './styles.ts';
import { readAsSentences } from './unspoken-lines.ts';

/** Long enough to read a line of eight words from the mat, short enough not to stand over the next tap. */
const TAP_NOTE_SHOWN_MS = 4_000;

/**
 * A notice over a screen's heading (a set's form warning, or a line that answers a tap): big enough
 * to read from the mat, and laid over the screen rather than in its flow, so that nothing moves.
 */
export const noticeStyles = css`
  :host {
    position: relative;
  }
  .notice {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    z-index: 1;
    box-sizing: border-box;
    /* As tall as a set's name and number it covers, and no taller on a phone: two lines fit. */
    min-height: 4.25rem;
    margin: 0;
    padding: 0.2rem 0.75rem;
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: 0.75rem;
    font-size: clamp(1.5rem, 7vmin, 2.5rem);
    font-weight: 800;
    line-height: 1.1;
    color: var(--bb-text, #f5f7fa);
    background: var(--bb-bg, #0d1117);
    border: 3px solid var(--bb-rest, #60a5fa);
  }
  /*
   * An answer to the person's own tap, calmer than a warning: a size smaller, so that "Hold
   * started: tap End hold when you come down" stays over the heading on a 360×640 phone, where at
   * a warning's size its three lines ran 7 px over the ring. Lines of even length: "Tap again to
   * End hold" left "hold" alone on a phone's second line.
   */
  .notice.tap-note {
    font-size: clamp(1.25rem, 5.5vmin, 2rem);
    text-wrap: balance;
  }
  /* Its place is the screen's, but where the heading comes under the ring (see below). */
  .notice-place {
    display: contents;
  }
  /*
   * With text at twice its size on a small phone (180×320) the ring comes first, the button a rest or
   * a set is tapped for under it, and the heading under them: the line is in the heading's place, a
   * box of no height in the screen's order (see each screen's), where laid over the top of the screen
   * it hid the ring, and the time or the count in it, and ran 4 px over Pause. Its words take the
   * width of the window, less a finger's edge: in the screen's column, "Hold started: tap End hold when
   * you come down" took six lines, and ran 14 px over End hold.
   */
  @media ${narrowAndShort} {
    :host > .notice-place {
      display: block;
      position: relative;
      height: 0;
      margin-block: 0;
    }
    .notice-place > .notice {
      left: -0.75rem;
      right: -0.75rem;
      padding-inline: 0.25rem;
    }
    /*
     * A tap on a button right under the ring (Pause, a rest's, a hold timed by hand) is made at the
     * page's top, where the heading's place lies under the window's edge: "Tap again to Pause" came
     * 306–362 px in the 320 px window, 14 px of it seen. The line stands over the header's foot, just
     * above the screen, clear of the ring and the buttons under it. So does a set's form warning, read
     * in a glance at the count: over the top of the screen it lay over the ring, 112–256 px over
     * 116–244 px.
     */
    :host > .notice-place.over-header {
      order: 0;
    }
    .notice-place.over-header > .notice {
      top: auto;
      bottom: 0.25rem;
    }
  }
`;

/**
 * What a screen says of a tap it did not take as it looks (see taps-meant-before): shown over the
 * heading for TAP_NOTE_SHOWN_MS, where a tap met with nothing was tapped again, and acted, and told
 * once to a screen reader through the app's line for it, as no voice says it.
 */
export class TapNote implements ReactiveController {
  private text: string | null = null;
  /** The button tapped is under the heading at 180×320 (see .notice-place): the line goes there. */
  private underHeading = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get shown(): boolean {
    return this.text !== null;
  }

  /** Shows `text`, of a tap on a button `underHeading` at 180×320 or right under the ring (see .over-header). */
  show(text: string, underHeading = false): void {
    this.text = text;
    this.underHeading = underHeading;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), TAP_NOTE_SHOWN_MS);
    this.host.requestUpdate();
    sendCommand(this.host, 'bb-tell-screen-reader', { line: readAsSentences([text]) });
  }

  /** Takes the line away: the button it spoke of is no longer the one under the finger. */
  clear(): void {
    clearTimeout(this.timer);
    if (this.text === null) return;
    this.text = null;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The line in its place, written before the screen's heading (see .notice-place). */
  render() {
    return noticePlace(
      this.text === null ? nothing : html`<p class="notice tap-note">${this.text}</p>`,
      this.underHeading,
    );
  }
}

/**
 * `notice` in its place over the screen's heading: at 180×320 in the heading's place, `underHeading`,
 * or else over the header's foot (see .notice-place).
 */
export function noticePlace(notice: TemplateResult | typeof nothing, underHeading: boolean) {
  return html`<div class=${underHeading ? 'notice-place' : 'notice-place over-header'}>${notice}</div>`;
}
