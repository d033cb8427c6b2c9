// Where the page scrolls to and the focus goes as the app shell's screen changes, read from the
// shell's rendered root: its header, and under it a main holding the screen shown (the start screen's
// .ready section, a set, a rest, the summary, History or Settings), any notice or way back above it.
// The rules of how far to scroll are pure, in opened-at.ts.

import { LitElement } from 'lit';
import { scrollToOpen, scrollToShow } from './opened-at.ts';
import { focusHeading, scrollPageBy } from './scroll-page.ts';

/** A screen's heading, in its shadow root where it has one. */
function headingOf(screen: HTMLElement | null): HTMLElement | null {
  return (screen?.shadowRoot ?? screen)?.querySelector<HTMLElement>('h2') ?? null;
}

/** The screen in the main, under any notice or way back above it. */
function shownScreen(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>(
    'main > :is(.ready, bb-history, bb-settings, bb-set-view, bb-rest-view, bb-summary)',
  );
}

/**
 * The screen just opened shows itself (see scrollToOpen): on a phone with its text at twice its
 * size the header takes most of the screen, and a screen whose heading is below the window (the
 * settings, or a notice above the screen) scrolls up to it. Not for a set or a rest: the heart rate
 * over the count stays in view.
 */
export async function showOpenedScreen(root: ParentNode): Promise<void> {
  const main = root.querySelector('main');
  const screen = main?.querySelector<HTMLElement>(
    ':scope > :is(.back, .ready, bb-history, bb-settings, bb-summary)',
  );
  const shown = screen?.matches('.back') ? main?.querySelector('bb-history') : screen;
  if (!main || !screen || !shown) return;
  if (shown instanceof LitElement) await shown.updateComplete;
  const heading = (shown.shadowRoot ?? shown).querySelector('h2');
  if (!heading || !screen.isConnected) return;
  // The room the page keeps above a screen at its top, kept above it here too.
  const room = Number.parseFloat(getComputedStyle(main).paddingTop);
  const { top, bottom } = screen.getBoundingClientRect();
  scrollPageBy((view) => scrollToOpen(view, { top: top - room, bottom }, heading.getBoundingClientRect()));
}

/**
 * The page opened on the start screen shows Start, with its heading and as much as fits of the
 * devices above (see scrollToShow): on a phone with its text at twice its size the header and the
 * heading fill the screen, and Start, the one button a person needs, was a scroll below them. Where Start
 * shows under the header, as on a phone or a laptop, the page stays at its top.
 */
export async function showStart(root: ParentNode): Promise<void> {
  // The header's parts render after the app: its height is theirs.
  const parts = root.querySelectorAll('header > *, header bb-heart-rate');
  await Promise.all([...parts].map((part) => (part instanceof LitElement ? part.updateComplete : null)));
  const heading = root.querySelector('#ready-title');
  const start = root.querySelector('.ready .start');
  if (!heading || !start?.isConnected) return;
  const startEdges = start.getBoundingClientRect();
  scrollPageBy((view) => scrollToShow(view, heading.getBoundingClientRect(), startEdges, startEdges));
}

/**
 * The button the focus was on went with the screen it was on: the focus goes to the new screen's
 * heading, where a keyboard or screen reader takes up from, not to the top of the page. The page
 * stays at its top (see focusHeading): on a phone with large text a set's heading sits under the
 * position to take, and scrolled to, it would push the header and the heart rate off the top of
 * the screen; only a keyboard's focus out of the window is scrolled to.
 */
export async function focusNewScreen(root: ParentNode): Promise<void> {
  const screen = shownScreen(root);
  if (screen instanceof LitElement) await screen.updateComplete;
  const lost = document.activeElement === document.body || document.activeElement === null;
  const heading = headingOf(screen);
  if (lost && heading) focusHeading(heading);
}

/**
 * The notice the keyboard answered goes with its button: under Start, in the start screen, the focus
 * goes to Start, the button just before the notice and the one thing there to do; above a screen (the
 * offer to resume a session, or a notice over another screen), to that screen's heading, where the
 * screen the notice sat over begins.
 */
export function focusPastNotice(root: ParentNode, notice: Element): void {
  const screen = shownScreen(root);
  const start = screen?.contains(notice)
    ? screen.querySelector<HTMLElement>('.start:not([aria-hidden])')
    : null;
  if (start) {
    start.focus({ preventScroll: true });
    return;
  }
  const heading = headingOf(screen);
  if (heading) focusHeading(heading);
}
