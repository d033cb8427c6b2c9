import { map, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { detectAroundPauses, PauseCut } from '../../../src/app/pause-cut.ts';
import type { MotionEvent } from '../../../src/motion/events.ts';
import type { AccelFrame } from '../../../src/sensors/samples.ts';

/** A frame of `n` samples 20 ms apart from `t0Ms`, each sample's x its own index from `first`. */
function frame(t0Ms: number, n: number, first = 0): AccelFrame {
  const xyz = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) xyz[i * 3] = first + i;
  return { t0Ms, dtMs: 20, xyz };
}

const xs = (f: AccelFrame | null) => (f ? Array.from(f.xyz.filter((_, i) => i % 3 === 0)) : null);

describe('a pause cut out of a set', () => {
  it('passes frames through untouched when nothing was paused', () => {
    const cut = new PauseCut();
    const f = frame(1000, 5);
    expect(cut.frame(f)).toBe(f);
  });

  it('drops what was sampled while paused and moves what follows back by the pause', () => {
    const cut = new PauseCut();
    cut.update({ pausedAtMs: 2000, nowMs: 2000 });
    // The packet that spans the start of the pause keeps its samples from before it.
    expect(xs(cut.frame(frame(1940, 5)))).toEqual([0, 1, 2]);
    expect(cut.frame(frame(2040, 5))).toBeNull();
    cut.update({ pausedAtMs: null, nowMs: 8000 });
    // Sampled late, from inside the pause: dropped up to the resume.
    const late = cut.frame(frame(7960, 5));
    expect(xs(late)).toEqual([2, 3, 4]);
    expect(late?.t0Ms).toBe(2000);
    expect(cut.frame(frame(8100, 5))?.t0Ms).toBe(2100);
  });

  it('puts the events back on the session clock, a rep across the pause included', () => {
    const cut = new PauseCut();
    cut.update({ pausedAtMs: 2000, nowMs: 2000 });
    cut.update({ pausedAtMs: null, nowMs: 8000 });
    cut.update({ pausedAtMs: 10_000, nowMs: 10_000 });
    cut.update({ pausedAtMs: null, nowMs: 11_000 });
    const rep: MotionEvent = { type: 'rep', tMs: 3000, emittedMs: 3200, startMs: 1500, peakDeg: 17 };
    expect(cut.event(rep)).toEqual({ ...rep, tMs: 9000, emittedMs: 9200, startMs: 1500 });
    // After both pauses: 6 s and 1 s later on the session clock.
    const breath: MotionEvent = { type: 'breath', tMs: 4500, emittedMs: 5000 };
    expect(cut.event(breath)).toEqual({ type: 'breath', tMs: 11_500, emittedMs: 12_000 });
  });

  it('runs a detector over the joined stretches and hands back its events on the session clock', () => {
    const pauses = new Subject<{ pausedAtMs: number | null; nowMs: number }>();
    const frames = new Subject<AccelFrame>();
    const fed: number[] = [];
    const events: number[] = [];
    // A stand-in detector: one hold start at the first sample of every frame it is fed.
    const detect = map((f: AccelFrame): MotionEvent => {
      fed.push(f.t0Ms);
      return { type: 'hold-start', tMs: f.t0Ms, emittedMs: f.t0Ms };
    });
    frames.pipe(detectAroundPauses(pauses, detect)).subscribe((e) => events.push(e.tMs));
    pauses.next({ pausedAtMs: null, nowMs: 0 });
    frames.next(frame(0, 5));
    pauses.next({ pausedAtMs: 100, nowMs: 100 });
    frames.next(frame(100, 5));
    pauses.next({ pausedAtMs: null, nowMs: 5100 });
    frames.next(frame(5100, 5));
    expect(fed).toEqual([0, 100]);
    expect(events).toEqual([0, 5100]);
  });
});
