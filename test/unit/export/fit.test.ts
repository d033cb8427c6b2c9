import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { toFit } from '../../../src/export/fit.ts';
import { wallTimeOf } from '../../../src/store/codec.ts';
import { recordSession, STARTED_AT } from './recorded-session.ts';

describe('FIT export', () => {
  it("writes a strength-training activity that Garmin's own decoder reads back set by set", async () => {
    const bundle = await recordSession();
    const bytes = await toFit(bundle);
    const decoder = new Decoder(Stream.fromByteArray(bytes));
    expect(decoder.isFIT()).toBe(true);
    expect(decoder.checkIntegrity()).toBe(true);
    const { messages, errors } = decoder.read();
    expect(errors).toEqual([]);

    expect(messages.fileIdMesgs?.[0]).toMatchObject({ type: 'activity', manufacturer: 'development' });
    expect(messages.sessionMesgs?.[0]).toMatchObject({
      sport: 'training',
      subSport: 'strengthTraining',
      avgHeartRate: bundle.session.summary.avgBpm,
      maxHeartRate: bundle.session.summary.maxBpm,
    });
    expect(messages.sessionMesgs?.[0]?.startTime).toEqual(new Date(STARTED_AT));
    expect(messages.activityMesgs).toHaveLength(1);
    expect(messages.lapMesgs).toHaveLength(1);

    const active = (messages.setMesgs ?? []).filter((s) => s.setType === 'active');
    const rests = (messages.setMesgs ?? []).filter((s) => s.setType === 'rest');
    expect(active.map((s) => [s.category, s.categorySubtype, s.repetitions, s.weight])).toEqual([
      [['hyperextension'], [29], 3, undefined],
      [['hyperextension'], [29], 3, undefined],
      [['plank'], [43], undefined, undefined],
      [['core'], [48], 4, undefined],
      [['core'], undefined, undefined, undefined],
      [['pullUp'], [25], 3, 27.5],
    ]);
    expect(rests).toHaveLength(5);
    const plank = bundle.sets.find((s) => s.exerciseId === 'elbow-plank')!;
    expect(active[2]?.duration).toBeCloseTo((plank.endedMs - plank.startedMs) / 1000, 3);
    expect(active[2]?.startTime).toEqual(
      new Date(Math.floor(wallTimeOf(bundle.session, plank.startedMs) / 1000) * 1000),
    );

    expect(messages.exerciseTitleMesgs?.map((t) => t.wktStepName)).toEqual([
      'Superman',
      'Elbow plank',
      'Bird dog',
      'Drawing-in',
      'Wide-grip lat pulldown',
    ]);
    const records = messages.recordMesgs ?? [];
    const beats = bundle.heartRate.reduce((n, c) => n + c.bpm.length, 0);
    expect(records).toHaveLength(beats);
    expect(records.every((r) => typeof r.heartRate === 'number' && r.heartRate >= 80)).toBe(true);
  });
});
