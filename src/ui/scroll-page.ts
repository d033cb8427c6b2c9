import type { Edges } from './opened-at.ts';

/**
 * Scrolls the page by what `scroll` works out from the part of it on screen (see opened-at.ts, whose
 * rules are pure): the one place that reads the window's height and moves the page.
 */
export function scrollPageBy(scroll: (view: Edges) => number): void {
  const view = { top: 0, bottom: document.documentElement.clientHeight };
  window.scrollBy({ top: scroll(view) });
}
