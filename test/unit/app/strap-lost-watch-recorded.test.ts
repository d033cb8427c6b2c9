// A Polar H10 and a PineTime worn together, the strap given up for lost in the middle of a superman
// set that the watch then counts: the session's export keeps the watch's raw motion of that span, under
// the watch, as it keeps the strap's before, so that a replay of the set has what counted it. Through
// the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backbeat } from '../../../src/app/backbeat.ts';
import { fromJson } from '../../../src/export/json.ts';
import { replayStreams } from '../../../src/export/replay.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import type { FakeDevice } from '../sensors/ble/fake-device.ts';
import { pineTimeMotion } from '../sensors/ble/wearables.ts';
import {
  droppedInTheFirstSetOf,
  GIVEN_UP_AFTER_MS,
  sessionAtFirstSetOf,
  strapAndWatchConnected,
} from './heart-rate-strap-app.ts';

describe('the raw motion of the device that counts a set, kept with the session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The H10 and the PineTime connected, the watch lying flat. */
  const strapAndWatch = () => strapAndWatchConnected({ watchMotion: pineTimeMotion(0, 0, -1024) });

  /** The watch moving for `n` tenths of a second, a reading sent each, its x up by 10/1024 g each time. */
  async function watchMoves(watch: FakeDevice, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      watch.notify(uuids.INFINITIME_MOTION, pineTimeMotion(100 + 10 * i, 0, -1000));
      await vi.advanceTimersByTimeAsync(100);
    }
  }

  /** The session as its JSON export keeps it, replayed: each device's frames, with the device. */
  async function exported(app: Backbeat) {
    const file = await app.persistence.exportCurrent('json');
    const [bundle] = fromJson(await file!.blob.text(), Date.now());
    const { accel } = replayStreams(bundle!);
    return [...accel].map(([id, frames]) => ({
      placement: bundle!.session.sources.find((s) => s.id === id)?.placement,
      frames,
    }));
  }

  it('keeps the watch’s motion while it counts a superman in the place of the strap given up for lost', async () => {
    const { app, strap, watch } = await strapAndWatch();
    await droppedInTheFirstSetOf(app, 'superman', strap, GIVEN_UP_AFTER_MS);
    expect(app.devices.state.devices.find((d) => d.placement === 'wrist')?.counts).toContain('superman');

    await watchMoves(watch, 20);
    const fromTheWrist = (await exported(app)).filter((s) => s.placement === 'wrist');
    expect(fromTheWrist).toHaveLength(1);
    expect(fromTheWrist[0]!.frames.length).toBeGreaterThanOrEqual(20);
    expect(fromTheWrist[0]!.frames.at(-1)!.xyz[0]).toBeCloseTo(290 / 1024, 2);
    app.dispose();
  });

  it('keeps the watch’s motion in a lat pulldown it counts beside the strap', async () => {
    const { app, watch } = await strapAndWatch();
    sessionAtFirstSetOf(app, 'lat-pulldown');
    app.session.beginSet();
    await watchMoves(watch, 20);
    const fromTheWrist = (await exported(app)).filter((s) => s.placement === 'wrist');
    expect(fromTheWrist).toHaveLength(1);
    expect(fromTheWrist[0]!.frames.length).toBeGreaterThanOrEqual(20);
    app.dispose();
  });
});
