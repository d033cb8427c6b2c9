// The start screen: Start stays where it is when news comes a moment after the page opened; when the
// settings leave every exercise out, no Start that would do nothing, and the way to the settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Backbeat } from '../../src/app/backbeat.ts';
import '../../src/ui/bb-app.ts';
import { UpdateModel } from '../../src/app/updates.ts';
import type { BbApp } from '../../src/ui/bb-app.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';

describe('the start screen with no exercise chosen', () => {
  let app: Backbeat;
  let shell: BbApp;

  beforeAll(async () => {
    const exercises = PROGRAM.map((exercise) => ({ id: exercise.id, included: false }));
    const stored = new Map([[SETTINGS_KEY, JSON.stringify({ exercises })]]);
    app = new Backbeat({
      settingsStorage: {
        getItem: (key) => stored.get(key) ?? null,
        setItem: (key, value) => stored.set(key, value),
        removeItem: (key) => stored.delete(key),
      },
      persistence: { openStore: () => Promise.reject(new Error('no store in this test')) },
    });
    shell = document.createElement('bb-app');
    shell.app = app;
    document.body.append(shell);
    await shell.updateComplete;
  });

  afterAll(() => {
    app.dispose();
    shell.remove();
  });

  it('says so in place of Start, and leads to the settings', async () => {
    await expect.element(page.getByText("No exercises are chosen for today's session.")).toBeVisible();
    expect(page.getByRole('button', { name: 'Start', exact: true }).elements()).toHaveLength(0);
    await page.getByRole('button', { name: 'Choose them in Settings' }).click();
    await expect.element(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  });
});

describe('the start screen when news comes after the page opened', () => {
  let app: Backbeat;
  let shell: BbApp;
  const updates = new UpdateModel();

  beforeAll(async () => {
    app = new Backbeat({
      persistence: { openStore: () => Promise.reject(new Error('no store in this test')) },
    });
    shell = document.createElement('bb-app');
    shell.app = app;
    shell.updates = updates;
    document.body.append(shell);
    await shell.updateComplete;
  });

  afterAll(() => {
    app.dispose();
    shell.remove();
  });

  it('keeps Start where it was as "now works offline" appears', async () => {
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.element(start).toBeVisible();
    const before = start.element().getBoundingClientRect();
    updates.update({ offlineReady: true });
    await expect.element(page.getByText('Backbeat now works offline.')).toBeInTheDocument();
    const after = start.element().getBoundingClientRect();
    expect([after.x, after.y]).toEqual([before.x, before.y]);
  });
});
