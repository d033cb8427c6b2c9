import { css, html, LitElement, nothing, type PropertyValues, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import uPlot from 'uplot';
// uPlot's own stylesheet, inlined so it applies inside this component's shadow root.
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { personLocale } from '../app/person-locale.ts';
import type { ChartLine, ChartSeries } from '../store/progress.ts';
import {
  bandNote,
  firstWeekNote,
  goalTargets,
  legendLabel,
  lineName,
  NOT_CHARTED,
  shownLines,
  weeksInWords,
} from './chart-legend.ts';
import {
  LARGEST_MARKER_PX,
  legendMarkerCss,
  lineMarker,
  MARKER_SHAPES,
  type Marker,
  MIN_MARKER_GAP_PX,
  markedPoints,
  RING_HOLE_SCALE,
  shapeCorners,
  sideBySidePx,
  targetBandsPx,
} from './chart-markers.ts';
import { decimalPlaces, formatCell, type NumbersRow, noSessionsText, numbersRows } from './chart-numbers.ts';
import { SidewaysScroll, sidewaysHint, sidewaysHintStyles } from './sideways-scroll.ts';
import { buttonStyles, disclosureMarker, unbroken, unbrokenStyles, visuallyHidden } from './styles.ts';
import { type ValueAxis, valueAxis, withMarginPx } from './value-axis.ts';
import { type AxisRoom, type WeekAxis, weekAxis, weekDate, weekRange } from './week-axis.ts';

/** The axes' labels: the size of the numbers in the table under the chart. */
const AXIS_FONT_PX = 14;
/**
 * Steps of the y axis at most: the plot is about 150 px tall under its week labels, and a label of
 * 14 px wants some 30 px to itself.
 */
const MAX_Y_STEPS = 5;
/** The y axis's width: room for labels like 0.25 or 1,250 that uPlot's default width cuts off. */
const Y_AXIS_PX = 68;
/** Room right of the plot, px, for half the latest week's label: uPlot's own is half its default y axis. */
const PLOT_RIGHT_PX = 25;
/**
 * The narrowest box a plot is drawn in, px. Beside its y axis and right margin, a narrower one leaves
 * the weeks under 150 px: on a phone with its text at twice its size (148 px) the plot was 55 px wide,
 * seven weeks' targets one smudge under a single date. There the numbers are shown in its place.
 */
const MIN_PLOT_BOX_PX = 240;
/** The chart's height, px, its x axis's labels included. */
const PLOT_HEIGHT_PX = 220;
/** The x axis's height, px: two lines of labels, "week of" over the date, or a month over its year. */
const X_AXIS_PX = 64;
/** A ring of the page's background round each marker, so one drawn over another stands apart from it. */
const MARKER_HALO_PX = 1;

// Distinguishable for the common colour-vision deficiencies (Okabe–Ito), by a line's style slot, in the
// order that keeps the first slots clear on each background: the light ones on the dark theme, the
// deep ones on the light theme, where yellow and sky blue would all but vanish.
const COLOURS = {
  dark: ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#0072b2'],
  light: ['#0072b2', '#d55e00', '#007a5a', '#a8407a', '#8a6400', '#3b6fa8', '#5a5a5a'],
};
const LIGHT_SCHEME = '(prefers-color-scheme: light)';

/**
 * The weeks a box too narrow for the plot tells in words before "Earlier weeks": this one and the one
 * before, to set it against. All of them, a few weeks of sessions took eight charts of some 300 px
 * each on a 180×320 phone.
 */
const NEWEST_WEEKS_IN_WORDS = 2;

/**
 * Under a chart that leaves out a week's holds broken by a pause: the gap it leaves read, with nothing
 * said, as a week without the exercise.
 */
const NOT_CHARTED_NOTE = "A hold broken by a pause is not charted: its week's numbers say it.";
/**
 * A target is a pale band (and its legend marker a pale box): the line it is the goal of shows through.
 * Over the dark theme's near-black a faint colour all but vanishes, so there it is less see-through.
 */
const TARGET_ALPHA = { light: 0.4, dark: 0.65 };
const alphaHex = (alpha: number) =>
  Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');

/**
 * One progress chart by week drawn with uPlot, with the numbers also in a table for screen readers and
 * for anyone who prefers to read them.
 */
/** What a chart with nothing to draw says, unless told otherwise. */
export const NO_SESSIONS_YET = 'No sessions with this yet.';

@customElement('bb-progress-chart')
export class BbProgressChart extends LitElement {
  static override styles = [
    buttonStyles,
    unsafeCSS(uPlotCss),
    visuallyHidden,
    unbrokenStyles,
    disclosureMarker,
    sidewaysHintStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        color: var(--bb-text, #f5f7fa);
      }
      h4 {
        margin: 0 0 0.5rem;
        font-size: 1.2rem;
      }
      .plot {
        min-height: 220px;
      }
      /* Still laid out across the chart's width, which says when there is room for it again. */
      .plot.too-narrow {
        min-height: 0;
      }
      .empty,
      .note {
        color: var(--bb-muted, #b6c2d1);
      }
      .note {
        margin: 0.25rem 0 0;
      }
      details {
        margin-top: 0.5rem;
        color: var(--bb-muted, #b6c2d1);
      }
      summary {
        cursor: pointer;
        min-height: 2.75rem;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 600;
      }
      /* A table wider than a phone scrolls in its own box: the page never scrolls sideways. */
      .numbers {
        max-width: 100%;
        overflow-x: auto;
        /* Its width, which the words of weeks with nothing are kept in (see tr.no-sessions). */
        container-type: inline-size;
      }
      /* Years of weeks scroll in it downwards too, under their columns' names (see thead th): two
         years are 104 rows, some 2,700 px on a phone, and scrolled down the page to the oldest the
         names were as far above, the numbers under no name. */
      .numbers:has(> table) {
        max-height: 70vh;
        overflow-y: auto;
      }
      .numbers:focus-visible,
      summary:focus-visible {
        outline: 4px solid var(--bb-focus, #facc15);
      }
      table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.2rem 0.6rem;
        text-align: right;
      }
      /* Each column's name just over its numbers: beside a long one wrapped over five lines on a phone,
         the others stood in the middle of its height, "Week of" 41 px over the first week. */
      thead th {
        vertical-align: bottom;
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--bb-bg, #0d1117);
      }
      /* A week's date on one line, not "Oct / 5, / 2026", and still in view when the columns are
         scrolled sideways: a number without its week says nothing. */
      .numbers th:first-child {
        white-space: nowrap;
        position: sticky;
        left: 0;
        background: var(--bb-bg, #0d1117);
      }
      /* What the week did that the chart leaves out, in words under its numbers. */
      tr.not-charted td {
        text-align: left;
        padding-top: 0;
        color: var(--bb-muted, #b6c2d1);
      }
      /* Weeks with nothing, in words across the row, as wide as the box and held at its left. */
      .numbers tr.no-sessions th {
        position: static;
        text-align: left;
        white-space: normal;
        font-weight: normal;
        color: var(--bb-muted, #b6c2d1);
      }
      tr.no-sessions th > span {
        display: block;
        position: sticky;
        left: 0.6rem;
        max-width: calc(100cqi - 1.2rem);
      }
      /* "Week of", held both ways, over the weeks and the names scrolled under it. */
      .numbers thead th:first-child {
        z-index: 2;
      }
      /* A week at a time, in words, where a table showed only its column of weeks. */
      .weeks,
      .weeks ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .earlier {
        margin-top: 0.75rem;
      }
      .weeks h5 {
        margin: 0.75rem 0 0.1rem;
        font-size: 1rem;
      }
      .weeks ul {
        color: var(--bb-text, #f5f7fa);
        font-variant-numeric: tabular-nums;
      }
      /* A line that wraps is indented under its name, so that where one ends and the next begins shows. */
      .weeks ul li {
        padding-inline-start: 1rem;
        text-indent: -1rem;
      }
      .u-legend {
        color: var(--bb-text, #f5f7fa);
        font-size: 1rem;
      }
      /* A marker and its label are one entry: uPlot sets them side by side as two inline boxes, which
         on a phone with its text at twice its size broke apart, the marker alone on the line above
         "Superman: 30". Entries still wrap as wholes, and a label longer than the line wraps beside its
         marker, which sits on its first line as a letter would. */
      .u-legend .u-series th {
        display: flex;
        align-items: baseline;
        text-align: start;
      }
      /* Entries apart by a gap between them, not by uPlot's 16 px margin after each, nor 4 px inside
         each side of it: an entry's least width, its two markers and its longest word ("Superman:"),
         took those too, 168 px in the 148 px of a phone with its text at twice its size, and the chart
         went past the screen's edge, which scrolled sideways. */
      .u-legend tbody {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        /* The names of a row on one line of text: each stood as low as its marker was tall, the bird
           dog's beside its square 4.6 px above the superman's beside its triangle. */
        align-items: baseline;
        column-gap: 1rem;
      }
      .u-legend .u-series {
        margin: 0;
      }
      .u-legend .u-series th {
        padding-inline: 0;
      }
      .u-legend .u-marker {
        flex: none;
        /* The key to a plot that keeps its colours in forced colours (a canvas is not recoloured): it
           keeps them too, and with its fill the shape clipped from it. Recoloured, its fill went and a
           triangle was left as the border along its base, an underline. */
        forced-color-adjust: none;
      }
      /* A target named with its line (see mergeTargetEntries): its band's box is in the line's entry. */
      .u-legend .u-series.named-with-line {
        display: none;
      }
    `,
    // Each line's legend marker in the shape and weight of its points, solid or a ring.
    unsafeCSS(
      MARKER_SHAPES.flatMap((shape) => [
        `.marker-${shape} .u-marker:not(.band) { ${legendMarkerCss(shape)} }`,
        `.marker-${shape}-ring .u-marker:not(.band) { ${legendMarkerCss(shape, RING_HOLE_SCALE)} }`,
      ]).join('\n'),
    ),
  ];

  @property() heading = '';
  /** A value a week for each line, each x its week's Monday in seconds (see weekDate). */
  @property({ attribute: false }) series: ChartSeries | null = null;
  /**
   * What stands in for the chart while it has nothing to draw: a chart that only some devices measure
   * says which, for a person whose sessions never had one.
   */
  @property() empty = NO_SESSIONS_YET;
  /**
   * The y axis starts under the lowest value, spanning at least `minSpan`, not at zero (see
   * valueAxis): heart rate, whose weeks lie far from zero. The plot says so, over it and on its axis.
   */
  @property({ attribute: false }) fromUnder: { readonly minSpan: number } | null = null;

  /** The numbers' table is built only while it is open: years of weeks are thousands of cells. */
  @state() private tableOpen = false;
  /** The chart's box is narrower than a readable plot (see MIN_PLOT_BOX_PX): its numbers show instead. */
  @state() private tooNarrow = false;
  /** Told in words, the weeks before the newest (see NEWEST_WEEKS_IN_WORDS), once asked for. */
  @state() private earlierWeeksShown = false;
  /** The open table's columns beyond the right edge of its box. */
  private readonly numbersScroll = new SidewaysScroll(this, () =>
    this.tableOpen ? this.renderRoot.querySelector<HTMLElement>('.numbers') : null,
  );

  private plot: uPlot | null = null;
  /** The element the plot goes in, watched for its width, and that width once laid out. */
  private observed: HTMLElement | null = null;
  private plotWidth = 0;
  private needsDraw = false;
  private drawQueued = false;
  private resizeObserver: ResizeObserver | null = null;
  private scheme: MediaQueryList | null = null;
  /** The colours come from the theme: a switch between light and dark redraws the chart. */
  private readonly onScheme = () => this.draw();

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheme = window.matchMedia(LIGHT_SCHEME);
    this.scheme.addEventListener('change', this.onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scheme?.removeEventListener('change', this.onScheme);
    this.scheme = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.observed = null;
    this.plot?.destroy();
    this.plot = null;
  }

  override render() {
    const series = this.shownSeries();
    const hasData = !!series && series.x.length > 0 && series.lines.length > 0;
    const plotted = hasData && !this.tooNarrow;
    return html`
      <h4>${this.heading}</h4>
      ${
        // Before the plot, read before it is: its lines would be read as far from zero as they look.
        // For the eye alone, as the plot is: the numbers are told whole.
        plotted && series ? this.renderNote(scaleNote(this.yAxisOf(series)), true) : null
      }
      ${hasData ? html`<div class=${this.tooNarrow ? 'plot too-narrow' : 'plot'} aria-hidden="true"></div>` : html`<p class="empty">${this.empty}</p>`}
      ${hasData && this.tooNarrow ? this.renderNote('Too narrow for the chart: its numbers, newest first.') : null}
      ${
        // About the plot, which is drawn for the eye alone: a screen reader reads the targets in the
        // numbers, by name.
        plotted && series ? this.renderNote(bandNote(series.lines), true) : null
      }
      ${plotted && series ? this.renderNote(firstWeekNote(series.x)) : null}
      ${plotted && series?.notCharted ? this.renderNote(NOT_CHARTED_NOTE) : null}
      ${hasData && series ? this.renderNumbers(series) : null}
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('series')) {
      this.needsDraw = true;
      this.observePlot();
      if (this.plotWidth > 0) this.queueDraw();
    }
  }

  /**
   * The plot's width comes from a ResizeObserver, after the browser has laid the page out: reading it
   * in the draw instead would force a layout of the whole history for each chart.
   */
  private observePlot(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (target === this.observed) return;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.observed = target;
    this.plotWidth = 0;
    if (!target) return;
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      if (width <= 0) return;
      const was = this.plotWidth;
      this.plotWidth = width;
      const tooNarrow = width < MIN_PLOT_BOX_PX;
      if (tooNarrow !== this.tooNarrow) {
        this.plot?.destroy();
        this.plot = null;
        this.needsDraw = true;
        // In the next frame: the numbers in the plot's place change the chart's height, which, in
        // the frame that measured it, the browser reports as a loop of resizes left undelivered.
        requestAnimationFrame(() => {
          this.tooNarrow = this.plotWidth < MIN_PLOT_BOX_PX;
          if (!this.tooNarrow) this.queueDraw();
        });
        return;
      }
      if (tooNarrow) return;
      if (this.needsDraw || !this.plot) this.queueDraw();
      else if (Math.abs(width - was) > 4) this.plot.setSize({ width, height: PLOT_HEIGHT_PX });
    });
    this.resizeObserver.observe(target);
  }

  private queueDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    drawing = drawing.then(nextTask).then(() => {
      this.drawQueued = false;
      if (this.isConnected && this.needsDraw && !this.tooNarrow) this.draw();
    });
  }

  /** The series with only the lines the chart draws (see shownLines): the legend and table name no others. */
  private shownSeries(): ChartSeries | null {
    const series = this.series;
    if (!series) return null;
    if (series !== this.shownFrom) {
      this.shownFrom = series;
      this.shown = { ...series, lines: shownLines(series.lines).map((i) => series.lines[i]!) };
    }
    return this.shown;
  }
  private shownFrom: ChartSeries | null = null;
  private shown: ChartSeries | null = null;

  private yAxisOf(series: ChartSeries): ValueAxis {
    return valueAxis(
      series.lines.flatMap((line) => line.values),
      {
        maxSteps: MAX_Y_STEPS,
        wholeNumbers: onlyWholeNumbers(series),
        ...(this.fromUnder ? { fromUnder: this.fromUnder } : {}),
      },
    );
  }

  private renderNote(note: string | null, forTheEye = false) {
    return note ? html`<p class="note" aria-hidden=${forTheEye ? 'true' : nothing}>${note}</p>` : null;
  }

  private renderNumbers(series: ChartSeries) {
    // In the legend's order, each target before its line: the table reads as the chart is read.
    const columns = drawOrder(series.lines).map((i) => series.lines[i]!);
    const decimals = columns.map((l) => decimalPlaces(l.values));
    // Open of itself in place of a plot too narrow to read; closed by a tap, it stays closed.
    return html`<details ?open=${this.tooNarrow} @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>Numbers<span class="visually-hidden"> for ${this.heading}</span></summary>
      ${this.tooNarrow ? this.renderWeeksInWords(series) : this.renderColumns(series, columns, decimals)}
    </details>`;
  }

  /** The numbers a column a line, a row a week, newest first. */
  private renderColumns(series: ChartSeries, columns: readonly ChartLine[], decimals: readonly number[]) {
    return html`${sidewaysHint(this.numbersScroll)}
      <div class="numbers" tabindex="0" role="region" aria-label=${`${this.heading}: numbers`} @scroll=${this.numbersScroll.measure}>
      <table>
        <caption class="visually-hidden">${this.heading}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            ${columns.map((l) => html`<th scope="col">${unbroken(lineName(l))}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${
            // The newest first, where the person looks: after months, this week is not a long scroll
            // down below the first ones.
            (this.tableOpen ? numbersRows(series) : []).map((row) => {
              if (row.kind === 'none') return noSessionsRow(series, row, columns.length);
              const i = row.index;
              return html`<tr>
                <th scope="row">${weekDate(series.x[i]!, true, personLocale())}</th>
                ${columns.map((l, j) => html`<td>${formatCell(l.values[i] ?? null, decimals[j])}</td>`)}
              </tr>
              ${notChartedRow(series.notCharted?.[i], columns.length + 1)}`;
            })
          }
        </tbody>
      </table>
      </div>`;
  }

  /** The numbers a week at a time, newest first, each line with its target in words (see weeksInWords). */
  private renderWeeksInWords(series: ChartSeries) {
    const weeks = this.tableOpen ? weeksInWords(series, personLocale(), Date.now()) : [];
    const shown = this.earlierWeeksShown ? weeks : weeks.slice(0, NEWEST_WEEKS_IN_WORDS);
    const earlier = weeks.length - shown.length;
    return html`<div class="numbers" role="region" aria-label=${`${this.heading}: numbers`}>
      <ol class="weeks">
        ${shown.map(
          ({ heading, readings }) => html`<li>
            <h5>${heading}</h5>
            <ul>${readings.map((reading) => html`<li>${reading}</li>`)}</ul>
          </li>`,
        )}
      </ol>
      ${
        earlier > 0
          ? html`<button class="quiet earlier" @click=${() => (this.earlierWeeksShown = true)}>Earlier weeks (${earlier})</button>`
          : nothing
      }
    </div>`;
  }

  private draw(): void {
    this.needsDraw = false;
    this.plot?.destroy();
    this.plot = null;
    const target = this.observed;
    const series = this.shownSeries();
    if (!target || !series) return;
    // As wide as its box, however narrow (text at twice its size on a phone): never wider than the page.
    const width = this.plotWidth;
    const style = getComputedStyle(this);
    const themed = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const labels = themed('--bb-muted', '#b6c2d1');
    // uPlot's own 12 px is hard to read at arm's length, and not in the page's typeface.
    const font = `${AXIS_FONT_PX}px ${style.fontFamily}`;
    const grid = { stroke: themed('--bb-ring-track', '#2a3340'), width: 1 };
    const scheme = window.matchMedia(LIGHT_SCHEME).matches ? 'light' : 'dark';
    const targetAlpha = TARGET_ALPHA[scheme];
    const palette = COLOURS[scheme];
    const halo = themed('--bb-bg', '#0d1117');
    // Each line in the colour and marker of its style slot; targets are bands, not points, each
    // narrower than the one drawn before it (see targetBandsPx).
    const order = drawOrder(series.lines);
    const targets = goalTargets(series.lines);
    const labelOf = (i: number) => {
      const target = targets.get(i);
      return legendLabel(
        series.lines[i]!,
        personLocale(),
        target === undefined ? undefined : series.lines[target],
      );
    };
    const bandsPx = targetBandsPx(order.filter((i) => series.lines[i]!.target).length);
    let targetsDrawn = 0;
    const drawn = order.map((i) => {
      const line = series.lines[i]!;
      return {
        line,
        label: labelOf(i),
        colour: palette[line.styleSlot % palette.length]!,
        marker: line.target ? null : lineMarker(line.styleSlot),
        bandPx: line.target ? bandsPx[targetsDrawn++]! : 0,
      };
    });
    const yAxis = this.yAxisOf(series);
    // The x axis's labels as many as fit across the plot as it is laid out, measured in the axis's font.
    const measure = labelWidths(font);
    let laidOut: { key: string; axis: WeekAxis } | null = null;
    const xAxis = (u: uPlot, min: number, max: number): WeekAxis => {
      const room: AxisRoom = {
        plotPx: u.bbox.width ? u.bbox.width / uPlot.pxRatio : width - Y_AXIS_PX - PLOT_RIGHT_PX,
        leftPx: Y_AXIS_PX,
        rightPx: PLOT_RIGHT_PX,
      };
      const key = `${min} ${max} ${room.plotPx}`;
      if (laidOut?.key !== key)
        laidOut = { key, axis: weekAxis(series.x, min, max, room, measure, personLocale()) };
      return laidOut.axis;
    };
    // Each line's target's series, by the line's: uPlot's series are the drawn lines after the x values.
    const targetSeries = new Map<number, number>();
    order.forEach((i, k) => {
      const target = targets.get(i);
      if (target !== undefined) targetSeries.set(k + 1, order.indexOf(target) + 1);
    });
    const options: uPlot.Options = {
      width,
      height: PLOT_HEIGHT_PX,
      hooks: {
        // An axis that starts above zero is broken at its foot, as a drawn scale says so.
        draw: yAxis.min > 0 ? [(u) => drawAxisBreak(u, labels)] : [],
        // A line and its target share one legend entry (see mergeTargetEntries): a tap on it hides or
        // shows both, not the line alone with its band left behind.
        setSeries: [
          (u, seriesIdx, opts) => {
            const target = seriesIdx === null ? undefined : targetSeries.get(seriesIdx);
            if (target !== undefined && opts.show !== undefined)
              u.setSeries(target, { show: opts.show }, false);
          },
        ],
      },
      padding: [null, PLOT_RIGHT_PX, null, null],
      // Labels only: live values would read "--" until the pointer is over the chart.
      legend: {
        live: false,
        markers: {
          dash: (_, i) => (drawn[i - 1]?.line.target ? 'dashed' : 'solid'),
          fill: (_, i) => {
            const { line, colour } = drawn[i - 1]!;
            return line.target ? `${colour}${alphaHex(targetAlpha)}` : colour;
          },
        },
      },
      series: [
        {},
        ...drawn.map(({ label, colour, marker, bandPx }) =>
          !marker
            ? {
                label,
                stroke: colour,
                width: bandPx,
                alpha: targetAlpha,
                dash: [10, 5],
                points: { show: true, size: 14, width: 0, fill: colour, paths: targetPoints },
              }
            : {
                label,
                class: `marker-${marker.shape}${marker.holeScale > 0 ? '-ring' : ''}`,
                stroke: colour,
                width: 2,
                points: {
                  show: true,
                  // uPlot's size is across the fill and its ring.
                  size: marker.sizePx + MARKER_HALO_PX,
                  width: MARKER_HALO_PX,
                  stroke: halo,
                  fill: colour,
                  paths: shapedPoints(marker, (seriesIdx) => drawn[seriesIdx - 1]?.marker ?? null),
                  filter: thinnedPoints,
                },
              },
        ),
      ],
      axes: [
        {
          stroke: labels,
          font,
          grid,
          ticks: grid,
          size: X_AXIS_PX,
          splits: (u, _axis, min, max) => xAxis(u, min, max).ticks,
          values: (u, ticks) => {
            const axis = xAxis(u, u.scales.x!.min!, u.scales.x!.max!);
            return ticks.map((t) => axis.labels[axis.ticks.indexOf(t)] ?? '');
          },
        },
        {
          stroke: labels,
          font,
          grid,
          ticks: grid,
          size: Y_AXIS_PX,
          // In the digits and decimal point of the words around them (uPlot's own follow the browser's language).
          values: (_u, splits) => splits.map((v) => v.toLocaleString(personLocale())),
          splits: () => [...yAxis.ticks],
        },
      ],
      scales: {
        x: { time: true, range: weekRange(series.x) },
        // Room above the top tick and below zero for half the largest marker and its halo: a value at
        // either is drawn whole inside the plot. The ticks stay where they are (see splits).
        y: {
          range: (u) =>
            withMarginPx(
              yAxis,
              u.bbox.height ? u.bbox.height / uPlot.pxRatio : PLOT_HEIGHT_PX - X_AXIS_PX,
              LARGEST_MARKER_PX / 2 + MARKER_HALO_PX,
            ),
        },
      },
    };
    const data = [
      series.x as number[],
      ...drawn.map(({ line }) => line.values as (number | null)[]),
    ] as uPlot.AlignedData;
    this.plot = new uPlot(options, data, target);
    mergeTargetEntries(
      this.plot.root,
      order.map((i) => ({ index: i, target: targets.get(i) ?? null })),
    );
  }
}

/** Over a plot whose axis starts above zero, that it does: its lines lie nearer zero than they look. */
function scaleNote(axis: Pick<ValueAxis, 'min'>): string | null {
  return axis.min > 0 ? `The scale starts at ${axis.min.toLocaleString(personLocale())}, not at zero.` : null;
}

/** Half the width of the axis break's strokes, and the gap between them, px. */
const BREAK_HALF_PX = 6;
const BREAK_GAP_PX = 4;

/**
 * The break of an axis that does not start at zero: two short slanted strokes across the foot of the
 * plot's left edge, where the scale below its first tick is left out, as a drawn chart marks it.
 */
function drawAxisBreak(u: uPlot, colour: string): void {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const x = u.bbox.left;
  const y = u.bbox.top + u.bbox.height;
  const half = BREAK_HALF_PX * r;
  const gap = BREAK_GAP_PX * r;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * r;
  for (const dy of [-gap / 2, gap / 2]) {
    ctx.beginPath();
    ctx.moveTo(x - half, y + dy + half / 2);
    ctx.lineTo(x + half, y + dy - half / 2);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * One legend entry for a line and its target: the target's box (its band, pale and dashed) beside the
 * line's marker, and the target's own entry hidden (its value, in the first week, is in the line's
 * label: see legendLabel). `drawn` is the series in uPlot's order, each with the index of its target.
 */
function mergeTargetEntries(
  root: HTMLElement,
  drawn: readonly { index: number; target: number | null }[],
): void {
  // The x series has a row of its own only when the legend's values are live: here, none.
  const rows = [...root.querySelectorAll<HTMLElement>('.u-legend .u-series')];
  drawn.forEach(({ target }, k) => {
    if (target === null) return;
    const targetRow = rows[drawn.findIndex((d) => d.index === target)];
    const lineHead = rows[k]?.querySelector('th');
    const band = targetRow?.querySelector('.u-marker');
    if (!targetRow || !lineHead || !band) return;
    const box = band.cloneNode(true) as HTMLElement;
    box.classList.add('band');
    lineHead.prepend(box);
    targetRow.classList.add('named-with-line');
  });
}

/** A label's width in `font`, px: its longest line's, as the canvas measures it. */
function labelWidths(font: string): (label: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = font;
  const widths = new Map<string, number>();
  return (label) => {
    let width = widths.get(label);
    if (width === undefined) {
      width = Math.max(
        ...label.split('\n').map((line) => context?.measureText(line).width ?? line.length * 9),
      );
      widths.set(label, width);
    }
    return width;
  };
}

/**
 * Under a week's row, what it did that the chart leaves out, across the columns: a column of its own
 * pushed the table past a phone's edge, its words wrapped a word a line.
 */
function notChartedRow(notCharted: string | null | undefined, columns: number) {
  if (!notCharted) return nothing;
  return html`<tr class="not-charted"><td colspan=${columns}>${NOT_CHARTED}: ${notCharted}</td></tr>`;
}

/**
 * One row for a stretch of weeks with nothing, across the table: its words are kept in the box's
 * width and at its left, where a cell beside the week's date ran past a phone's edge.
 */
function noSessionsRow(
  series: ChartSeries,
  { newest, oldest }: Extract<NumbersRow, { kind: 'none' }>,
  columns: number,
) {
  const date = (i: number) => weekDate(series.x[i]!, true, personLocale());
  return html`<tr class="no-sessions">
    <th scope="row" colspan=${columns + 1}><span>${noSessionsText(date(newest), date(oldest), newest - oldest + 1)}</span></th>
  </tr>`;
}

function onlyWholeNumbers(series: ChartSeries): boolean {
  return series.lines.every((line) => line.values.every((v) => v === null || Number.isInteger(v)));
}

/**
 * uPlot's points are circles: these are the marker's shape, its fill `sizePx` across, inside the
 * halo uPlot's `size` adds round it; a ring's hole traced the other way round (see ringPath), so that
 * the fill leaves it empty and the halo rings it too.
 */
function shapedPoints(
  marker: Marker,
  markerOf: (seriesIdx: number) => Marker | null,
): uPlot.Series.Points.PathBuilder {
  const corners = shapeCorners(marker.shape);
  return (u, seriesIdx, idx0, idx1, filtIdxs) => {
    const points = u.series[seriesIdx]?.points;
    const across = ((points?.size ?? marker.sizePx) - (points?.width ?? 0)) * uPlot.pxRatio;
    const path = new Path2D();
    const xs = u.data[0];
    const ys = u.data[seriesIdx] ?? [];
    const shownMarked = markedByShownLines(u, markerOf);
    const own = shownMarked.findIndex((line) => line.seriesIdx === seriesIdx);
    const trace = (i: number) => {
      const value = ys[i];
      if (value === null || value === undefined) return;
      const week = shownMarked.map(({ seriesIdx: s, marked, sizePx }) => {
        const v = u.data[s]?.[i];
        return { yPx: marked.has(i) && v !== null && v !== undefined ? u.valToPos(v, 'y') : null, sizePx };
      });
      // uPlot clips no points to the plot: the room either side of the week keeps them in it.
      const weekPx = u.valToPos(xs[i]!, 'x');
      const room = { leftPx: weekPx, rightPx: u.bbox.width / uPlot.pxRatio - weekPx };
      const aside = own < 0 ? 0 : (sideBySidePx(week, SIDE_BY_SIDE_GAP_PX, room)[own] ?? 0);
      const x = u.valToPos(xs[i]!, 'x', true) + aside * uPlot.pxRatio;
      const y = u.valToPos(value, 'y', true);
      const outline = (width: number, clockwise: boolean) => {
        if (corners.length === 0) {
          path.moveTo(x + width / 2, y);
          path.arc(x, y, width / 2, 0, 2 * Math.PI, !clockwise);
          return;
        }
        (clockwise ? corners : [...corners].reverse()).forEach(([cx, cy], j) => {
          const px = x + (cx - 0.5) * width;
          const py = y + (cy - 0.5) * width;
          if (j === 0) path.moveTo(px, py);
          else path.lineTo(px, py);
        });
        path.closePath();
      };
      outline(across, true);
      if (marker.holeScale > 0) outline(across * marker.holeScale, false);
    };
    if (filtIdxs) filtIdxs.forEach(trace);
    else for (let i = idx0; i <= idx1; i++) trace(i);
    return { stroke: path, fill: path };
  };
}

/** Between two markers of one week set side by side (see sideBySidePx), px. */
const SIDE_BY_SIDE_GAP_PX = 2;

/**
 * The lines shown (not hidden from the legend) that have markers: each with the weeks it marks and its
 * marker's box with its halo, for setting one week's markers side by side.
 */
function markedByShownLines(u: uPlot, markerOf: (seriesIdx: number) => Marker | null) {
  return u.series.flatMap((series, seriesIdx) => {
    const marker = seriesIdx === 0 || series.show === false ? null : markerOf(seriesIdx);
    if (!marker) return [];
    const marked = new Set(pointsMarked(u, seriesIdx));
    return [{ seriesIdx, marked, sizePx: marker.sizePx + 2 * MARKER_HALO_PX }];
  });
}

/** A marker only where there is room for one: the line's latest point at least (see markedPoints). */
const thinnedPoints: uPlot.Series.Points.Filter = (u, seriesIdx) => pointsMarked(u, seriesIdx);

function pointsMarked(u: uPlot, seriesIdx: number): number[] {
  return markedPoints(
    Array.from(u.data[0], (x) => u.valToPos(x, 'x')),
    u.data[seriesIdx] ?? [],
    MIN_MARKER_GAP_PX,
  );
}

/**
 * A target's point: a short stretch of its band, wider than the markers, so that a week's target shows
 * on both sides of the point it is the goal of when the two are the same (a first week, or a week
 * alone between gaps), where a dot of it lay hidden under the point and the legend named nothing seen.
 */
const TARGET_POINT_WIDE_PX = 30;
const targetPoints: uPlot.Series.Points.PathBuilder = (u, seriesIdx, idx0, idx1) => {
  const path = new Path2D();
  const xs = u.data[0];
  const ys = u.data[seriesIdx] ?? [];
  const wide = TARGET_POINT_WIDE_PX * uPlot.pxRatio;
  // As thick as the target's band.
  const thick = (u.series[seriesIdx]?.width ?? 0) * uPlot.pxRatio;
  for (let i = idx0; i <= idx1; i++) {
    const value = ys[i];
    if (value === null || value === undefined) continue;
    const x = u.valToPos(xs[i]!, 'x', true);
    const y = u.valToPos(value, 'y', true);
    path.rect(x - wide / 2, y - thick / 2, wide, thick);
  }
  // uPlot clips no points to the plot: a stretch round the first week or the last, on a plot a few
  // weeks across a phone, would lie over the axis's numbers or past the plot's right edge. Above and
  // below, the band's whole thickness stays, as its line's does, for a target at the top of the axis.
  const { left, top, width, height } = u.bbox;
  const plot = new Path2D();
  plot.rect(left, top - thick / 2, width, height + thick);
  return { stroke: path, fill: path, clip: plot };
};

/**
 * The lines' indices in the order they are drawn (uPlot draws, and lists in its legend, in series
 * order): each target just before the line it is the goal of, so that line is drawn over it.
 */
function drawOrder(lines: ChartSeries['lines']): number[] {
  const order: number[] = [];
  lines.forEach((line, i) => {
    if (line.target && i > 0 && !lines[i - 1]!.target) return;
    if (lines[i + 1]?.target) order.push(i + 1);
    order.push(i);
  });
  return order;
}

/**
 * Charts draw one after another, each in a task of its own, so that opening the history (all its charts
 * at once) never holds up a frame for all of them together.
 */
let drawing: Promise<void> = Promise.resolve();

/** The next task: a message to ourselves, which neither timers' throttling nor a test's fake clock holds back. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-progress-chart': BbProgressChart;
  }
}
