// The set's ring: its count or clock, the target or the tap asked for under it, a rep's top pause, and
// "Paused". Its face's lines are sized to the ring's room (container queries), apart from the screen's
// layout around it, which moves the ring but never reaches inside it.

import { css, html, nothing } from 'lit';
import type { PauseReason } from '../workout/session-state.ts';
import type { RingDisplay } from './set-ring-display.ts';
import { pausedMark, ringFace } from './styles.ts';
import './bb-progress-ring.ts';

/** The lines inside the set's ring, sized to it. */
export const setRingStyles = css`
  /*
   * The tap the ring asks for and when, "tap +1" and "after each rep", each starts a line rather
   * than split ("rep" alone under "tap +1 after each" on a ring of 146 px), and wraps within itself
   * only where it is wider than the ring's line (180×320).
   */
  .tap-hint .whole {
    display: inline-block;
  }
  /*
   * Before the first rep the tap asked for is what the person acts on, and the target gives way to
   * it until then. Its lines, "tap +1" over "after each rep" (a hold's "tap Start / hold"), are
   * sized and narrowed to the round of the ring under the count: under the target, at the
   * target's size, they ran over the ring's band (a laptop's ring of 416 px, a phone's of 160).
   * The smallest ring (180×320) has no room for the count and three lines of the smallest type
   * inside its band: there it asks for the tap alone (see below).
   */
  .unit:not(.tap-hint):has(~ .tap-hint) {
    display: none;
  }
  .tap-hint {
    font-size: clamp(0.75rem, 7.75cqmin, 2rem);
    line-height: 1.15;
    text-wrap: balance;
    max-width: 60cqmin;
    margin-inline: auto;
  }
  /*
   * As large as each one's longest line lets it stand clear of the band, where one size for all
   * (6.5cqmin, the bat hang's) left a rep's 12 px and a hold's 12 px on a 360×640 phone: "after
   * each breath" is the longest, "tap Start / hold" has more room under a hold's shorter clock.
   */
  .tap-hint.breaths {
    font-size: clamp(0.75rem, 6.5cqmin, 2rem);
  }
  .tap-hint.hold {
    font-size: clamp(0.75rem, 12.5cqmin, 2rem);
  }
  @container (max-height: 5rem) {
    .unit {
  display: none;
    }
  }
  /*
   * A ring that small (a set by hand on a 180×320 phone) holds the count and short lines under it
   * ("of 10 / each side / right arm"), which at the target's size ran over the ring's edge; once
   * paused, the count and "Paused" alone.
   */
  @container (max-height: 5.5rem) {
    .unit {
  font-size: 0.75rem;
  max-width: 75cqmin;
  margin-inline: auto;
    }
    /*
     * Of the tap asked for, the tap alone ("tap +1"), right over the +1 it names, as large as the
     * ring holds it: the count and "tap +1 / after each / breath" in the smallest type took the
     * ring's height, their last two lines 2–10 px over its band. The voice asks to count with plus
     * one as the set begins, and the plan on the start screen said after each rep.
     */
    .unit.tap-hint {
  font-size: 0.9375rem;
  line-height: 1;
    }
    .tap-hint .whole ~ .whole {
  display: none;
    }
    .unit:has(~ .paused:not([slot])) {
  display: none;
    }
    /* Paused by the person: over the target's lines, which keep their room, so the count stays. */
    .unit:has(~ .paused[slot]) {
  visibility: hidden;
    }
    .paused {
  margin-top: 0;
  font-size: 20cqmin;
    }
    .paused[slot] {
  margin-top: 0;
    }
  }
  /*
   * The pause at the top of a rep, where the voice times it ("Hold 2", "Down"): read from the mat
   * by a person who muted the voice, half again the size of the target it stands in for, grown
   * downwards into the ring's room under the count, so that neither the count nor the rows move.
   */
  .top-pause {
    font-weight: 800;
    color: var(--bb-accent, #4ade80);
    transform: scale(1.5);
    transform-origin: top center;
  }
  /* A ring at its smallest (a phone with text at twice its size) has less room under its count. */
  @container (max-height: 9rem) {
    .top-pause {
  transform: scale(1.25);
    }
  }
`;

/** What the ring shows besides its display: the pause at a rep's top, and the set paused. */
export interface SetRingMarks {
  /** Stands in for the target while it lasts (see topPauseText), or null. */
  readonly topPause: string | null;
  readonly paused: boolean;
  readonly pauseReason: PauseReason | null;
  /** The set counts breaths, whose tap line is the longest (see .tap-hint.breaths). */
  readonly breaths: boolean;
}

/** The set's ring showing `display`, with `marks` over it. */
export function renderSetRing(display: RingDisplay, marks: SetRingMarks) {
  return html`<bb-progress-ring
      .value=${display.value}
      .max=${display.max}
      label=${display.label}
      value-text=${display.valueText}
    >
      ${ringFace(display.digits, display.suffix)}
      ${
        marks.topPause
          ? html`<div class="unit top-pause" aria-hidden="true">${marks.topPause}</div>`
          : display.unitAsksTap
            ? html`<div class="unit tap-hint hold" aria-hidden="true">${display.unit}</div>`
            : html`<div class="unit" data-grows aria-hidden="true">${display.unit}</div>`
      }
      ${display.detail ? html`<div class="unit" aria-hidden="true">${display.detail}</div>` : nothing}
      ${display.tapHint ? html`<div class=${marks.breaths ? 'unit tap-hint breaths' : 'unit tap-hint'} aria-hidden="true">${display.tapHint.map((part, i) => html`${i > 0 ? ' ' : ''}<span class="whole">${part}</span>`)}</div>` : nothing}
      ${marks.paused ? pausedMark(marks.pauseReason) : nothing}
    </bb-progress-ring>`;
}
