// Two tabs of the app on one localStorage: what one changes, the other takes on, and never writes back
// over. The browser tells the other tab by a `storage` event naming the key; here it is dispatched by hand.
import { describe, expect, it } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { TUNING_KEY } from '../../../src/workout/personal-tuning.ts';
import { SETTINGS_KEY } from '../../../src/workout/settings.ts';
import { MemoryStorage } from '../../memory-storage.ts';

function tab(storage: MemoryStorage) {
  const events = new EventTarget();
  const app = new Backbeat({
    navigator: {} as Navigator,
    settingsStorage: storage,
    storageEvents: events,
    persistence: { openStore: null, page: null },
  });
  const changed = (key: string | null) => events.dispatchEvent(Object.assign(new Event('storage'), { key }));
  return { app, changed };
}

describe('settings in two tabs', () => {
  it('are taken on from the other tab, so that an edit here does not write old ones back', () => {
    const storage = new MemoryStorage();
    const first = tab(storage);
    const second = tab(storage);
    second.app.settings.setMuted(true);
    second.app.settings.setDosage('superman', { target: 5 });
    first.changed(SETTINGS_KEY);
    expect(first.app.settings.state.muted).toBe(true);

    first.app.settings.restoreDefaults();
    second.changed(SETTINGS_KEY);
    expect(second.app.settings.state.muted).toBe(false);
    second.app.settings.setDosage('glute-bridge', { target: 12 });
    const stored = JSON.parse(storage.getItem(SETTINGS_KEY)!);
    expect(stored.muted).toBe(false);
    const dosage = (id: string) => stored.exercises.find((e: { id: string }) => e.id === id).dosage;
    expect(dosage('superman').target).not.toBe(5);
    expect(dosage('glute-bridge').target).toBe(12);
    first.app.dispose();
    second.app.dispose();
  });

  it('take on what another tab learned of the person, and what is left when storage is cleared', () => {
    const storage = new MemoryStorage();
    const first = tab(storage);
    const second = tab(storage);
    second.app.tunings.set('superman', { ...second.app.tunings.tuningFor('superman'), rangeScale: 0.7 });
    first.changed(TUNING_KEY);
    expect(first.app.tunings.tuningFor('superman').rangeScale).toBe(0.7);
    storage.removeItem(TUNING_KEY);
    storage.removeItem(SETTINGS_KEY);
    first.changed(null);
    expect(first.app.tunings.tuningFor('superman').rangeScale).not.toBe(0.7);
    first.app.dispose();
    second.app.dispose();
  });
});
