// A Polar H10 alone, its motion stream stopped in the middle of a superman set while it stays
// connected and its heart rate goes on: the voice says so and to count with plus one, the set goes on
// to its target by +1, and its record says the strap's motion stopped, not that it was out of reach.
// Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as uuids from '../../../src/protocol/uuids.ts';
import { droppedPlacement, setAwayText } from '../../../src/workout/device-drops.ts';
import { accFrames, fakeH10 } from '../sensors/ble/wearables.ts';
import {
  appPickingInTurn,
  connectInTurn,
  listeningVoice,
  sessionAtFirstSetOf,
} from './heart-rate-strap-app.ts';

describe('a strap alone whose motion stops in the middle of a set', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes on by +1 to its target, and keeps that the strap’s motion stopped', async () => {
    const strap = fakeH10();
    const said: string[] = [];
    const app = appPickingInTurn([strap], { cueHosts: listeningVoice(said) });
    app.start();
    await connectInTurn(app, ['polar']);
    sessionAtFirstSetOf(app, 'superman');
    app.session.beginSet();
    app.session.adjustCount(1);
    for (const frame of accFrames('ACC_50HZ_2G')) {
      strap.notify(uuids.PMD_DATA, frame);
      await vi.advanceTimersByTimeAsync(700);
    }
    // The strap's motion stops; its heart rate goes on, once a second.
    for (let s = 0; s < 30; s++) {
      strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 90));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(app.devices.state.devices[0]).toMatchObject({ connection: 'connected', motionStopped: true });
    expect(said).toContain(
      'The strap has stopped sending motion. Count with plus one until the strap is back',
    );
    expect(app.session.state.phase).toBe('set');

    while (app.session.state.phase === 'set') app.session.adjustCount(1);
    const [set] = app.session.state.completed;
    expect(set).toMatchObject({ exerciseId: 'superman', count: 10, endedBy: 'target', countedAway: 9 });
    const placement = droppedPlacement(app.persistence.sourcesOfSession());
    expect(setAwayText(set!, app.session.state.pauses, placement)).toBe(
      'strap motion stopped during the set',
    );
    app.dispose();
  });
});
