// What the voice keeps of where to lie and how the next exercise is done, as a rest says it (its
// 'rest-how' line, see LineRole): the sentences heard to their end, and what a number of the countdown
// or a pause's answer cut off, to be said once, and not twice, after the line the rest goes on with or
// the set's. No speech engine here: it reads and changes the lines waiting, and is told what was heard.

import {
  bare,
  fromFirstUnheard,
  type HowSaid,
  runIn,
  spokenSentences,
  unheardOf,
} from './spoken-sentences.ts';
import { type HandedLine, isRestHow, type Line, type WaitingLines } from './waiting-lines.ts';

export class RestHowMemory {
  /**
   * What a number of a rest's countdown cut off or dropped of how the next exercise is done (a
   * 'rest-how' line), from the sentence under way: said after the line the set begins with (a
   * 'set-after-rest-how' line), once; dropped by any other line that cuts off what is said (see
   * keepCut).
   */
  private cutByCountdown: Line | null = null;
  /**
   * What a pause's answer cut off or dropped of a 'rest-how' line, from the sentence under way:
   * said right after the line the rest goes on with, where the planner, reckoning the voice's pace,
   * had the rest go on with none of it (a voice slower than it reckons had not finished); after the
   * set's line, as cutByCountdown is, where too little of the rest is left for it (see waitForSet).
   * Dropped as cutByCountdown is.
   */
  private cutByPause: Line | null = null;
  /**
   * When (performance.now()) the countdown or the set cuts off what the rest gone on with after a
   * pause says, as the line it goes on with ('rest-goes-on' or 'rest-time-left') was handed over, and
   * until the next line is: what the pause cut off, and the 'rest-how' line that follows it, have that
   * room, and a sentence that would not end in it follows the set's line (see waitForSet). Begun
   * without, the elbow plank's "Keep your back straight, eyes down" was cut off by "five".
   */
  private restGoesOnUntilMs: number | null = null;
  /**
   * Where to lie and how the next exercise is done, as the rest's 'rest-how' line said it: its
   * sentences, and those heard to their end. The line the rest goes on with after a pause says them
   * again from the first not heard, where the planner, reckoning the voice's pace, had it from a
   * sentence heard whole (a faster voice) or after one cut off (a slower one). Forgotten as the set
   * begins, or as anything else ends the rest.
   */
  private howSaid: HowSaid | null = null;
  /**
   * The rest's howSaid as the set's line ended the rest, for the set's own line of where to lie and
   * how that follows it ('set-how-after-rest'), its one point alone between: any other line forgets it.
   */
  private howSaidInRest: HowSaid | null = null;

  /**
   * What of `text`, handed over at `nowMs`, to say ("" for nothing), and when the countdown or the set
   * cuts it off (null where nothing does): where to lie and how, said again, from the first sentence
   * not heard (see unheardOfHow and unheardOf); any other line as it is.
   */
  toSay(
    text: string,
    { topic, role }: Pick<HandedLine, 'topic' | 'role'>,
    waiting: WaitingLines,
    nowMs: number,
  ): { readonly text: string; readonly untilMs: number | null } {
    const untilMs = role?.kind === 'rest-how' ? this.restGoesOnUntilMs : null;
    this.restGoesOnUntilMs =
      role?.kind === 'rest-goes-on' || role?.kind === 'rest-time-left' ? nowMs + role.roomMs : null;
    const inRest = this.howSaidInRest;
    if (topic !== 'point') this.howSaidInRest = null;
    if (role?.kind === 'rest-how') return { text: this.unheardOfHow(text, waiting), untilMs };
    if (role?.kind === 'set-how-after-rest' && inRest) return { text: unheardOf(inRest, text), untilMs };
    return { text, untilMs };
  }

  /**
   * Keeps aside what a number of the countdown (an interrupting line of the topic 'time') cuts off or
   * drops of a 'rest-how' line: what is left of it from the sentence under way (`speaking`), which was
   * not heard to its end, or all of it where it still waited. The numbers after the first keep it, and
   * so do a pause in the countdown, the line the rest goes on with after it, and a count: until the
   * 'set-after-rest-how' line moves it on, a count is of the set before, put right in the rest, not
   * the person moving. "Pause, lower slowly, switch sides", cut off by "five", was never said where the
   * person paused at "four", or tapped +1. Any other line that cuts off what is said drops it (the
   * session's end, a set skipped on to from a pause).
   */
  keepCut(how: HandedLine, speaking: Line | null, waiting: WaitingLines): void {
    const setAfterRestHow = how.role?.kind === 'set-after-rest-how';
    const being = isRestHow(speaking) ? speaking : null;
    const cut = () => being ?? waiting.find(isRestHow) ?? null;
    // The set's line cuts it off too where the rest ran out before a countdown: gone on with after a
    // pause with 5 s left, what the pause had cut was begun behind the time left and cut off again.
    if (how.interrupt && (how.topic === 'time' || setAfterRestHow)) {
      this.cutByCountdown ??= cut();
    } else if (how.topic === 'pause') {
      // What the countdown cut is kept as it is; nothing else of the line is being said then.
      if (how.interrupt && !this.cutByCountdown) this.cutByPause ??= cut();
    } else if (how.topic === 'count' || (how.ends?.includes('pause') && !how.ends.includes('how'))) {
      return;
    } else if ((how.interrupt && !setAfterRestHow) || how.ends?.includes('how')) {
      this.forgetCuts();
      this.howSaidInRest = this.howSaid;
      this.howSaid = null;
    }
  }

  /**
   * The lines to say after the line `how` was handed over with: what a pause cut off, after the line
   * the rest goes on with; how the exercise is done, as far as the countdown cut it off, after the
   * line the set begins with, as a line of how it is done that a first count makes moot.
   */
  linesAfter(how: Pick<HandedLine, 'ends' | 'role'>): Line[] {
    const after: Line[] = [];
    if (this.cutByPause && how.ends?.includes('pause')) {
      const { untilMs: _before, ...cut } = this.cutByPause;
      const untilMs = this.restGoesOnUntilMs;
      after.push(untilMs === null ? cut : { ...cut, untilMs });
      this.cutByPause = null;
    }
    if (how.role?.kind !== 'set-after-rest-how') return after;
    if (this.cutByCountdown) {
      // A line of its own from here: a pause that cuts it off says it again from the sentence the
      // countdown cut, not from the rest's first.
      const { role: _once, whole: _rest, untilMs: _cutOff, ...cut } = this.cutByCountdown;
      after.push({ ...cut, topic: 'how', bySentence: true });
      this.cutByCountdown = null;
    }
    this.howSaid = null;
    return after;
  }

  /**
   * Keeps `line`, what a pause cut off, for after the set's line: begun with too little of the rest
   * left, it was cut off again by the set's line and said whole after it, its opening heard twice.
   */
  waitForSet(line: Line): void {
    const { untilMs: _cutOff, ...cut } = line;
    this.cutByCountdown ??= cut;
  }

  /**
   * `sentence` of a 'rest-how' line was heard to its end, not cut off: said again after a pause it
   * would be heard twice (see unheardOfHow).
   */
  heard(sentence: string): void {
    this.howSaid?.heard.add(bare(sentence));
  }

  /** Forgets all: the voice was silenced. */
  forget(): void {
    this.forgetCuts();
    this.howSaid = null;
    this.howSaidInRest = null;
  }

  private forgetCuts(): void {
    this.cutByCountdown = null;
    this.cutByPause = null;
  }

  /**
   * What to say of where to lie and how the next exercise is done (a 'rest-how' line): the whole
   * of a rest's first; of one the rest goes on with after a pause, the same sentences from the first
   * the person did not hear to its end, up to its own last, "" where they heard them all. What a
   * pause or the countdown kept of it is said here, not again after the line the rest goes on with or
   * the set's: where the rest goes on with fewer sentences than it said, for want of room, the set
   * says those after them. Said whole after that line, what the pause cut off of the bird dog said
   * "Hands under shoulders" a second time, after "And the opposite leg back", and "five" cut it off.
   */
  private unheardOfHow(text: string, waiting: WaitingLines): string {
    const said = this.howSaid;
    const sentences = spokenSentences(text);
    const from = said ? runIn(said, sentences) : -1;
    if (said === null || from < 0) {
      this.howSaid = { sentences, heard: new Set() };
      return text;
    }
    this.forgetCuts();
    waiting.drop(isRestHow);
    return fromFirstUnheard(said, from + sentences.length);
  }
}
