// Moving to a new phone: a backup keeps the settings and what the app learned of how the person moves
// beside the sessions, and the other device offers them after a restore, never takes them unasked.
import { describe, expect, it } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { FILE_FOOTER, fileHeader, sessionLine } from '../../../src/export/json.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import { KEEP_ALL } from '../../../src/store/retention.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { TUNING_KEY } from '../../../src/workout/personal-tuning.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { finishedSession, supermanSetsReached } from '../../set-record.ts';

let dbCounter = 0;

function device() {
  const storage = new MemoryStorage();
  const name = `preferences-${++dbCounter}`;
  const app = new Backbeat({
    navigator: {} as Navigator,
    settingsStorage: storage,
    persistence: { openStore: () => SessionStore.open({ name }), page: null },
  });
  return { app, items: storage.items };
}

/** A device, its app started. */
async function startedDevice() {
  const started = device();
  await started.app.persistence.start();
  return started;
}

/** A device the person muted, and a backup of it. */
async function backupOfAMutedDevice() {
  const old = await startedDevice();
  old.app.settings.setMuted(true);
  return { old, backup: await old.app.persistence.backup() };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A device that keeps the last 3 months of raw motion, and a backup of it. */
async function backupOfADeviceKeepingThreeMonths() {
  const old = await startedDevice();
  await old.app.persistence.setRetention({ keep: 'months', months: 3 });
  return { old, backup: await old.app.persistence.backup() };
}

/** A session of a year ago that kept its raw motion: one chunk of 500 samples. */
function yearOldSessionWithMotion(): SessionBundle {
  const session = finishedSession('a-year-ago', Date.now() - 365 * DAY_MS, supermanSetsReached());
  const motion = {
    sessionId: session.session.id,
    seq: 0,
    sourceId: 'strap',
    frameT0Ms: Float64Array.of(0),
    frameDtMs: Float32Array.of(20),
    frameLength: Uint16Array.of(500),
    mg: new Int16Array(1500),
  };
  return { ...session, motion: [motion] };
}

/** A device holding a year-old session with its raw motion, keeping all of it as at first. */
async function deviceWithAYearOfMotion() {
  const started = await startedDevice();
  await started.app.persistence.importJson(
    fileHeader() + sessionLine(yearOldSessionWithMotion(), true) + FILE_FOOTER,
  );
  await started.app.persistence.loadMotion();
  expect(started.app.persistence.history.state.motion).toMatchObject({ retention: KEEP_ALL, sessions: 1 });
  return started;
}

describe('the settings in a backup', () => {
  it('are offered on the device it is restored on, and taken on only when asked', async () => {
    const old = await startedDevice();
    old.app.settings.setMuted(true);
    old.app.settings.setAge(52);
    old.app.settings.setDosage('superman', { target: 6 });
    old.app.tunings.set('superman', { ...old.app.tunings.tuningFor('superman'), rangeScale: 0.7 });
    const backup = await old.app.persistence.backup();

    const fresh = await startedDevice();
    await fresh.app.persistence.restore(backup.blob);
    expect(fresh.app.persistence.history.state.notice).toBe('This file holds settings and no sessions.');
    expect(fresh.app.persistence.history.state.offeredPreferences).not.toBeNull();
    // Nothing changes until the person says so.
    expect(fresh.app.settings.state.muted).toBe(false);
    fresh.app.persistence.usePreferences();
    expect(fresh.app.persistence.history.state.offeredPreferences).toBeNull();
    expect(fresh.app.persistence.history.state.notice).toBe("The backup's settings are this device's now.");
    expect(fresh.app.settings.state).toEqual(old.app.settings.state);
    expect(fresh.app.tunings.tuningFor('superman').rangeScale).toBe(0.7);
    // Kept for the next visit, as settings changed here are.
    expect(JSON.parse(fresh.items.get(TUNING_KEY)!).superman.rangeScale).toBe(0.7);

    // The same backup again: nothing left to offer.
    await fresh.app.persistence.restore(backup.blob);
    expect(fresh.app.persistence.history.state.offeredPreferences).toBeNull();
    old.app.dispose();
    fresh.app.dispose();
  });

  it('are let go when the person keeps this device’s own', async () => {
    const { old, backup } = await backupOfAMutedDevice();
    const other = await startedDevice();
    await other.app.persistence.restore(backup.blob);
    other.app.persistence.keepPreferences();
    expect(other.app.persistence.history.state.offeredPreferences).toBeNull();
    expect(other.app.settings.state.muted).toBe(false);
    old.app.dispose();
    other.app.dispose();
  });

  it('are no longer offered once another file is imported, whether it is refused or called off', async () => {
    const { old, backup } = await backupOfAMutedDevice();
    const other = await startedDevice();
    const persistence = other.app.persistence;
    await persistence.restore(backup.blob);
    expect(persistence.history.state.offeredPreferences).not.toBeNull();

    // A file that is no backup: the offer beside its error would read as its own, and a tap on it
    // would take on the settings of the file before.
    const foreign = new Blob([JSON.stringify({ name: 'backbeat', private: true })]);
    await expect(persistence.restore(foreign)).rejects.toThrow(/not a Backbeat backup/);
    expect(persistence.history.state.offeredPreferences).toBeNull();
    persistence.usePreferences();
    expect(other.app.settings.state.muted).toBe(false);

    // The backup offered again, then an import called off before it read anything.
    await persistence.restore(backup.blob);
    expect(persistence.history.state.offeredPreferences).not.toBeNull();
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(persistence.restore(backup.blob, { signal: cancelled.signal })).rejects.toThrow();
    expect(persistence.history.state.offeredPreferences).toBeNull();
    old.app.dispose();
    other.app.dispose();
  });

  it('are not offered back on the device they came from, whatever order it learned things in', async () => {
    const same = await startedDevice();
    // Learned the glute bridge before the superman: kept in that order until read back from storage.
    same.app.tunings.set('glute-bridge', { ...same.app.tunings.tuningFor('glute-bridge'), rangeScale: 0.8 });
    same.app.tunings.set('superman', { ...same.app.tunings.tuningFor('superman'), rangeScale: 0.6 });
    const backup = await same.app.persistence.backup();
    await same.app.persistence.restore(backup.blob);
    expect(same.app.persistence.history.state.offeredPreferences).toBeNull();
    same.app.dispose();
  });

  it('are offered with the sessions a backup brings, not again when every one of them is here already', async () => {
    const { old } = await backupOfAMutedDevice();
    const session = finishedSession('session-1', Date.UTC(2026, 10, 2, 8), supermanSetsReached());
    const backup =
      fileHeader(new Date(), old.app.preferences.read()) + sessionLine(session, true) + FILE_FOOTER;
    const other = await startedDevice();
    const persistence = other.app.persistence;
    await persistence.importJson(backup);
    expect(persistence.history.state.notice).toBe('Imported 1 session.');
    expect(persistence.history.state.offeredPreferences).not.toBeNull();
    persistence.keepPreferences();

    // The same backup again, its settings kept aside a moment ago: it adds nothing, and asks nothing.
    await persistence.importJson(backup);
    expect(persistence.history.state.notice).toBe('Imported 0 sessions; 1 already here, kept as they were.');
    expect(persistence.history.state.offeredPreferences).toBeNull();
    old.app.dispose();
    other.app.dispose();
  });

  it('keep how long raw motion is kept, taken on with the others and applied as the setting is', async () => {
    const { old, backup } = await backupOfADeviceKeepingThreeMonths();

    const fresh = await deviceWithAYearOfMotion();
    const persistence = fresh.app.persistence;
    await persistence.restore(backup.blob);
    expect(persistence.history.state.offeredPreferences).not.toBeNull();
    await persistence.usePreferences();
    expect(persistence.history.state.notice).toBe(
      "The backup's settings are this device's now. Removed the raw motion of 1 session: 3 kB freed. Their sets, holds, heart rate and summaries stay.",
    );
    await persistence.loadMotion();
    expect(persistence.history.state.motion).toEqual({
      retention: { keep: 'months', months: 3 },
      bytes: 0,
      sessions: 0,
    });
    old.app.dispose();
    fresh.app.dispose();
  });

  it('leave how long raw motion is kept as it was when the person keeps this device’s own', async () => {
    const { old, backup } = await backupOfADeviceKeepingThreeMonths();

    const other = await deviceWithAYearOfMotion();
    const persistence = other.app.persistence;
    await persistence.restore(backup.blob);
    // The retention alone differs from this device's: it is offered all the same.
    expect(persistence.history.state.offeredPreferences).not.toBeNull();
    persistence.keepPreferences();
    await persistence.loadMotion();
    expect(persistence.history.state.motion).toMatchObject({ retention: KEEP_ALL, sessions: 1 });
    old.app.dispose();
    other.app.dispose();
  });

  it('of an older backup, without how long raw motion is kept, leave the setting here as it was', async () => {
    const { old } = await backupOfAMutedDevice();
    const olderBackup = fileHeader(new Date(), old.app.preferences.read()) + FILE_FOOTER;
    const other = await deviceWithAYearOfMotion();
    const persistence = other.app.persistence;
    await persistence.setRetention({ keep: 'months', months: 24 });
    await persistence.importJson(olderBackup);
    await persistence.usePreferences();
    expect(other.app.settings.state.muted).toBe(true);
    await persistence.loadMotion();
    expect(persistence.history.state.motion).toMatchObject({
      retention: { keep: 'months', months: 24 },
      sessions: 1,
    });
    old.app.dispose();
    other.app.dispose();
  });
});
