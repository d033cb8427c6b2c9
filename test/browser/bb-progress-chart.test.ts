import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/bb-progress-chart.ts';
import type { ChartSeries } from '../../src/store/progress.ts';

const WEEK_S = 7 * 24 * 3600;
const series: ChartSeries = {
  x: [1_763_337_600, 1_763_337_600 + WEEK_S, 1_763_337_600 + 2 * WEEK_S],
  lines: [
    { label: 'Superman', values: [30, 28, 30] },
    { label: 'Glute bridge', values: [15, 15, 14] },
    { label: 'Bird dog', values: [20, 20, 20] },
    { label: 'Lat pulldown', values: [36, 36, 33] },
  ],
};

afterEach(() => {
  document.body.replaceChildren();
  document.body.style.width = '';
});

describe('bb-progress-chart', () => {
  it('names its lines without empty values, and keeps its numbers in a box that scrolls by itself', async () => {
    // Narrower than the table of numbers, as a phone is.
    document.body.style.width = '300px';
    const chart = document.createElement('bb-progress-chart');
    chart.heading = 'Reps per week';
    chart.unit = 'week';
    chart.series = series;
    document.body.append(chart);
    await chart.updateComplete;
    const root = chart.shadowRoot!;
    // The chart is drawn once laid out, a task after it is added.
    await expect
      .poll(() => root.querySelector('.u-legend')?.textContent)
      .toBe('SupermanGlute bridgeBird dogLat pulldown');
    await page.getByText('Numbers').click();
    const numbers = page.getByRole('region', { name: 'Reps per week: numbers' });
    await expect.element(numbers).toBeVisible();
    const box = root.querySelector<HTMLElement>('.numbers')!;
    expect(box.tabIndex).toBe(0);
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    expect(chart.getBoundingClientRect().width).toBeLessThanOrEqual(300);
  });
});
