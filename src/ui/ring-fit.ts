/** A box on the page, as getClientRects gives a line of text. */
export interface LineBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * How far the farthest corner of `lines` reaches past a circle of `radius` about `centre` (px; at
 * most 0 where every corner is inside it), -Infinity for no lines: a line's corners are the first of
 * it to meet a round edge.
 */
export function reachPastCircle(
  lines: readonly LineBox[],
  centre: { readonly x: number; readonly y: number },
  radius: number,
): number {
  let reach = -Infinity;
  for (const { left, top, right, bottom } of lines) {
    for (const x of [left, right]) {
      for (const y of [top, bottom]) reach = Math.max(reach, Math.hypot(x - centre.x, y - centre.y) - radius);
    }
  }
  return reach;
}

/**
 * How far the farthest edge of `lines` reaches past `room` on any side (px; at most 0 where every line
 * is inside it), -Infinity for no lines: for words that stand in the room of others (see
 * FitInRoomController).
 */
export function reachPastBox(lines: readonly LineBox[], room: LineBox): number {
  let reach = -Infinity;
  for (const { left, top, right, bottom } of lines) {
    reach = Math.max(reach, room.left - left, room.top - top, right - room.right, bottom - room.bottom);
  }
  return reach;
}

/**
 * The largest scale, from 1 down to `least`, at which `reachAt` (how far the words reach past the
 * edge at that scale) is at most 0, found by halving: `steps` tries after the first settle it to
 * within (1 − least) / 2^steps. Words that do not fit even at `least` stand at `least`, smaller
 * than that no longer read from the mat. Scales are multiples of 1/64, so that a size a pixel's
 * fraction apart does not re-lay the words out.
 */
export function largestFittingScale(reachAt: (scale: number) => number, least = 0.5, steps = 5): number {
  return reachAt(1) <= 0 ? 1 : halveBetween(reachAt, least, 1, steps);
}

/**
 * The largest scale, from 1 up to `most`, at which `reachAt` is at most 0, found by halving as
 * largestFittingScale is: words grown into room the ring has, never past its edge. 1 where even that
 * reaches past it: shrinking them is largestFittingScale's.
 */
export function largestGrowth(reachAt: (scale: number) => number, most: number, steps = 5): number {
  return reachAt(most) <= 0 ? most : halveBetween(reachAt, 1, most, steps);
}

/** Between a scale taken to fit and one that reaches past the edge, the largest found to fit. */
function halveBetween(
  reachAt: (scale: number) => number,
  fitting: number,
  over: number,
  steps: number,
): number {
  let fits = fitting;
  let past = over;
  for (let step = 0; step < steps; step += 1) {
    const scale = Math.round(((fits + past) / 2) * 64) / 64;
    if (scale <= fits || scale >= past) break;
    if (reachAt(scale) <= 0) fits = scale;
    else past = scale;
  }
  return fits;
}
