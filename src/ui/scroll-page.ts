import { type Edges, leastScroll, scrollBackToFace, scrollToShow } from './opened-at.ts';

/**
 * Scrolls the page by what `scroll` works out from the part of it on screen (see opened-at.ts, whose
 * rules are pure): the one place that reads the window's height and moves the page.
 */
export function scrollPageBy(scroll: (view: Edges) => number): void {
  const view = { top: 0, bottom: document.documentElement.clientHeight };
  window.scrollBy({ top: scroll(view) });
}

/**
 * Scrolls the page so that a part opened or a question asked shows with what leads to it (see
 * scrollToShow), from the boxes the elements have now.
 */
export function scrollToShowOnPage(heading: Element, asked: Element, first: Element): void {
  const edges = (element: Element) => element.getBoundingClientRect();
  scrollPageBy((view) => scrollToShow(view, edges(heading), edges(asked), edges(first)));
}

/**
 * Puts the focus on a new screen's heading, where a keyboard or a screen reader takes up from, the
 * page held where it is: with text at twice its size on a small phone the heading comes under the
 * count and its buttons, and scrolled to, it pushed the heart rate off the top. Where the focus came
 * by the keyboard (the heading then matches :focus-visible, as a tap leaves it not) and the heading
 * is out of the window, the page scrolls the least that shows it: a rest's lay at 320–352 px of the
 * 320 px window, the focus where its user could not see it.
 */
export function focusHeading(heading: HTMLElement): void {
  heading.focus({ preventScroll: true });
  if (!heading.matches(':focus-visible')) return;
  const box = heading.getBoundingClientRect();
  scrollPageBy((view) => leastScroll(view, box));
}

/**
 * Puts the focus back on a screen's `control` once a question over it is taken back. A keyboard or
 * switch user follows the focus: the page scrolls the least that shows the control, as focus() would.
 * A tap's user goes back to the mat: the page shows the screen's `face` (see scrollBackToFace), where
 * focus() scrolled to Finish, under it on a phone with its text at twice its size.
 */
export function focusBackOnScreen(control: HTMLElement, face: Element | null): void {
  control.focus({ preventScroll: true });
  if (control.matches(':focus-visible') || !face) {
    const box = control.getBoundingClientRect();
    scrollPageBy((view) => leastScroll(view, box));
    return;
  }
  const top = document.documentElement.getBoundingClientRect().top;
  scrollPageBy((view) => scrollBackToFace(view, top, face.getBoundingClientRect()));
}
