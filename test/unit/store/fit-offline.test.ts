// The FIT writer is a chunk of its own, loaded on the first FIT export: where it cannot be loaded
// (offline before the app was kept for offline use), the export says why in plain words.
import { describe, expect, it, vi } from 'vitest';
import { sessionEndedInMemory } from './ended-in-memory.ts';

vi.mock('../../../src/export/fit.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/fit-x.js');
});

describe('a FIT export whose writer cannot be loaded', () => {
  it('says so, and what to do, not the URL it failed on', async () => {
    const persistence = await sessionEndedInMemory();
    await expect(persistence.exportCurrent('fit')).rejects.toThrow(
      'its writer could not be loaded (is the device offline?). Nothing is lost: try again once online, or save it as CSV now.',
    );
    await expect(persistence.exportCurrent('csv')).resolves.not.toBeNull();
    await persistence.dispose();
  });
});
