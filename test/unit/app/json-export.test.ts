// A session's JSON file comes from the JSON writer loaded on the first export (see loadJsonWriter):
// the file is the one the writer makes of the session, byte for byte, named as History lists it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportBundle } from '../../../src/app/session-files.ts';
import { toJson } from '../../../src/export/json.ts';
import { recordSession } from '../export/recorded-session.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe("a session's JSON export", () => {
  it('is the JSON writer’s file of the session', async () => {
    const bundle = await recordSession();
    // The file says when it was made: the same moment for both.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 7, 12, 0, 0) });
    const file = await exportBundle(bundle, 'json');
    expect(file.filename).toBe('backbeat-2026-11-20-1730.json');
    expect(file.blob.type).toBe('application/json');
    expect(await file.blob.text()).toBe(toJson([bundle]));
  });
});
