// What a cue is (a line to say, a tone or a buzz) and the kinds of line the planner makes: each says
// what it is news of and what it makes moot, which is how the voice treats it (see Speech.say).

/** 'form': something to put right (a form warning, or the wrong position for the set). */
export type ToneKind = 'rep' | 'hold-start' | 'hold-end' | 'rest-end' | 'session-end' | 'form';

/**
 * What a spoken line is news of: a newer line of the same topic says what is true now, and one still
 * waiting to be said is dropped for it ("three" after "four", or "you seem to be face down" once the
 * person is in position, would mislead). A position line of where to be is said a sentence at a time
 * (`bySentence`), and what is left of it is dropped for a newer one: how to lie is moot once the person
 * is in position, but half a sentence broken off is heard as a fault, so the one under way ends first.
 * A count is short and is heard to its end.
 * 'how' is how a new exercise is done (with where to lie), said after its first set's line, a sentence
 * at a time: "In position. Go." waits for it, or "Go" where no device sees the position and the set
 * begins at once; a person new to the exercise must hear the movement before going, but a rep counted
 * makes what is left of it moot, the person is doing it, and their count comes at the end of the
 * sentence under way, not after the whole of it; a count they tapped comes at once (see countTapped).
 * 'time' is the clock of a hold or a rest ("fifteen seconds", "four"): true only in the second it
 * names, so one the voice is not free to say by then is dropped, not said late against the ring.
 * 'last-set' is the set just done, its count put right from the set after it (no rest between): news
 * of that set, not of the counts of the set under way, so neither takes the place of the other; a
 * second tap's line still takes the place of the first's.
 * 'point' is an exercise's one point, said before its first set: a newer one, of the next exercise, takes
 * the place of one still waiting, of an exercise skipped before it began.
 * 'pause' is the answer to a tap that paused the session ("Paused", "Paused. End the session?"),
 * or why the app paused it ("Paused: connection lost"): moot once the session goes on, being said or
 * waiting. The line it goes on with cuts it off, as the
 * person has answered it, and is heard at once: in a rest, "Rest goes on: six seconds left" said
 * behind the question was heard 1.4 s late, with four seconds left.
 */
export type Topic = 'count' | 'position' | 'how' | 'time' | 'last-set' | 'point' | 'pause';

/**
 * The part a line plays where a rest says where to lie and how the next exercise is done, before its
 * first set: the rest's countdown, a pause's answer and the set's first line share the voice with
 * those sentences, and what they cut off of them is said later, not lost, and what was heard to its
 * end is not said again. A line with a role is said as any other line is (its topic, `interrupt`,
 * `ends` and the rest), but for what its role adds here; no two roles go on one line.
 */
export type LineRole =
  /**
   * Where to lie and how the next exercise is done, the last line of the rest before its first set,
   * said a sentence at a time. What a number of the countdown cuts off or drops of it, from the
   * sentence under way, is said after the set's 'set-after-rest-how' line; what a pause's answer cuts
   * off, after the line the rest goes on with (see 'rest-goes-on'). Said again as the rest goes on after
   * a pause, it says only what was not heard to its end, from the first such sentence to its own
   * last, and nothing where all was; what the countdown or the pause kept of it is then said here, not
   * again later, where the rest goes on with fewer sentences than it said as with all of them. The
   * rest's line is made to end before "five" at SPOKEN_MS_PER_CHAR; a slower voice (some ten characters
   * a second) had the bird dog's "And the opposite leg back. Both level with the floor. Pause, lower
   * slowly, switch sides" cut off by "five" and never said.
   */
  | { readonly kind: 'rest-how' }
  /**
   * The line a first set begins with after the rest that said how it is done, at its countdown's end
   * or gone on with from a pause it was skipped on to in: it cuts off what is left of the rest's
   * 'rest-how' line as a number of the countdown does, and what the countdown cut off of that line, or
   * a pause with too little of the rest left for it, follows it, said a sentence at a time as a line of
   * the topic 'how'.
   */
  | { readonly kind: 'set-after-rest-how' }
  /**
   * Where to lie and how, said by a first set after the rest before it: only what the voice did not
   * hear to its end of the rest's 'rest-how' line, from the first sentence it did not hear, where the
   * rest ended with that line and only the set's line and its one point came between; the whole of it
   * otherwise. The planner reckons the voice's pace: paused 20 s into the rest before a new person's
   * bird dog, it took "Pause, lower slowly, switch sides" as cut off, and the set said "Reach one arm
   * forward" and the two after it again, heard whole.
   */
  | { readonly kind: 'set-how-after-rest' }
  /**
   * The line a rest goes on with after a pause, `roomMs` from now until the rest's countdown, or its
   * end where it has none, cuts off what is said: what the pause cut off of the 'rest-how' line
   * follows it where its first sentence ends by then, and otherwise after the set's line, as what the
   * countdown cuts off does; so does each sentence of the 'rest-how' line the rest goes on with after
   * it, from the first that would not end by then. With 5 s left, "Pause, lower slowly, switch sides"
   * was begun, cut off by the set's line at "swit" and said whole after it.
   */
  | { readonly kind: 'rest-goes-on'; readonly roomMs: number }
  /**
   * As 'rest-goes-on', where the line says the time left alone: a number of the countdown that comes
   * as it is said waits for its end (a second at most, see TIME_LINE_FRESH_MS) rather than cut it off.
   * Made to end before the countdown at SPOKEN_MS_PER_CHAR, it ran into it at some ten characters a
   * second, and "three" cut "Rest goes on: six seconds left" off 0.15 s before its end; the countdown
   * alone, the line left out, would leave the person who tapped Resume some 2.75 s of silence before it.
   */
  | { readonly kind: 'rest-time-left'; readonly roomMs: number };

export type Cue =
  /**
   * `interrupt` drops the announcements still queued or being said: the countdown and the next set
   * must not wait behind a long instruction, and a form warning matters more than the rest's news. A
   * reply (a count, the answer to a tap) still waiting is said first: the person must hear it taken.
   */
  | {
      readonly kind: 'say';
      readonly text: string;
      readonly interrupt: boolean;
      /** What it is news of: the voice drops it, if still waiting, for a newer line of the topic. */
      readonly topic?: Topic;
      /**
       * It answers what the person just did (a rep counted, a tap taken, a form problem), or tells of
       * the devices while they tap (one out of reach or back): the voice says it before the
       * announcements waiting, and no interrupting line drops it (see Speech.say).
       */
      readonly reply?: true;
      /**
       * The topics whose waiting lines it makes moot: a hold's time call still waiting when its "Done"
       * comes names a time the hold never reached, or one "Done" tells again; "In position. Go." still
       * waiting when a rep is counted tells the person to start what they are doing, and how to do it
       * what they are doing.
       */
      readonly ends?: readonly Topic[];
      /**
       * Said a sentence (or a clause of a long one) at a time, so that a newer line of its topic, or
       * one that ends it, drops what is left of it without breaking off the sentence under way: where
       * to lie, which "In position. Go." makes moot, and how the exercise is done, which a count does.
       */
      readonly bySentence?: true;
      /**
       * Heard though a reply interrupts, waiting or being said: an exercise's one point, said as its
       * first set begins, where a +1 tapped or a form warning while the set was named dropped it
       * with the set's line and "Go", which are moot once the person is moving; the point is not.
       * One being said is said again after the reply, which is heard at once (see Speech.say).
       */
      readonly kept?: true;
      /**
       * The count a tap of +1 or −1 asked for, said over what is being said: a kept line waits for
       * the taps to stop, not begun between two of them to be cut off by the next (see Speech.say).
       */
      readonly tap?: true;
      /**
       * The part it plays where a rest says how the next exercise is done, before its first set (see
       * LineRole); none for any other line.
       */
      readonly role?: LineRole;
    }
  | { readonly kind: 'tone'; readonly tone: ToneKind }
  | { readonly kind: 'vibrate'; readonly patternMs: readonly number[] };

/** The parts of the user's settings the planner reads. */
export interface CueSettings {
  /** No speech and no tones; vibration follows its own switch. */
  readonly muted: boolean;
  readonly tones: boolean;
  readonly vibration: boolean;
  /** The voice's rate, 1 being its normal speed; 1 where not given. */
  readonly speechRate?: number;
  /**
   * The lines go to a screen reader's region (see Backbeat.lines$), shown the moment they come, not
   * said after what the voice is still saying: what a line names (the rest left, the time held) is as
   * it is then. Timed for the voice, "Rest goes on: twenty-five seconds left" stood beside a ring
   * showing 26 for as long as it was shown.
   */
  readonly readOnScreen?: boolean;
}

/**
 * Vibration patterns (ms on, off, on, …). Each is distinct by rhythm, so that a person who has muted
 * the phone can still tell a rep from the end of a rest by feel.
 */
export const VIBRATION: Readonly<Record<ToneKind, readonly number[]>> = {
  rep: [40],
  'hold-start': [200],
  'hold-end': [100, 80, 100],
  'rest-end': [300, 120, 300],
  'session-end': [600],
  form: [60, 60, 60, 60, 60],
};

export const say = (text: string, interrupt = false): Cue => ({ kind: 'say', text, interrupt });

/**
 * The count as it stands, after a rep or a correction: a reply that makes waiting position lines moot,
 * and what is left of how the exercise is done.
 * `interrupt` where it also makes moot the announcement that may be being said (see duringSet).
 */
export const sayCount = (text: string, interrupt = false, tap = false): Cue => ({
  kind: 'say',
  text,
  interrupt,
  topic: 'count',
  reply: true,
  ends: ['position', 'how'],
  ...(tap ? { tap: true } : {}),
});

export const sayPosition = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: false,
  topic: 'position',
});

/** Where to be, or how: said a sentence at a time, so that "In position. Go." breaks none off. */
export const sayWhere = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: false,
  topic: 'position',
  bySentence: true,
});

export const sayTime = (text: string): Cue => ({ kind: 'say', text, interrupt: false, topic: 'time' });

/**
 * The answer to what the person just did (a tap on Skip set or Pause, a form problem), heard at once
 * or right after the line being said; and news of the devices while the set or rest goes on (one out
 * of reach, one back), which no tapped count may cut off (see countTapped).
 */
export const sayReply = (text: string, interrupt = false): Cue => ({
  kind: 'say',
  text,
  interrupt,
  reply: true,
});

export const tone = (kind: ToneKind): Cue => ({ kind: 'tone', tone: kind });

export const vibrate = (kind: ToneKind): Cue => ({ kind: 'vibrate', patternMs: VIBRATION[kind] });
