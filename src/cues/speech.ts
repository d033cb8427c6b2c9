// The voice: the lines the coach says, one at a time, which wait, which are dropped and which cut off
// what is being said, over the browser's speech engine (SpeechEngine), which never throws here. The
// coach must keep counting on screen whatever the voice does.

import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';
import type { LineRole, Topic } from './cue.ts';
import { HeldByPause } from './held-by-pause.ts';
import { RestHowMemory } from './rest-how-memory.ts';
import { SpeechEngine, type SpeechHost } from './speech-engine.ts';
import {
  AT_ONCE_MS,
  allowedRate,
  endsAfter,
  keptWaitsMs,
  overdueMs,
  TIME_LINE_FRESH_MS,
} from './speech-timing.ts';
import { spokenSentences } from './spoken-sentences.ts';
import { spokenMs } from './spoken-words.ts';
import type { VoiceChoice } from './voice-choice.ts';
import {
  begun,
  firstSentenceOf,
  type HandedLine,
  isRestHow,
  type Line,
  WaitingLines,
} from './waiting-lines.ts';

export type { SpeechHost } from './speech-engine.ts';
export type { VoiceChoice } from './voice-choice.ts';

/** How a line is said (see Speech.say): a spoken cue's own fields. */
export interface HowToSay {
  readonly interrupt?: boolean;
  readonly topic?: Topic | null;
  readonly ends?: readonly Topic[] | null;
  readonly reply?: boolean;
  readonly bySentence?: boolean;
  readonly kept?: boolean;
  /** The count a tap asked for (see keptWaitsMs). */
  readonly tap?: boolean;
  /** Its part where a rest says how the next exercise is done (see LineRole). */
  readonly role?: LineRole;
  /** Called as the voice begins the line (its first sentence): never for one dropped unsaid. */
  readonly onStart?: () => void;
}

export class Speech {
  private voiceUri: string | null = null;
  private rate = 1;
  private muted = false;
  private readonly engine: SpeechEngine;
  /**
   * The utterance being said, one at a time, so that what waits can still be changed: a long
   * instruction is heard to its end while the counts behind it keep only the latest. Held until it is
   * over (see SpeechEngine.speak).
   */
  private speaking: SpeechSynthesisUtterance | null = null;
  /** The line being said, as it waited (all that was left of it), its start already reported. */
  private speakingLine: Line | null = null;
  /** When the line being said was handed to the engine (performance.now()). */
  private speakingSinceMs = Number.NEGATIVE_INFINITY;
  private readonly waiting = new WaitingLines();
  private readonly restHow = new RestHowMemory();
  private readonly heldByPause = new HeldByPause();
  private get speakingTopic(): Topic | null {
    return this.speakingLine?.topic ?? null;
  }
  private get speakingReply(): boolean {
    return this.speakingLine?.reply ?? false;
  }
  /** The kept line being said, whole, to say again where a reply cuts it off (see dropAnnouncements). */
  private get speakingKept(): Line | null {
    return this.speakingLine?.kept ? this.speakingLine : null;
  }
  private overdue: ReturnType<typeof setTimeout> | null = null;
  /** When the person's last two taps of +1 were said (performance.now()): see keptWaitsMs. */
  private readonly tapsMs: number[] = [];
  /** Set while a kept line waits for the taps to stop (see keptWaitsMs). */
  private keptWait: ReturnType<typeof setTimeout> | null = null;
  private readonly talking = new BehaviorSubject(false);
  /**
   * Whether a line is being said or waits to be: false once everything handed over has been said
   * (or dropped), and never between two lines of a queue.
   */
  readonly talking$: Observable<boolean> = this.talking.pipe(distinctUntilChanged());

  constructor(host: SpeechHost) {
    this.engine = new SpeechEngine(host);
  }

  get available(): boolean {
    return this.engine.available;
  }

  /** Whether a line handed over now would be said (not muted, and a voice there). */
  get speaks(): boolean {
    return !this.muted && this.available;
  }

  /**
   * Whether the lines handed over are heard: a voice is listed, or the engine has said a line to its
   * end. A phone may list none and still speak.
   */
  get heard(): boolean {
    return !this.muted && this.engine.heard;
  }

  /** Lines being said or waiting to be. */
  get queued(): number {
    return (this.speaking ? 1 : 0) + this.waiting.length;
  }

  voices(): VoiceChoice[] {
    return this.engine.voices();
  }

  /** Calls back whenever the browser's voice list changes; returns the way to stop listening. */
  onVoicesChanged(callback: () => void): () => void {
    return this.engine.onVoicesChanged(callback);
  }

  configure(options: {
    readonly voiceUri?: string | null;
    readonly rate?: number;
    readonly muted?: boolean;
  }): void {
    if (options.voiceUri !== undefined) this.voiceUri = options.voiceUri;
    if (options.rate !== undefined) this.rate = allowedRate(options.rate);
    if (options.muted !== undefined && options.muted !== this.muted) {
      this.muted = options.muted;
      // Muting must silence what is being said now, not only what comes later.
      if (this.muted) this.cancel();
    }
  }

  /**
   * Says the text once the line being said and those waiting before it have been. A line of a `topic`
   * takes the place of one of the same topic still waiting; one that `ends` topics drops their waiting
   * lines.
   *
   * Lines are replies or announcements. A `reply` answers what the person just did: their rep counted,
   * their tap taken ("Four reps", "Set skipped", "Paused"), their form ("Hips in line"); or it tells of the
   * devices as they go on ("Heart rate out of reach: keep going"), which a tapped count must not cut
   * off. They hear it at once or right after the line being said: a reply goes ahead of the
   * announcements waiting (behind the replies before it, in order), and no interrupting line drops it.
   * Everything else is an
   * announcement (what comes next, how to lie, the clock), which can wait or be cut short.
   * An `interrupt` cuts off the announcement being said and drops the announcements waiting: the
   * countdown and the next set must not wait behind a long instruction. A reply being said or waiting
   * is heard first, short as it is ("Four reps. Paused."), unless it is of a topic the interrupting line
   * `ends`: the session going on cuts off "Paused. End the session?", answered as it is asked. A
   * reply that makes the announcement being said moot ("Set skipped" over the set's instructions, "Hips
   * up" over a resume's) comes with `interrupt`. A `kept` announcement (an exercise's one point) is not
   * dropped by an interrupting reply, nor lost to one while said: the reply is heard at once, and the
   * kept line after it, from its start; after the count of a `tap`, once the taps have stopped (see
   * keptWaitsMs). A line's `role` adds what it does where a rest says how the next exercise is done
   * (see LineRole).
   */
  say(
    text: string,
    {
      interrupt = false,
      topic = null,
      ends = null,
      reply = false,
      bySentence = false,
      kept = false,
      tap = false,
      role,
      onStart,
    }: HowToSay = {},
  ): void {
    if (!this.speaks || text.trim() === '') return;
    const { text: toSay, untilMs } = this.restHow.toSay(
      text,
      { topic, role },
      this.waiting,
      performance.now(),
    );
    if (toSay === '') return;
    const handed: HandedLine = { interrupt, reply, topic, ends, ...(role ? { role } : {}) };
    this.restHow.keepCut(handed, this.speakingLine, this.waiting);
    if (tap) {
      this.tapsMs.push(performance.now());
      if (this.tapsMs.length > 2) this.tapsMs.shift();
    }
    this.heldByPause.keep(handed, this.speakingLine, this.waiting);
    // The time left is heard whole, the number a moment late: a number still waiting a second on is
    // dropped for the next (see TIME_LINE_FRESH_MS).
    const waits = topic === 'time' && this.speakingLine?.role?.kind === 'rest-time-left';
    if (interrupt) this.dropAnnouncements(ends ?? [], reply, waits);
    if (topic) this.waiting.drop((line) => line.topic === topic);
    if (ends) this.waiting.drop((line) => line.topic !== null && ends.includes(line.topic));
    // A line being said is moot once a newer one of its topic comes at once; what waits stays. One
    // said a sentence at a time (see firstSentenceOf) has what is left of it dropped above: the newer
    // line follows the sentence under way, never breaking it off.
    const atOnce = performance.now() - this.speakingSinceMs < AT_ONCE_MS;
    if (topic && this.speakingTopic === topic && atOnce) this.cutOff();
    // A time call as moot, where the line that ends it comes at once: a hold's end seen in the frame
    // that took the clock past the call ("forty-five seconds", then "Done: forty-five seconds"). Not
    // a sentence of how to lie, which a count ends: a count at once with it still follows it whole.
    else if (this.speakingTopic === 'time' && ends?.includes('time') && atOnce) this.cutOff();
    const line: Line = {
      text: toSay,
      topic,
      reply,
      bySentence,
      kept,
      atMs: performance.now(),
      ...(role ? { role } : {}),
      ...(untilMs === null ? {} : { untilMs }),
      ...(onStart ? { onStart } : {}),
    };
    if (reply) this.waiting.putAheadOfAnnouncements(line);
    else this.waiting.push(line);
    // The session goes on after a pause: what it cut off is heard now, after the line that says how
    // it goes on.
    for (const after of [...this.restHow.linesAfter(handed), ...this.heldByPause.linesAfter(handed)]) {
      this.waiting.push(after);
    }
    this.waiting.dropAnnouncementsBeyondRoom();
    this.sayNext();
    this.talking.next(this.queued > 0);
  }

  cancel(): void {
    this.silence();
    this.talking.next(false);
  }

  /** Stops the line being said and drops those waiting. */
  private silence(): void {
    this.waiting.clear();
    this.heldByPause.forget();
    this.restHow.forget();
    if (this.keptWait !== null) clearTimeout(this.keptWait);
    this.keptWait = null;
    this.cutOff();
  }

  /**
   * Stops the announcement being said and drops those waiting; replies are still said, but for one
   * being said of a topic in `moot`, and, `byReply`, the kept announcements. `keepSaying` leaves the
   * line being said to its end (see LineRole's 'rest-time-left').
   */
  private dropAnnouncements(moot: readonly Topic[], byReply: boolean, keepSaying = false): void {
    this.waiting.drop((line) => !line.reply && !(byReply && line.kept));
    const mootReply = this.speakingTopic !== null && moot.includes(this.speakingTopic);
    // A kept line the reply breaks into is said again, whole, right after it: a +1 tapped while the
    // point was said waited for its end, up to 2.5 s of silence for a tap, and half a point heard
    // with no end is a point lost.
    const kept = this.speakingKept;
    if (byReply && kept && !mootReply) this.waiting.putAheadOfAnnouncements(kept);
    // Also with nothing being said as far as this knows: an engine that never reported the end of an
    // overdue line may still be saying it.
    if ((!this.speakingReply || mootReply) && !keepSaying) this.cutOff();
  }

  /** Stops the line being said; those waiting stay, for the next sayNext(). */
  private cutOff(): void {
    this.finished();
    this.engine.cancel();
  }

  private sayNext(): void {
    if (this.speaking || !this.engine.available) return;
    const nowMs = performance.now();
    this.waiting.drop((waiting) => waiting.topic === 'time' && nowMs - waiting.atMs > TIME_LINE_FRESH_MS);
    const next = this.waiting.next;
    const waitsMs = next?.kept ? keptWaitsMs(this.tapsMs, nowMs, spokenMs(next.text, this.rate)) : 0;
    if (waitsMs > 0) {
      this.sayNextIn(waitsMs);
      return;
    }
    const waiting = this.waiting.takeNext();
    if (!waiting) return;
    if (this.noRoomFor(waiting, nowMs)) {
      this.restHow.waitForSet(waiting);
      this.sayNext();
      return;
    }
    const { now: line, rest } = firstSentenceOf(waiting);
    if (rest) this.waiting.putFirst(rest);
    try {
      const done = () => {
        if (this.speaking !== utterance) return;
        this.finished();
        this.sayNext();
        this.talking.next(this.queued > 0);
      };
      const heard = () => {
        if (this.speaking === utterance && isRestHow(waiting)) this.restHow.heard(line.text);
      };
      const utterance = this.engine.utterance(line.text, this.rate, this.voiceUri, {
        ended: heard,
        over: done,
      });
      this.speaking = utterance;
      this.speakingLine = begun(waiting);
      this.speakingSinceMs = performance.now();
      this.overdue = setTimeout(done, overdueMs(line.text, this.rate));
      this.engine.speak(utterance);
      line.onStart?.();
    } catch {
      // A broken speech engine must not stop the session: the screen still counts.
      this.finished();
      this.sayNext();
    }
  }

  /**
   * Whether the sentence `line` begins with would still be said when the countdown or the set cuts
   * off what is said (see Line.untilMs).
   */
  private noRoomFor(line: Line, nowMs: number): boolean {
    if (line.untilMs === undefined) return false;
    const first = line.bySentence ? spokenSentences(line.text)[0] : line.text;
    return endsAfter(first, this.rate, nowMs, line.untilMs);
  }

  /** Tries the next line again in `ms`, the voice quiet meanwhile, and still talking (see talking$). */
  private sayNextIn(ms: number): void {
    if (this.keptWait !== null) clearTimeout(this.keptWait);
    this.keptWait = setTimeout(() => {
      this.keptWait = null;
      this.sayNext();
      this.talking.next(this.queued > 0);
    }, ms);
  }

  /** The line being said is over (ended, failed, overdue or cancelled). */
  private finished(): void {
    this.speaking = null;
    this.speakingLine = null;
    this.speakingSinceMs = Number.NEGATIVE_INFINITY;
    if (this.overdue !== null) clearTimeout(this.overdue);
    this.overdue = null;
  }
}
