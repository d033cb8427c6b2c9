// Whether the summary's table of sets has room for its four columns. Pure: the summary measures the
// box the table is in, and the width the four columns took where they did not fit it, and asks this.

/**
 * Four columns fit a box `boxPx` wide unless they were measured wider (`fourColumnsPx`, null until
 * they have overflowed a box): the width a table needs follows its words, the weights beside them and
 * the size of the person's text, which no width of the window can tell beforehand.
 */
export function fitsFourColumns(boxPx: number, fourColumnsPx: number | null): boolean {
  return fourColumnsPx === null || fourColumnsPx <= boxPx;
}
