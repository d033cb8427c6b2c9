// A Polar H10 and a PineTime worn together, the strap's motion stream stopped in the middle of a
// superman set while it stays connected and its heart rate goes on: the watch, which can see a
// superman, counts the set from there, as it does for a strap given up for lost. Through the whole
// app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as uuids from '../../../src/protocol/uuids.ts';
import type { FakeDevice } from '../sensors/ble/fake-device.ts';
import { accFrames, pineTimeMotion } from '../sensors/ble/wearables.ts';
import { listeningVoice, sessionAtFirstSetOf, strapAndWatchConnected } from './heart-rate-strap-app.ts';

describe('a strap whose motion stops beside a watch, in a superman the watch can see', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The strap's motion stopped, its heart rate going on once a second for `seconds`. */
  async function heartRateAloneFor(strap: FakeDevice, seconds: number): Promise<void> {
    for (let s = 0; s < seconds; s++) {
      strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 90));
      await vi.advanceTimersByTimeAsync(1000);
    }
  }

  /** The strap's motion, as the H10 streams it, for a few seconds. */
  async function strapStreams(strap: FakeDevice): Promise<void> {
    for (const frame of accFrames('ACC_50HZ_2G')) {
      strap.notify(uuids.PMD_DATA, frame);
      await vi.advanceTimersByTimeAsync(700);
    }
  }

  it('says once that the watch counts from here, and nothing more of the strap', async () => {
    const said: string[] = [];
    const { app, strap } = await strapAndWatchConnected({ cueHosts: listeningVoice(said) });
    sessionAtFirstSetOf(app, 'superman');
    app.session.beginSet();
    app.session.adjustCount(1);
    await strapStreams(strap);
    const before = said.length;
    await heartRateAloneFor(strap, 12);

    const polar = app.devices.state.devices.find((d) => d.name.startsWith('Polar'));
    expect(polar).toMatchObject({ connection: 'connected', motionStopped: true });
    expect(app.session.state.motionPlacements?.superman).toBe('wrist');
    expect(app.session.state.pausedAtMs).toBeNull();
    // Told once: the strap's other exercises going on without it is no news beside that.
    expect(said.slice(before).filter((line) => line.startsWith('Strap'))).toEqual([
      'Strap motion stopped: the watch counts from here',
    ]);
    app.dispose();
  });

  it('records the watch’s motion that counts the set from there beside the strap’s, under its own name', async () => {
    const { app, strap, watch } = await strapAndWatchConnected();
    sessionAtFirstSetOf(app, 'superman');
    app.session.beginSet();
    await strapStreams(strap);
    await heartRateAloneFor(strap, 5);
    expect(app.session.state.motionPlacements?.superman).toBe('wrist');
    for (let i = 0; i < 20; i++) {
      watch.notify(uuids.INFINITIME_MOTION, pineTimeMotion(100 + 10 * i, 0, -1000));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(app.persistence.sourcesOfSession()).toContainEqual(
      expect.objectContaining({ name: 'InfiniTime', placement: 'wrist' }),
    );
    app.dispose();
  });

  it('says once in the rest before a superman that the watch counts the next set', async () => {
    const said: string[] = [];
    const { app, strap } = await strapAndWatchConnected({ cueHosts: listeningVoice(said) });
    sessionAtFirstSetOf(app, 'superman');
    app.session.beginSet();
    app.session.adjustCount(1);
    app.session.skip();
    expect(app.session.state.phase).toBe('rest');
    await strapStreams(strap);
    const before = said.length;
    await heartRateAloneFor(strap, 12);

    expect(app.session.state.phase).toBe('rest');
    expect(said.slice(before).filter((line) => line.startsWith('Strap'))).toEqual([
      'Strap motion stopped: the watch counts the next set',
    ]);
    app.dispose();
  });
});
