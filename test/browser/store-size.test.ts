// How much a one-hour session with 200 Hz motion takes on disk in Chromium's IndexedDB, measured
// with the real recorder writing once a second, as the app does, and navigator.storage.estimate().
import { describe, expect, it } from 'vitest';
import { toFit } from '../../src/export/fit.ts';
import { toJson } from '../../src/export/json.ts';
import { SessionRecorder } from '../../src/store/recorder.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import { SessionModel } from '../../src/workout/session-model.ts';

const RATE_HZ = 200;
const PACKET_MS = 50;
const HOUR_MS = 3600_000;

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

describe('size on disk', () => {
  it('of a one-hour session with 200 Hz motion and heart rate', async () => {
    const name = `size-${Date.now()}`;
    const store = await SessionStore.open({ name });
    const baseline = await usage();
    let clockMs = 0;
    const model = new SessionModel(() => clockMs);
    model.start();
    const recorder = SessionRecorder.start(store, model.state, [
      { id: 'h10', name: 'Polar H10', kind: 'bluetooth', placement: 'chest' },
    ]);
    // A chest strap's signal: gravity, slow movement and sensor noise, as the H10 reports it in mg.
    let seed = 1;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed / 0x7fffffff - 0.5) * 0.02;
    };
    const perPacket = (RATE_HZ * PACKET_MS) / 1000;
    while (clockMs < HOUR_MS) {
      const xyz = new Float32Array(perPacket * 3);
      for (let i = 0; i < perPacket; i++) {
        const t = (clockMs + i * 5) / 1000;
        xyz[i * 3] = 0.15 * Math.sin(t / 2) + noise();
        xyz[i * 3 + 1] = -0.97 + 0.05 * Math.sin(t / 3) + noise();
        xyz[i * 3 + 2] = 0.2 * Math.cos(t / 2) + noise();
      }
      recorder.recordAccel('h10', { t0Ms: clockMs, dtMs: 1000 / RATE_HZ, xyz });
      clockMs += PACKET_MS;
      if (clockMs % 1000 === 0) {
        recorder.recordHeartRate('h10', {
          tMs: clockMs,
          bpm: 90 + Math.round(10 * Math.sin(clockMs / 60_000)),
          rrMs: [660],
        });
        model.tick();
        recorder.update(model.state);
        await recorder.flush();
      }
    }
    model.finish();
    await recorder.finish(model.state);
    const onDisk = (await usage()) - baseline;
    const bundle = recorder.bundle();
    const rawBytes = bundle.motion.reduce((n, c) => n + c.mg.byteLength + c.frameT0Ms.byteLength * 1.75, 0);
    const json = toJson([bundle]).length;
    const fit = (await toFit(bundle)).length;
    console.log(
      `one hour at ${RATE_HZ} Hz: ${bundle.motion.length} motion chunks, ${(rawBytes / 1e6).toFixed(2)} MB of sample columns, ` +
        `${(onDisk / 1e6).toFixed(2)} MB on disk (storage.estimate); JSON export ${(json / 1e6).toFixed(2)} MB, FIT ${(fit / 1e3).toFixed(1)} kB`,
    );
    store.close();
    expect(bundle.motion).toHaveLength(3600);
    expect(onDisk).toBeGreaterThan(rawBytes / 4);
    expect(onDisk).toBeLessThan(3 * rawBytes);
    indexedDB.deleteDatabase(name);
  }, 300_000);
});
