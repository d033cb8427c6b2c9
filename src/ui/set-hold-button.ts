// The set's Start hold / End hold button, and the taps on it it lets go or takes as meant for the
// button before (see taps-meant-before): the button remembers when the buttons under the finger
// changed, which no other part of the set's screen needs.

import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CurrentSet, PlannedExercise } from '../workout/session.ts';
import { sendCommand } from './events.ts';
import type { TapNote } from './tap-note.ts';
import { holdButtonTap, holdStartedText, tapAgainText } from './taps-meant-before.ts';

/**
 * Start hold and End hold are one box, as wide as the wider words, in both: End hold, 12–15 px
 * narrower, moved Pause beside it 6 px on a 360×640 phone and 7 px on a laptop as the hold
 * began, and on a phone on its side took Skip set up onto their row, 199 px from where it was.
 * The words unseen are the eye's (the button is named by its own, see pauseButton).
 */
export const holdButtonStyles = css`
  .controls .start-end-hold {
    display: inline-grid;
    place-items: center;
  }
  .start-end-hold > span,
  .start-end-hold::before,
  .start-end-hold::after {
    grid-area: 1 / 1;
  }
  .start-end-hold::before {
    content: 'Start hold' / '';
    visibility: hidden;
  }
  .start-end-hold::after {
    content: 'End hold' / '';
    visibility: hidden;
  }
`;

/** The set screen as the hold button reads it. */
export interface HoldButtonHost extends ReactiveControllerHost, HTMLElement {
  readonly planned: PlannedExercise;
  readonly set: CurrentSet;
  readonly paused: boolean;
}

/**
 * Start hold, which turns into End hold in place as the hold starts: one button, so that a keyboard's
 * or screen reader's focus stays on it, where Start hold pressed with Enter left it on the page, and
 * the Enter that was to end the hold pressed nothing.
 */
export class HoldButton implements ReactiveController {
  /** When Start the set was last pressed (see onTap). */
  private beginPressedAtMs = Number.NEGATIVE_INFINITY;
  /** When Start hold last turned into End hold (see onTap). */
  private endHoldShownAtMs = Number.NEGATIVE_INFINITY;
  /** An End hold tapped in the hold under way was taken as Start hold (see holdButtonTap). */
  private endHoldTakenAsStartHold = false;
  /** The hold's start as last rendered; undefined before the first render. */
  private holdStartMsShown: number | null | undefined = undefined;

  /**
   * `tapNote` says what a tap did not do; `tappedByHand` tells whether the set is timed by the
   * person's taps, where the button is the set's main one.
   */
  constructor(
    private readonly host: HoldButtonHost,
    private readonly tapNote: TapNote,
    private readonly tappedByHand: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const holdStartMs = this.host.set.holdStartMs;
    if (this.holdStartMsShown === null && holdStartMs !== null) {
      this.endHoldShownAtMs = performance.now();
      this.endHoldTakenAsStartHold = false;
    }
    this.holdStartMsShown = holdStartMs;
  }

  /** Start the set was pressed: a tap on Start hold just after it was meant for it. */
  beginPressed(): void {
    this.beginPressedAtMs = performance.now();
  }

  render() {
    const { set, paused } = this.host;
    const word = set.holdStartMs === null ? 'Start hold' : 'End hold';
    // The main button where the set is timed by hand.
    const classes = this.tappedByHand() ? 'start-end-hold primary tap-by-hand' : 'start-end-hold';
    return html`<button class=${classes} aria-label=${word} @click=${this.onTap} ?disabled=${set.holdStartMs === null && paused}><span>${word}</span></button>`;
  }

  private readonly onTap = (): void => {
    const starts = this.host.set.holdStartMs === null;
    const tap = holdButtonTap({
      endsHold: !starts,
      sinceButtonBeforeMs: performance.now() - (starts ? this.beginPressedAtMs : this.endHoldShownAtMs),
      begunByTap: this.host.set.holdBegunByTap === true,
      takenAsStartHoldBefore: this.endHoldTakenAsStartHold,
    });
    // A second tap of the finger that pressed the button before: let go, the hold as it was, so that
    // a tap meant for this button comes once the person is in the hold, or out of it.
    // Counted by a device, the hold's button comes under the heading at 180×320, not right under the ring.
    const underHeading = !this.tappedByHand();
    if (tap === 'let-go') this.tapNote.show(tapAgainText(starts ? 'Start hold' : 'End hold'), underHeading);
    else if (tap === 'taken-as-start-hold') {
      this.endHoldTakenAsStartHold = true;
      this.tapNote.show(holdStartedText(this.host.planned.exercise.liftsIntoHold), underHeading);
    } else sendCommand(this.host, starts ? 'bb-start-hold' : 'bb-end-hold');
  };
}
