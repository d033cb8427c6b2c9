import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/bb-progress-chart.ts';
import type { ChartSeries } from '../../src/store/progress.ts';
import { rolesNamed } from './accessibility-tree.ts';
import { linesOf } from './lines.ts';
import { emulateMedia } from './media-emulation.ts';

const WEEK_S = 7 * 24 * 3600;
const series: ChartSeries = {
  x: [1_763_337_600, 1_763_337_600 + WEEK_S, 1_763_337_600 + 2 * WEEK_S],
  lines: [
    { label: 'Superman', values: [30, 28, 30], styleSlot: 0 },
    { label: 'Glute bridge', values: [15, 15, 14], styleSlot: 1 },
    { label: 'Bird dog', values: [20, 20, 20], styleSlot: 2 },
    { label: 'Lat pulldown', values: [36, 36, 33], styleSlot: 3 },
  ],
};

type Chart = HTMLElementTagNameMap['bb-progress-chart'];

/** Adds the chart to the page, and waits for its plot to be drawn (a task after it is laid out). */
async function addDrawn(chart: Chart): Promise<void> {
  document.body.append(chart);
  await expect.poll(() => chart.shadowRoot!.querySelector('.plot canvas')).not.toBeNull();
}

/** The pixels of the chart's plot, as drawn. */
function plotPixels(chart: Chart): ImageData {
  const canvas = chart.shadowRoot!.querySelector<HTMLCanvasElement>('.plot canvas')!;
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * The drawn chart's pixels in colour (the axes' numbers and lines are grey), by canvas column or row,
 * and the plot's box in canvas pixels: what is drawn outside the plot.
 */
function colourAroundThePlot(chart: Chart) {
  const { width, height, data } = plotPixels(chart);
  const canvas = chart.shadowRoot!.querySelector('.plot canvas')!.getBoundingClientRect();
  const over = chart.shadowRoot!.querySelector('.u-over')!.getBoundingClientRect();
  const scale = width / canvas.width;
  const plot = {
    left: Math.floor((over.left - canvas.left) * scale),
    right: Math.ceil((over.right - canvas.left) * scale),
    top: Math.floor((over.top - canvas.top) * scale),
    bottom: Math.ceil((over.bottom - canvas.top) * scale),
  };
  const inColour = (x: number, y: number) => {
    const [pr, pg, pb, pa] = data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
    return pa! > 20 && Math.max(pr!, pg!, pb!) - Math.min(pr!, pg!, pb!) > 40;
  };
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  return {
    width,
    height,
    plot,
    columnsInColour: (from: number, to: number) =>
      range(from, to).filter((x) => range(0, height).some((y) => inColour(x, y))),
    rowsInColour: (from: number, to: number) =>
      range(from, to).filter((y) => range(0, width).some((x) => inColour(x, y))),
  };
}

/** The red, green and blue of the `part` of the legend's marker for the line named `label`. */
function markerColour(chart: Chart, label: string, part: 'borderTopColor' | 'backgroundColor'): number[] {
  const marker = [...chart.shadowRoot!.querySelectorAll('.u-series')].find(
    (row) => row.querySelector('.u-label')?.textContent === label,
  );
  // The line's own marker, not its target's box beside it (see mergeTargetEntries).
  return getComputedStyle(marker!.querySelector('.u-marker:not(.band)')!)[part].match(/\d+/g)!.map(Number);
}

/** The chart, added to the page and drawn: its canvas's pixels, and the colour of the line named `label`. */
async function drawn(chart: Chart, label: string) {
  await addDrawn(chart);
  const { width, height, data } = plotPixels(chart);
  const [r, g, b] = markerColour(chart, label, 'borderTopColor');
  return { width, height, data, r, g, b };
}

/** How many of the canvas's pixels are of the colour of the legend's marker for the line named `label`. */
function pixelsOfLine(chart: Chart, label: string): number {
  const { data } = plotPixels(chart);
  const [r, g, b] = markerColour(chart, label, 'backgroundColor');
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const distance = Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!);
    if (data[i + 3]! > 240 && distance < 30) count++;
  }
  return count;
}

/**
 * What the chart writes on its canvas as it is added to the page and drawn: the axes' labels are
 * drawn there, so this is what the person reads.
 */
async function textsWritten(chart: Chart): Promise<string[]> {
  return (await placedTexts(chart)).map(({ text }) => text);
}

/** A text the chart wrote on its canvas: where, and how wide in the font it was written in, canvas px. */
interface Written {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly align: CanvasTextAlign;
  readonly width: number;
}

/** The chart added to the page and drawn, with each text it wrote on its canvas and where. */
async function placedTexts(chart: Chart): Promise<Written[]> {
  const written: Written[] = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, ...args) {
    const [text, x, y] = args;
    written.push({ text, x, y, align: this.textAlign, width: this.measureText(text).width });
    return fillText.apply(this, args);
  };
  try {
    await addDrawn(chart);
    return written;
  } finally {
    CanvasRenderingContext2D.prototype.fillText = fillText;
  }
}

/**
 * The weekly reps chart in a page `widthPx` wide, drawn, with its numbers opened as a person opens
 * them: the chart and its table's scrolling box.
 */
async function openNumbers(widthPx: number) {
  document.body.style.width = `${widthPx}px`;
  const chart = chartOf('Reps per week', series.lines);
  document.body.append(chart);
  await chart.updateComplete;
  const root = chart.shadowRoot!;
  // The chart is drawn once laid out, a task after it is added.
  await expect
    .poll(() => root.querySelector('.u-legend')?.textContent)
    .toBe('SupermanGlute bridgeBird dogLat pulldown');
  await page.getByText('Numbers').click();
  await expect.element(page.getByRole('region', { name: 'Reps per week: numbers' })).toBeVisible();
  await expect.poll(() => root.querySelectorAll('.numbers tbody th').length).toBe(series.x.length);
  return { chart, root, box: root.querySelector<HTMLElement>('.numbers')! };
}

afterEach(() => {
  document.body.replaceChildren();
  document.body.style.width = '';
  document.body.style.fontFamily = '';
});

/** A chart of its lines' values in the weeks `x` (the three of `series` unless given), under its heading. */
function chartOf(heading: string, lines: ChartSeries['lines'], x: ChartSeries['x'] = series.x): Chart {
  const chart = document.createElement('bb-progress-chart');
  chart.heading = heading;
  chart.series = { x, lines };
  return chart;
}

/** A chart of one week's values, by line, under its heading. */
function oneWeekChart(heading: string, lines: ChartSeries['lines']): Chart {
  return chartOf(heading, lines, [series.x[0]!]);
}

describe('bb-progress-chart', () => {
  it('names its lines without empty values, and keeps its numbers in a box that scrolls by itself', async () => {
    // Narrower than the table of numbers, as a phone is.
    const { chart, box } = await openNumbers(300);
    expect(box.tabIndex).toBe(0);
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    expect(chart.getBoundingClientRect().width).toBeLessThanOrEqual(300);
    // Columns beyond the edge are said to be there, until the person has scrolled to them.
    const hint = page.getByText('More columns: scroll sideways →');
    await expect.element(hint).toBeVisible();
    box.scrollLeft = box.scrollWidth;
    await expect.element(hint).not.toBeInTheDocument();
  });

  it('shows its numbers where a plot would be too narrow to read (148 px inside a 180 px screen), and draws it when there is room', async () => {
    // A phone with its text at twice its size: a plot beside its axis there was some 55 px wide, seven
    // weeks' targets one smudge under a single date.
    document.body.style.width = '148px';
    const chart = chartOf('Reps per week', series.lines);
    document.body.append(chart);
    const root = chart.shadowRoot!;
    await expect.element(page.getByRole('region', { name: 'Reps per week: numbers' })).toBeVisible();
    // A week at a time in words, the newest first: a table there showed its column of weeks alone. The
    // newest two, and the one before them on request.
    await expect.poll(() => root.querySelectorAll('.weeks > li').length).toBe(2);
    const newest = root.querySelector('.weeks > li')!;
    expect(newest.querySelector('h5')?.textContent).toBe('Week of Dec 1, 2025');
    expect([...newest.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Superman: 30',
      'Glute bridge: 14',
      'Bird dog: 20',
      'Lat pulldown: 33',
    ]);
    await userEvent.click(page.getByRole('button', { name: 'Earlier weeks (1)' }));
    await expect.poll(() => root.querySelectorAll('.weeks > li').length).toBe(series.x.length);
    await expect
      .element(page.getByText('Too narrow for the chart: its numbers, newest first.'))
      .toBeVisible();
    expect(root.querySelector('.plot canvas')).toBeNull();
    expect(root.textContent).not.toContain('pale band');
    expect(chart.getBoundingClientRect().right).toBeLessThanOrEqual(
      document.body.getBoundingClientRect().right,
    );

    // Turned to landscape, or the text made smaller: the chart.
    document.body.style.width = '328px';
    await expect.poll(() => root.querySelector('.plot canvas')).not.toBeNull();
    expect(page.getByText('Too narrow for the chart: its numbers, newest first.').query()).toBeNull();
  });

  it('draws its plot and legend within the narrowest box it is drawn in (240 px)', async () => {
    document.body.style.width = '240px';
    const chart = chartOf('Reps per week', series.lines);
    document.body.append(chart);
    const root = chart.shadowRoot!;
    await expect
      .poll(() => root.querySelector('.u-legend')?.textContent)
      .toBe('SupermanGlute bridgeBird dogLat pulldown');
    const right = document.body.getBoundingClientRect().right;
    for (const part of root.querySelectorAll('.plot canvas, .u-legend')) {
      expect(part.getBoundingClientRect().right, part.className).toBeLessThanOrEqual(right);
    }
  });

  it('keeps each legend marker on the line of its label within the narrowest box a plot is drawn in', async () => {
    document.body.style.width = '240px';
    // One week: each label carries its value ("Superman: 30"), the longest a legend's labels get.
    const chart = oneWeekChart('Reps per week', [
      { label: 'Superman', values: [30], styleSlot: 0 },
      { label: 'Glute bridge', values: [15], styleSlot: 1 },
      { label: 'Lat pulldown', values: [36], styleSlot: 2 },
    ]);
    document.body.append(chart);
    const root = chart.shadowRoot!;
    await expect.poll(() => root.querySelectorAll('.u-legend .u-label').length).toBe(3);
    const right = document.body.getBoundingClientRect().right;
    for (const entry of root.querySelectorAll('.u-legend .u-series')) {
      const marker = entry.querySelector('.u-marker')!.getBoundingClientRect();
      const label = entry.querySelector('.u-label')!;
      const firstLine = label.getClientRects()[0]!;
      const name = label.textContent!;
      // Beside its label's first line, not on a line of its own above it.
      expect(marker.right, name).toBeLessThanOrEqual(firstLine.left);
      expect(marker.top, name).toBeLessThan(
        firstLine.top + Number.parseFloat(getComputedStyle(label).lineHeight),
      );
      expect(entry.getBoundingClientRect().right, name).toBeLessThanOrEqual(right);
    }
  });

  it('sets the names of a row of its legend on one line of text, whatever the height of their markers', async () => {
    document.body.style.width = '960px';
    const chart = chartOf('Reps: best set of the week', series.lines.slice(0, 3));
    document.body.append(chart);
    const root = chart.shadowRoot!;
    await expect.poll(() => root.querySelectorAll('.u-legend .u-label').length).toBe(3);
    const bottoms = [...root.querySelectorAll('.u-legend .u-label')].map(
      (label) => Math.round(label.getBoundingClientRect().bottom * 10) / 10,
    );
    // The triangle's box the tallest, the square's the least: the names beside them stepped up from
    // one to the next, 4.6 px from the superman's to the bird dog's.
    expect(new Set(bottoms).size, bottoms.join(', ')).toBe(1);
  });

  it("names each chart's Numbers after its chart, so that two of them read apart from the keyboard", async () => {
    document.body.append(
      oneWeekChart('Reps per week', [{ label: 'Superman', values: [30], styleSlot: 0 }]),
      oneWeekChart('Bat hang: breath cycles per week', [{ label: 'Bat hang', values: [8], styleSlot: 0 }]),
    );
    // What a screen reader reads of each: the words on it, and those only it hears.
    const summaries = () =>
      [...document.querySelectorAll('bb-progress-chart')].map((chart) =>
        chart.shadowRoot?.querySelector('summary')?.textContent?.trim(),
      );
    await expect
      .poll(summaries)
      .toEqual(['Numbers for Reps per week', 'Numbers for Bat hang: breath cycles per week']);
    // Its arrow is for the eye alone: its alternative, read before the words, is none.
    const summary = document.querySelector('bb-progress-chart')!.shadowRoot!.querySelector('summary')!;
    expect(getComputedStyle(summary, '::before').content).toBe('"▸" / ""');
  });

  it("keeps each row's week on one line and in view while the numbers are scrolled sideways", async () => {
    const { root, box } = await openNumbers(300);
    const week = root.querySelector<HTMLElement>('.numbers tbody th')!;
    const words = document.createRange();
    words.selectNodeContents(week);
    expect(words.getClientRects()).toHaveLength(1);
    box.scrollLeft = box.scrollWidth;
    const left = box.getBoundingClientRect().left;
    expect(Math.round(week.getBoundingClientRect().left)).toBe(Math.round(left));
    // Nothing of the columns scrolled under it shows through.
    expect(getComputedStyle(week).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
  });

  it("keeps each column's name in view over the oldest of two years of weeks, scrolled down to it", async () => {
    document.body.style.width = '328px';
    const weeks = Array.from({ length: 104 }, (_, i) => series.x[0]! + i * WEEK_S);
    const lines = series.lines.map((line) => ({ ...line, values: weeks.map((_, i) => line.values[i % 3]!) }));
    const chart = chartOf('Reps per week', lines, weeks);
    document.body.append(chart);
    const root = chart.shadowRoot!;
    await expect.poll(() => root.querySelector('.u-legend')?.textContent).toBeTruthy();
    await page.getByText('Numbers').click();
    await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(104);
    const oldest = root.querySelector('.numbers tbody tr:last-child')!;
    // Scrolled to it again until the table has settled: its box may still grow as the chart lays out.
    await expect
      .poll(() => {
        oldest.scrollIntoView({ block: 'end' });
        return oldest.getBoundingClientRect().bottom;
      })
      .toBeLessThanOrEqual(innerHeight + 1);
    const row = oldest.getBoundingClientRect();
    for (const heading of root.querySelectorAll('.numbers thead th')) {
      const box = heading.getBoundingClientRect();
      // On screen, above the oldest week: 2,700 px up the page, "Superman" no longer named its column.
      expect(box.top, heading.textContent!).toBeGreaterThanOrEqual(0);
      expect(box.bottom, heading.textContent!).toBeLessThanOrEqual(row.top);
      expect(getComputedStyle(heading).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    }
  });

  it('sets the name of each column of its numbers just over them, however many lines the longest takes', async () => {
    // In the app's typeface, wider than the browser's own serif.
    document.body.style.fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    document.body.style.width = '328px';
    // The chart of reps as History draws it, each exercise with its target.
    const chart = chartOf('Reps: best set of the week', [
      { label: 'Superman', values: [10, 10, 9], styleSlot: 0 },
      { label: 'Superman target', values: [10, 10, 10], target: true, styleSlot: 0 },
      { label: 'Glute bridge', values: [14, 15, 15], styleSlot: 1 },
      { label: 'Glute bridge target', values: [15, 15, 15], target: true, styleSlot: 1 },
      { label: 'Bird dog', values: [9, 10, 10], styleSlot: 2, perSide: true },
      { label: 'Bird dog target', values: [10, 10, 10], target: true, styleSlot: 2, perSide: true },
    ]);
    await addDrawn(chart);
    const root = chart.shadowRoot!;
    await userEvent.click(root.querySelector('summary')!);
    await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(3);
    const firstRow = root.querySelector('.numbers tbody tr')!.getBoundingClientRect();
    const heads = [...root.querySelectorAll<HTMLElement>('.numbers thead th')];
    const lines = (head: HTMLElement) => {
      const words = document.createRange();
      words.selectNodeContents(head);
      return words.getBoundingClientRect();
    };
    // "Bird dog target (each side)" wraps over several lines: the others, a line or two, stood in the
    // middle of its height, "Week of" 41 px over the first week on a phone.
    expect(Math.max(...heads.map((head) => lines(head).height))).toBeGreaterThan(60);
    for (const head of heads) expect(firstRow.top - lines(head).bottom, head.textContent!).toBeLessThan(8);
  });

  it('keeps a hyphenated exercise name in a heading of its numbers on one line', async () => {
    document.body.style.width = '300px';
    const chart = chartOf('Holds', [
      { label: 'Drawing-in target (s)', values: [45, 45, 60], target: true, styleSlot: 0 },
      { label: 'Wide-grip lat pulldown', values: [36, 36, 33], styleSlot: 1 },
    ]);
    document.body.append(chart);
    await chart.updateComplete;
    await page.getByText('Numbers').click();
    const heads = [...chart.shadowRoot!.querySelectorAll('.numbers thead th')];
    expect(linesOf(heads[1]!, 'Drawing-in')).toBe(1);
    expect(linesOf(heads[2]!, 'Wide-grip')).toBe(1);
  });

  it('lists its numbers in the order of its legend, each target before the line it is the goal of', async () => {
    const chart = chartOf('Holds', [
      { label: 'Elbow plank (s)', values: [40, 44, 47], styleSlot: 0 },
      { label: 'Elbow plank target (s)', values: [35, 45, 49], target: true, styleSlot: 0 },
      { label: 'Drawing-in (s)', values: [45, 45, 60], styleSlot: 1 },
    ]);
    document.body.append(chart);
    const root = chart.shadowRoot!;
    await expect.poll(() => root.querySelectorAll('.u-legend .u-label').length).toBe(3);
    const legend = [...root.querySelectorAll('.u-legend .u-label')].map((l) => l.textContent);
    expect(legend).toEqual(['Elbow plank target (s)', 'Elbow plank (s)', 'Drawing-in (s)']);
    await page.getByText('Numbers').click();
    await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(3);
    const heads = [...root.querySelectorAll('.numbers thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Week of', ...legend]);
    const oldestRow = [...root.querySelectorAll('.numbers tbody tr')[2]!.querySelectorAll('td')];
    expect(oldestRow.map((td) => td.textContent)).toEqual(['35', '40', '45']);
  });

  it('writes the numbers of a column to one decimal place each when any of them has one', async () => {
    document.body.style.width = '600px';
    const chart = chartOf('Superman range of motion by week', [
      { label: 'Best lift (°)', values: [19.7, 18, null], styleSlot: 0 },
      { label: 'Mean of sets (°)', values: [16, 16, 16], styleSlot: 1 },
    ]);
    document.body.append(chart);
    await chart.updateComplete;
    const root = chart.shadowRoot!;
    await page.getByText('Numbers').click();
    await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(3);
    const column = (i: number) =>
      [...root.querySelectorAll('.numbers tbody tr')].map(
        (row) => row.querySelectorAll('td')[i]?.textContent,
      );
    expect(column(0)).toEqual(['–', '18.0', '19.7']);
    expect(column(1)).toEqual(['16', '16', '16']);
  });

  it('lists the newest week first in its numbers, as the sessions are listed', async () => {
    const { root } = await openNumbers(600);
    const rows = [...root.querySelectorAll('.numbers tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Dec 1, 2025', '30', '14', '20', '33'],
      ['Nov 24, 2025', '28', '15', '20', '36'],
      ['Nov 17, 2025', '30', '15', '20', '36'],
    ]);
  });

  it('lists a stretch of weeks with no sessions with its lines as one row that says so, not a row of dashes a week', async () => {
    // Five months away from the mat were 22 rows of dashes, read one by one, between the weeks either side.
    const weeks = Array.from({ length: 8 }, (_, i) => series.x[0]! + i * WEEK_S);
    const at = (values: (number | null)[]) => weeks.map((_, i) => values[i] ?? null);
    const lines: ChartSeries['lines'] = [
      { label: 'Superman', values: at([10, null, null, null, 11, null, 12, 12]), styleSlot: 0 },
      { label: 'Glute bridge', values: at([15, null, null, null, null, null, 15, null]), styleSlot: 1 },
    ];
    document.body.style.width = '600px';
    const chart = chartOf('Reps: best set of the week', lines, weeks);
    await addDrawn(chart);
    const root = chart.shadowRoot!;
    await userEvent.click(root.querySelector('details summary')!);
    await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(6);
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect([...root.querySelectorAll('.numbers tbody tr')].map(cells)).toEqual([
      ['Jan 5, 2026', '12', '–'],
      ['Dec 29, 2025', '12', '15'],
      ['Dec 22, 2025: no sessions with this'],
      ['Dec 15, 2025', '11', '–'],
      ['Dec 8, 2025 back to Nov 24, 2025: no sessions with this in these 3 weeks'],
      ['Nov 17, 2025', '10', '15'],
    ]);
    // A row header across the table: a screen reader reads it as the row's name.
    const none = root.querySelectorAll('.numbers tbody tr')[4]!.querySelector('th')!;
    expect(none.colSpan).toBe(3);
  });

  it('keeps the words of weeks with nothing inside the box of its numbers on a phone, scrolled sideways or not', async () => {
    const weeks = Array.from({ length: 30 }, (_, i) => series.x[0]! + i * WEEK_S);
    // Five months away from the mat between two stretches of sessions.
    const lines = series.lines.map((line) => ({
      ...line,
      values: weeks.map((_, i) => (i < 4 || i > 25 ? line.values[i % 3]! : null)),
    }));
    document.body.style.width = '328px';
    const chart = chartOf('Reps: best set of the week', lines, weeks);
    await addDrawn(chart);
    const root = chart.shadowRoot!;
    await userEvent.click(root.querySelector('details summary')!);
    await expect.poll(() => root.querySelector('.numbers tr.no-sessions th > span')).not.toBeNull();
    const box = root.querySelector<HTMLElement>('.numbers')!;
    expect(box.scrollWidth, 'the table is wider than its box').toBeGreaterThan(box.clientWidth);
    const words = root.querySelector('.numbers tr.no-sessions th > span')!;
    for (const scrollLeft of [0, box.scrollWidth]) {
      box.scrollLeft = scrollLeft;
      const shown = box.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(words);
      for (const line of range.getClientRects()) {
        expect(line.left, `scrolled to ${scrollLeft}`).toBeGreaterThanOrEqual(shown.left);
        expect(line.right, `scrolled to ${scrollLeft}`).toBeLessThanOrEqual(shown.right);
      }
    }
  });

  it('says in its week what a hold broken by a pause did, where the chart leaves a gap, in its numbers and in words', async () => {
    // A gap with nothing said read as a week without the exercise, or one History lost.
    const holds: ChartSeries = {
      x: series.x,
      lines: [
        { label: 'Elbow plank (s)', values: [32, null, 38], styleSlot: 0 },
        { label: 'Elbow plank target (s)', values: [30, null, 37], target: true, styleSlot: 0 },
        { label: 'Drawing-in (s)', values: [null, null, null], styleSlot: 1 },
        { label: 'Drawing-in target (s)', values: [null, null, null], target: true, styleSlot: 1 },
      ],
      notCharted: [null, 'Drawing-in 45 s, with a pause', null],
    };
    document.body.style.width = '600px';
    const chart = document.createElement('bb-progress-chart');
    chart.heading = 'Longest hold of the week';
    chart.series = holds;
    await addDrawn(chart);
    const root = chart.shadowRoot!;
    const note = [...root.querySelectorAll('.note')].map((p) => p.textContent);
    expect(note).toContain("A hold broken by a pause is not charted: its week's numbers say it.");
    await userEvent.click(root.querySelector('details summary')!);
    await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(4);
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect([...root.querySelectorAll('.numbers tr')].map(cells)).toEqual([
      ['Week of', 'Elbow plank target (s)', 'Elbow plank (s)'],
      ['Dec 1, 2025', '37', '38'],
      ['Nov 24, 2025', '–', '–'],
      ['Not charted: Drawing-in 45 s, with a pause'],
      ['Nov 17, 2025', '30', '32'],
    ]);

    // Too narrow for the plot: its week in words says it.
    chart.remove();
    document.body.style.width = '148px';
    const narrow = document.createElement('bb-progress-chart');
    narrow.heading = 'Longest hold of the week';
    narrow.series = holds;
    document.body.append(narrow);
    await expect.poll(() => narrow.shadowRoot!.querySelectorAll('.weeks > li').length).toBe(2);
    const week = narrow.shadowRoot!.querySelectorAll('.weeks > li')[1]!;
    expect([...week.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Not charted: Drawing-in 45 s, with a pause',
    ]);
  });

  it('says nothing of scrolling when its numbers fit', async () => {
    const { chart, root, box } = await openNumbers(600);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    // Measured as the box is laid out, before it is painted.
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
    await chart.updateComplete;
    expect(root.querySelector('.scroll-hint')).toBeNull();
  });

  it('draws a line that meets its target over it, with the target still showing around it', async () => {
    const chart = chartOf('Longest hold', [
      { label: 'Drawing-in (s)', values: [45, 45, 45], styleSlot: 0 },
      { label: 'Drawing-in target (s)', values: [45, 45, 45], target: true, styleSlot: 0 },
    ]);
    const { width, height, data, r, g, b } = await drawn(chart, 'Drawing-in (s)');
    const pixel = (x: number, y: number) => data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
    const isLine = (x: number, y: number) => {
      const [pr, pg, pb, pa] = pixel(x, y);
      return pa! > 240 && Math.abs(pr! - r!) + Math.abs(pg! - g!) + Math.abs(pb! - b!) < 40;
    };
    // The row the line runs along, and the stretch between its first point and its last.
    const columns = Array.from({ length: width }, (_, x) => x);
    const counts = Array.from({ length: height }, (_, y) => columns.filter((x) => isLine(x, y)).length);
    const row = counts.indexOf(Math.max(...counts));
    const xs = columns.filter((x) => isLine(x, row));
    const along = Array.from({ length: xs.at(-1)! - xs[0]! + 1 }, (_, i) => xs[0]! + i);
    // The line is whole: no dash of the target is drawn over it.
    expect(along.filter((x) => isLine(x, row)).length / along.length).toBeGreaterThan(0.95);
    // The target shows on both sides of it.
    const dpr = window.devicePixelRatio;
    for (const y of [row - Math.round(3 * dpr), row + Math.round(3 * dpr)]) {
      expect(along.filter((x) => pixel(x, y)[3]! > 0).length / along.length).toBeGreaterThan(0.5);
    }
  });

  it('shows both of two targets at one value, the first drawn edging the second', async () => {
    // The plank's target and the drawing-in's both at 45 s, each line well away from them.
    const chart = chartOf('Longest hold', [
      { label: 'Elbow plank (s)', values: [20, 22, 24], styleSlot: 0 },
      { label: 'Elbow plank target (s)', values: [45, 45, 45], target: true, styleSlot: 0 },
      { label: 'Drawing-in (s)', values: [70, 72, 74], styleSlot: 1 },
      { label: 'Drawing-in target (s)', values: [45, 45, 45], target: true, styleSlot: 1 },
    ]);
    await addDrawn(chart);
    const { width, height, data } = plotPixels(chart);
    const pixel = (x: number, y: number) => data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
    const pale = (x: number, y: number) => pixel(x, y)[3]! > 20 && pixel(x, y)[3]! < 240;
    const columns = Array.from({ length: width }, (_, x) => x);
    // The bands' middle: the row with the most pale pixels (a line's are only its anti-aliased edges).
    const paleCounts = Array.from({ length: height }, (_, y) => columns.filter((x) => pale(x, y)).length);
    const middle = paleCounts.indexOf(Math.max(...paleCounts));
    const bandRows = Array.from({ length: 17 }, (_, i) => middle - 8 + i);
    // The bands' pixels nearer in colour to this target's than to the other's: where it is the one seen.
    const colourOf = (label: string) => markerColour(chart, label, 'backgroundColor');
    const plank = colourOf('Elbow plank target (s)');
    const drawingIn = colourOf('Drawing-in target (s)');
    const distance = ([pr, pg, pb]: Uint8ClampedArray, [r, g, b]: number[]) =>
      Math.abs(pr! - r!) + Math.abs(pg! - g!) + Math.abs(pb! - b!);
    const pixelsNearer = (colour: number[], other: number[]) =>
      bandRows
        .flatMap((y) => columns.map((x) => pixel(x, y)))
        .filter((p) => p[3]! > 20 && p[3]! < 240 && distance(p, colour) < distance(p, other)).length;
    // Each at least as much as a row of px across half the plot: a band, not the odd pixel at its edge.
    expect(pixelsNearer(plank, drawingIn)).toBeGreaterThan(width / 2);
    expect(pixelsNearer(drawingIn, plank)).toBeGreaterThan(width / 2);
  });

  it('names in its legend only the lines it draws, each target seen beside the point it is the goal of', async () => {
    // A first session, its plank held to its target and its drawing-in skipped.
    const chart = oneWeekChart('Longest hold', [
      { label: 'Elbow plank (s)', values: [30], styleSlot: 0 },
      { label: 'Elbow plank target (s)', values: [30], target: true, styleSlot: 0 },
      { label: 'Drawing-in (s)', values: [null], styleSlot: 1 },
      { label: 'Drawing-in target (s)', values: [45], target: true, styleSlot: 1 },
    ]);
    const { width, height, data, r, g, b } = await drawn(chart, 'Elbow plank (s): 30, target 30');
    const root = chart.shadowRoot!;
    // One entry for the line and its target, the target's box beside the line's marker; with one
    // week, each with its value: a lone point on an axis says little.
    const entries = [...root.querySelectorAll('.u-legend .u-series')].filter(
      (entry) => getComputedStyle(entry).display !== 'none',
    );
    expect(entries.map((entry) => entry.querySelector('.u-label')?.textContent)).toEqual([
      'Elbow plank (s): 30, target 30',
    ]);
    const [band, marker] = [...entries[0]!.querySelectorAll<HTMLElement>('.u-marker')];
    expect(getComputedStyle(band!).borderTopStyle).toBe('dashed');
    expect(getComputedStyle(marker!).borderTopStyle).not.toBe('dashed');
    expect([...root.querySelectorAll('.note')].map((note) => note.textContent)).toEqual([
      'The pale band is its target.',
      expect.stringMatching(/first week.*trend/i),
    ]);
    const pixel = (x: number, y: number) => data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
    const ofLine = (x: number, y: number, minAlpha: number) => {
      const [pr, pg, pb, pa] = pixel(x, y);
      return pa! > minAlpha && Math.abs(pr! - r!) + Math.abs(pg! - g!) + Math.abs(pb! - b!) < 40;
    };
    // The plank's marker, and the pale target on either side of it, beyond its ring.
    const solid = Array.from(
      { length: width * height },
      (_, i) => [i % width, Math.floor(i / width)] as const,
    ).filter(([x, y]) => ofLine(x, y, 240));
    const xs = solid.map(([x]) => x);
    const ys = solid.map(([, y]) => y);
    const row = Math.round((Math.min(...ys) + Math.max(...ys)) / 2);
    const beyond = Math.round(3 * window.devicePixelRatio);
    expect(ofLine(Math.min(...xs) - beyond, row, 20)).toBe(true);
    expect(ofLine(Math.max(...xs) + beyond, row, 20)).toBe(true);
  });

  it('says what its pale bands are to the eye alone, as the plot they are in is drawn for it alone', async () => {
    const note = "A pale band in a line's colour is its target.";
    const chart = chartOf('Reps: best set of the week', [
      { label: 'Superman', values: [10, 10, 9], styleSlot: 0 },
      { label: 'Superman target', values: [10, 10, 10], target: true, styleSlot: 0 },
      { label: 'Glute bridge', values: [14, 15, 15], styleSlot: 1 },
      { label: 'Glute bridge target', values: [15, 15, 15], target: true, styleSlot: 1 },
    ]);
    await addDrawn(chart);
    await expect.element(page.getByText(note)).toBeVisible();
    // A screen reader is given the numbers, whose columns name each target, not the plot: a band it
    // never meets, explained, was a line of nothing.
    expect(await rolesNamed(note)).toEqual([]);
    expect(await rolesNamed('Numbers for Reps: best set of the week')).not.toEqual([]);
  });

  // One entry for the two: a tap on it hides and shows the line and its band together, where the
  // band stayed behind, named by no entry left to tap.
  it('hides and shows a line and its target together from their one legend entry', async () => {
    const chart = chartOf('Holds', [
      { label: 'Elbow plank (s)', values: [40, 44, 47], styleSlot: 0 },
      { label: 'Elbow plank target (s)', values: [35, 45, 49], target: true, styleSlot: 0 },
      { label: 'Drawing-in (s)', values: [45, 45, 60], styleSlot: 1 },
    ]);
    await addDrawn(chart);
    const rows = [...chart.shadowRoot!.querySelectorAll('.u-legend .u-series')];
    const hidden = () => rows.map((row) => row.classList.contains('u-off'));
    const plank = rows.find((row) => row.querySelector('.u-label')?.textContent === 'Elbow plank (s)')!;
    await userEvent.click(plank.querySelector('th')!);
    // In the legend's order: the target, its line, the drawing-in.
    expect(hidden()).toEqual([true, true, false]);
    await userEvent.click(plank.querySelector('th')!);
    expect(hidden()).toEqual([false, false, false]);
  });

  it("keeps a target's band within the plot, in the narrowest box a plot is drawn in", async () => {
    document.body.style.width = '240px';
    const chart = chartOf(
      'Longest hold',
      [
        // Well under the target, so that no marker of the line lies in the band's rows.
        { label: 'Elbow plank (s)', values: [10, 12, 14, 16, 18], styleSlot: 0 },
        { label: 'Elbow plank target (s)', values: [45, 45, 45, 45, 45], target: true, styleSlot: 0 },
      ],
      Array.from({ length: 5 }, (_, i) => series.x[0]! + i * WEEK_S),
    );
    await addDrawn(chart);
    const { width, height, data } = plotPixels(chart);
    const canvas = chart.shadowRoot!.querySelector('.plot canvas')!.getBoundingClientRect();
    const plot = chart.shadowRoot!.querySelector('.u-over')!.getBoundingClientRect();
    const scale = width / canvas.width;
    const left = Math.floor((plot.left - canvas.left) * scale);
    const right = Math.ceil((plot.right - canvas.left) * scale);
    // In colour: the axes' numbers and lines are grey.
    const inColour = (x: number, y: number) => {
      const [pr, pg, pb, pa] = data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
      return pa! > 20 && Math.max(pr!, pg!, pb!) - Math.min(pr!, pg!, pb!) > 40;
    };
    const columns = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    // The band's rows: those in colour across most of the plot.
    const bandRows = Array.from({ length: height }, (_, y) => y).filter(
      (y) => columns(left, right).filter((x) => inColour(x, y)).length > (right - left) * 0.8,
    );
    expect(bandRows.length).toBeGreaterThan(0);
    const outside = bandRows.flatMap((y) =>
      [...columns(0, left - 1), ...columns(right + 1, width)].filter((x) => inColour(x, y)),
    );
    expect(outside, `columns ${left}–${right} of ${width} are the plot's`).toEqual([]);
  });

  // The chart's width in History on a 360 px phone and on a 1366 px laptop, and the narrowest a plot is drawn in.
  for (const widthPx of [328, 960, 240]) {
    it(`draws every marker of eight weeks inside the plot, three of one week side by side, ${widthPx} px wide`, async () => {
      document.body.style.width = `${widthPx}px`;
      // Three exercises at one value each week: their markers side by side about the week, the oldest
      // and the newest weeks' at the plot's left and right edges.
      const weeks = Array.from({ length: 8 }, (_, i) => series.x[0]! + i * WEEK_S);
      const chart = chartOf(
        'Reps: best set of the week',
        [
          { label: 'Superman', values: weeks.map(() => 10), styleSlot: 0 },
          { label: 'Glute bridge', values: weeks.map(() => 10), styleSlot: 1 },
          { label: 'Bird dog', values: weeks.map(() => 10), styleSlot: 2, perSide: true },
        ],
        weeks,
      );
      await addDrawn(chart);
      const { width, plot, columnsInColour } = colourAroundThePlot(chart);
      const { left, right } = plot;
      expect(columnsInColour(left, right).length).toBeGreaterThan(0);
      expect(
        [...columnsInColour(0, left), ...columnsInColour(right, width)],
        `columns ${left}–${right} of ${width} are the plot's`,
      ).toEqual([]);
    });
  }

  it('draws the markers of values at the top of its axis and at zero inside the plot, above and below', async () => {
    document.body.style.width = '328px';
    const weeks = Array.from({ length: 8 }, (_, i) => series.x[0]! + i * WEEK_S);
    // Four breaths each week, the axis's top tick, and a set of none.
    const chart = chartOf(
      'Breath cycles: best set of the week',
      [
        { label: 'Bat hang', values: weeks.map(() => 4), styleSlot: 0 },
        { label: 'Other', values: weeks.map(() => 0), styleSlot: 1 },
      ],
      weeks,
    );
    await addDrawn(chart);
    const { height, plot, rowsInColour } = colourAroundThePlot(chart);
    const { top, bottom } = plot;
    expect(rowsInColour(top, bottom).length).toBeGreaterThan(0);
    expect(
      { above: rowsInColour(0, top).length, below: rowsInColour(bottom, height).length },
      `rows ${top}–${bottom} of ${height} are the plot's`,
    ).toEqual({ above: 0, below: 0 });
  });

  it('breaks its lines, targets too, at weeks without data', async () => {
    const chart = chartOf(
      'Longest hold',
      [
        {
          label: 'Elbow plank (s)',
          values: [40, null, null, null, null, null, null, null, 50],
          styleSlot: 0,
        },
        {
          label: 'Elbow plank target (s)',
          values: [40, null, null, null, null, null, null, null, 50],
          target: true,
          styleSlot: 0,
        },
      ],
      Array.from({ length: 9 }, (_, i) => series.x[0]! + i * WEEK_S),
    );
    const { width, height, data, r, g, b } = await drawn(chart, 'Elbow plank (s)');
    // Across the empty weeks in the middle, nothing of the line's colour, the target's pale band included.
    const inColour = (x: number) =>
      Array.from({ length: height }, (_, y) =>
        data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4),
      ).filter(
        ([pr, pg, pb, pa]) => pa! > 20 && Math.abs(pr! - r!) + Math.abs(pg! - g!) + Math.abs(pb! - b!) < 40,
      ).length;
    expect(inColour(Math.round(width * 0.55))).toBe(0);
    // The two weeks with data are drawn.
    expect(Array.from({ length: width }, (_, x) => inColour(x)).some((n) => n > 0)).toBe(true);
  });

  it('reads its x axis as weeks: one week of data is one tick, at the week of its start', async () => {
    const monday = Date.UTC(2026, 10, 30) / 1000;
    const chart = chartOf(
      'Heart rate by week',
      [{ label: 'Average (bpm)', values: [96], styleSlot: 0 }],
      [monday],
    );
    const written = await textsWritten(chart);
    const day = new Date(monday * 1000).toLocaleDateString(undefined, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    expect(written.filter((text) => text === 'week of')).toHaveLength(1);
    expect(written).toContain(day);
    // No ticks on the days around it, as "11/23" or "12/7".
    expect(written.filter((text) => /^\d+\/\d+$/.test(text))).toEqual([]);
  });

  it('steps the y axis of a chart of whole numbers in whole numbers', async () => {
    const chart = oneWeekChart('Reps per week', [
      { label: 'Superman', values: [9], styleSlot: 0 },
      { label: 'Glute bridge', values: [0], styleSlot: 1 },
    ]);
    const numbers = (await textsWritten(chart)).filter((text) => /^-?[\d.,]+$/.test(text));
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers.filter((text) => !/^-?\d+$/.test(text))).toEqual([]);
  });

  it('starts the y axis of a week of superman lifts at zero, in round steps', async () => {
    const chart = oneWeekChart('Superman range of motion by week', [
      { label: 'Best lift (°)', values: [19.3], styleSlot: 0 },
      { label: 'Mean of sets (°)', values: [19.2], styleSlot: 1 },
    ]);
    const numbers = (await textsWritten(chart)).filter((text) => /^-?[\d.,]+$/.test(text));
    // Not 19.2 to 19.3, where a tenth of a degree fills the chart.
    expect(numbers).toEqual(['0', '5', '10', '15', '20']);
  });

  describe('of heart rate, its axis from under its lowest week', () => {
    const HEART_RATE: ChartSeries['lines'] = [
      { label: 'Average (bpm)', values: [98, 101, 95], styleSlot: 0 },
      { label: 'Peak (bpm)', values: [124, 122, 130], styleSlot: 1 },
    ];
    function heartRateChart(): Chart {
      const chart = chartOf('Heart rate by week', HEART_RATE);
      chart.fromUnder = { minSpan: 20 };
      return chart;
    }

    for (const widthPx of [360, 1366]) {
      it(`spreads a session's 95 to 130 bpm over the plot, and says the scale starts at 90, ${widthPx} px wide`, async () => {
        document.body.style.width = `${widthPx - 16}px`;
        const chart = heartRateChart();
        const placed = await placedTexts(chart);
        const ticks = placed.filter(({ text }) => /^\d+$/.test(text));
        // From zero, 0 to 150 in steps of 50, with 95 to 130 in 28 px of 121.
        expect(ticks.map(({ text }) => text)).toEqual(['90', '100', '110', '120', '130']);
        const pxPerBpm = (ticks[0]!.y - ticks.at(-1)!.y) / devicePixelRatio / 40;
        expect((130 - 95) * pxPerBpm).toBeGreaterThan(100);
        const note = [...chart.shadowRoot!.querySelectorAll('.note')].find((p) =>
          p.textContent?.includes('scale'),
        );
        expect(note?.textContent).toBe('The scale starts at 90, not at zero.');
        // Over the plot, read before it; for the eye, as the plot is: the numbers are told whole.
        expect(note!.compareDocumentPosition(chart.shadowRoot!.querySelector('.plot')!)).toBe(
          Node.DOCUMENT_POSITION_FOLLOWING,
        );
        expect(note!.getAttribute('aria-hidden')).toBe('true');
      });
    }

    it('keeps its numbers as they are, from the lowest week up', async () => {
      const chart = heartRateChart();
      document.body.append(chart);
      const root = chart.shadowRoot!;
      await expect.poll(() => root.querySelector('.u-legend')?.textContent).toBe('Average (bpm)Peak (bpm)');
      await page.getByText('Numbers').click();
      await expect.poll(() => root.querySelectorAll('.numbers tbody tr').length).toBe(3);
      const rows = [...root.querySelectorAll('.numbers tbody tr')].map((row) =>
        [...row.querySelectorAll('td')].map((td) => td.textContent),
      );
      expect(rows).toEqual([
        ['95', '130'],
        ['101', '122'],
        ['98', '124'],
      ]);
    });

    it('says nothing of its scale where the axis starts at zero', async () => {
      const chart = chartOf('Heart rate recovery by week', [
        { label: 'Recovery in 1 min (bpm)', values: [18, 21, 24], styleSlot: 2 },
      ]);
      const numbers = (await textsWritten(chart)).filter((text) => /^\d+$/.test(text));
      expect(numbers[0]).toBe('0');
      expect(chart.shadowRoot!.textContent).not.toContain('scale');
    });
  });

  it('labels a tick at or above the largest value', async () => {
    const chart = oneWeekChart('Reps per week', [
      { label: 'Superman', values: [19], styleSlot: 0 },
      { label: 'Bird dog', values: [20], styleSlot: 1 },
      { label: 'Wide-grip lat pulldown', values: [36], styleSlot: 2 },
    ]);
    const numbers = (await textsWritten(chart)).filter((text) => /^-?\d+$/.test(text)).map(Number);
    expect(Math.max(...numbers)).toBeGreaterThanOrEqual(36);
    expect(Math.min(...numbers)).toBe(0);
  });

  it('keeps the point drawn first in sight through the one drawn over it, their values a degree apart', async () => {
    // A week of two superman sets, lifts of 20.2° and 19.6°: the mean a few pixels under the best.
    const chart = oneWeekChart('Superman range of motion by week', [
      { label: 'Best lift (°)', values: [20.2], styleSlot: 0 },
      { label: 'Mean of sets (°)', values: [19.9], styleSlot: 1 },
    ]);
    await addDrawn(chart);
    const dpr = window.devicePixelRatio;
    // Some 40 of the marker's 133 px² (that of a circle 13 px across), through the ring over it, where
    // only its tips showed (10 px²) round a solid one; and the ring itself, of some 40 px².
    expect(pixelsOfLine(chart, 'Best lift (°): 20.2')).toBeGreaterThan(35 * dpr * dpr);
    expect(pixelsOfLine(chart, 'Mean of sets (°): 19.9')).toBeGreaterThan(30 * dpr * dpr);
  });

  it('draws a line in its own colour and marker whether or not the lines before it have values', async () => {
    const drawingIn = async (plank: (number | null)[]) => {
      const chart = chartOf('Longest hold', [
        { label: 'Elbow plank (s)', values: plank, styleSlot: 0 },
        { label: 'Drawing-in (s)', values: [45, 50, 52], styleSlot: 1 },
      ]);
      document.body.append(chart);
      const root = chart.shadowRoot!;
      const entry = () =>
        [...root.querySelectorAll('.u-legend .u-series')].find(
          (row) => row.querySelector('.u-label')?.textContent === 'Drawing-in (s)',
        );
      await expect.poll(entry).toBeDefined();
      const marker = getComputedStyle(entry()!.querySelector('.u-marker')!);
      const look = `${marker.backgroundColor} ${marker.clipPath} ${marker.borderTopLeftRadius}`;
      chart.remove();
      return look;
    };
    // A first plank weeks ago, and none at all: the drawing-in looks the same in both.
    expect(await drawingIn([null, null, null])).toBe(await drawingIn([30, null, null]));
  });

  it('keeps both lines in sight where they meet at one point, each in the shape of its legend', async () => {
    // One set in the week: its best lift is the mean.
    const chart = oneWeekChart('Superman range of motion by week', [
      { label: 'Best lift (°)', values: [19.2], styleSlot: 0 },
      { label: 'Mean of sets (°)', values: [19.2], styleSlot: 1 },
    ]);
    await addDrawn(chart);
    const root = chart.shadowRoot!;
    const dpr = window.devicePixelRatio;
    // Each whole, side by side: the triangle's 133 px² (a circle 13 px across), less the edge its
    // halo takes, where the ring drawn over it left some 50 px², its tips and a dot in the hole; and
    // the diamond's ring, some 80 px² less its halo's edges inside and out.
    expect(pixelsOfLine(chart, 'Best lift (°): 19.2')).toBeGreaterThan(85 * dpr * dpr);
    expect(pixelsOfLine(chart, 'Mean of sets (°): 19.2')).toBeGreaterThan(30 * dpr * dpr);
    const shapes = [...root.querySelectorAll<HTMLElement>('.u-legend .u-marker')].map((marker) => {
      const style = getComputedStyle(marker);
      return `${style.borderTopLeftRadius} ${style.clipPath}`;
    });
    expect(new Set(shapes).size).toBe(2);
  });
});

describe('bb-progress-chart in forced colours', () => {
  afterEach(() => emulateMedia([]));

  it('keeps each legend marker filled in its line’s colour, the key to the plot that keeps its own', async () => {
    const chart = oneWeekChart('Reps: the week’s best set against its target', [
      { label: 'Superman target', values: [10], styleSlot: 0, target: true },
      { label: 'Superman', values: [9], styleSlot: 0 },
      { label: 'Bird dog', values: [8], styleSlot: 1 },
    ]);
    await addDrawn(chart);
    const look = () =>
      ['Superman target: 10', 'Superman: 9', 'Bird dog: 8'].map((label) =>
        ['backgroundColor', 'borderTopColor'].map((part) =>
          markerColour(chart, label, part as 'backgroundColor' | 'borderTopColor').join(),
        ),
      );
    const asDrawn = look();
    // The system's colours put the page's own aside: a marker's fill went with them, and what was
    // left of a triangle clipped from its box was the border along its base, an underline.
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    await expect.poll(() => matchMedia('(forced-colors: active)').matches).toBe(true);
    expect(look()).toEqual(asDrawn);
  });
});

describe("bb-progress-chart's dates across a year of weeks", () => {
  /** Monday 1 June 2026 and the 52 weeks before it. */
  const year: ChartSeries = {
    x: Array.from({ length: 53 }, (_, i) => Date.UTC(2026, 5, 1) / 1000 - (52 - i) * WEEK_S),
    lines: [{ label: 'Superman', values: Array.from({ length: 53 }, (_, i) => 60 + (i % 5)), styleSlot: 0 }],
  };

  // In the app's typeface, wider than the browser's own serif.
  beforeEach(() => {
    document.body.style.fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  });
  afterEach(() => {
    document.body.style.fontFamily = '';
  });

  // The chart's width in History on a 1366 px laptop, and on a 360 px phone.
  for (const widthPx of [960, 328]) {
    it(`writes its dates apart from one another and inside the chart, ${widthPx} px wide`, async () => {
      document.body.style.width = `${widthPx}px`;
      const chart = chartOf('Reps per week', year.lines, year.x);
      const written = await placedTexts(chart);
      const canvas = chart.shadowRoot!.querySelector<HTMLCanvasElement>('.plot canvas')!;
      // The x axis's labels are centred on their ticks, a row for each of their lines.
      const rows = Map.groupBy(
        written.filter((text) => text.align === 'center'),
        (text) => text.y,
      );
      expect(rows.size).toBeGreaterThan(0);
      const gap = 4 * window.devicePixelRatio;
      for (const row of rows.values()) {
        const spans = row.map(({ text, x, width }) => ({ text, left: x - width / 2, right: x + width / 2 }));
        spans.sort((a, b) => a.left - b.left);
        for (const [i, span] of spans.entries()) {
          expect(span.left, `${span.text} from the left edge`).toBeGreaterThanOrEqual(0);
          expect(span.right, `${span.text} to the right edge`).toBeLessThanOrEqual(canvas.width);
          if (i > 0)
            expect(span.left, `${span.text} after ${spans[i - 1]!.text}`).toBeGreaterThan(
              spans[i - 1]!.right + gap,
            );
        }
      }
      // The latest month is named, where its weeks begin.
      expect(written.map(({ text }) => text)).toContain('Jun');
    });
  }
});
