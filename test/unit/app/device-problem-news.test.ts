import { BehaviorSubject, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type DeviceProblemNews, problemNewsOf } from '../../../src/app/device-problem-news.ts';
import type { ConnectionState } from '../../../src/sensors/ble/gatt-session.ts';
import type { DeviceProblem } from '../../../src/sensors/ble/profile.ts';
import type { AccelFrame, HeartRateSample } from '../../../src/sensors/samples.ts';

/** A device's streams, and what problemNewsOf told of them so far. */
function device() {
  const streams = {
    problem$: new Subject<DeviceProblem>(),
    connection$: new BehaviorSubject<ConnectionState>('connected'),
    heartRate$: new Subject<HeartRateSample>(),
    accel$: new Subject<AccelFrame>(),
  };
  const news: DeviceProblemNews[] = [];
  problemNewsOf(streams).subscribe((n) => news.push(n));
  return { ...streams, news };
}

const frame: AccelFrame = { t0Ms: 0, dtMs: 0, xyz: new Float32Array([0, 0, 1]) };
const beat: HeartRateSample = { tMs: 0, bpm: 60, rrMs: [] };

describe('problemNewsOf', () => {
  it('takes down "out of reach" once the device is connected again', () => {
    const d = device();
    d.connection$.next('reconnecting');
    d.problem$.next({ kind: 'connection-lost', message: 'out of reach' });
    d.connection$.next('lost');
    expect(d.news).toEqual([{ shown: 'out of reach' }]);
    d.connection$.next('connected');
    expect(d.news).toEqual([{ shown: 'out of reach' }, { over: 'out of reach' }]);
  });

  it('takes down "silent" at its first heart rate or motion, and a stopped stream at motion only', () => {
    const d = device();
    d.problem$.next({ kind: 'no-data', message: 'silent' });
    d.heartRate$.next(beat);
    d.problem$.next({ kind: 'stream-stopped', message: 'motion stopped' });
    d.heartRate$.next(beat);
    expect(d.news).toEqual([{ shown: 'silent' }, { over: 'silent' }, { shown: 'motion stopped' }]);
    d.accel$.next(frame);
    d.accel$.next(frame);
    expect(d.news.at(-1)).toEqual({ over: 'motion stopped' });
    expect(d.news).toHaveLength(4);
  });

  it('leaves up a problem that does not go by itself, and drops one a newer took the place of', () => {
    const d = device();
    d.problem$.next({ kind: 'truncated-frames', message: 'frames cut short' });
    d.problem$.next({ kind: 'stream-failed', message: 'motion failed' });
    d.accel$.next(frame);
    d.connection$.next('connected');
    expect(d.news).toEqual([{ shown: 'frames cut short' }, { shown: 'motion failed' }]);
  });
});
