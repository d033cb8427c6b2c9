// What the connected devices count by themselves, and so what the person counts by hand: the
// session knows it before each set, so that the voice asks for a tap where no device sees a hold.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRAM } from '../../../src/workout/program.ts';
import { appWithStrap, heartRateStrap } from './heart-rate-strap-app.ts';

describe('exercises counted by hand', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are none with the virtual strap, and all of them with a heart-rate-only strap', async () => {
    const app = appWithStrap(heartRateStrap());
    app.start();
    await vi.advanceTimersByTimeAsync(50);
    expect(app.session.state.countedByDevice).toEqual(PROGRAM.map((e) => e.id));

    const connecting = app.devices.connect('heart-rate');
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    expect(app.session.state.countedByDevice).toEqual([]);
    // A new session, and a session put back after a reload, keep knowing it.
    app.session.reset();
    expect(app.session.state.countedByDevice).toEqual([]);
    app.session.restore({ ...app.session.state, countedByDevice: PROGRAM.map((e) => e.id) });
    expect(app.session.state.countedByDevice).toEqual([]);
    app.dispose();
  });

  it('tells a set waiting for its position, as a heart-rate-only strap takes the place of one that sees it, to count with +1', async () => {
    const app = appWithStrap(heartRateStrap());
    const lines: string[] = [];
    app.lines$.subscribe((line) => lines.push(line));
    app.start();
    await vi.advanceTimersByTimeAsync(50);
    app.session.start();
    expect(app.session.state.set?.waiting).toBe(true);

    const connecting = app.devices.connect('heart-rate');
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    expect(app.session.state.set?.waiting).toBe(false);
    expect(lines.at(-1)).toBe('Go. Count with plus one.');
    app.dispose();
  });
});
