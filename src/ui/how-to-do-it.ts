// How to do it, the exercise's steps folded under the set, with the strap offered beside them: it keeps
// whether the person left it open across the renders that build its row anew, and brings what it
// opens into view, which no other part of the set's screen does.

import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CurrentSet, PlannedExercise } from '../workout/session.ts';
import { showsSetUnderWay } from '../workout/set-shown.ts';
import { connectStrapButton, sideBySide } from './styles.ts';

/** The steps' row: one line high, the steps hanging below it when opened. */
export const howToDoItStyles = css`
  details {
    max-width: 40rem;
    text-align: left;
    font-size: 1.15rem;
    /*
     * On a phone the screen's last row: opened, its steps hang below the screen (the page
     * scrolls to them) rather than take the ring's height.
     */
    flex: none;
    height: 2.75rem;
  }
  .last-row {
    display: flex;
    flex: none;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: center;
    gap: 0 0.75rem;
    width: 100%;
  }
  /*
   * Opened, the steps take the row's width under it, and the strap stays beside How to do it, on
   * its line, at the row's end: under the steps it lay over them (the steps hang below a box one
   * line high), and hidden it was out of reach until they were put away.
   */
  .last-row:has(details[open]) {
    display: grid;
    grid-template-columns: 1fr auto;
  }
  .last-row details[open] {
    grid-area: 1 / 1 / 2 / 3;
  }
  .last-row details[open] > summary {
    justify-content: flex-start;
  }
  .last-row:has(details[open]) .connect-strap {
    grid-area: 1 / 2;
  }
  .connect-strap {
    font-size: 1rem;
    min-height: 2.75rem;
    padding-block: 0;
    padding-inline: 0.75rem;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
  }
`;

/** The set screen as How to do it reads it. */
export interface HowToDoItHost extends ReactiveControllerHost, HTMLElement {
  readonly planned: PlannedExercise;
  readonly set: CurrentSet;
}

/** How to do it, and the strap offered beside it: the set screen's last row. */
export class HowToDoIt implements ReactiveController {
  /**
   * How to do it is open, as the person left it: the row it is on changes as the strap is offered
   * (Pause), connected or no longer offered, and the steps built anew with it are opened as they were,
   * where Pause and Add a strap closed them. Closed, as before, once the set waiting for the
   * person's position begins, and for the next set.
   */
  private open = false;
  /** The set How to do it was opened in, and whether under way (see open). */
  private openIn = '';

  constructor(private readonly host: HowToDoItHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { planned, set } = this.host;
    const setShown = `${planned.exercise.id} ${set.setNumber} ${showsSetUnderWay(set)}`;
    if (setShown !== this.openIn) this.open = false;
    this.openIn = setShown;
  }

  /**
   * How to do it, and the strap offered beside it while the set is paused on a phone (see
   * BbSetView.offerStrap): one row of the screen, where the header's row for it took the
   * ring's room.
   */
  render(offerStrap: boolean) {
    if (!offerStrap) return this.renderSteps();
    return html`<div class="last-row">
      ${this.renderSteps()}
      ${connectStrapButton(this.host)}
    </div>`;
  }

  private renderSteps() {
    const { exercise } = this.host.planned;
    return html`<details ?open=${this.open} @toggle=${this.onToggle}>
      <summary>How to do it</summary>
      <p>${exercise.position}</p>
      <ol>
        ${exercise.steps.map((step) => html`<li>${step}</li>`)}
      </ol>
      <ul>
        ${exercise.cues.map((cue) => html`<li>${cue}</li>`)}
      </ul>
    </details>`;
  }

  private readonly onToggle = (event: Event): void => {
    const open = (event.target as HTMLDetailsElement).open;
    // Built anew open, as it was (see open): the page stays where the person left it.
    if (open === this.open) return;
    this.open = open;
    bringIntoView(event);
  };
}

/**
 * On a phone "How to do it" sits under the ring, and opens below the fold: what was asked for must be
 * seen without a scroll. On a phone on its side it sits under the set's controls, beside the ring: the
 * page scrolls no further than those controls, which stay on screen, as does the ring (sticky there).
 */
function bringIntoView(event: Event): void {
  const details = event.target as HTMLDetailsElement;
  // Its box is one line high whether open or not: what it says hangs below, so look at its end.
  const end = (details.lastElementChild ?? details).getBoundingClientRect().bottom;
  if (!details.open || end <= window.innerHeight) return;
  const root = details.getRootNode() as ShadowRoot;
  const controls = [...root.children].find((el) => el.matches('.controls, .finish-question'));
  const besideTheRing = window.matchMedia(String(sideBySide)).matches;
  (besideTheRing && controls ? controls : details).scrollIntoView({ block: 'start' });
}
