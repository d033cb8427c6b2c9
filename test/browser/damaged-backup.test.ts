// A backup whole but for a damaged session, picked in History: refused, with the choice to import the
// others, which only a tap takes; on a 360 px phone and a 180 px one (text at twice its size).
import { NEVER, Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Persistence } from '../../src/app/persistence.ts';
import { FILE_FOOTER, fileHeader, sessionLine } from '../../src/export/json.ts';
import type { HeartRateSample, SourceInfo } from '../../src/sensors/samples.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import '../../src/ui/bb-history.ts';
import { SessionModel } from '../../src/workout/session-model.ts';
import { finishedSession, supermanSetsReached } from '../set-record.ts';
import { layOutAsTheApp, mount } from './mount.ts';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  document.body.replaceChildren();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emptyHistory(): Promise<Persistence> {
  const name = `damaged-backup-${Date.now()}-${Math.random()}`;
  const persistence = new Persistence(
    {
      session: new SessionModel(() => performance.now()),
      devices: { state: { source: null as SourceInfo | null, devices: [], rejoining: false, awaiting: [] } },
      accel$: NEVER,
      heartRate$: new Subject<HeartRateSample | null>(),
      motion$: NEVER,
    },
    { openStore: () => SessionStore.open({ name }), page: null },
  );
  await persistence.start();
  cleanups.push(async () => {
    await persistence.dispose();
    indexedDB.deleteDatabase(name);
  });
  return persistence;
}

/** A backup of `n` sessions, as the app saves it, whose second has a count that is no number. */
function damagedAtTheSecond(n: number): File {
  const lines = Array.from({ length: n }, (_, i) =>
    sessionLine(
      finishedSession(`session-${i + 1}`, Date.UTC(2026, 9, 1 + i, 8), supermanSetsReached()),
      i === 0,
    ),
  );
  lines[1] = lines[1]!.replace(/"count":\d+/, '"count":"many"');
  return new File([fileHeader() + lines.join('') + FILE_FOOTER], 'backbeat-backup.json', {
    type: 'application/json',
  });
}

const REFUSED =
  'This file is damaged: session 2 of its 42 cannot be read (set 1: "count" should be a number). Nothing was imported: the other 41 can be, without it.';

describe('bb-history given a backup with a damaged session', () => {
  for (const [width, height] of [
    [360, 640],
    [180, 320],
  ] as const) {
    it(`imports nothing of it until Import the other 41 is tapped, then those, on a ${width} px screen`, async () => {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const persistence = await emptyHistory();
        const history = await mount('bb-history', { persistence });
        await userEvent.upload(page.getByLabelText('Import a file'), damagedAtTheSecond(42));
        const choice = page.getByRole('alert');
        await expect.element(choice).toHaveTextContent(REFUSED);
        const importOthers = page.getByRole('button', { name: 'Import the other 41' });
        await expect.element(importOthers).toBeVisible();
        expect(persistence.history.state.sessionCount).toBe(0);
        // Brought into view under the buttons, from its first words: on the 180 px screen the words
        // and the buttons are taller than the screen, the buttons a scroll below; no sideways scroll.
        await expect
          .poll(() => {
            const { top } = choice.element().getBoundingClientRect();
            return top >= 0 && top < height / 2;
          })
          .toBe(true);
        if (width === 360)
          expect(importOthers.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(height);
        expect(document.documentElement.scrollWidth).toBe(width);
        for (const button of history.shadowRoot!.querySelectorAll('.choice button'))
          expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(width);

        await userEvent.click(importOthers);
        await expect
          .element(page.getByText(/^Imported 41 sessions\. Left out as damaged: session 2 \(set 1: "count"/))
          .toBeVisible();
        expect(persistence.history.state.sessionCount).toBe(41);
        expect(page.getByRole('button', { name: 'Import the other 41' }).query()).toBeNull();
      } finally {
        await restore();
      }
    });
  }

  it('imports none of it on Import none, and says so', async () => {
    const persistence = await emptyHistory();
    await mount('bb-history', { persistence });
    await userEvent.upload(page.getByLabelText('Import a file'), damagedAtTheSecond(3));
    await userEvent.click(page.getByRole('button', { name: 'Import none' }));
    await expect.element(page.getByText('Nothing was imported.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Import the other 2' }).query()).toBeNull();
    expect(page.getByRole('alert').query()).toBeNull();
    expect(persistence.history.state.sessionCount).toBe(0);
  });

  for (const [width, height] of [
    [360, 640],
    [180, 320],
  ] as const) {
    it(`keeps Import the other 2 when storage is full as it imports them, from the choice's first words, and imports them on a tap once there is room, on a ${width} px screen`, async () => {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const persistence = await emptyHistory();
        await mount('bb-history', { persistence });
        await userEvent.upload(page.getByLabelText('Import a file'), damagedAtTheSecond(3));
        const importOthers = page.getByRole('button', { name: 'Import the other 2' });
        await expect.element(importOthers).toBeVisible();
        const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        });
        try {
          await userEvent.click(importOthers);
          await expect
            .element(page.getByRole('alert'))
            .toHaveTextContent(
              'Storage is full, so nothing was imported: the other 2 sessions did not fit, and the sessions here are as they were. Free some space on the device, then tap Import the other 2 again; session 2 (set 1: "count" should be a number) stays out as damaged.',
            );
        } finally {
          full.mockRestore();
        }
        // Read from its first words, which the tap, a scroll down on the 180 px screen, must not leave above it.
        await expect
          .poll(() => {
            const { top } = page.getByRole('alert').element().getBoundingClientRect();
            return top >= 0 && top < height / 2;
          })
          .toBe(true);
        await expect.element(importOthers).toBeEnabled();
        await userEvent.click(importOthers);
        await expect
          .element(page.getByText(/^Imported 2 sessions\. Left out as damaged: session 2/))
          .toBeVisible();
        expect(persistence.history.state.sessionCount).toBe(2);
      } finally {
        await restore();
      }
    });
  }

  it('counts in its button only the sessions not here yet', async () => {
    const persistence = await emptyHistory();
    await persistence.restore(
      new Blob([
        fileHeader() +
          sessionLine(finishedSession('session-1', Date.UTC(2026, 9, 1, 8), supermanSetsReached()), true) +
          FILE_FOOTER,
      ]),
    );
    await mount('bb-history', { persistence });
    await userEvent.upload(page.getByLabelText('Import a file'), damagedAtTheSecond(3));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(
        'This file is damaged: session 2 of its 3 cannot be read (set 1: "count" should be a number). Nothing was imported: of the other 2, the one not here yet can be, without it; 1 is here already.',
      );
    await userEvent.click(page.getByRole('button', { name: 'Import the one not here yet' }));
    await expect
      .element(page.getByText(/^Imported 1 session; 1 already here, kept as they were\. Left out as damaged/))
      .toBeVisible();
    expect(persistence.history.state.sessionCount).toBe(2);
  });
});
