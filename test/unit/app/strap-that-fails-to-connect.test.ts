// A strap picked in the middle of a session that cannot be reached: the device panel says why, and the
// session goes on with the virtual strap it had, its simulated person where they were, neither paused
// nor told of a device lost. Through the whole app in Node, with its voice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLUETOOTH_WORDS } from '../../../src/sensors/ble/errors.ts';
import type { SessionState } from '../../../src/workout/session.ts';
import { appWithStrap, heartRateStrap, listeningVoice } from './heart-rate-strap-app.ts';

describe('a strap picked in the middle of a session that fails to connect', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['a set', 'set'],
    ['a rest', 'rest'],
  ] as const)(
    'in %s, says why in the device panel and goes on with the virtual strap, saying nothing of it',
    async (_, phase) => {
      const strap = heartRateStrap();
      strap.reachable = false;
      const said: string[] = [];
      // On the page's clock, from 0: the virtual strap's simulated person begins there.
      const openedAt = Date.now();
      const app = appWithStrap(strap, { now: () => Date.now() - openedAt, cueHosts: listeningVoice(said) });
      app.start();
      app.startSession();
      // The simulated person gets into position, does a first rep, and rests after the set.
      const there = (s: SessionState) => s.phase === phase && (phase === 'rest' || (s.set?.count ?? 0) > 0);
      for (let s = 0; s < 600 && !there(app.session.state); s++) await vi.advanceTimersByTimeAsync(1_000);
      expect(there(app.session.state)).toBe(true);
      const states: SessionState[] = [];
      app.session.state$.subscribe((s) => states.push(s));
      said.length = 0;
      const virtual = app.devices.active.virtual;

      const picking = app.devices.connect('heart-rate');
      await vi.advanceTimersByTimeAsync(100);
      await picking;

      expect(app.devices.state.problem).toBe(BLUETOOTH_WORDS['no-answer']);
      expect(app.devices.state.connection).toBe('connected');
      expect(app.devices.active.virtual).toBe(virtual);
      expect(said).toEqual([]);
      expect(states.filter((s) => s.pausedAtMs !== null).map((s) => s.pausedFor)).toEqual([]);
      app.dispose();
    },
  );
});
