/**
 * How many lines `words` take where they are first written inside `element` (its shadow root not
 * included), written in one text or across the texts of the spans they are set in.
 */
export function linesOf(element: Element, words: string): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const at = texts
    .map((text) => text.data)
    .join('')
    .indexOf(words);
  if (at < 0) throw new Error(`${words} is not written in the element`);
  // Each text's own part of the words: a range round a whole span would measure its box, not its lines.
  const tops = new Set<number>();
  let start = 0;
  for (const text of texts) {
    const from = Math.max(at, start);
    const to = Math.min(at + words.length, start + text.length);
    if (from < to) {
      const range = document.createRange();
      range.setStart(text, from - start);
      range.setEnd(text, to - start);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    start += text.length;
  }
  return tops.size;
}
