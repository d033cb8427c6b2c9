// Today's plan as the app makes it from the settings, and what it says of the targets progression
// changed in it.
import { describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { defaultSettings, SETTINGS_KEY, withDosage } from '../../../src/workout/settings.ts';
import { MemoryStorage } from '../../memory-storage.ts';

describe("today's plan", () => {
  it('says why a drawing-in hold set below where the exercise starts is raised, with no history yet', async () => {
    const settings = withDosage(defaultSettings(), 'drawing-in', { target: 20 });
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage([[SETTINGS_KEY, JSON.stringify(settings)]]),
      persistence: { openStore: () => Promise.reject(new Error('no store in this test')), page: null },
    });
    app.start();
    await vi.waitFor(() => expect(app.targetChanges.state).toHaveLength(1));
    expect(app.targetChanges.state[0]).toMatchObject({
      exerciseId: 'drawing-in',
      settingS: 20,
      todayS: 45,
      reason: 'the drawing-in starts at 45 s',
    });
    app.dispose();
  });
});
