// A progress chart's numbers, the table read in place of the plot: its rows, newest first (a row a
// week that has something to read, and one row for each stretch of weeks with nothing, months away
// from the mat, which a row of dashes a week made a screen reader read out week by week), and its
// cells' numbers. Rules over the series alone, apart from the chart's rendering, so that they are
// tested without a browser.

import type { ChartSeries } from '../store/progress.ts';

/** A week's row, by its index in the series, or a stretch of weeks with nothing, from its newest to its oldest. */
export type NumbersRow =
  | { readonly kind: 'week'; readonly index: number }
  | { readonly kind: 'none'; readonly newest: number; readonly oldest: number };

/**
 * The rows of `series`'s numbers, newest first. A week with no value in any line and nothing said of
 * it (see ChartSeries.notCharted) joins the weeks with nothing next to it in one row.
 */
export function numbersRows(series: Pick<ChartSeries, 'x' | 'lines' | 'notCharted'>): NumbersRow[] {
  const rows: NumbersRow[] = [];
  for (let index = series.x.length - 1; index >= 0; index -= 1) {
    const empty =
      !series.notCharted?.[index] && series.lines.every((line) => (line.values[index] ?? null) === null);
    const last = rows.at(-1);
    if (!empty) rows.push({ kind: 'week', index });
    else if (last?.kind === 'none') rows[rows.length - 1] = { ...last, oldest: index };
    else rows.push({ kind: 'none', newest: index, oldest: index });
  }
  return rows;
}

/**
 * What the row of a stretch of `weeks` with nothing says, from the week of `newest` back to that of
 * `oldest`, newest first as the rows are.
 */
export function noSessionsText(newest: string, oldest: string, weeks: number): string {
  return weeks === 1
    ? `${newest}: no sessions with this`
    : `${newest} back to ${oldest}: no sessions with this in these ${weeks} weeks`;
}

/** The decimal places of a column: as many as its most precise number, so that its numbers line up. */
export function decimalPlaces(values: readonly (number | null)[]): number {
  return values.reduce<number>(
    (most, v) => Math.max(most, v === null ? 0 : (String(v).split('.')[1]?.length ?? 0)),
    0,
  );
}

/** A cell's number to its column's decimal places; a dash for a week without one. */
export function formatCell(value: number | null, decimals: number): string {
  return value === null ? '–' : value.toFixed(decimals);
}
