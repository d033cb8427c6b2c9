// The markers of a progress chart's points. Two lines often meet at one point: the best lift and the
// mean of a week with one superman set, or 19 supermans and 20 bird dogs on a scale of 40 reps. Each
// line's points therefore have a shape of their own, all of the one area: a diamond or a triangle in
// the box of a circle looks half its size, and its line a lesser one. Shapes of one area but of
// different outlines drawn at one point leave the tips of the one beneath showing, so the spiky ones
// are drawn first; and markers of one week that would overlap are drawn side by side (sideBySidePx),
// each whole. Pure: the chart draws these shapes on its canvas and clips its legend's markers to them.

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle';

export interface Marker {
  readonly shape: MarkerShape;
  /** Width and height of the shape's box, CSS px, without the ring the chart draws round it. */
  readonly sizePx: number;
  /**
   * The hole in the shape, as a fraction of its width: 0 for a solid marker. Every line but the first
   * a chart draws has a ring, so that a point of a line drawn before it at a value near its own (the
   * best lift and the mean of a week of one superman set, or a degree apart) shows through it.
   */
  readonly holeScale: number;
}

/**
 * By a line's style slot, which is also the order its chart draws the lines in: up to three lines at
 * one point all show, the triangle's lower corners beside the diamond and the diamond's tips beyond
 * the square. A circle, with no tips, is the fourth, the last.
 */
export const MARKER_SHAPES: readonly MarkerShape[] = ['triangle', 'diamond', 'square', 'circle'];
/** The circle's width: a point to be seen at arm's length, on a phone on the floor. */
const CIRCLE_PX = 13;
/**
 * A ring's hole: its ring some 2.5 px wide, a little heavier than the line through it, with a third
 * of a marker beneath it showing through.
 */
export const RING_HOLE_SCALE = 0.62;

/**
 * The marker of a measured line in its style slot (see ChartLine): the line's own, wherever it is
 * drawn and whichever other lines are drawn with it.
 */
export function lineMarker(styleSlot: number): Marker {
  const shape = MARKER_SHAPES[styleSlot % MARKER_SHAPES.length]!;
  return {
    shape,
    sizePx: Math.round(CIRCLE_PX * markerBoxScale(shape) * 10) / 10,
    holeScale: styleSlot % MARKER_SHAPES.length === 0 ? 0 : RING_HOLE_SCALE,
  };
}

/**
 * The width of a shape's box, in widths of the circle of the same area: the legend's markers and the
 * chart's points are scaled by it, so every shape weighs the same to the eye.
 */
export function markerBoxScale(shape: MarkerShape): number {
  const corners = shapeCorners(shape);
  if (corners.length === 0) return 1;
  // The shoelace formula: the shape's area, as a fraction of its box.
  const twiceArea = corners.reduce((sum, [x, y], i) => {
    const [nx, ny] = corners[(i + 1) % corners.length]!;
    return sum + x * ny - nx * y;
  }, 0);
  return Math.sqrt(Math.PI / 4 / (Math.abs(twiceArea) / 2));
}

/**
 * The corners of a shape, as fractions of its box from the top left, clockwise; a circle has none.
 */
export function shapeCorners(shape: MarkerShape): readonly (readonly [number, number])[] {
  switch (shape) {
    case 'circle':
      return [];
    case 'diamond':
      return [
        [0.5, 0],
        [1, 0.5],
        [0.5, 1],
        [0, 0.5],
      ];
    case 'square':
      return [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ];
    case 'triangle':
      return [
        [0.5, 0.07],
        [1, 0.93],
        [0, 0.93],
      ];
  }
}

/** The CSS that gives a legend marker (a box) the shape of the line's points. */
export function markerClip(shape: MarkerShape): string {
  const corners = shapeCorners(shape);
  if (corners.length === 0) return 'border-radius: 50%;';
  const points = corners.map(([x, y]) => `${percent(x)} ${percent(y)}`).join(', ');
  return `clip-path: polygon(${points});`;
}

/**
 * The CSS of a legend marker of the shape: its outline, in a box of the circle's area (1em across);
 * with a hole, the ring its points are drawn as.
 */
export function legendMarkerCss(shape: MarkerShape, holeScale = 0): string {
  const em = `${Math.round(markerBoxScale(shape) * 100) / 100}em`;
  const size = `width: ${em}; height: ${em};`;
  if (holeScale === 0) return `${markerClip(shape)} ${size}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="${ringPath(shape, holeScale)}"/></svg>`;
  const mask = `url("data:image/svg+xml,${encodeURIComponent(svg)}") 0 0 / 100% 100% no-repeat`;
  return `-webkit-mask: ${mask}; mask: ${mask}; ${size}`;
}

/**
 * The outline of a ring of the shape, as SVG path data in a box 1 across: the shape, and its hole
 * (`holeScale` of its width, about the box's centre) traced the other way round, so that either
 * filling rule leaves the hole empty. The chart draws its points' rings along the same outline.
 */
export function ringPath(shape: MarkerShape, holeScale: number): string {
  const inner = (v: number) => round(0.5 + (v - 0.5) * holeScale);
  const corners = shapeCorners(shape);
  if (corners.length === 0) {
    const r = round(holeScale / 2);
    return `M1 0.5A0.5 0.5 0 1 1 0 0.5A0.5 0.5 0 1 1 1 0.5Z M${inner(1)} 0.5A${r} ${r} 0 1 0 ${inner(0)} 0.5A${r} ${r} 0 1 0 ${inner(1)} 0.5Z`;
  }
  const loop = (points: readonly (readonly [number, number])[]) =>
    `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join('')}Z`;
  const hole = [...corners].reverse().map(([x, y]) => [inner(x), inner(y)] as const);
  return `${loop(corners)} ${loop(hole)}`;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** The widest and tallest marker's box, px: the triangle's, of the circle's area. */
export const LARGEST_MARKER_PX = Math.max(...MARKER_SHAPES.map((shape) => CIRCLE_PX * markerBoxScale(shape)));

/**
 * Points closer than this take no marker each (see markedPoints): the widest marker's box, and half a
 * circle's width between two of them.
 */
export const MIN_MARKER_GAP_PX = LARGEST_MARKER_PX + CIRCLE_PX / 2;

/**
 * The indices of a line's points that take a marker, drawn at `xsPx` across the plot. While the
 * points stand `minGapPx` apart, all of them; closer, months of weeks on a phone, the markers would
 * run together into a band that hides the line's course, so the line alone is drawn, with a marker
 * only on its latest value, where the person looks, and on any point alone between gaps, which no
 * line is drawn to.
 */
export function markedPoints(
  xsPx: readonly number[],
  values: ArrayLike<number | null | undefined>,
  minGapPx: number,
): number[] {
  const has = (i: number) => values[i] !== null && values[i] !== undefined;
  const withValue = Array.from({ length: values.length }, (_, i) => i).filter(has);
  const roomy = xsPx.every((x, i) => i === 0 || x - xsPx[i - 1]! >= minGapPx);
  if (roomy) return withValue;
  const latest = withValue.at(-1);
  return withValue.filter((i) => i === latest || (!has(i - 1) && !has(i + 1)));
}

/** A marker of one week: where it is drawn up the plot (null where the line has none), and its box. */
export interface WeekMarker {
  readonly yPx: number | null;
  readonly sizePx: number;
}

/** How far the plot reaches either side of a week's x, px. */
export interface WeekRoom {
  readonly leftPx: number;
  readonly rightPx: number;
}

/**
 * How far across, px, to draw each of one week's markers from the week's x, in the order the lines
 * are drawn: those whose boxes would overlap are set side by side, in that order from the left, `gapPx`
 * apart and together centred on the week; the others stay on it. A week of one superman set has its
 * best lift at its mean, and a ring drawn over a solid marker hid all but its tips and a dot in the
 * hole: from the floor, no mark of the best lift was seen. Side by side, each shows whole.
 *
 * Within `room`, a row or a marker that would cross the plot's edge is moved in, whole: the newest
 * week lies half a week from the plot's right edge, some 15 px on a phone, and three markers side by
 * side reach 28 px beyond their week, the last past the edge over nothing.
 */
export function sideBySidePx(
  markers: readonly WeekMarker[],
  gapPx: number,
  room: WeekRoom = { leftPx: Infinity, rightPx: Infinity },
): number[] {
  const offsets = markers.map(() => 0);
  const placed = markers
    .map((marker, i) => ({ ...marker, i }))
    .filter((m): m is WeekMarker & { yPx: number; i: number } => m.yPx !== null)
    .sort((a, b) => a.yPx - b.yPx);
  // Runs up the plot of markers each overlapping the one below it.
  const runs: (typeof placed)[] = [];
  placed.forEach((marker, k) => {
    const below = placed[k - 1];
    const overlaps = below && marker.yPx - below.yPx < (marker.sizePx + below.sizePx) / 2;
    if (overlaps) runs.at(-1)!.push(marker);
    else runs.push([marker]);
  });
  for (const run of runs) {
    const row = [...run].sort((a, b) => a.i - b.i);
    const across = row.reduce((sum, m) => sum + m.sizePx, 0) + gapPx * (row.length - 1);
    let left = -across / 2 + inward(-across / 2, across / 2, room);
    for (const marker of row) {
      offsets[marker.i] = left + marker.sizePx / 2;
      left += marker.sizePx + gapPx;
    }
  }
  return offsets;
}

/**
 * How far to move a row from `fromPx` to `toPx` about its week so that it lies within `room`: by its
 * right end's overreach, or its left end's; a row wider than the room, centred in it.
 */
function inward(fromPx: number, toPx: number, room: WeekRoom): number {
  const spare = room.leftPx + room.rightPx - (toPx - fromPx);
  if (spare < 0) return (room.rightPx - room.leftPx) / 2 - (fromPx + toPx) / 2;
  if (toPx > room.rightPx) return room.rightPx - toPx;
  if (fromPx < -room.leftPx) return -room.leftPx - fromPx;
  return 0;
}

/** A lone target's band: thick enough to be seen as a goal beneath the line, not as a line of its own. */
const LONE_TARGET_BAND_PX = 8;
/** The innermost of several targets' bands: still a band, not a hairline. */
const INNERMOST_TARGET_BAND_PX = 6;
/** How far each of several targets' bands shows beyond the next one's, above and below. */
const TARGET_BAND_EDGE_PX = 3;

/**
 * The thickness of each of a chart's `count` targets' bands, px, in the order they are drawn. Two
 * targets often share a value (the plank's and the drawing-in's both at 45 s), and bands of one
 * thickness drawn one over the other showed one colour, the first hidden. Each is narrower than the
 * one before, so that the one beneath edges it: both are seen, each centred on its value.
 */
export function targetBandsPx(count: number): number[] {
  if (count <= 1) return [LONE_TARGET_BAND_PX];
  return Array.from(
    { length: count },
    (_, i) => INNERMOST_TARGET_BAND_PX + 2 * TARGET_BAND_EDGE_PX * (count - 1 - i),
  );
}
