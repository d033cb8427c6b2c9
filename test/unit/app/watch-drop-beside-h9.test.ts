// A chest strap and a watch that counts the lat pulldown, the watch out of reach in the middle of a
// set: the drop is kept with the pause as the watch's, whether the set waited for the person's Resume
// (beside an H9, which sees no lat pulldown) or for the H10 to count it in the watch's place. The
// session is recorded as one source named for both and worn where the strap's motion is (an H10's
// chest), so the record read from it alone said "strap" of the watch. Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as uuids from '../../../src/protocol/uuids.ts';
import {
  droppedPlacement,
  sessionDrop,
  sessionDropText,
  setAwayText,
} from '../../../src/workout/device-drops.ts';
import { FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';
import { appPickingInTurn, connectInTurn, droppedInTheFirstSetOf } from './heart-rate-strap-app.ts';

/** A Polar H9: the Heart Rate Service, and no PMD (it has no accelerometer to stream). */
function fakeH9(): FakeDevice {
  return new FakeDevice('Polar H9 0A1B2C3D', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
    },
  ]);
}

describe('a watch out of reach beside a chest strap', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * The strap and the watch connected, a lat pulldown set begun, the watch given up on, and the set
   * going on: at the person's Resume where the strap cannot count it (`strapCounts` false), by itself
   * once the strap counts it in the watch's place.
   */
  async function watchLostInALatPulldown(strap: FakeDevice, strapCounts: boolean) {
    const watch = fakePineTime();
    const app = appPickingInTurn([strap, watch]);
    app.start();
    await connectInTurn(app, ['polar', 'pinetime']);
    expect(app.devices.state.devices.map((d) => d.counts.includes('lat-pulldown'))).toEqual([false, true]);
    await droppedInTheFirstSetOf(app, 'lat-pulldown', watch, 72_000);
    if (strapCounts) {
      expect(app.session.state.pausedAtMs).toBeNull();
      expect(app.devices.state.devices.map((d) => d.counts.includes('lat-pulldown'))).toEqual([true, false]);
    } else {
      expect(app.session.state.pausedFor).toBe('lost');
      app.session.resume();
    }
    return app;
  }

  /** What the summary, History and the CSV say of it: under the set, and on the session's line. */
  function wordsOf(app: Awaited<ReturnType<typeof watchLostInALatPulldown>>) {
    const { pauses, set, nowMs } = app.session.state;
    const placement = droppedPlacement(app.persistence.sourcesOfSession());
    const drop = sessionDrop(pauses);
    return {
      set: setAwayText({ startedMs: set!.startedMs, endedMs: nowMs }, pauses, placement),
      session: drop && sessionDropText(drop, placement),
    };
  }

  // The set stands still until the H10 takes it over, HANDED_OVER_AFTER_MS after the drop; beside an
  // H9, until the watch is given up for lost and the person resumes.
  for (const [strap, make, strapCounts, notCounted] of [
    ['an H10, whose motion the session is recorded as worn on the chest', fakeH10, true, '5 s'],
    ['an H9, heart rate alone', fakeH9, false, '1 min 1\\d s'],
  ] as const) {
    it(`says the watch, beside ${strap}`, async () => {
      const app = await watchLostInALatPulldown(make(), strapCounts);
      expect(app.session.state.pauses?.at(-1)).toMatchObject({ placement: 'wrist' });
      if (!strapCounts) expect(app.session.state.pauses?.at(-1)).toMatchObject({ deviceLost: true });
      const words = wordsOf(app);
      expect(words.set).toMatch(new RegExp(`^watch out of reach: ${notCounted} not counted$`));
      expect(words.session).toMatch(new RegExp(`^watch out of reach ${notCounted}$`));
      app.dispose();
    });
  }
});
