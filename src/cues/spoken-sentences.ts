// How a line said a sentence at a time splits into sentences, and which of the sentences of where to
// lie and how a rest said were heard to their end: pure, so that what is said again after a pause is
// tested without a voice.

/**
 * The sentences a line said a sentence at a time is said in, one after another: a long sentence's
 * clauses, split at a semicolon, count as sentences of their own.
 */
export function spokenSentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+/);
}

/** A sentence without the full stop (or mark) it ends with, where it has one. */
export function bare(sentence: string): string {
  return sentence.replace(/[.!?]+$/, '');
}

/** Sentences of where to lie and how said in a rest, and those heard to their end (see bare). */
export interface HowSaid {
  readonly sentences: readonly string[];
  readonly heard: Set<string>;
}

/**
 * Of where to lie and how, said again as `text` after the rest that said them (`said`), the same
 * sentences from the first the person did not hear to its end, and before it where the voice, slower
 * than the planner reckons, had not finished one it took as heard; "" where all were heard. `text`
 * as it is where it is not the end of what the rest said (the rest said the position alone).
 */
export function unheardOf(said: HowSaid, text: string): string {
  const sentences = spokenSentences(text);
  const from = said.sentences.length - sentences.length;
  const same = from >= 0 && sentences.every((sentence, i) => said.sentences[from + i] === sentence);
  return same ? fromFirstUnheard(said) : text;
}

/**
 * What `said` holds from its first sentence not heard to its end, up to its sentence `to` (all of
 * them where not given); "" where all before it were.
 */
export function fromFirstUnheard(said: HowSaid, to = said.sentences.length): string {
  const unheard = said.sentences.findIndex((sentence) => !said.heard.has(bare(sentence)));
  return unheard < 0 || unheard >= to ? '' : said.sentences.slice(unheard, to).join(' ');
}

/**
 * Where `sentences` stand in a row among the sentences `said`: the first one's place, or -1. The last
 * of a line has no full stop, which the same sentence has inside a longer one.
 */
export function runIn(said: HowSaid, sentences: readonly string[]): number {
  for (let from = 0; from + sentences.length <= said.sentences.length; from++) {
    if (sentences.every((sentence, i) => bare(said.sentences[from + i]) === bare(sentence))) return from;
  }
  return -1;
}
