// The coach's lines, each kept with the session it was said in: the one recorded as the voice begins
// it, the one about to start for a session's first line, or the one it was handed to the voice in
// when that session has ended here since.

import type { Cue } from '../cues/cue-planner.ts';
import type { SessionRecorder } from '../store/recorder.ts';

export class SpokenLines {
  /**
   * The last line the coach began while no session was recorded here: a session's first ("Superman,
   * set one of three") is begun on the same state that starts the session, before that state reaches
   * SessionRecording.onState and its recorder is made. Kept there if it was begun at the session's start,
   * dropped else.
   */
  private beforeRecorder: { readonly atMs: number; readonly text: string } | null = null;
  /**
   * The session each line was handed to the voice in. Finish hands it "Set cut short" and "Session
   * ended" while a count is still being said: they are begun after the session has ended, and are
   * its lines all the same.
   */
  private readonly handedIn = new WeakMap<Cue, SessionRecorder>();
  /** Sessions that ended in this tab (not moved to another): they keep the lines handed in them. */
  private readonly endedHere = new WeakSet<SessionRecorder>();

  /**
   * `now`: the session clock. `afterEnd`: keeps a line begun once the session it was handed in had
   * ended here (see SessionRecording.recordAfterEnd).
   */
  constructor(
    private readonly now: () => number,
    private readonly afterEnd: (ended: SessionRecorder, text: string) => void,
  ) {}

  /** A line handed to the voice while `recording` is recorded here. */
  handed(cue: Cue, recording: SessionRecorder | null): void {
    if (recording) this.handedIn.set(cue, recording);
  }

  /** A line the voice begins now, while `recording` is recorded here. */
  played(cue: Cue, recording: SessionRecorder | null): void {
    if (cue.kind !== 'say') return;
    const handedIn = this.handedIn.get(cue);
    if (handedIn && handedIn !== recording) {
      if (this.endedHere.has(handedIn)) this.afterEnd(handedIn, cue.text);
    } else if (recording) recording.recordCue(this.now(), cue.text);
    else this.beforeRecorder = { atMs: this.now(), text: cue.text };
  }

  /** A session started here: its first line is kept with it, if begun at its start. */
  started(recorder: SessionRecorder): void {
    const first = this.beforeRecorder;
    this.beforeRecorder = null;
    if (first && recorder.toSessionMs(first.atMs) >= 0) recorder.recordCue(first.atMs, first.text);
  }

  /** A session ended in this tab: the lines handed in it and begun after are its own. */
  ended(recorder: SessionRecorder): void {
    this.endedHere.add(recorder);
  }
}
