// The voice: the Web Speech API behind a small adapter that never throws. speechSynthesis is missing in
// some browsers and WebViews, has no voices in headless Chromium (speak() fails with
// "synthesis-failed"), and loads its voice list late (the `voiceschanged` event). The coach must keep
// counting on screen whatever the voice does.

import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';
import type { LineRole, Topic } from './cue.ts';
import { spokenMs } from './spoken-words.ts';

/** The parts of `window` the voice needs; tests pass the real window with a spied speak(). */
export interface SpeechHost {
  readonly speechSynthesis?: SpeechSynthesis;
  readonly SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
  /** The person's languages, in their order: which English voice suits them (an Indian English one, say). */
  readonly navigator?: { readonly languages?: readonly string[] };
}

/** A voice as the settings screen lists it. */
export interface VoiceChoice {
  readonly uri: string;
  readonly name: string;
  readonly lang: string;
  readonly isDefault: boolean;
  /** It speaks English, as the coach does. */
  readonly english: boolean;
}

/**
 * At most this many announcements wait behind the line being said; beyond it the oldest waiting
 * announcement is dropped, since what was news a few lines ago is wrong by the time it would be heard.
 * A reply is never dropped for room, nor takes an announcement's: the person waits for each (see
 * Speech.say), and they come no faster than the person moves and taps, a newer count taking an older
 * one's place. Four: a new exercise's first set hands over four lines at once (its own, its one point,
 * how it is done, where to be or "Go"), and behind a count still being said the oldest of them, the
 * set's own, was dropped; counted with the replies, news of the devices said ahead of them dropped the
 * set's own line, or its one point where that line was being said.
 */
export const MAX_QUEUED = 4;

/**
 * Time allowed for a line, beyond its expected length, before the next one is handed on anyway:
 * some engines never report the end of an utterance, and the voice must not fall silent for good.
 */
const END_GRACE_MS = 4000;
/** Milliseconds per character at rate 1: generous, as engines and voices differ. */
const MS_PER_CHAR = 120;

/**
 * How long a line of the 'time' topic may wait for the voice: the second it names ("fifteen seconds",
 * "four") is over by then, and the ring on screen has moved on.
 */
export const TIME_LINE_FRESH_MS = 1000;

/**
 * Lines of a topic handed over within this long of each other came at once: two reps the detectors
 * found in one batch of samples reach the voice in the same task, microseconds apart. No voice has
 * begun to sound within it, so the latest takes the place of the one just begun ("four", not "three"
 * run into "four"); a count that comes later is heard to its end.
 */
export const AT_ONCE_MS = 50;

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

interface Line {
  readonly text: string;
  readonly topic: Topic | null;
  /** Said a sentence at a time (see Speech.firstSentence). */
  readonly bySentence: boolean;
  /** An answer to what the person just did (see Speech.say). */
  readonly reply: boolean;
  /** Heard though a reply interrupts (see Speech.say). */
  readonly kept: boolean;
  /** Its part where a rest says how the next exercise is done (see LineRole). */
  readonly role?: LineRole;
  /** When it was handed over (performance.now()). */
  readonly atMs: number;
  /** Of what is left of a line said a sentence at a time, the whole line as it was handed over. */
  readonly whole?: string;
  /**
   * When (performance.now()) the countdown or the set cuts off what is said: a sentence that would
   * not end by then is not begun (see sayNext).
   */
  readonly untilMs?: number;
  readonly onStart?: () => void;
}

/** Whether `line` is where to lie and how, said by the rest before a first set (see LineRole). */
function isRestHow(line: Line | null | undefined): boolean {
  return line?.role?.kind === 'rest-how';
}

/**
 * `line` once the voice has begun it: what is said of it later (the rest of a line said by sentence,
 * a kept line said again whole after a reply or a pause cut it off) is no new start of the line.
 */
function begun(line: Line): Line {
  const { onStart: _reported, ...later } = line;
  return later;
}

/** Rates the settings allow: slower than 0.5 drags, faster than 2 is hard to follow on the mat. */
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

/**
 * Of where to lie and how, said again as `text` after the rest that said them (`said`), the same
 * sentences from the first the person did not hear to its end, and before it where the voice, slower
 * than the planner reckons, had not finished one it took as heard; "" where all were heard. `text`
 * as it is where it is not the end of what the rest said (the rest said the position alone).
 */
function unheardOf(said: HowSaid, text: string): string {
  const sentences = spokenSentences(text);
  const from = said.sentences.length - sentences.length;
  const same = from >= 0 && sentences.every((sentence, i) => said.sentences[from + i] === sentence);
  return same ? fromFirstUnheard(said) : text;
}

/**
 * What `said` holds from its first sentence not heard to its end, up to its sentence `to` (all of
 * them where not given); "" where all before it were.
 */
function fromFirstUnheard(said: HowSaid, to = said.sentences.length): string {
  const unheard = said.sentences.findIndex((sentence) => !said.heard.has(bare(sentence)));
  return unheard < 0 || unheard >= to ? '' : said.sentences.slice(unheard, to).join(' ');
}

/**
 * Where `sentences` stand in a row among the sentences `said`: the first one's place, or -1. The last
 * of a line has no full stop, which the same sentence has inside a longer one.
 */
function runIn(said: HowSaid, sentences: readonly string[]): number {
  for (let from = 0; from + sentences.length <= said.sentences.length; from++) {
    if (sentences.every((sentence, i) => bare(said.sentences[from + i]) === bare(sentence))) return from;
  }
  return -1;
}

/** A sentence without the full stop (or mark) it ends with, where it has one. */
function bare(sentence: string): string {
  return sentence.replace(/[.!?]+$/, '');
}

/** Sentences of where to lie and how said in a rest, and those heard to their end (see bare). */
interface HowSaid {
  readonly sentences: readonly string[];
  readonly heard: Set<string>;
}

export class Speech {
  private voiceUri: string | null = null;
  private rate = 1;
  private muted = false;
  /**
   * The utterance being said, one at a time, so that what waits can still be changed: a long
   * instruction is heard to its end while the counts behind it keep only the latest. Holding it also
   * keeps Chromium from collecting it before its `end` event, which would otherwise never fire (a
   * long-standing Chromium bug).
   */
  private speaking: SpeechSynthesisUtterance | null = null;
  /** The line being said, as it waited (all that was left of it), its start already reported. */
  private speakingLine: Line | null = null;
  /** When the line being said was handed to the engine (performance.now()). */
  private speakingSinceMs = Number.NEGATIVE_INFINITY;
  private readonly waiting: Line[] = [];
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
  /**
   * The lines a pause's answer cut off or dropped still waiting, not yet heard whole (a first set's one
   * point, how its exercise is done): said after the line the session goes on with, once, whole;
   * dropped where it does not go on (see holdKept).
   */
  private held: Line[] = [];
  /**
   * What a number of a rest's countdown cut off or dropped of how the next exercise is done (a
   * 'rest-how' line), from the sentence under way: said after the line the set begins with (a
   * 'set-after-rest-how' line), once; dropped by any other line that cuts off what is said (see
   * keepCountdownCut).
   */
  private cutByCountdown: Line | null = null;
  /**
   * What a pause's answer cut off or dropped of a 'rest-how' line, from the sentence under way:
   * said right after the line the rest goes on with, where the planner, reckoning the voice's pace,
   * had the rest go on with none of it (a voice slower than it reckons had not finished); after the
   * set's line, as cutByCountdown is, where too little of the rest is left for it (see noRoomFor).
   * Dropped as cutByCountdown is.
   */
  private cutByPause: Line | null = null;
  /**
   * When (performance.now()) the countdown or the set cuts off what the rest gone on with after a
   * pause says, as the line it goes on with ('rest-goes-on' or 'rest-time-left') was handed over, and
   * until the next line is: what the pause cut off, and the 'rest-how' line that follows it, have that
   * room, and a sentence that would not end in it follows the set's line (see noRoomFor). Begun
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
  private overdue: ReturnType<typeof setTimeout> | null = null;
  /** When the person's last two taps of +1 were said (performance.now()): see keptWaitsMs. */
  private readonly tapsMs: number[] = [];
  /** Set while a kept line waits for the taps to stop (see keptWaitsMs). */
  private keptWait: ReturnType<typeof setTimeout> | null = null;
  /**
   * The engine has told of a line said to its end: it speaks, though it may list no voices. Where it
   * has none (headless Chromium), each line ends in an error instead.
   */
  private endedALine = false;
  private readonly talking = new BehaviorSubject(false);
  /**
   * Whether a line is being said or waits to be: false once everything handed over has been said
   * (or dropped), and never between two lines of a queue.
   */
  readonly talking$: Observable<boolean> = this.talking.pipe(distinctUntilChanged());

  constructor(private readonly host: SpeechHost) {}

  get available(): boolean {
    return Boolean(this.host.speechSynthesis && this.host.SpeechSynthesisUtterance);
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
    return this.speaks && (this.voices().length > 0 || this.endedALine);
  }

  /** Lines being said or waiting to be. */
  get queued(): number {
    return (this.speaking ? 1 : 0) + this.waiting.length;
  }

  voices(): VoiceChoice[] {
    return this.browserVoices().map((voice) => ({
      uri: voice.voiceURI,
      name: voice.name,
      lang: voice.lang,
      isDefault: voice.default,
      english: speaksEnglish(voice.lang),
    }));
  }

  /** Calls back whenever the browser's voice list changes; returns the way to stop listening. */
  onVoicesChanged(callback: () => void): () => void {
    const synth = this.host.speechSynthesis;
    if (!synth || typeof synth.addEventListener !== 'function') return () => {};
    synth.addEventListener('voiceschanged', callback);
    return () => synth.removeEventListener('voiceschanged', callback);
  }

  configure(options: {
    readonly voiceUri?: string | null;
    readonly rate?: number;
    readonly muted?: boolean;
  }): void {
    if (options.voiceUri !== undefined) this.voiceUri = options.voiceUri;
    if (options.rate !== undefined) this.rate = Math.min(MAX_RATE, Math.max(MIN_RATE, options.rate));
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
    const restHowUntilMs = role?.kind === 'rest-how' ? this.restGoesOnUntilMs : null;
    this.restGoesOnUntilMs =
      role?.kind === 'rest-goes-on' || role?.kind === 'rest-time-left'
        ? performance.now() + role.roomMs
        : null;
    const inRest = this.howSaidInRest;
    if (topic !== 'point') this.howSaidInRest = null;
    const toSay =
      role?.kind === 'rest-how'
        ? this.unheardOfHow(text)
        : role?.kind === 'set-how-after-rest' && inRest
          ? unheardOf(inRest, text)
          : text;
    if (toSay === '') return;
    this.keepCountdownCut({ interrupt, topic, ends, role });
    if (tap) {
      this.tapsMs.push(performance.now());
      if (this.tapsMs.length > 2) this.tapsMs.shift();
    }
    this.holdKept({ interrupt, topic, ends, reply });
    // The time left is heard whole, the number a moment late: a number still waiting a second on is
    // dropped for the next (see TIME_LINE_FRESH_MS).
    const waits = topic === 'time' && this.speakingLine?.role?.kind === 'rest-time-left';
    if (interrupt) this.dropAnnouncements(ends ?? [], reply, waits);
    if (topic) this.dropWaiting((line) => line.topic === topic);
    if (ends) this.dropWaiting((line) => line.topic !== null && ends.includes(line.topic));
    // A line being said is moot once a newer one of its topic comes at once; what waits stays. One
    // said a sentence at a time (see firstSentence) has what is left of it dropped above: the newer
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
      ...(restHowUntilMs === null ? {} : { untilMs: restHowUntilMs }),
      ...(onStart ? { onStart } : {}),
    };
    if (reply) this.waiting.splice(this.firstAnnouncement(), 0, line);
    else this.waiting.push(line);
    if (this.cutByPause && ends?.includes('pause')) {
      const { untilMs: _before, ...cut } = this.cutByPause;
      const untilMs = this.restGoesOnUntilMs;
      this.waiting.push(untilMs === null ? cut : { ...cut, untilMs });
      this.cutByPause = null;
    }
    // The set begins: how it is done, as far as the countdown cut it off, comes next, as a line of
    // how it is done that a first count makes moot.
    const setAfterRestHow = role?.kind === 'set-after-rest-how';
    if (setAfterRestHow && this.cutByCountdown) {
      // A line of its own from here: a pause that cuts it off says it again from the sentence the
      // countdown cut, not from the rest's first.
      const { role: _once, whole: _rest, untilMs: _cutOff, ...cut } = this.cutByCountdown;
      this.waiting.push({ ...cut, topic: 'how', bySentence: true });
      this.cutByCountdown = null;
    }
    if (setAfterRestHow) this.howSaid = null;
    // The session goes on after the pause: what it cut off is heard now, after the line that says how
    // it goes on.
    if (this.held.length > 0 && ends?.includes('pause')) {
      this.waiting.push(...this.held);
      this.held = [];
    }
    while (this.waiting.filter((waiting) => !waiting.reply).length > MAX_QUEUED) {
      this.waiting.splice(
        this.waiting.findIndex((waiting) => !waiting.reply),
        1,
      );
    }
    this.sayNext();
    this.talking.next(this.queued > 0);
  }

  cancel(): void {
    this.silence();
    this.talking.next(false);
  }

  /** Stops the line being said and drops those waiting. */
  private silence(): void {
    this.waiting.length = 0;
    this.held = [];
    this.cutByCountdown = null;
    this.cutByPause = null;
    this.howSaid = null;
    this.howSaidInRest = null;
    if (this.keptWait !== null) clearTimeout(this.keptWait);
    this.keptWait = null;
    this.cutOff();
  }

  /**
   * Keeps aside the lines a pause's answer makes moot for now (a line of the topic 'pause', of the
   * topics it `ends`), being said or waiting, one of each topic, whole: "Paused" is the last line heard
   * while the session waits, and the point a pause tapped as the first set was named cut off was never
   * heard after Resume, nor how the exercise is done, the 14 s a new person needs before "Go". Drops a
   * line kept aside where what comes makes it moot: a newer line of its topic, one that ends its
   * topic other than a pause's answer (a count ends how it is done), or an announcement that cuts
   * everything off (the session's end, a set skipped on to), and not the line the session goes on with.
   */
  private holdKept(how: Required<Pick<HowToSay, 'interrupt' | 'reply' | 'topic' | 'ends'>>): void {
    const endsKept = (topic: Topic | null) => topic !== null && how.ends?.includes(topic) === true;
    if (how.topic === 'pause') {
      const being = this.speakingLine && endsKept(this.speakingLine.topic) ? [this.speakingLine] : [];
      // Those an earlier answer of the same pause keeps stay kept: the device given up for lost is
      // said over "Paused: connection lost", which cut them off.
      const lines = [...this.held, ...being, ...this.waiting.filter((line) => endsKept(line.topic))];
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
   * Keeps aside what a number of the countdown (an interrupting line of the topic 'time') cuts off or
   * drops of a 'rest-how' line: what is left of it from the sentence under way, which was not heard to
   * its end, or all of it where it still waited. The numbers after the first keep it, and so do a
   * pause in the countdown, the line the rest goes on with after it, and a count: until the
   * 'set-after-rest-how' line moves it on, a count is of the set before, put right in the rest, not
   * the person moving. "Pause, lower slowly, switch sides", cut off by "five", was never said where the
   * person paused at "four", or tapped +1. Any other line that cuts off what is said drops it (the
   * session's end, a set skipped on to from a pause).
   */
  private keepCountdownCut(
    how: Required<Pick<HowToSay, 'interrupt' | 'topic' | 'ends'>> & Pick<HowToSay, 'role'>,
  ): void {
    const setAfterRestHow = how.role?.kind === 'set-after-rest-how';
    const being = isRestHow(this.speakingLine) ? this.speakingLine : null;
    const cut = () => being ?? this.waiting.find(isRestHow) ?? null;
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
      this.cutByCountdown = null;
      this.cutByPause = null;
      this.howSaidInRest = this.howSaid;
      this.howSaid = null;
    }
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
  private unheardOfHow(text: string): string {
    const said = this.howSaid;
    const sentences = spokenSentences(text);
    const from = said ? runIn(said, sentences) : -1;
    if (said === null || from < 0) {
      this.howSaid = { sentences, heard: new Set() };
      return text;
    }
    this.cutByCountdown = null;
    this.cutByPause = null;
    this.dropWaiting(isRestHow);
    return fromFirstUnheard(said, from + sentences.length);
  }

  /**
   * Stops the announcement being said and drops those waiting; replies are still said, but for one
   * being said of a topic in `moot`, and, `byReply`, the kept announcements. `keepSaying` leaves the
   * line being said to its end (see LineRole's 'rest-time-left').
   */
  private dropAnnouncements(moot: readonly Topic[], byReply: boolean, keepSaying = false): void {
    this.dropWaiting((line) => !line.reply && !(byReply && line.kept));
    const mootReply = this.speakingTopic !== null && moot.includes(this.speakingTopic);
    // A kept line the reply breaks into is said again, whole, right after it: a +1 tapped while the
    // point was said waited for its end, up to 2.5 s of silence for a tap, and half a point heard
    // with no end is a point lost.
    const kept = this.speakingKept;
    if (byReply && kept && !mootReply) this.waiting.splice(this.firstAnnouncement(), 0, kept);
    // Also with nothing being said as far as this knows: an engine that never reported the end of an
    // overdue line may still be saying it.
    if ((!this.speakingReply || mootReply) && !keepSaying) this.cutOff();
  }

  /** Where the first announcement waits, behind the replies; the end of the line where none does. */
  private firstAnnouncement(): number {
    const at = this.waiting.findIndex((waiting) => !waiting.reply);
    return at < 0 ? this.waiting.length : at;
  }

  /** Stops the line being said; those waiting stay, for the next sayNext(). */
  private cutOff(): void {
    this.finished();
    try {
      this.host.speechSynthesis?.cancel();
    } catch {
      // As above: silence is the worst outcome, never an exception.
    }
  }

  private dropWaiting(stale: (line: Line) => boolean): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (stale(this.waiting[i])) this.waiting.splice(i, 1);
  }

  private sayNext(): void {
    const synth = this.host.speechSynthesis;
    const Utterance = this.host.SpeechSynthesisUtterance;
    if (this.speaking || !synth || !Utterance) return;
    this.dropWaiting(
      (waiting) => waiting.topic === 'time' && performance.now() - waiting.atMs > TIME_LINE_FRESH_MS,
    );
    const keptWaitsMs = this.waiting[0]?.kept ? this.keptWaitsMs(this.waiting[0]) : 0;
    if (keptWaitsMs > 0) {
      this.sayNextIn(keptWaitsMs);
      return;
    }
    const waiting = this.waiting.shift();
    if (!waiting) return;
    // What a pause cut off, begun with too little of the rest left, was cut off again by the set's
    // line and said whole after it, its opening heard twice: it waits for that line instead.
    if (this.noRoomFor(waiting)) {
      const { untilMs: _cutOff, ...cut } = waiting;
      this.cutByCountdown ??= cut;
      this.sayNext();
      return;
    }
    const line = this.firstSentence(waiting);
    try {
      const utterance = new Utterance(line.text);
      utterance.rate = this.rate;
      const voice = this.chooseVoice();
      if (voice) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      } else {
        utterance.lang = 'en';
      }
      const done = () => {
        if (this.speaking !== utterance) return;
        this.finished();
        this.sayNext();
        this.talking.next(this.queued > 0);
      };
      // Heard to its end, not cut off: a sentence of where to lie and how said again after a pause
      // would be heard twice (see unheardOfHow).
      const heard = () => {
        if (this.speaking === utterance && isRestHow(waiting)) this.howSaid?.heard.add(bare(line.text));
      };
      utterance.addEventListener('end', heard);
      utterance.addEventListener('end', () => (this.endedALine = true));
      utterance.addEventListener('end', done);
      utterance.addEventListener('error', done);
      this.speaking = utterance;
      this.speakingLine = begun(waiting);
      this.speakingSinceMs = performance.now();
      this.overdue = setTimeout(done, END_GRACE_MS + (line.text.length * MS_PER_CHAR) / this.rate);
      synth.speak(utterance);
      line.onStart?.();
    } catch {
      // A broken speech engine must not stop the session: the screen still counts.
      this.finished();
      this.sayNext();
    }
  }

  /**
   * How long a kept line (an exercise's one point) next in line waits for the person's taps of +1 to
   * stop; 0 where it is said now. Each tap's count is said at once, over what is being said: a point
   * begun between two taps faster than it is said was cut off by the next, and begun again after it,
   * its first words heard over and over. It is begun where, at the pace of the last two taps, it ends
   * before the next is due; otherwise once none has come for as long as it takes to say, and half as
   * long again as the last gap between two: they have stopped, or slowed to leave it room. Not more than
   * twice as long as it takes to say: taps a minute apart, long before, held it 25 s.
   */
  private keptWaitsMs(line: Line): number {
    const lastMs = this.tapsMs.at(-1);
    if (lastMs === undefined) return 0;
    const nowMs = performance.now();
    const lineMs = spokenMs(line.text, this.rate);
    const gapMs = this.tapsMs.length > 1 ? lastMs - this.tapsMs[0] : null;
    if (gapMs !== null && nowMs + lineMs <= lastMs + gapMs) return 0;
    return Math.max(0, lastMs + Math.max(lineMs, Math.min(1.5 * (gapMs ?? 0), 2 * lineMs)) - nowMs);
  }

  /**
   * Whether the sentence `line` begins with would still be said when the countdown or the set cuts
   * off what is said (see Line.untilMs), at the voice's slowest reckoned pace (MS_PER_CHAR): the pace
   * the planner reckons (SPOKEN_MS_PER_CHAR) is a voice faster than some.
   */
  private noRoomFor(line: Line): boolean {
    if (line.untilMs === undefined) return false;
    const first = line.bySentence ? spokenSentences(line.text)[0] : line.text;
    return performance.now() + (first.length * MS_PER_CHAR) / this.rate > line.untilMs;
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

  /**
   * What of `line` to say now: all of it, but of one said a sentence at a time its first sentence (or
   * clause of a long one), the rest left to wait first in line, as a line of its own topic. How to lie
   * is moot once a newer position line comes ("In position. Go."), and what is left of it is dropped
   * for that, as how the exercise is done is for a count; the sentence under way is said to its end,
   * as half a sentence broken off is heard as a fault.
   */
  private firstSentence(line: Line): Line {
    if (!line.bySentence) return line;
    const [first, ...rest] = spokenSentences(line.text);
    if (rest.length === 0) return line;
    this.waiting.unshift({ ...begun(line), text: rest.join(' '), whole: line.whole ?? line.text });
    return { ...line, text: first };
  }

  /** The line being said is over (ended, failed, overdue or cancelled). */
  private finished(): void {
    this.speaking = null;
    this.speakingLine = null;
    this.speakingSinceMs = Number.NEGATIVE_INFINITY;
    if (this.overdue !== null) clearTimeout(this.overdue);
    this.overdue = null;
  }

  private browserVoices(): SpeechSynthesisVoice[] {
    try {
      return this.host.speechSynthesis?.getVoices() ?? [];
    } catch {
      return [];
    }
  }

  private chooseVoice(): SpeechSynthesisVoice | null {
    return pickVoice(this.browserVoices(), this.voiceUri, this.host.navigator?.languages ?? []);
  }
}

/**
 * The sentences a line said a sentence at a time is said in, one after another (see
 * Speech.firstSentence): a long sentence's clauses, split at a semicolon, count as sentences of their own.
 */
export function spokenSentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+/);
}

/** A language tag as voices and browsers variously write it ("en_IN", "en-in") in one form: "en-in". */
function tag(lang: string): string {
  return lang.replace('_', '-').toLowerCase();
}

/** Whether a voice speaks English: the coach's lines are English. */
export function speaksEnglish(lang: string): boolean {
  return /^en(-|$)/.test(tag(lang));
}

/**
 * The voice to speak with: the one chosen in the settings if this device has it; else an English
 * one, the person's own English first (one of their languages, then their region's: Indian English
 * for hi-IN), then the device's default English, then any; null when there is no English voice, for
 * the browser to find one for the language (another language's voice reads English badly).
 */
export function pickVoice<V extends Pick<SpeechSynthesisVoice, 'voiceURI' | 'lang' | 'default'>>(
  voices: readonly V[],
  chosenUri: string | null,
  languages: readonly string[],
): V | null {
  const chosen = chosenUri ? voices.find((v) => v.voiceURI === chosenUri) : undefined;
  if (chosen) return chosen;
  const english = voices.filter((v) => speaksEnglish(v.lang));
  const own = languages.map(tag);
  const regions = own.flatMap((l) => l.split('-').slice(1, 2));
  return (
    own.flatMap((l) => english.filter((v) => tag(v.lang) === l))[0] ??
    regions.flatMap((r) => english.filter((v) => tag(v.lang) === `en-${r}`))[0] ??
    english.find((v) => v.default) ??
    english[0] ??
    null
  );
}
