// The phone on the floor turns its screen off in the middle of a set: the devices keep streaming for
// as long as the session runs (see Devices.keepStreaming), and only then.
import { describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';

describe('the devices while a session runs', () => {
  it('are told to keep streaming from the first set to the end of the session', () => {
    let nowMs = 0;
    const app = new Backbeat({
      now: () => nowMs,
      navigator: {} as Navigator,
      persistence: { openStore: null, page: null },
    });
    const told: boolean[] = [];
    vi.spyOn(app.devices, 'keepStreaming').mockImplementation((running) => void told.push(running));
    app.start();
    expect(told).not.toContain(true);
    told.length = 0;
    app.startSession();
    nowMs = 5000;
    app.session.skip(); // into the rest: still under way
    nowMs = 6000;
    app.session.skip();
    expect(told).toEqual([true]);
    app.session.finish();
    expect(told).toEqual([true, false]);
    app.dispose();
  });
});
