// Numbers, durations and sentences in the words the voice says them with, and how long a line takes
// to say.

import { capitalised } from '../workout/set-words.ts';

/**
 * Milliseconds a voice takes per character of a line at rate 1: about twelve characters a second, on
 * the slow side, so that a line judged to fit in a rest is heard to its end.
 */
export const SPOKEN_MS_PER_CHAR = 80;

/** How long `text` takes to say at `speechRate`, as SPOKEN_MS_PER_CHAR estimates it. */
export function spokenMs(text: string, speechRate: number): number {
  return (text.length * SPOKEN_MS_PER_CHAR) / speechRate;
}

/**
 * The sentences of one of the program's texts, each without its full stop. Split at a full stop, a
 * question or an exclamation mark as the voice splits a line (see spokenSentences), not at a
 * semicolon, which no text of where to lie or how has and sentences() would leave before its stop.
 */
export function textSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.replace(/[.\s]+$/, ''))
    .filter((sentence) => sentence !== '');
}

/**
 * Joins phrases into sentences, each begun with a capital ("Superman, set one of three. Ten reps"): a
 * phrase made to go on a line ("ten reps", "three done") may begin one, and the screen reader's copy
 * shows it so. The program's texts end with their own full stop.
 */
export function sentences(parts: readonly string[]): string {
  return parts.map((part) => capitalised(part.replace(/[.\s]+$/, ''))).join('. ');
}

export function plural(n: number, unit: string): string {
  return `${spokenNumber(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/** "Two minutes", "one minute thirty seconds", "forty-five seconds". */
export function spokenDuration(totalS: number): string {
  const s = Math.max(0, Math.round(totalS));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(plural(minutes, 'minute'));
  if (seconds > 0 || minutes === 0) parts.push(plural(seconds, 'second'));
  return parts.join(' ');
}

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];

const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * Numbers as words, so every voice says "three" the same way (some read a bare "3" oddly, or as
 * "third"). Beyond 99 the digits are left to the voice.
 */
export function spokenNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return ONES[n];
  const tens = TENS[Math.floor(n / 10)];
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}
