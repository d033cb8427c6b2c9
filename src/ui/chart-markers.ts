// The markers of a progress chart's points. Two lines often meet at one point: the best lift and the
// mean of a week with one superman set, or 19 supermans and 20 bird dogs on a scale of 40 reps. Each
// line's points therefore have a shape of their own, and the lines drawn first the larger ones, so
// that a marker drawn over another leaves a rim of it showing. Pure: the chart draws these shapes on
// its canvas and clips its legend's markers to them.

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle';

export interface Marker {
  readonly shape: MarkerShape;
  /** Width and height, CSS px. */
  readonly sizePx: number;
}

/**
 * In the order the lines are drawn. A diamond fits inside the circle before it and a square mostly
 * inside the diamond, so even three lines at one point all show.
 */
export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'diamond', 'square', 'triangle'];
/** The first the largest; the last no smaller than 8 px, to be seen at arm's length. */
const SIZES_PX = [15, 11, 9, 8];

/** The markers of `count` measured lines, in the order they are drawn. */
export function lineMarkers(count: number): Marker[] {
  return Array.from({ length: count }, (_, i) => ({
    shape: MARKER_SHAPES[i % MARKER_SHAPES.length]!,
    sizePx: SIZES_PX[Math.min(i, SIZES_PX.length - 1)]!,
  }));
}

/**
 * The corners of a shape, as fractions of its box from the top left, clockwise; a circle has none.
 * A square stands a little inside its box, so it looks no larger than the circle of the same size.
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
        [0.1, 0.1],
        [0.9, 0.1],
        [0.9, 0.9],
        [0.1, 0.9],
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

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
