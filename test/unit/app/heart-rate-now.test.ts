// The heart rate the app shows is the one now: a strap out of reach or a replay played to its end
// leaves no reading, not the last one it had.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { heartRateAloneAway } from '../../../src/app/device-needs.ts';
import { createRecording, recordPacket } from '../../../src/protocol/recording.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import { noReadingReason } from '../../../src/ui/bb-heart-rate.ts';
import { fakeBangle } from '../sensors/ble/wearables.ts';
import { appPickingInTurn, appWithStrap, heartRateStrap } from './heart-rate-strap-app.ts';

describe('the heart rate now', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is none while the strap is away and after it is lost, and the next reading after a reconnection counts', async () => {
    const strap = heartRateStrap();
    const app = appWithStrap(strap);
    const shown: Array<number | null> = [];
    const watching = app.heartRateNow$.subscribe((s) => shown.push(s?.bpm ?? null));
    const kept: number[] = [];
    const keeping = app.heartRate$.subscribe((s) => s && kept.push(s.bpm));
    const connecting = app.devices.connect('heart-rate');
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x98));
    expect(shown.at(-1)).toBe(152);

    strap.drop();
    expect(app.devices.state.connection).toBe('reconnecting');
    expect(shown.at(-1)).toBeNull();
    await vi.advanceTimersByTimeAsync(600);
    expect(app.devices.state.connection).toBe('connected');
    expect(shown.at(-1)).toBeNull();
    strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x63));
    expect(shown.at(-1)).toBe(99);

    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.devices.state.connection).toBe('lost');
    expect(shown.at(-1)).toBeNull();
    // What the session and the store keep is every reading, whatever the header shows.
    expect(kept).toEqual([152, 99]);
    keeping.unsubscribe();
    watching.unsubscribe();
    app.dispose();
  });

  it('is none once a connected strap stops giving readings, as one off the skin sends 0 bpm', async () => {
    const strap = heartRateStrap();
    const app = appWithStrap(strap);
    const shown: Array<number | null> = [];
    const watching = app.heartRateNow$.subscribe((s) => shown.push(s?.bpm ?? null));
    const connecting = app.devices.connect('heart-rate');
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    // Worn: a reading a second, each one current until the next.
    for (const bpm of [96, 97, 96]) {
      strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x16, bpm));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(shown.at(-1)).toBe(96);
    // Taken off: contact supported but not detected, and 0 bpm, a packet a second.
    for (let i = 0; i < 10; i++) {
      strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x04, 0));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(app.devices.state.connection).toBe('connected');
    expect(shown.at(-1)).toBeNull();
    // Back on the skin: the next reading shows at once.
    strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x16, 88));
    expect(shown.at(-1)).toBe(88);
    watching.unsubscribe();
    app.dispose();
  });

  it("keeps a Bangle.js's last sure reading through the unsure ones between, and is none once they go on for 15 s", async () => {
    const watch = fakeBangle();
    const app = appWithStrap(watch);
    const shown: Array<number | null> = [];
    const watching = app.heartRateNow$.subscribe((s) => shown.push(s?.bpm ?? null));
    const connecting = app.devices.connect('bangle');
    await vi.advanceTimersByTimeAsync(1600);
    await connecting;
    const line = (text: string) =>
      watch.notify(uuids.NORDIC_UART_TX, new TextEncoder().encode(`${text}\r\n`));
    line('H,84,85');
    expect(shown.at(-1)).toBe(84);
    // A reading a second, the watch less than half sure of each for 8 s: a wrist that moves.
    for (let i = 0; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      line(`H,${86 + i},${10 + 4 * i}`);
    }
    expect(shown.at(-1)).toBe(84);
    // Sure of none for 15 s: too old to stand for the heart now.
    await vi.advanceTimersByTimeAsync(7000);
    expect(shown.at(-1)).toBeNull();
    line('H,90,70');
    expect(shown.at(-1)).toBe(90);
    watching.unsubscribe();
    app.dispose();
  });

  it('is said to be sought while a Bangle.js is unsure of the pulse, and is the number once it is sure', async () => {
    const watch = fakeBangle();
    const app = appWithStrap(watch);
    const shown: Array<number | null> = [];
    const watching = app.heartRateNow$.subscribe((s) => shown.push(s?.bpm ?? null));
    const connecting = app.devices.connect('bangle');
    await vi.advanceTimersByTimeAsync(1600);
    await connecting;
    const line = (text: string) =>
      watch.notify(uuids.NORDIC_UART_TX, new TextEncoder().encode(`${text}\r\n`));
    const why = () => noReadingReason(app.devices.state.devices);
    // Before anything is heard of the pulse the watch is only connected.
    expect(why()).toBeNull();
    // The sensor on, still finding the pulse: a reading a second, none of them sure.
    for (const reading of ['H,0,0', 'H,0,4', 'H,61,12', 'H,64,30', 'H,70,41']) {
      line(reading);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(shown.at(-1)).toBeNull();
    expect(why()).toBe('Bangle.js 1a2b is finding your pulse');
    line('H,72,80');
    expect(shown.at(-1)).toBe(72);
    expect(app.devices.state.devices.map((d) => d.findingPulse)).toEqual([false]);
    // A watch that prints nothing more (its sensor off) is not said to look on.
    line('H,0,10');
    await vi.advanceTimersByTimeAsync(16_000);
    expect(shown.at(-1)).toBeNull();
    expect(why()).toBeNull();
    watching.unsubscribe();
    app.dispose();
  });

  it('comes from a Bangle.js beside a strap while the strap gives none, and from the strap again once it reads', async () => {
    const strap = heartRateStrap();
    const watch = fakeBangle();
    const app = appPickingInTurn([strap, watch]);
    const shown: Array<number | null> = [];
    const watching = app.heartRateNow$.subscribe((s) => shown.push(s?.bpm ?? null));
    const kept: number[] = [];
    const keeping = app.heartRate$.subscribe((s) => s && kept.push(s.bpm));
    const strapConnecting = app.devices.connect('heart-rate');
    await vi.advanceTimersByTimeAsync(50);
    await strapConnecting;
    const watchConnecting = app.devices.connect('bangle');
    await vi.advanceTimersByTimeAsync(1600);
    await watchConnecting;
    const fromStrap = (bpm: number) => strap.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, bpm));
    const fromWatch = (bpm: number) =>
      watch.notify(uuids.NORDIC_UART_TX, new TextEncoder().encode(`H,${bpm},90\r\n`));
    const readFrom = () => app.devices.state.devices.filter((d) => d.heartRate).map((d) => d.kind);

    // Both read: the strap's is the one.
    fromStrap(90);
    fromWatch(94);
    expect(shown.at(-1)).toBe(90);
    expect(readFrom()).toEqual(['heart-rate']);
    // The strap goes quiet (taken off, its battery out); the watch reads on, one sure reading a second.
    await vi.advanceTimersByTimeAsync(500);
    for (let i = 1; i <= 7; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      fromWatch(94 + i);
    }
    expect(shown.at(-1)).toBe(101);
    expect(readFrom()).toEqual(['bangle']);
    // The strap reads again: it is the one at once.
    fromStrap(99);
    expect(shown.at(-1)).toBe(99);
    expect(readFrom()).toEqual(['heart-rate']);
    await vi.advanceTimersByTimeAsync(1000);
    fromWatch(103);
    expect(shown.at(-1)).toBe(99);

    // Out of reach: the watch's current reading at once, and the session is not told the heart rate went.
    strap.reachable = false;
    strap.drop();
    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['reconnecting', 'connected']);
    expect(shown.at(-1)).toBe(103);
    expect(readFrom()).toEqual(['bangle']);
    expect(heartRateAloneAway(app.devices.state.devices)).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    fromWatch(104);
    expect(shown.at(-1)).toBe(104);
    // Kept for the session: each reading of the device read as it came, none of the other's, none twice.
    expect(kept).toEqual([90, 99, 100, 101, 99, 104]);
    keeping.unsubscribe();
    watching.unsubscribe();
    app.dispose();
  });

  it('is none once a replay has played to its end', async () => {
    const app = appWithStrap(null);
    const shown: Array<number | null> = [];
    const watching = app.heartRateNow$.subscribe((s) => shown.push(s?.bpm ?? null));
    app.devices.replay(
      createRecording([
        recordPacket('hrs', Uint8Array.of(0x00, 0xa0), 0),
        recordPacket('hrs', Uint8Array.of(0x00, 0xa3), 1000),
      ]),
    );
    expect(shown.at(-1)).toBe(160);
    await vi.advanceTimersByTimeAsync(1000);
    expect(app.devices.state.connection).toBe('ended');
    expect(shown.slice(-2)).toEqual([163, null]);
    watching.unsubscribe();
    app.dispose();
  });
});
