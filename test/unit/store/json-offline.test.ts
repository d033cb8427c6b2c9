// The JSON writer and reader are a chunk of their own, loaded on the first JSON export, backup or
// import: where they cannot be loaded (offline before the app was kept for offline use), each says why
// in plain words and what to do, the session still kept and still to be saved as CSV.
import { describe, expect, it, vi } from 'vitest';
import { sessionEndedInMemory } from './ended-in-memory.ts';

vi.mock('../../../src/export/json.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/json-x.js');
});

describe('a JSON export, backup or import whose code cannot be loaded', () => {
  it('says so, and what to do, not the URL it failed on, and the session is kept', async () => {
    const persistence = await sessionEndedInMemory();
    await expect(persistence.exportCurrent('json')).rejects.toThrow(
      'its writer could not be loaded (is the device offline?). Nothing is lost: try again once online, or save it as CSV now.',
    );
    await expect(persistence.backup()).rejects.toThrow(
      'The backup could not be made: its writer could not be loaded (is the device offline?). Nothing is lost: try again once online, or save it as CSV now.',
    );
    await expect(persistence.importJson('{}')).rejects.toThrow(
      'Nothing was imported: the code that reads the file could not be loaded (is the device offline?). Try again once online.',
    );
    // Still held, as it was: the CSV has it.
    const csv = await persistence.exportCurrent('csv');
    expect(await csv!.blob.text()).toMatch(/^Date,Workout Name,/);
    await persistence.dispose();
  });
});
