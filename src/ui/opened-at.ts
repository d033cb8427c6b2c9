// Where a screen opened at one of its parts scrolls to. Pure: the boxes come from the layout, and the
// screen scrolls by what this gives.

/** A box's top and bottom edges, down the screen in px, as getBoundingClientRect gives them. */
export interface Edges {
  readonly top: number;
  readonly bottom: number;
}

/**
 * How far to scroll down (up, if negative) so that a screen opened for one of its parts shows where
 * the person is as well as what they asked for: from its `heading` to the end of the part `asked`,
 * with the least scroll, when that fits in the `view`; else the heading at the top of the view, with
 * as much of the part as fits under it, as long as the part's `first` control (the one with the focus)
 * is then wholly in view; else that control, with the least scroll. Text made large on a small phone
 * leaves no room for more: the heading is worth less than the control asked for.
 * In whole pixels, as the page scrolls: rounded the way that leaves the edge shown wholly in view, not
 * a fraction of a pixel beyond it.
 */
export function scrollToShow(view: Edges, heading: Edges, asked: Edges, first: Edges): number {
  const height = view.bottom - view.top;
  if (asked.bottom - heading.top <= height)
    return leastScroll(view, { top: heading.top, bottom: asked.bottom });
  if (first.bottom - heading.top <= height) return Math.floor(heading.top - view.top);
  return leastScroll(view, first);
}

/**
 * Scrolls `box` just into view, as scrollIntoView's block 'nearest' does (not at all if it is), in
 * whole pixels that leave its edge wholly in view, where scrollIntoView left a fraction of it out.
 */
export function leastScroll(view: Edges, box: Edges): number {
  if (box.top < view.top) return Math.floor(box.top - view.top);
  if (box.bottom > view.bottom)
    return Math.min(Math.ceil(box.bottom - view.bottom), Math.floor(box.top - view.top));
  return 0;
}

/**
 * How far to scroll a screen just opened at the top of the page (the history, the settings, the
 * summary): not at all where its `heading` shows whole under the header, as on a phone or a laptop;
 * else so that the `screen` starts at the top of the `view`, or its heading does where what the screen
 * puts above it (the way back to a rest) would leave the heading out of view. With text at twice its
 * size on a small phone the header alone is taller than the screen: opened at the page's top, the
 * screen asked for showed nothing of itself, and the tap seemed to do nothing.
 */
export function scrollToOpen(view: Edges, screen: Edges, heading: Edges): number {
  if (heading.top >= view.top && heading.bottom <= view.bottom) return 0;
  const height = view.bottom - view.top;
  const top = heading.bottom - screen.top <= height ? screen.top : heading.top;
  return Math.floor(top - view.top);
}

/**
 * How far to scroll a set or a rest once a question over its controls is taken back by a tap: not at
 * all where what the person reads from the mat, its `face` (the count's ring, the position to take),
 * shows whole; else as the screen opened, from the page's `top` (the header, with the heart rate) down
 * to the face where that fits in the view, or the face alone. The person goes back to the mat: on a
 * phone with its text at twice its size the page was left where Finish is, the count above the window.
 */
export function scrollBackToFace(view: Edges, top: number, face: Edges): number {
  if (face.top >= view.top && face.bottom <= view.bottom) return 0;
  return scrollToShow(view, { top, bottom: top }, face, face);
}
