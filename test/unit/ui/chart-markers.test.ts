import { describe, expect, it } from 'vitest';
import {
  legendMarkerCss,
  lineMarker,
  MARKER_SHAPES,
  type MarkerShape,
  markedPoints,
  markerBoxScale,
  markerClip,
  ringPath,
  shapeCorners,
  sideBySidePx,
  targetBandsPx,
} from '../../../src/ui/chart-markers.ts';

/** The markers of the first `count` style slots: the lines of a chart of that many. */
const lineMarkers = (count: number) => Array.from({ length: count }, (_, slot) => lineMarker(slot));

/** The area of a shape drawn in a box `sizePx` across, px². */
function areaPx(shape: MarkerShape, sizePx: number): number {
  const corners = shapeCorners(shape);
  if (corners.length === 0) return (Math.PI / 4) * sizePx * sizePx;
  // The shoelace formula.
  const twice = corners.reduce((sum, [x, y], i) => {
    const [nx, ny] = corners[(i + 1) % corners.length]!;
    return sum + x * ny - nx * y;
  }, 0);
  return (Math.abs(twice) / 2) * sizePx * sizePx;
}

/** Whether the point (x, y), in px from the centre of a shape's box `sizePx` across, lies inside the shape. */
function inside(shape: MarkerShape, sizePx: number, x: number, y: number): boolean {
  const corners = shapeCorners(shape).map(([cx, cy]) => [(cx - 0.5) * sizePx, (cy - 0.5) * sizePx] as const);
  if (corners.length === 0) return Math.hypot(x, y) < sizePx / 2;
  // Crossings of a ray to the right.
  let crossings = 0;
  corners.forEach(([ax, ay], i) => {
    const [bx, by] = corners[(i + 1) % corners.length]!;
    if (ay > y !== by > y && x < ax + ((y - ay) / (by - ay)) * (bx - ax)) crossings++;
  });
  return crossings % 2 === 1;
}

describe("the markers of a progress chart's lines", () => {
  it('gives each of the lines of a chart a shape of its own', () => {
    for (const count of [2, 3, 4]) {
      const shapes = lineMarkers(count).map((m) => m.shape);
      expect(new Set(shapes).size).toBe(count);
    }
  });

  it('draws every shape with the area of the circle, so no line looks lighter than another', () => {
    const markers = lineMarkers(4);
    const circle = areaPx('circle', markers.find((m) => m.shape === 'circle')!.sizePx);
    for (const { shape, sizePx } of markers) {
      expect(areaPx(shape, sizePx) / circle).toBeCloseTo(1, 1);
    }
  });

  it('leaves some of each of three markers showing round those drawn over it at the same point', () => {
    const markers = lineMarkers(3);
    // The chart draws a ring of the background about this wide round each marker.
    const ringPx = 1;
    markers.forEach((under, i) => {
      for (const over of markers.slice(i + 1)) {
        // Points half a pixel inside the outline of the one beneath, all round it, beyond the ring.
        const showing = Array.from({ length: 360 }, (_, degree) => {
          const [dx, dy] = [Math.cos((degree * Math.PI) / 180), Math.sin((degree * Math.PI) / 180)];
          let reach = 0;
          while (inside(under.shape, under.sizePx, (reach + 0.1) * dx, (reach + 0.1) * dy)) reach += 0.1;
          return [(reach - 0.5) * dx, (reach - 0.5) * dy] as const;
        }).filter(([x, y]) => !inside(over.shape, over.sizePx + ringPx, x, y));
        expect(showing.length, `${under.shape} under ${over.shape}`).toBeGreaterThan(20);
      }
    });
  });

  it('leaves the marker drawn first showing through each drawn over it, however near their values are', () => {
    // Best lift and mean of a week's sets a degree or so apart: a few pixels, up to a marker's height.
    const ringPx = 1;
    const [under, ...over] = lineMarkers(4);
    expect(under!.holeScale, 'the first marker').toBe(0);
    const step = 0.25;
    const cells: [number, number][] = [];
    for (let x = -under!.sizePx; x <= under!.sizePx; x += step)
      for (let y = -under!.sizePx; y <= under!.sizePx; y += step)
        if (inside(under!.shape, under!.sizePx, x, y)) cells.push([x, y]);
    for (const marker of over) {
      // What a marker drawn over another covers: its fill and the ring of background round it.
      const covers = (x: number, y: number) =>
        inside(marker.shape, marker.sizePx + ringPx, x, y) &&
        !inside(marker.shape, marker.sizePx * marker.holeScale - ringPx, x, y);
      for (let apartPx = 0; apartPx <= marker.sizePx; apartPx++) {
        const showing = cells.filter(([x, y]) => !covers(x, y - apartPx)).length / cells.length;
        expect(showing, `${under!.shape} under ${marker.shape}, ${apartPx} px apart`).toBeGreaterThan(0.3);
      }
    }
  });

  it("gives a ring's legend marker the ring's outline, its hole traced the other way round", () => {
    expect(ringPath('square', 0.5)).toBe('M0 0L1 0L1 1L0 1Z M0.25 0.75L0.75 0.75L0.75 0.25L0.25 0.25Z');
    expect(ringPath('circle', 0.5)).toBe(
      'M1 0.5A0.5 0.5 0 1 1 0 0.5A0.5 0.5 0 1 1 1 0.5Z M0.75 0.5A0.25 0.25 0 1 0 0.25 0.5A0.25 0.25 0 1 0 0.75 0.5Z',
    );
    const css = legendMarkerCss('diamond', 0.5);
    const svg = decodeURIComponent(css.match(/ mask: url\("data:image\/svg\+xml,([^"]+)"\)/)![1]!);
    expect(svg).toContain(`<path d="${ringPath('diamond', 0.5)}"/>`);
    expect(css).toContain('width: 1.25em; height: 1.25em;');
    expect(css).not.toContain('clip-path');
  });

  it('keeps every shape within its box', () => {
    for (const { shape } of lineMarkers(4)) {
      for (const [x, y] of shapeCorners(shape)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
      }
    }
  });

  it("gives the legend's box the shape of the points, at the size that gives it the circle's area", () => {
    expect(markerClip('circle')).toBe('border-radius: 50%;');
    expect(markerClip('diamond')).toBe('clip-path: polygon(50% 0%, 100% 50%, 50% 100%, 0% 50%);');
    expect(markerClip('triangle')).toBe('clip-path: polygon(50% 7%, 100% 93%, 0% 93%);');
    expect(markerBoxScale('circle')).toBe(1);
    expect(legendMarkerCss('circle')).toBe('border-radius: 50%; width: 1em; height: 1em;');
    // A diamond fills half its box: its box is a quarter wider than the circle.
    expect(legendMarkerCss('diamond')).toContain('width: 1.25em; height: 1.25em;');
    for (const shape of MARKER_SHAPES) {
      expect(areaPx(shape, markerBoxScale(shape)) / areaPx('circle', 1)).toBeCloseTo(1, 5);
    }
  });
});

describe('the points of a line that take a marker', () => {
  const weeksPx = (count: number, apartPx: number) => Array.from({ length: count }, (_, i) => i * apartPx);

  it('marks every point while the weeks are far enough apart for markers to stand apart', () => {
    expect(markedPoints(weeksPx(4, 30), [10, null, 12, 13], 24)).toEqual([0, 2, 3]);
  });

  it('marks only the latest point, and any point alone between gaps, once markers would run together', () => {
    // A year of weeks on a phone: some 4 px a week.
    const values = Array.from({ length: 52 }, (_, i) =>
      i === 20 || i === 22 || i > 49 ? null : 15 + i / 10,
    );
    // The week 21 has no neighbour with a value: without a marker, nothing of it would be drawn.
    expect(markedPoints(weeksPx(52, 4.6), values, 24)).toEqual([21, 49]);
  });

  it('marks nothing of a line without values', () => {
    expect(markedPoints(weeksPx(3, 4), [null, null, null], 24)).toEqual([]);
  });
});

describe("the thickness of a chart's target bands", () => {
  it('draws a lone target as a band as thick as a line is seen', () => {
    expect(targetBandsPx(1)).toEqual([8]);
  });

  it('draws each of several targets narrower than the one before, so one at the same value edges it', () => {
    // The plank's and the drawing-in's targets, both at 45 s: the plank's band shows above and below.
    const [plank, drawingIn] = targetBandsPx(2) as [number, number];
    expect((plank - drawingIn) / 2).toBeGreaterThanOrEqual(3);
    // The last still a band, not a hairline.
    expect(drawingIn).toBeGreaterThanOrEqual(6);
  });
});

describe('the markers of one week set side by side where they would overlap', () => {
  const GAP = 2;

  it('leaves markers apart from one another where they are', () => {
    expect(
      sideBySidePx(
        [
          { yPx: 40, sizePx: 16 },
          { yPx: 80, sizePx: 16 },
        ],
        GAP,
      ),
    ).toEqual([0, 0]);
  });

  it('sets two at one value side by side about the week, the first drawn on the left, a gap between', () => {
    const [first, second] = sideBySidePx(
      [
        { yPx: 60, sizePx: 18 },
        { yPx: 60, sizePx: 16 },
      ],
      GAP,
    );
    expect(second! - first!).toBe(18 / 2 + GAP + 16 / 2);
    // About the week's x: the two together are centred on it.
    expect(first! - 18 / 2 + (second! + 16 / 2)).toBeCloseTo(0, 9);
  });

  it('sets apart those a few px apart whose boxes would overlap, not those that only touch', () => {
    expect(
      sideBySidePx(
        [
          { yPx: 60, sizePx: 16 },
          { yPx: 66, sizePx: 16 },
        ],
        GAP,
      )[0],
    ).toBeLessThan(0);
    expect(
      sideBySidePx(
        [
          { yPx: 60, sizePx: 16 },
          { yPx: 76, sizePx: 16 },
        ],
        GAP,
      ),
    ).toEqual([0, 0]);
  });

  it('sets a run of three, each overlapping the next, in one row; a marker apart from them stays', () => {
    const offsets = sideBySidePx(
      [
        { yPx: 60, sizePx: 16 },
        { yPx: 150, sizePx: 16 },
        { yPx: 70, sizePx: 16 },
        { yPx: 80, sizePx: 16 },
      ],
      GAP,
    );
    expect(offsets).toEqual([-18, 0, 0, 18]);
  });

  it("moves a row that would cross the plot's edge in, whole, its markers still a gap apart", () => {
    const three = [
      { yPx: 60, sizePx: 20 },
      { yPx: 60, sizePx: 18 },
      { yPx: 60, sizePx: 14 },
    ];
    // The newest week on a phone, some 15 px from the plot's right edge: the row reached 28 px past it.
    const newest = sideBySidePx(three, GAP, { leftPx: 220, rightPx: 15 });
    expect(newest[2]! + 14 / 2).toBeCloseTo(15, 9);
    expect(newest[1]! - newest[0]!).toBe(20 / 2 + GAP + 18 / 2);
    expect(newest[2]! - newest[1]!).toBe(18 / 2 + GAP + 14 / 2);
    // The oldest, as near the left edge.
    const oldest = sideBySidePx(three, GAP, { leftPx: 15, rightPx: 220 });
    expect(oldest[0]! - 20 / 2).toBeCloseTo(-15, 9);
    // With room to spare, about the week as before.
    expect(sideBySidePx(three, GAP, { leftPx: 100, rightPx: 100 })).toEqual(sideBySidePx(three, GAP));
  });

  it('keeps a lone marker on its week unless it would cross the edge', () => {
    const lone = [{ yPx: 60, sizePx: 20 }];
    expect(sideBySidePx(lone, GAP, { leftPx: 200, rightPx: 10 })).toEqual([0]);
    expect(sideBySidePx(lone, GAP, { leftPx: 200, rightPx: 7 })).toEqual([-3]);
  });

  it('centres a row wider than the whole plot in it', () => {
    const [first, second] = sideBySidePx(
      [
        { yPx: 60, sizePx: 20 },
        { yPx: 60, sizePx: 20 },
      ],
      GAP,
      { leftPx: 5, rightPx: 25 },
    );
    expect(first! - 10 + (second! + 10)).toBeCloseTo(25 - 5, 9);
  });

  it('leaves out a line without a marker in the week', () => {
    expect(
      sideBySidePx(
        [
          { yPx: 60, sizePx: 16 },
          { yPx: null, sizePx: 16 },
        ],
        GAP,
      ),
    ).toEqual([0, 0]);
  });
});
