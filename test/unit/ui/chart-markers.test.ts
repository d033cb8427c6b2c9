import { describe, expect, it } from 'vitest';
import { lineMarkers, markerClip, shapeCorners } from '../../../src/ui/chart-markers.ts';

describe("the markers of a progress chart's lines", () => {
  it('gives each of the lines of a chart a shape of its own', () => {
    for (const count of [2, 3, 4]) {
      const shapes = lineMarkers(count).map((m) => m.shape);
      expect(new Set(shapes).size).toBe(count);
    }
  });

  it('draws each line after the first smaller than the one before, so at one point a rim of each shows', () => {
    const sizes = lineMarkers(4).map((m) => m.sizePx);
    sizes.slice(1).forEach((size, i) => {
      expect(size).toBeLessThan(sizes[i]!);
    });
    // The diamond over the circle lies inside it: the circle shows all round.
    const [circle, diamond] = lineMarkers(2);
    expect(circle!.shape).toBe('circle');
    expect(diamond!.shape).toBe('diamond');
    const diamondReach = Math.max(...shapeCorners('diamond').map(([x, y]) => Math.hypot(x - 0.5, y - 0.5)));
    expect(diamondReach * diamond!.sizePx).toBeLessThan(circle!.sizePx / 2 - 1);
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

  it("gives the legend's box the shape of the points", () => {
    expect(markerClip('circle')).toBe('border-radius: 50%;');
    expect(markerClip('diamond')).toBe('clip-path: polygon(50% 0%, 100% 50%, 50% 100%, 0% 50%);');
    expect(markerClip('triangle')).toBe('clip-path: polygon(50% 7%, 100% 93%, 0% 93%);');
  });
});
