// What the running session is recorded from: the motion frames and heart rate of the devices it is
// recorded with, the detectors' events, and the coach's lines, each fed to the session recorded now
// (none while no session is recorded).

import { filter, Subscription } from 'rxjs';
import type { HeartRateSample } from '../sensors/samples.ts';
import type { SessionRecorder } from '../store/recorder.ts';
import type { RecordableApp } from './persistence.ts';
import type { SpokenLines } from './spoken-lines.ts';

/** Feeds what `app` gives to `recording()`, the session recorded now; unsubscribe to stop. */
export function feedRecording(
  app: RecordableApp,
  recording: () => SessionRecorder | null,
  spokenLines: SpokenLines,
): Subscription {
  const subscriptions = new Subscription();
  let lastBeatMs = -Infinity;
  subscriptions.add(
    app.accel$.subscribe(({ source, frame }) => {
      recording()?.addSource(source);
      recording()?.recordAccel(source.id, frame);
    }),
  );
  subscriptions.add(
    app.heartRate$
      .pipe(filter((s): s is HeartRateSample => s !== null && s.tMs > lastBeatMs))
      .subscribe((sample) => {
        // heartRate$ replays its last reading to each subscriber: each beat is recorded once.
        lastBeatMs = sample.tMs;
        const recorder = recording();
        const source = app.devices.state.source;
        if (!recorder || !source) return;
        recorder.addSource(source);
        recorder.recordHeartRate(source.id, sample);
      }),
  );
  subscriptions.add(app.motion$.subscribe((event) => recording()?.recordMotionEvent(event)));
  if (app.cues) {
    // The coach sees each state before this does (see Backbeat.start): the lines a session's last
    // state hands the voice are handed while that session is still recorded here.
    subscriptions.add(app.cues.handed$.subscribe((cue) => spokenLines.handed(cue, recording())));
    subscriptions.add(app.cues.played$.subscribe((cue) => spokenLines.played(cue, recording())));
  }
  return subscriptions;
}
