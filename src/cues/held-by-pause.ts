// The lines a pause's answer cuts off or drops, kept aside to be said whole once the session goes on.
// No speech engine here: it reads the line being said and those waiting.

import type { Topic } from './cue.ts';
import type { HandedLine, Line, WaitingLines } from './waiting-lines.ts';

export class HeldByPause {
  /**
   * The lines a pause's answer cut off or dropped still waiting, not yet heard whole (a first set's one
   * point, how its exercise is done): said after the line the session goes on with, once, whole;
   * dropped where it does not go on (see keep).
   */
  private held: Line[] = [];

  /**
   * Keeps aside the lines a pause's answer makes moot for now (a line of the topic 'pause', of the
   * topics it `ends`), being said (`speaking`) or waiting, one of each topic, whole: "Paused" is the
   * last line heard while the session waits, and the point a pause tapped as the first set was named
   * cut off was never heard after Resume, nor how the exercise is done, the 14 s a new person needs
   * before "Go". Drops a line kept aside where what comes makes it moot: a newer line of its topic, one
   * that ends its topic other than a pause's answer (a count ends how it is done), or an announcement
   * that cuts everything off (the session's end, a set skipped on to), and not the line the session
   * goes on with.
   */
  keep(how: HandedLine, speaking: Line | null, waiting: WaitingLines): void {
    const endsKept = (topic: Topic | null) => topic !== null && how.ends?.includes(topic) === true;
    if (how.topic === 'pause') {
      const being = speaking && endsKept(speaking.topic) ? [speaking] : [];
      // Those an earlier answer of the same pause keeps stay kept: the device given up for lost is
      // said over "Paused: connection lost", which cut them off.
      const lines = [...this.held, ...being, ...waiting.filter((line) => endsKept(line.topic))];
      // What is left waiting of the line being said, a sentence at a time, is the same line.
      this.held = lines
        .filter((line, i) => lines.findIndex((first) => first.topic === line.topic) === i)
        .map(({ whole, ...line }) => ({ ...line, text: whole ?? line.text }));
      return;
    }
    const goesOn = how.ends?.includes('pause') === true;
    this.held = this.held.filter(
      (line) =>
        !endsKept(line.topic) &&
        !(how.topic !== null && how.topic === line.topic) &&
        !(how.interrupt && !how.reply && !goesOn),
    );
  }

  /**
   * The lines to say after the line `how` was handed over with, none kept after: those kept aside,
   * where the session goes on after the pause (a line that ends the topic 'pause').
   */
  linesAfter(how: Pick<HandedLine, 'ends'>): Line[] {
    if (!how.ends?.includes('pause')) return [];
    const lines = this.held;
    this.held = [];
    return lines;
  }

  /** Forgets all: the voice was silenced. */
  forget(): void {
    this.held = [];
  }
}
