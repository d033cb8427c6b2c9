import { Decoder, Stream } from '@garmin/fitsdk';
import axe from 'axe-core';
import { openDB } from 'idb';
import type { LitElement } from 'lit';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Persistence, type PreferencesPort, type StoreAsks } from '../../src/app/persistence.ts';
import { type LeftSession, leftAtWall } from '../../src/app/resume-policy.ts';
import { FILE_FOOTER, fileHeader, readJson, sessionLine, toJson } from '../../src/export/json.ts';
import { allHeartRate } from '../../src/export/replay.ts';
import type { SourceInfo } from '../../src/sensors/samples.ts';
import { fromPlanEntries, workoutMs } from '../../src/store/codec.ts';
import { DB_VERSION } from '../../src/store/schema.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import { holdsChartEmpty } from '../../src/ui/bb-history.ts';
import { sessionHeart } from '../../src/workout/heart.ts';
import '../../src/ui/bb-storage-notice.ts';
import '../../src/ui/bb-summary.ts';
import { SessionModel } from '../../src/workout/session-model.ts';
import { appWithoutDevice } from '../app-without-device.ts';
import { drawingInBrokenByAPause, finishedSession, strapDroppedSession, supermanSet } from '../set-record.ts';
import { begunAt, recordSession } from '../unit/export/recorded-session.ts';
import { namesOfRole, rolesNamed } from './accessibility-tree.ts';
import { linesOf } from './lines.ts';
import { layOutAsTheApp } from './mount.ts';

let dbCounter = 0;
const cleanups: (() => Promise<void>)[] = [];

/** The chart of reps while it has nothing: its exercises named, and where the lat pulldown's reps are. */
const REPS_CHART_EMPTY =
  "No superman, glute bridge or bird dog yet: the lat pulldown's reps have their own chart below.";

/** What a chart with nothing to draw says. */
const NO_SESSIONS_YET = 'No sessions with this yet.';

/** What History says in place of its charts and sessions before the first session. */
const NOTHING_YET =
  'No sessions saved yet. Do a session, and it is listed here with your reps, holds and heart rate charted week by week; or bring your sessions in from a backup with Import a file.';

async function persistenceWith(
  bundles: Awaited<ReturnType<typeof recordSession>>[],
  preferences?: PreferencesPort,
): Promise<Persistence> {
  const name = `bb-history-${Date.now()}-${++dbCounter}`;
  const seed = await SessionStore.open({ name });
  await seed.importBundles(bundles);
  seed.close();
  const persistence = await persistenceOf(() => SessionStore.open({ name }), preferences);
  cleanups.push(async () => void indexedDB.deleteDatabase(name));
  return persistence;
}

/** Persistence of an app with no device, on the store `openStore` opens (or fails to), started. */
async function persistenceOf(
  openStore: (asks: StoreAsks) => Promise<SessionStore>,
  preferences?: PreferencesPort,
): Promise<Persistence> {
  const persistence = new Persistence(
    appWithoutDevice(new SessionModel(() => performance.now()), preferences),
    { openStore, page: null },
  );
  await persistence.start();
  cleanups.push(() => persistence.dispose());
  return persistence;
}

async function mount<K extends 'bb-history' | 'bb-storage-notice'>(tag: K, persistence: Persistence) {
  const element = document.createElement(tag);
  element.persistence = persistence;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** The files the page hands to the browser's download from now on, kept here and not downloaded. */
function watchDownloads(): Blob[] {
  const files: Blob[] = [];
  const createObjectURL = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) files.push(blob);
    return createObjectURL(blob);
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return files;
}

/** Imports a backup edited to `file` through History, and gives the words of the notice `opening` begins, once shown. */
async function importEdited(file: unknown, opening: RegExp): Promise<string | null> {
  await userEvent.upload(
    page.getByLabelText('Import a file'),
    new File([JSON.stringify(file)], 'edited.json', { type: 'application/json' }),
  );
  const notice = page.getByText(opening);
  await expect.element(notice).toBeVisible();
  return notice.element().textContent;
}

afterEach(async () => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('bb-history', () => {
  it('names each device a session was recorded from once, a watch whose motion counted a set kept apart', async () => {
    const bundle = await recordSession();
    const sources: SourceInfo[] = [
      { id: 'h10+watch', name: 'Polar H10 0000E2E0 + InfiniTime', kind: 'bluetooth', placement: 'chest' },
      { id: 'watch', name: 'InfiniTime', kind: 'bluetooth', placement: 'wrist' },
    ];
    await mount(
      'bb-history',
      await persistenceWith([{ ...bundle, session: { ...bundle.session, sources } }]),
    );
    await expect
      .element(page.getByText('With Polar H10 0000E2E0, InfiniTime', { exact: true }))
      .toBeVisible();
  });

  it('lists saved sessions with a device named like markup shown as text, and draws the progress charts', async () => {
    const bundle = await recordSession();
    const persistence = await persistenceWith([bundle]);
    const history = await mount('bb-history', persistence);
    const list = page.getByRole('list', { name: 'Saved sessions' });
    await expect.element(list).toBeVisible();
    await expect.element(page.getByText('With Polar H10 <b>1</b>')).toBeVisible();
    expect(history.shadowRoot!.querySelector('.sources b')).toBeNull();
    await expect.element(page.getByText('6 sets · 9 reps · Bird dog 2 each side · 44 s held')).toBeVisible();
    const charts = history.shadowRoot!.querySelectorAll('bb-progress-chart');
    expect(charts).toHaveLength(8);
    // The charts draw one after another, a task each.
    await expect.poll(() => charts[4]!.shadowRoot!.querySelector('.plot canvas')).not.toBeNull();
    // The numbers' table is built when it is opened.
    expect(charts[4]!.shadowRoot!.querySelector('details table td')).toBeNull();
    await userEvent.click(charts[4]!.shadowRoot!.querySelector('details summary')!);
    await expect.poll(() => charts[4]!.shadowRoot!.querySelector('details table td')?.textContent).toBe('19');
  });

  it('draws every chart still when a session was saved with a date 30,000 years back', async () => {
    const bundle = await recordSession();
    const wrong = toOtherSession({
      ...bundle,
      session: { ...bundle.session, id: 'wrong', startedAt: -1e15 },
    });
    const history = await mount('bb-history', await persistenceWith([bundle, wrong]));
    const charts = [...history.shadowRoot!.querySelectorAll('bb-progress-chart')].slice(0, 5);
    for (const chart of charts) {
      await expect
        .poll(() => chart.shadowRoot!.querySelector('.plot canvas'), { timeout: 10_000 })
        .not.toBeNull();
    }
  });

  it("charts breath cycles apart from reps, under their own name, and the lat pulldown's weight and reps each on a chart of its own", async () => {
    const bundle = await recordSession();
    const last = bundle.sets.at(-1)!;
    const breaths = {
      ...last,
      index: last.index + 1,
      exerciseId: 'bat-hang' as const,
      count: 4,
      holdMs: null,
    };
    const persistence = await persistenceWith([{ ...bundle, sets: [...bundle.sets, breaths] }]);
    const history = await mount('bb-history', persistence);
    const chart = (heading: string) =>
      [...history.shadowRoot!.querySelectorAll('bb-progress-chart')].find((c) => c.heading === heading);
    // One week of sessions: each name with its week's value, the best set's with its target's.
    const shown = (heading: string) =>
      [...(chart(heading)?.shadowRoot?.querySelectorAll('.u-legend .u-series') ?? [])]
        .filter((entry) => getComputedStyle(entry).display !== 'none')
        .map((entry) => entry.querySelector('.u-label')?.textContent);
    await expect
      .poll(() => shown('Breath cycles: best set of the week'))
      .toEqual([expect.stringMatching(/^Bat hang: 4, target \d+$/)]);
    await expect
      .poll(() => shown('Reps: best set of the week'))
      .toEqual([
        expect.stringMatching(/^Superman: \d+, target \d+$/),
        expect.stringMatching(/^Bird dog: \d+ each side, target \d+ each side$/),
      ]);
    // Kilograms and reps each on a chart of their own: on one axis 30 kg and 30 reps were one mark.
    await expect
      .poll(() => shown('Lat pulldown: weight (kg)'))
      .toEqual([expect.stringMatching(/^Weight \(kg\): \d+(\.5)?$/)]);
    await expect
      .poll(() => shown('Lat pulldown: best set (reps)'))
      .toEqual([expect.stringMatching(/^Best set \(reps\): \d+, target \d+$/)]);
  });

  it('shows each chart as its numbers on a phone with its text at twice its size (180 px wide), no sideways scroll', async () => {
    // There a plot was some 55 px wide: its weeks' targets one smudge under a single date.
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith([await recordSession()]));
      const charts = [...history.shadowRoot!.querySelectorAll('bb-progress-chart')].filter(
        (chart) => !chart.shadowRoot!.querySelector('.empty'),
      );
      expect(charts.map((chart) => chart.heading)).toContain('Reps: best set of the week');
      for (const chart of charts) {
        await expect.element(page.getByRole('region', { name: `${chart.heading}: numbers` })).toBeVisible();
        await expect.poll(() => chart.shadowRoot!.querySelectorAll('.weeks > li').length).toBe(1);
        expect(chart.shadowRoot!.querySelector('.plot canvas'), chart.heading).toBeNull();
      }
      const reps = charts.find((chart) => chart.heading === 'Reps: best set of the week')!;
      const readings = [...reps.shadowRoot!.querySelectorAll('.weeks li li')].map((li) => li.textContent);
      expect(readings).toContainEqual(expect.stringMatching(/^Superman: \d+, target \d+$/));
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });

  it('says once what History will hold and how to fill it while there is no session, and draws every chart once there is one', async () => {
    // Eight charts each saying "No sessions with this yet." were eight empty boxes down a phone's
    // screen to a person who had done nothing yet.
    const persistence = await persistenceWith([]);
    const history = await mount('bb-history', persistence);
    const explained = page.getByText(NOTHING_YET, { exact: true });
    await expect.element(explained).toBeVisible();
    expect(explained.elements()).toHaveLength(1);
    expect(history.shadowRoot!.querySelectorAll('bb-progress-chart')).toHaveLength(0);
    expect(page.getByRole('heading', { name: 'Progress' }).elements()).toHaveLength(0);
    // One session imported: the charts come, each without its exercise still saying so.
    const first = finishedSession('first', Date.now() - 86_400_000, [supermanSet()]);
    await userEvent.upload(
      page.getByLabelText('Import a file'),
      new File([toJson([first])], 'backup.json', { type: 'application/json' }),
    );
    await expect.element(page.getByText('Imported 1 session.')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Progress', level: 3 })).toBeVisible();
    expect(page.getByText(NOTHING_YET).elements()).toHaveLength(0);
    const charts = [...history.shadowRoot!.querySelectorAll('bb-progress-chart')];
    await Promise.all(charts.map((c) => c.updateComplete));
    expect(
      charts.map((c) => [c.heading, c.shadowRoot!.querySelector('.empty')?.textContent ?? null]),
    ).toEqual([
      ['Reps: best set of the week', null],
      ['Lat pulldown: weight (kg)', NO_SESSIONS_YET],
      ['Lat pulldown: best set (reps)', NO_SESSIONS_YET],
      ['Longest hold of the week', NO_SESSIONS_YET],
      ['Superman range of motion by week', null],
      ['Heart rate by week', NO_SESSIONS_YET],
      ['Heart rate recovery by week', NO_SESSIONS_YET],
      ['Breath cycles: best set of the week', NO_SESSIONS_YET],
    ]);
  });

  it('says a week whose only hold was broken by a pause has it, and why it is not charted, on a 360 px and a 180 px phone', async () => {
    // "No sessions with this yet" over a drawing-in paused at 10 s and run on to 45 s read as History
    // losing the session.
    const broken = supermanSet({
      exerciseId: 'drawing-in',
      count: 0,
      target: 45,
      holdMs: 45_000,
      peakDeg: null,
      pausedInHold: true,
    });
    const persistence = await persistenceWith([finishedSession('broken', Date.now() - 86_400_000, [broken])]);
    for (const [width, height] of [
      [360, 640],
      [180, 320],
    ] as const) {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const history = await mount('bb-history', persistence);
        const charts = () => [...history.shadowRoot!.querySelectorAll('bb-progress-chart')];
        await expect.poll(() => charts().length).toBe(8);
        const holds = charts().find((chart) => chart.heading === 'Longest hold of the week')!;
        await holds.updateComplete;
        await expect
          .poll(() => holds.shadowRoot!.querySelector('.empty')?.textContent)
          .toBe('Your only hold so far was broken by a pause, and is not charted.');
        const empty = holds.shadowRoot!.querySelector('.empty')!;
        empty.scrollIntoView();
        const box = empty.getBoundingClientRect();
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
        history.remove();
      } finally {
        await restore();
      }
    }
    expect(holdsChartEmpty(2)).toBe('Your 2 holds so far were each broken by a pause, and are not charted.');
    expect(holdsChartEmpty(0)).toBe('No sessions with this yet.');
  });

  it("says what measures a superman's lift where every superman was counted with +1 (a heart-rate-only strap)", async () => {
    const byHand = supermanSet({ peakDeg: null, endedBy: 'target' });
    const persistence = await persistenceWith([
      finishedSession('by-hand', Date.now() - 86_400_000, [byHand]),
    ]);
    const history = await mount('bb-history', persistence);
    const charts = () => [...history.shadowRoot!.querySelectorAll('bb-progress-chart')];
    await expect.poll(() => charts().length).toBe(8);
    const range = charts().find((chart) => chart.heading === 'Superman range of motion by week')!;
    await range.updateComplete;
    await expect
      .poll(() => range.shadowRoot!.querySelector('.empty')?.textContent)
      .toBe('No sessions with this yet: a strap with a motion sensor, or the virtual strap, measures it.');
    // The reps were counted: their chart has the week.
    const reps = charts().find((chart) => chart.heading === 'Reps: best set of the week')!;
    expect(reps.shadowRoot!.querySelector('.empty')).toBeNull();
  });

  it("says the lat pulldown's reps are charted apart where the chart of reps has none of the others (a watch alone counts it)", async () => {
    const pulldown = supermanSet({ exerciseId: 'lat-pulldown', count: 5, target: 12, peakDeg: null });
    const persistence = await persistenceWith([
      finishedSession('pulldown-only', Date.now() - 86_400_000, [pulldown]),
    ]);
    const history = await mount('bb-history', persistence);
    const charts = () => [...history.shadowRoot!.querySelectorAll('bb-progress-chart')];
    await expect.poll(() => charts().length).toBe(8);
    const reps = charts().find((chart) => chart.heading === 'Reps: best set of the week')!;
    await reps.updateComplete;
    // "No sessions with this yet" over the lat pulldown's chart of 5 reps read as History losing the set.
    await expect.poll(() => reps.shadowRoot!.querySelector('.empty')?.textContent).toBe(REPS_CHART_EMPTY);
    const pulldownReps = charts().find((chart) => chart.heading === 'Lat pulldown: best set (reps)')!;
    await pulldownReps.updateComplete;
    expect(pulldownReps.shadowRoot!.querySelector('.empty')).toBeNull();
  });

  it("says the lat pulldown's weight chart waits for a weight logged in Settings where lat pulldowns were done with none", async () => {
    // The plan asks for a weight and the program gives none: "No sessions with this yet" over weeks
    // of lat pulldowns read as History losing them.
    const pulldown = supermanSet({ exerciseId: 'lat-pulldown', count: 12, target: 12, peakDeg: null });
    const persistence = await persistenceWith([
      finishedSession('pulldown-without-weight', Date.now() - 86_400_000, [pulldown]),
    ]);
    const history = await mount('bb-history', persistence);
    const charts = () => [...history.shadowRoot!.querySelectorAll('bb-progress-chart')];
    await expect.poll(() => charts().length).toBe(8);
    const weight = charts().find((chart) => chart.heading === 'Lat pulldown: weight (kg)')!;
    await weight.updateComplete;
    await expect
      .poll(() => weight.shadowRoot!.querySelector('.empty')?.textContent)
      .toBe('No weight logged with your lat pulldowns yet: log one in Settings, and it is charted here.');
  });

  it("says once, under Sessions, what each session's FIT, CSV and JSON file is for", async () => {
    // Two sessions' rows of "FIT CSV JSON" beside Delete named no use to a person who had not met them.
    const persistence = await persistenceWith([
      finishedSession('earlier', Date.now() - 2 * 86_400_000, [supermanSet()]),
      finishedSession('later', Date.now() - 86_400_000, [supermanSet()]),
    ]);
    const history = await mount('bb-history', persistence);
    const kinds =
      'FIT for Garmin Connect or Strava, CSV for a spreadsheet, JSON for everything: the one file Backbeat imports again.';
    await expect.element(page.getByText(kinds)).toBeVisible();
    expect(page.getByText(kinds).elements()).toHaveLength(1);
    const heading = history.shadowRoot!.querySelector('#sessions-title')!.getBoundingClientRect();
    const list = page.getByRole('list', { name: 'Saved sessions' }).element().getBoundingClientRect();
    const note = page.getByText(kinds).element().getBoundingClientRect();
    expect(note.top).toBeGreaterThanOrEqual(heading.bottom);
    expect(note.bottom).toBeLessThanOrEqual(list.top);
  });

  it('offers a backup of the settings while no session is saved, the import that restores one, and no deletion of nothing', async () => {
    // The settings and what was learned of how the person moves, as the app gives them to a backup.
    const preferences = { settings: { muted: true }, personalTuning: {} };
    const persistence = await persistenceWith([], {
      read: () => preferences,
      differ: () => false,
      apply: () => undefined,
    });
    const downloads = watchDownloads();
    await mount('bb-history', persistence);
    await expect.element(page.getByText('No sessions saved yet.')).toBeVisible();
    // "Everything" beside no sessions read as a file of nothing; no button read as no way to carry
    // a phone set up with care to another: it holds the settings, named so.
    expect(page.getByRole('button', { name: 'Back up everything' }).elements()).toHaveLength(0);
    await userEvent.click(page.getByRole('button', { name: 'Back up your settings' }));
    await expect.poll(() => downloads.length).toBe(1);
    // With them how long raw motion is kept, as this store keeps it (all of it, as at first).
    expect(JSON.parse(await downloads[0]!.text()).preferences).toEqual({
      ...preferences,
      motionRetention: { keep: 'all' },
    });
    // Nor a CSV of no sessions, a button that could never be used.
    expect(page.getByRole('button', { name: 'All sessions as CSV' }).elements()).toHaveLength(0);
    // Nor a deletion of nothing: sessions are all it deletes, and the settings stay.
    expect(page.getByRole('button', { name: /^Delete/ }).elements()).toHaveLength(0);
    await expect.element(page.getByLabelText('Import a file')).toBeEnabled();
    // Read once, as the button it is: its words on the screen were read before it as a text too.
    expect(await rolesNamed('Import a file')).toEqual(['button']);
    document.body.replaceChildren();
    await mount('bb-history', await persistenceWith([await recordSession()]));
    await expect.element(page.getByRole('button', { name: 'Back up everything' })).toBeEnabled();
  });

  it('offers no backup where it would hold nothing: no session, and no settings given to it', async () => {
    await mount('bb-history', await persistenceWith([]));
    await expect.element(page.getByText('No sessions saved yet.')).toBeVisible();
    expect(page.getByRole('button', { name: /^Back up/ }).elements()).toHaveLength(0);
  });

  it('rings Import a file, reached by the keyboard, as it rings the buttons beside it', async () => {
    await mount('bb-history', await persistenceWith([await recordSession()]));
    const csv = page.getByRole('button', { name: 'All sessions as CSV' });
    await expect.element(csv).toBeEnabled();
    csv.element().focus();
    await userEvent.tab();
    const input = page.getByLabelText('Import a file').element();
    expect(input.matches(':focus')).toBe(true);
    const ring = (element: Element) => {
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineOffset}`;
    };
    const importRing = ring(input.closest('label')!);
    await userEvent.tab({ shift: true });
    expect(csv.element().matches(':focus-visible')).toBe(true);
    expect(importRing).toBe(ring(csv.element()));
    expect(importRing).toBe('solid 4px 2px');
  });

  it('centres the words of Import a file in their box as the buttons beside it do, wrapped on a 180 px screen', async () => {
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith([await recordSession()]));
      await expect.element(page.getByRole('button', { name: 'All sessions as CSV' })).toBeEnabled();
      const root = history.shadowRoot!;
      /** The room left and right of each line of words in their box, px. */
      const margins = (box: Element) => {
        const edges = box.getBoundingClientRect();
        const words = document.createRange();
        words.selectNodeContents(box.querySelector('span') ?? box);
        return [...words.getClientRects()].map((line) => [
          Math.round(line.left - edges.left),
          Math.round(edges.right - line.right),
        ]);
      };
      const file = root.querySelector('.tools .file')!;
      const csv = [...root.querySelectorAll('.tools button')].find(
        (b) => b.textContent === 'All sessions as CSV',
      )!;
      // Both wrap there: centred, each line as far from either side; the words of Import a file kept to
      // the left, 22 px from its left side and 49 and 98 from its right, where the buttons' were centred.
      for (const box of [csv, file]) {
        const lines = margins(box);
        expect(lines.length, box.textContent!).toBeGreaterThan(1);
        for (const [left, right] of lines)
          expect(Math.abs(left! - right!), box.textContent!).toBeLessThanOrEqual(1);
      }
    } finally {
      await restore();
    }
  });

  it('has a Back button at its top, by tap or by keyboard, above a long list', async () => {
    const bundles = await dailySessions(5);
    const history = await mount('bb-history', await persistenceWith(bundles));
    let closed = 0;
    history.addEventListener('bb-close-history', () => closed++);
    const back = page.getByRole('button', { name: 'Back', exact: true });
    await expect.element(back).toBeVisible();
    const heading = history.shadowRoot!.querySelector('h2')!.getBoundingClientRect();
    expect(back.element().getBoundingClientRect().top).toBeLessThan(heading.bottom);
    await userEvent.click(back);
    expect(closed).toBe(1);
    // The first stop of the keyboard in the history, from whatever comes before it.
    const before = document.createElement('button');
    history.before(before);
    before.focus();
    await userEvent.tab();
    expect(history.shadowRoot!.activeElement).toBe(back.element());
    await userEvent.keyboard('{Enter}');
    expect(closed).toBe(2);
  });

  it('lists a session at the time it had where it was done, as its week is counted', async () => {
    const a = await recordSession();
    // 08:00 on Monday 16 November in Tokyo (+9 h), whatever zone this browser is in.
    const tokyo = {
      ...a,
      session: { ...a.session, startedAt: Date.UTC(2026, 10, 15, 23, 0), utcOffsetMin: 540 },
    };
    await mount('bb-history', await persistenceWith([tokyo]));
    const when = new Date(Date.UTC(2026, 10, 16, 8, 0)).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    await expect.element(page.getByText(when, { exact: true })).toBeVisible();
  });

  it('deletes a session only after a second click', async () => {
    const a = await recordSession();
    const b = {
      ...a,
      session: { ...a.session, id: 'session-2', startedAt: a.session.startedAt + 86_400_000 },
    };
    const persistence = await persistenceWith([a, toOtherSession(b)]);
    await mount('bb-history', persistence);
    const deletes = page.getByRole('button', { name: /^Delete .*20/ });
    await userEvent.click(deletes.first());
    await userEvent.click(page.getByRole('button', { name: 'Keep it' }));
    expect(persistence.history.state.sessions).toHaveLength(2);
    await userEvent.click(deletes.first());
    await userEvent.click(page.getByRole('button', { name: 'Yes, delete it' }));
    await expect.poll(() => persistence.history.state.sessions.length).toBe(1);
    await expect
      .element(page.getByRole('list', { name: 'Saved sessions' }).getByText('Session deleted.'))
      .toBeVisible();
    // Sessions are what it deletes: the settings, and what was learned of how the person moves, stay.
    await userEvent.click(page.getByRole('button', { name: 'Delete all sessions' }));
    await expect.element(page.getByText('Delete the one saved session for good?')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Yes, delete it' }));
    await expect.element(page.getByText('No sessions saved yet.')).toBeVisible();
  });

  it('keeps a session a full store would not delete with its week, listed and charted, and says so within a 180 px phone', async () => {
    const a = await recordSession();
    const b = {
      ...a,
      session: { ...a.session, id: 'session-2', startedAt: a.session.startedAt + 60_000 },
    };
    const persistence = await persistenceWith([a, toOtherSession(b)]);
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    const history = await mount('bb-history', persistence);
    // Full for good, as Chromium refuses a transaction that writes however much it deletes.
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await userEvent.click(page.getByRole('button', { name: /^Delete .*20/ }).first());
      await userEvent.click(page.getByRole('button', { name: 'Yes, delete it' }));
      const said = page.getByText(/^The session was not deleted: storage is so full/);
      await expect.element(said).toBeVisible();
      const box = said.element().getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(180);
      expect(persistence.history.state.sessions).toHaveLength(2);
      expect(
        persistence.history.state.progress?.supermanRange.lines[0]?.values.filter((v) => v !== null),
      ).toHaveLength(1);
      expect(history.renderRoot.querySelectorAll('li.deleted')).toHaveLength(0);
    } finally {
      full.mockRestore();
      await restore();
    }
  });

  it('imports a file through the file picker and says what a broken one is missing', async () => {
    const persistence = await persistenceWith([]);
    await mount('bb-history', persistence);
    const input = page.getByLabelText('Import a file');
    const json = toJson([await recordSession()]);
    // Cut inside its first line, before the first session.
    await userEvent.upload(input, new File([json.slice(0, 60)], 'cut.json', { type: 'application/json' }));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(/^This file is incomplete: it stops before its first session,/);
    await userEvent.upload(input, new File([json], 'good.json', { type: 'application/json' }));
    await expect.element(page.getByText('Imported 1 session.')).toBeVisible();
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
  });

  it('moves the progress bar with every step of an import, and says at once that Cancel is undoing it', async () => {
    const persistence = await persistenceWith([]);
    const steps: (() => void)[] = [];
    const nextStep = () => new Promise<void>((resolve) => steps.push(resolve));
    let undone = false;
    persistence.restore = async (_file, options = {}) => {
      for (let done = 1; done <= 3; done++) {
        await nextStep();
        options.onProgress?.(done, 4);
      }
      await nextStep();
      options.signal?.throwIfAborted();
      undone = true;
      return { added: [], skipped: [] };
    };
    await mount('bb-history', persistence);
    await userEvent.upload(page.getByLabelText('Import a file'), new File(['{}'], 'backup.json'));
    const bar = page.getByRole('progressbar', { name: 'Importing' });
    for (const percent of [25, 50, 75]) {
      await expect.poll(() => steps.length).toBe(percent / 25);
      steps[percent / 25 - 1]();
      await expect.element(bar).toHaveAttribute('value', String(percent));
    }
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    await expect.element(page.getByRole('progressbar', { name: 'Cancelling…' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    steps[3]();
    await expect.element(page.getByText('Import cancelled: nothing was imported.')).toBeVisible();
    expect(undone).toBe(false);
  });
});

describe('bb-history left in the middle of an import', () => {
  it('shows the import still going when opened again, with its Cancel, and what it did once it ends', async () => {
    // A session saved already, so that there is a backup to hold back while the import runs.
    const persistence = await persistenceWith([await recordSession()]);
    let finish!: () => void;
    persistence.restore = async (_file, options = {}) => {
      options.onProgress?.(1, 2);
      await new Promise<void>((resolve) => (finish = resolve));
      persistence.history.update({ notice: 'Imported 2 sessions.' });
      return { added: [], skipped: [] };
    };
    const first = await mount('bb-history', persistence);
    await userEvent.upload(page.getByLabelText('Import a file'), new File(['{}'], 'backup.json'));
    await expect.element(page.getByRole('progressbar', { name: 'Importing' })).toHaveAttribute('value', '50');
    first.remove(); // Back to the start screen
    await mount('bb-history', persistence);
    await expect.element(page.getByRole('progressbar', { name: 'Importing' })).toHaveAttribute('value', '50');
    // Nothing else that writes the history while it runs.
    await expect.element(page.getByRole('button', { name: 'Back up everything' })).toBeDisabled();
    await expect.element(page.getByLabelText('Import a file')).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    finish();
    await expect.element(page.getByText('Imported 2 sessions.')).toBeVisible();
    expect(page.getByRole('progressbar').query()).toBeNull();
    await expect.element(page.getByLabelText('Import a file')).toBeEnabled();
  });
});

describe('bb-history restoring a backup with settings', () => {
  /**
   * The history of a device whose settings are not the backup's, with a backup of one session and of
   * `preferences` imported: the settings the device took on, none until the person asks.
   */
  async function backupWithSettingsImported(preferences: object): Promise<unknown[]> {
    const applied: unknown[] = [];
    const persistence = await persistenceWith([], {
      read: () => ({}),
      differ: () => true,
      apply: (taken) => applied.push(taken),
    });
    await mount('bb-history', persistence);
    const backup =
      fileHeader(new Date(), preferences) + sessionLine(await recordSession(), true) + FILE_FOOTER;
    await userEvent.upload(
      page.getByLabelText('Import a file'),
      new File([backup], 'backup.json', { type: 'application/json' }),
    );
    return applied;
  }

  it("offers the backup's settings, and takes them on only from the tap", async () => {
    const preferences = { settings: { muted: true } };
    const applied = await backupWithSettingsImported(preferences);
    await expect.element(page.getByText(/The backup also holds its settings/)).toBeVisible();
    expect(applied).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: "Use the backup's settings" }));
    expect(applied).toEqual([preferences]);
    await expect.element(page.getByText("The backup's settings are this device's now.")).toBeVisible();
    expect(page.getByText(/The backup also holds its settings/).query()).toBeNull();
  });

  it('takes the offer away when the next file imported is refused, and shows its error alone', async () => {
    const applied = await backupWithSettingsImported({ settings: { muted: true } });
    await expect.element(page.getByText(/The backup also holds its settings/)).toBeVisible();
    await userEvent.upload(
      page.getByLabelText('Import a file'),
      new File([JSON.stringify({ name: 'backbeat', private: true })], 'package.json', {
        type: 'application/json',
      }),
    );
    await expect.element(page.getByRole('alert')).toHaveTextContent(/This is not a Backbeat backup/);
    expect(page.getByText(/The backup also holds its settings/).query()).toBeNull();
    expect(page.getByRole('button', { name: "Use the backup's settings" }).query()).toBeNull();
    expect(applied).toEqual([]);
  });
});

describe('bb-history on a phone', () => {
  it('brings what an import did into view, under the buttons that push it below the fold', async () => {
    const { innerWidth, innerHeight } = window;
    await page.viewport(360, 640);
    try {
      // The app's header and the offline notice above the history.
      const above = document.createElement('div');
      above.style.height = '310px';
      document.body.append(above);
      const persistence = await persistenceWith([]);
      await mount('bb-history', persistence);
      const json = toJson([await recordSession()]);
      await userEvent.upload(
        page.getByLabelText('Import a file'),
        new File([json.slice(0, 60)], 'cut.json', { type: 'application/json' }),
      );
      const alert = page.getByRole('alert');
      await expect
        .element(alert)
        .toHaveTextContent(/^This file is incomplete: it stops before its first session,/);
      await expect.poll(() => alert.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(640);
      window.scrollTo(0, 0);
      await userEvent.upload(
        page.getByLabelText('Import a file'),
        new File([json], 'good.json', { type: 'application/json' }),
      );
      const notice = page.getByText('Imported 1 session.');
      await expect.element(notice).toBeVisible();
      await expect.poll(() => notice.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(640);
    } finally {
      await page.viewport(innerWidth, innerHeight);
    }
  });
});

describe("bb-history's notice of a pause put right on import", () => {
  it.each([
    ['a phone', 360, 640],
    ['a phone with its text at twice its size', 180, 320],
  ])('says which pause it left out, within %s', async (_, width, height) => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith([]));
      const file = JSON.parse(toJson([strapDroppedSession('dropped', Date.now() - 86_400_000)]));
      file.sessions[0].session.snapshot.pauses[0].ms = 'two seconds';
      await userEvent.upload(
        page.getByLabelText('Import a file'),
        new File([JSON.stringify(file)], 'edited.json', { type: 'application/json' }),
      );
      const notice = page.getByText(/^Imported 1 session\. Not all of it could be read/);
      await expect.element(notice).toBeVisible();
      expect(notice.element().textContent).toBe(
        'Imported 1 session. Not all of it could be read: session 1, pause 1: "ms" should be a number, so the pause was left out.',
      );
      // The rest of the session came in: its other drop, given up on in the set, still told.
      expect(history.shadowRoot!.querySelector('li[data-session="dropped"] .facts')!.textContent).toMatch(
        /strap out of reach 1 min 30 s$/,
      );
      expect(notice.element().getBoundingClientRect().right).toBeLessThanOrEqual(width);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      await restore();
    }
  });
});

describe("bb-history's import of a backup whose saved session state is damaged", () => {
  it('says what it left out, keeps the unfinished session as it was left, and lists and exports both with their sets', async () => {
    const recorded = await recordSession();
    // Yesterday's, finished, whose end on its clock is no number: History and its exports read it.
    const finished = begunAt(recorded, Date.now() - 86_400_000);
    // Left a quarter of an hour ago in a set of an exercise past its plan: there is nowhere to resume.
    const file = JSON.parse(toJson([finished, begunAt(recorded, Date.now() - 900_000)]));
    file.sessions[1] = JSON.parse(JSON.stringify(file.sessions[1]).replaceAll('"session-1"', '"left"'));
    file.sessions[0].session.snapshot.endedMs = 'the end';
    const unfinished = file.sessions[1].session;
    Object.assign(unfinished, { status: 'active', endedAt: null });
    Object.assign(unfinished.snapshot, { phase: 'set', exerciseIndex: 9, endedMs: null, set: null });
    const persistence = await persistenceWith([]);
    const downloads = watchDownloads();
    const history = await mount('bb-history', persistence);
    await mount('bb-storage-notice', persistence);
    expect(await importEdited(file, /^Imported 2 sessions\. Not all of them could be read/)).toBe(
      'Imported 2 sessions. Not all of them could be read: ' +
        'session 1: "session.snapshot.endedMs" should be a number, so its saved state was left out; ' +
        'session 2: "session.snapshot.exerciseIndex" should be a whole number from 0 to 4, so its saved state was left out.',
    );
    // With nothing saved to go on from, the unfinished session, left a quarter of an hour ago, is kept
    // as it was left, not offered to resume where Resume could only fail.
    await expect.poll(() => persistence.history.state.sessionCount).toBe(2);
    expect(persistence.history.state.unfinished).toBeNull();
    expect(page.getByRole('button', { name: 'Resume where I was' }).query()).toBeNull();
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
    await expect.poll(() => history.shadowRoot!.querySelectorAll('li[data-session]').length).toBe(2);
    for (const id of ['session-1', 'left']) {
      const item = history.shadowRoot!.querySelector(`li[data-session="${id}"]`)!;
      expect(item.querySelector('.facts')!.textContent).toMatch(/6 sets/);
      expect(item.textContent).not.toMatch(/NaN|undefined/);
    }
    // Each exported again reads back whole: nothing in it left to put right.
    const exports = page.getByRole('button', { name: /^Export .* as JSON$/ });
    await userEvent.click(exports.nth(0));
    await expect.poll(() => downloads.length).toBe(1);
    await userEvent.click(exports.nth(1));
    await expect.poll(() => downloads.length).toBe(2);
    for (const file of downloads) {
      const back = readJson(await file.text(), Date.now());
      expect(back.putRight).toEqual([]);
      expect(back.bundles[0]?.session.status).toBe('finished');
    }
  });
});

describe("bb-history's line of a session's facts", () => {
  it.each([
    ['a phone', 360, 640],
    ['a phone with its text at twice its size', 180, 320],
  ])('keeps each fact whole on one line on %s, the line breaking between them', async (_, width, height) => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith([await recordSession()]));
      await expect.element(page.getByText('Bird dog 2 each side')).toBeVisible();
      const facts = history.shadowRoot!.querySelector('li[data-session] .facts')!;
      // A fact wider than the narrow window's line breaks within it, never inside a name or a number
      // with its unit: "Bird dog" over "2 each side".
      const whole =
        width === 180
          ? ['Bird dog', '2 each side', '93 bpm', 'Wide-grip', '27.5 kg']
          : ['Bird dog 2 each side', '93 bpm average', 'Wide-grip lat pulldown at 27.5 kg'];
      for (const fact of [...whole, '44 s held', '3 min', '6 sets', '9 reps']) {
        expect(linesOf(facts, fact), fact).toBe(1);
      }
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      await restore();
    }
  });
});

describe("bb-history's sets of a session", () => {
  /**
   * The cells of each row of the table of sets in `root`, words hidden from sight included: a set's
   * notes end its last cell, as a screen reader reads them, and are rows of their own for the eye.
   */
  function rowsOf(root: Element | ShadowRoot): string[][] {
    return [...root.querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
  }

  it('shows the sets of a session when asked, as its summary did, read from the store only then', async () => {
    const yesterday = finishedSession('yesterday', Date.now() - 86_400_000, [
      supermanSet({ count: 8, endedBy: 'stopped' }),
      supermanSet({ setNumber: 2, count: 0, endedBy: 'skipped' }),
      supermanSet({ exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 20_000, endedBy: 'stopped' }),
    ]);
    const persistence = await persistenceWith([yesterday, await recordSession()]);
    const setsOf = vi.spyOn(SessionStore.prototype, 'setsOf');
    const history = await mount('bb-history', persistence);
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
    // Years of sessions: none of their sets is read to list them.
    expect(setsOf).not.toHaveBeenCalled();
    const setsButton = (id: string) =>
      history.shadowRoot!.querySelector<HTMLButtonElement>(`li[data-session="${id}"] button[aria-expanded]`)!;
    const first = setsButton('yesterday');
    const recorded = setsButton('session-1');
    expect(first.textContent).toBe('Sets ▾');
    expect(first.getAttribute('aria-expanded')).toBe('false');

    // By keyboard: the table comes under its session's buttons, named for the session.
    first.focus();
    await userEvent.keyboard('{Enter}');
    const when = first.getAttribute('aria-label')!.replace('Sets of ', '');
    const region = page.getByRole('region', { name: `Sets of ${when}` });
    await expect.element(region).toBeVisible();
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(setsOf.mock.calls).toEqual([['yesterday']]);
    const table = history.shadowRoot!.querySelector(`#${first.getAttribute('aria-controls')}`)!;
    expect(rowsOf(table.shadowRoot!)).toEqual([
      ['Exercise', 'Set', 'Done', 'Target'],
      ['Superman', '1', '8', '10'],
      ['Superman', '2', 'skipped', '10'],
      ['Drawing-in', '1', '20 s', '45 s'],
    ]);

    // The one the summary showed at its end, weights and all, in the summary's own words.
    const bundle = await recordSession();
    await userEvent.click(recorded);
    await expect.poll(() => history.shadowRoot!.querySelectorAll('bb-sets-table').length).toBe(2);
    const shown = history.shadowRoot!.querySelector('li[data-session="session-1"] bb-sets-table')!;
    const summary = document.createElement('bb-summary');
    summary.records = bundle.sets;
    summary.plan = fromPlanEntries(bundle.session.plan);
    summary.durationMs = bundle.session.summary.durationMs;
    document.body.append(summary);
    await summary.updateComplete;
    const atItsEnd = summary.shadowRoot!.querySelector('bb-sets-table')!;
    await (atItsEnd as LitElement).updateComplete;
    expect(rowsOf(shown.shadowRoot!)).toEqual(rowsOf(atItsEnd.shadowRoot!));
    expect(rowsOf(shown.shadowRoot!).flat()).toContain('Wide-grip lat pulldown at 27.5 kg');
    // Its colours are index.html's, which this page has not: the app's audit checks them.
    const audit = await axe.run(history, {
      resultTypes: ['violations'],
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(audit.violations.map((v) => v.id)).toEqual([]);

    // Closed again by its button.
    await userEvent.click(first);
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(history.shadowRoot!.querySelector('li[data-session="yesterday"] bb-sets-table')).toBeNull();
    // Read again when opened again: a read that fails says why, where the table would be.
    setsOf.mockRejectedValueOnce(new Error('The database connection is closing.'));
    await userEvent.click(first);
    await expect
      .element(page.getByText('Its sets could not be read: The database connection is closing.'))
      .toBeVisible();
    expect(setsOf).toHaveBeenCalledTimes(3);
  });

  it("says a hold broken by a pause was held with a pause in the session's sets, as the rest and the voice said it", async () => {
    // "45 s" alone read as one hold kept whole, which the plan takes no step from.
    const broken = finishedSession('broken', Date.now() - 86_400_000, [
      drawingInBrokenByAPause(),
      supermanSet({
        exerciseId: 'elbow-plank',
        target: 40,
        count: 0,
        holdMs: 20_700,
        peakDeg: null,
        endedBy: 'stopped',
        endedByHand: true,
        pausedInHold: true,
      }),
      supermanSet({
        exerciseId: 'elbow-plank',
        setNumber: 2,
        target: 30,
        count: 0,
        holdMs: 31_000,
        peakDeg: null,
      }),
    ]);
    const history = await mount('bb-history', await persistenceWith([broken]));
    const button = history.shadowRoot!.querySelector<HTMLButtonElement>(
      'li[data-session="broken"] button[aria-expanded]',
    )!;
    await userEvent.click(button);
    await expect.poll(() => history.shadowRoot!.querySelector('bb-sets-table')).not.toBeNull();
    const table = history.shadowRoot!.querySelector('bb-sets-table')!;
    await (table as LitElement).updateComplete;
    expect(rowsOf(table.shadowRoot!)).toEqual([
      ['Exercise', 'Set', 'Done', 'Target'],
      ['Drawing-in', '1', '45 s', '45 s, With a pause'],
      ['With a pause'],
      ['Elbow plank', '1', '20 s', '40 s, Cut short, with a pause'],
      ['Cut short, with a pause'],
      ['Elbow plank', '2', '31 s', '30 s'],
    ]);
  });
});

describe("bb-history's session whose strap dropped out", () => {
  /** The rows of the table of sets under session `id`, once opened, as rowsOf reads them. */
  async function setsOf(history: HTMLElement, id: string): Promise<string[][]> {
    const button = history.shadowRoot!.querySelector<HTMLButtonElement>(
      `li[data-session="${id}"] button[aria-expanded]`,
    )!;
    await userEvent.click(button);
    await expect
      .poll(() => history.shadowRoot!.querySelector(`li[data-session="${id}"] bb-sets-table`))
      .not.toBeNull();
    const table = history.shadowRoot!.querySelector(`li[data-session="${id}"] bb-sets-table`)!;
    await (table as LitElement).updateComplete;
    return [...table.shadowRoot!.querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
  }

  const factsOf = (history: HTMLElement, id: string) =>
    history
      .shadowRoot!.querySelector(`li[data-session="${id}"] .facts`)!
      .textContent!.replace(/\s+/g, ' ')
      .trim();

  /** The sets of the session whose strap dropped out, as History tells them. */
  const DROPPED_SETS = [
    ['Exercise', 'Set', 'Done', 'Target'],
    [
      'Superman',
      '1',
      '10',
      '10, Strap out of reach twice: 2 min 54 s not counted; Counted with +1, strap out of reach: 1',
    ],
    ['Strap out of reach twice: 2 min 54 s not counted'],
    ['Counted with +1, strap out of reach: 1'],
    ['Superman', '2', '10', '10'],
  ];

  it('says in its line how long the session stood still for the strap, and under the set how long it counted nothing', async () => {
    const history = await mount(
      'bb-history',
      await persistenceWith([
        strapDroppedSession('dropped', Date.now() - 86_400_000),
        strapDroppedSession('before', Date.now() - 2 * 86_400_000, 'before'),
      ]),
    );
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
    // 102 s and 72 s in the set, 18 s in the rest after it.
    expect(factsOf(history, 'dropped')).toBe('20 min · 2 sets · 20 reps · strap out of reach 3 min 12 s');
    expect(await setsOf(history, 'dropped')).toEqual(DROPPED_SETS);
    // Kept before the pauses given up on were the device's: the drop it came back from in the rest is
    // all its line has to tell, and its sets read as they did.
    expect(factsOf(history, 'before')).toBe('20 min · 2 sets · 20 reps · strap out of reach 18 s');
    expect(await setsOf(history, 'before')).toEqual([
      ['Exercise', 'Set', 'Done', 'Target'],
      ['Superman', '1', '10', '10, Counted with +1, strap out of reach: 1'],
      ['Counted with +1, strap out of reach: 1'],
      ['Superman', '2', '10', '10'],
    ]);
  });

  it('keeps what it tells of the drops, and the CSV and FIT too, for a backup of it whose saved state is damaged beyond repair', async () => {
    const file = JSON.parse(toJson([strapDroppedSession('dropped', Date.now() - 86_400_000)]));
    file.sessions[0].session.snapshot.endedMs = 'the end';
    const downloads = watchDownloads();
    const history = await mount('bb-history', await persistenceWith([]));
    expect(await importEdited(file, /^Imported 1 session\. Not all of it could be read/)).toBe(
      'Imported 1 session. Not all of it could be read: ' +
        'session 1: "session.snapshot.endedMs" should be a number, so its saved state was left out, its pauses kept.',
    );
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
    expect(factsOf(history, 'dropped')).toBe('20 min · 2 sets · 20 reps · strap out of reach 3 min 12 s');
    expect(await setsOf(history, 'dropped')).toEqual(DROPPED_SETS);
    await userEvent.click(page.getByRole('button', { name: /^Export .* as CSV$/ }));
    await expect.poll(() => downloads.length).toBe(1);
    expect(await downloads[0]!.text()).toContain(
      ',range 16 deg; strap out of reach twice: 2 min 54 s not counted,',
    );
    await userEvent.click(page.getByRole('button', { name: /^Export .* as FIT$/ }));
    await expect.poll(() => downloads.length).toBe(2);
    const fit = new Decoder(Stream.fromByteArray(new Uint8Array(await downloads[1]!.arrayBuffer())));
    const timer = (fit.read().messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
    // Stopped and started again for each of the three drops, then stopped at the end.
    expect(timer.map((e) => e.eventType)).toEqual([
      'start',
      ...['stopAll', 'start', 'stopAll', 'start', 'stopAll', 'start'],
      'stopAll',
    ]);
  });

  it.each([
    ['a phone', 360, 640],
    ['a phone with its text at twice its size', 180, 320],
  ])('fits its words within the card on %s, each time kept whole', async (_, width, height) => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const history = await mount(
        'bb-history',
        await persistenceWith([strapDroppedSession('dropped', Date.now() - 86_400_000)]),
      );
      await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
      await setsOf(history, 'dropped');
      const facts = history.shadowRoot!.querySelector('li[data-session="dropped"] .facts')!;
      expect(linesOf(facts, '3 min 12 s')).toBe(1);
      const table = history.shadowRoot!.querySelector('bb-sets-table')!;
      const note = table.shadowRoot!.querySelector('tr.dropped td')!;
      expect(linesOf(note, '2 min 54 s')).toBe(1);
      // Within the card: nothing crosses its edge, nor the table's box.
      const card = history
        .shadowRoot!.querySelector<HTMLElement>('li[data-session="dropped"]')!
        .getBoundingClientRect();
      for (const box of [facts.getBoundingClientRect(), note.getBoundingClientRect()])
        expect(box.right).toBeLessThanOrEqual(card.right + 0.5);
      const box = table.shadowRoot!.querySelector<HTMLElement>('.sets')!;
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      await restore();
    }
  });

  /** A session with an H10 and a watch, recorded as one source worn on the chest, the watch's drops kept as its. */
  function watchDroppedSession(id: string) {
    const bundle = strapDroppedSession(id, Date.now() - 86_400_000);
    const pauses = bundle.session.snapshot!.pauses!.map((pause) => ({
      ...pause,
      placement: 'wrist' as const,
    }));
    return {
      ...bundle,
      session: {
        ...bundle.session,
        snapshot: { ...bundle.session.snapshot!, pauses },
        sources: [
          {
            id: 'h10+watch',
            name: 'Polar H10 0000E2E0 + InfiniTime',
            kind: 'bluetooth' as const,
            placement: 'chest' as const,
          },
        ],
      },
    };
  }

  it.each([
    ['a phone', 360, 640],
    ['a phone with its text at twice its size', 180, 320],
  ])('says the watch, each of its words whole within the card on %s', async (_, width, height) => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith([watchDroppedSession('watched')]));
      await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
      // Two columns in the card, at either size: the rows under the first set are the drop's.
      expect((await setsOf(history, 'watched')).slice(2, 4)).toEqual([
        ['Watch out of reach twice: 2 min 54 s not counted'],
        ['Counted with +1, watch out of reach: 1'],
      ]);
      const facts = history.shadowRoot!.querySelector('li[data-session="watched"] .facts')!;
      expect(facts.textContent!.replace(/\s+/g, ' ').trim()).toBe(
        '20 min · 2 sets · 20 reps · watch out of reach 3 min 12 s',
      );
      expect(linesOf(facts, '3 min 12 s')).toBe(1);
      const table = history.shadowRoot!.querySelector('bb-sets-table')!;
      const notes = [...table.shadowRoot!.querySelectorAll('tr.dropped td, tr.corrected td')];
      expect(linesOf(notes[0]!, '2 min 54 s')).toBe(1);
      expect(linesOf(notes[1]!, 'reach: 1')).toBe(1);
      const card = history
        .shadowRoot!.querySelector<HTMLElement>('li[data-session="watched"]')!
        .getBoundingClientRect();
      for (const box of [facts, ...notes].map((el) => el.getBoundingClientRect()))
        expect(box.right).toBeLessThanOrEqual(card.right + 0.5);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      await restore();
    }
  });
});

describe("bb-history's sets of a session, heart rate and corrections", () => {
  it('tells the heart rate of each set and the counts put right by hand, as the summary did, read only on the tap', async () => {
    const recorded = await recordSession();
    // The first superman set counted 2 and put right to 3 with +1, as its summary's table read it.
    const sets = recorded.sets.map((set, i) => (i === 0 ? { ...set, corrections: 1 } : set));
    const bundle = { ...recorded, sets };
    const persistence = await persistenceWith([bundle]);
    const heartOf = vi.spyOn(SessionStore.prototype, 'heartRateOf');
    const history = await mount('bb-history', persistence);
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
    expect(heartOf).not.toHaveBeenCalled();
    await userEvent.click(page.getByRole('button', { name: /^Sets of / }));
    const heart = page.getByRole('region', { name: 'Heart rate' });
    await expect.element(heart).toBeVisible();
    expect(heartOf.mock.calls).toEqual([['session-1']]);
    // The summary's own words, from the same sets and heart rate.
    const summary = document.createElement('bb-summary');
    summary.records = bundle.sets;
    summary.plan = fromPlanEntries(bundle.session.plan);
    summary.durationMs = bundle.session.summary.durationMs;
    summary.heart = sessionHeart(allHeartRate(bundle), bundle.sets, 0, workoutMs(bundle.session));
    document.body.append(summary);
    await summary.updateComplete;
    const told = (root: Element) =>
      [...root.querySelectorAll('bb-set-heart-rates')].flatMap((e) =>
        [...e.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
      );
    await expect.poll(() => told(history.shadowRoot! as unknown as Element).length).toBeGreaterThan(3);
    expect(told(history.shadowRoot! as unknown as Element)).toEqual(
      told(summary.shadowRoot! as unknown as Element),
    );
    expect(told(history.shadowRoot! as unknown as Element)[0]).toMatch(
      /^Superman 1: \d+ bpm average, \d+ at most/,
    );
    const table = history.shadowRoot!.querySelector('bb-sets-table')!;
    expect(table.shadowRoot!.textContent!.replace(/\s+/g, ' ')).toContain('Put right by hand: +1');
  });
});

describe("bb-history's sets of a session listed anew", () => {
  it('reads them again once the whole of a session cut short is imported over it, as its line is', async () => {
    const startedAt = Date.now() - 86_400_000;
    const sets = [supermanSet(), supermanSet({ setNumber: 2, count: 7, startedMs: 60_000, endedMs: 90_000 })];
    const whole = finishedSession('cut', startedAt, sets);
    // Storage filled after its first set: the store kept it unfinished.
    const first = finishedSession('cut', startedAt, sets.slice(0, 1));
    const cut = {
      ...first,
      session: { ...first.session, status: 'active' as const, endedAt: null, updatedAt: startedAt },
    };
    const persistence = await persistenceWith([cut]);
    const history = await mount('bb-history', persistence);
    await userEvent.click(page.getByRole('button', { name: /^Sets of / }));
    const rows = () =>
      [
        ...(history.shadowRoot!.querySelector('bb-sets-table')?.shadowRoot?.querySelectorAll('tbody tr') ??
          []),
      ].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    await expect.poll(rows).toEqual(['Superman 1 10 10']);
    await persistence.importJson(toJson([whole]));
    await expect.element(page.getByText('2 sets')).toBeVisible();
    await expect.poll(rows).toEqual(['Superman 1 10 10', 'Superman 2 7 10']);
  });
});

describe("bb-history's sets of a session on a phone with its text at twice its size", () => {
  it('fits them in the card, with no sideways scroll, in two columns as the summary has them there', async () => {
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith([await recordSession()]));
      const button = page.getByRole('button', { name: /^Sets of / });
      await userEvent.click(button);
      const rows = () =>
        history.shadowRoot!.querySelector('bb-sets-table')?.shadowRoot?.querySelectorAll('tr');
      await expect.poll(() => rows()?.length ?? 0).toBeGreaterThan(6);
      const table = history.shadowRoot!.querySelector('bb-sets-table')!;
      const box = table.shadowRoot!.querySelector<HTMLElement>('.sets')!;
      await expect.poll(() => box.scrollWidth - box.clientWidth).toBeLessThanOrEqual(0);
      const heads = [...table.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim());
      expect(heads).toEqual(['Exercise', 'Done of target']);
      const card = history.shadowRoot!.querySelector('li[data-session]')!.getBoundingClientRect();
      expect(table.getBoundingClientRect().right).toBeLessThanOrEqual(card.right);
      // The sets' heart rate under them, its lines wrapped within the card.
      const heart = history.shadowRoot!.querySelector('bb-set-heart-rates')!;
      await expect.poll(() => heart.shadowRoot?.querySelectorAll('li').length ?? 0).toBeGreaterThan(3);
      for (const part of heart.shadowRoot!.querySelectorAll('h4, li'))
        expect(part.getBoundingClientRect().right, part.textContent!).toBeLessThanOrEqual(card.right);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });
});

// Delete asks first, its button giving way to the question's two answers: the focus on the button that
// went was lost to the page's top, where a screen reader began again with the header, and the question
// of a session's Delete was said nowhere.
describe('bb-history asking before it deletes, to a keyboard and a screen reader', () => {
  /** The history of two sessions a day apart, on the page. */
  async function historyOfTwoSessions() {
    const a = await recordSession();
    const b = {
      ...a,
      session: { ...a.session, id: 'session-2', startedAt: a.session.startedAt + 86_400_000 },
    };
    return mount('bb-history', await persistenceWith([a, toOtherSession(b)]));
  }

  it('asks which session, with the focus on the answer that keeps it, and back on Delete once kept', async () => {
    const root = (await historyOfTwoSessions()).shadowRoot!;
    const remove = page.getByRole('button', { name: /^Delete .*20/ }).first();
    const which = remove
      .element()
      .getAttribute('aria-label')!
      .replace(/^Delete /, '');
    await userEvent.click(remove);
    const question = page.getByRole('group', { name: `Delete ${which} for good?` });
    await expect.element(question).toBeVisible();
    // As Chromium gives it to a screen reader, not only as the page's markup says.
    expect(await rolesNamed(`Delete ${which} for good?`)).toEqual(['group']);
    await expect
      .poll(() => root.activeElement)
      .toBe(question.getByRole('button', { name: 'Keep it' }).element());
    await userEvent.click(question.getByRole('button', { name: 'Keep it' }));
    await expect.poll(() => root.activeElement?.getAttribute('aria-label')).toBe(`Delete ${which}`);
  });

  it('asks before deleting them all, with the focus on Keep them, back on Delete all sessions once kept, and on the heading once deleted', async () => {
    const root = (await historyOfTwoSessions()).shadowRoot!;
    await userEvent.click(page.getByRole('button', { name: 'Delete all sessions' }));
    const question = page.getByRole('group', { name: 'Delete all 2 sessions for good?' });
    await expect.element(question).toBeVisible();
    // The group, and its words on screen.
    expect(await rolesNamed('Delete all 2 sessions for good?')).toEqual(['group', 'StaticText']);
    const keep = question.getByRole('button', { name: 'Keep them' });
    await expect.poll(() => root.activeElement).toBe(keep.element());
    await userEvent.click(keep);
    await expect.poll(() => root.activeElement?.textContent?.trim()).toBe('Delete all sessions');
    // Deleted, the buttons and the list went with them: the focus goes to the screen's heading.
    await userEvent.click(page.getByRole('button', { name: 'Delete all sessions' }));
    await userEvent.click(page.getByRole('button', { name: 'Yes, delete them all' }));
    await expect.element(page.getByText('No sessions saved yet.')).toBeVisible();
    await expect
      .poll(() => root.activeElement)
      .toBe(page.getByRole('heading', { name: 'History' }).element());
  });
});

// A session's time names its row and its buttons ("Delete Nov 23, 2026, 8:02 AM"): two sessions begun
// in the same minute had two rows alike and two Sets, FIT, CSV, JSON and Delete buttons of one name
// each, which opened, exported or deleted different sessions.
describe("bb-history's sessions begun in the same minute", () => {
  /** 23 November 2026 at `hour`:`minute`:`second` where it was done, as History writes it. */
  function shownAs(hour: number, minute: number, second: number, timeStyle: 'short' | 'medium'): string {
    return new Date(Date.UTC(2026, 10, 23, hour, minute, second)).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle,
      timeZone: 'UTC',
    });
  }

  /** History of a session begun at each [hour, minute, second] of 23 November 2026, on the page. */
  async function historyBegunAt(...times: [number, number, number][]) {
    const recorded = await recordSession();
    const bundles = times.map(([hour, minute, second], i) =>
      toOtherSession({
        ...recorded,
        session: {
          ...recorded.session,
          id: `session-${i}`,
          startedAt: Date.UTC(2026, 10, 23, hour, minute, second),
          utcOffsetMin: 0,
        },
      }),
    );
    return mount('bb-history', await persistenceWith(bundles));
  }

  /** The names a screen reader hears more than once among the page's buttons. */
  async function buttonNamesHeardTwice(): Promise<string[]> {
    const names = await namesOfRole('button');
    return names.filter((name, i) => names.indexOf(name) !== i);
  }

  it('tells them apart by their seconds, on screen and in their buttons, the others to the minute', async () => {
    await historyBegunAt([8, 2, 10], [8, 2, 40], [9, 15, 0]);
    const first = shownAs(8, 2, 10, 'medium');
    const second = shownAs(8, 2, 40, 'medium');
    await expect.element(page.getByText(first, { exact: true })).toBeVisible();
    await expect.element(page.getByText(second, { exact: true })).toBeVisible();
    await expect.element(page.getByText(shownAs(9, 15, 0, 'short'), { exact: true })).toBeVisible();
    await expect.element(page.getByRole('button', { name: `Delete ${first}`, exact: true })).toBeVisible();
    await expect.element(page.getByRole('button', { name: `Sets of ${second}`, exact: true })).toBeVisible();
    expect(await buttonNamesHeardTwice()).toEqual([]);
  });

  it('numbers those begun at the same second, one session imported twice', async () => {
    await historyBegunAt([8, 2, 10], [8, 2, 10]);
    const both = shownAs(8, 2, 10, 'medium');
    await expect.element(page.getByText(`${both} (1 of 2)`, { exact: true })).toBeVisible();
    await expect.element(page.getByText(`${both} (2 of 2)`, { exact: true })).toBeVisible();
    await expect
      .element(page.getByRole('button', { name: `Export ${both} (2 of 2) as FIT`, exact: true }))
      .toBeVisible();
    expect(await buttonNamesHeardTwice()).toEqual([]);
  });
});

describe('bb-history deleting a session far down the list', () => {
  it.each([
    ['a phone', 360, 640],
    ['a laptop', 1366, 768],
  ])('says it went where the session was, on %s, and in the status', async (_, width, height) => {
    const { innerWidth, innerHeight } = window;
    await page.viewport(width, height);
    try {
      // The app's header and the offline notice above the history.
      const above = document.createElement('div');
      above.style.height = '310px';
      document.body.append(above);
      const bundles = await dailySessions(6);
      const persistence = await persistenceWith(bundles);
      await mount('bb-history', persistence);
      await userEvent.click(page.getByRole('button', { name: /^Delete .*20/ }).nth(4));
      await userEvent.click(page.getByRole('button', { name: 'Yes, delete it' }));
      await expect.poll(() => persistence.history.state.sessions.length).toBe(5);
      await expect.element(page.getByRole('status')).toHaveTextContent('Session deleted.');
      const items = page.getByRole('list', { name: 'Saved sessions' }).getByRole('listitem');
      const line = items.nth(4);
      await expect.element(line).toHaveTextContent('Session deleted.');
      const box = line.element().getBoundingClientRect();
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(height);
      // Said once to the eye: the status under the buttons is for screen readers.
      await expect.element(page.getByRole('status')).toHaveClass(/visually-hidden/);
      // The Delete button went with its session: the focus is on the line in its place.
      expect(line.element().getRootNode()).toBeInstanceOf(ShadowRoot);
      expect((line.element().getRootNode() as ShadowRoot).activeElement).toBe(line.element());
      // The next thing done takes the line away.
      await userEvent.click(page.getByRole('button', { name: /^Delete .*20/ }).first());
      await userEvent.click(page.getByRole('button', { name: 'Yes, delete it' }));
      await expect.poll(() => persistence.history.state.sessions.length).toBe(4);
      await expect.element(items.first()).toHaveTextContent('Session deleted.');
      await expect.element(items.nth(4)).not.toHaveTextContent('Session deleted.');
    } finally {
      await page.viewport(innerWidth, innerHeight);
    }
  });
});

describe('bb-history while a session is being deleted', () => {
  /** What has the keyboard's focus: the element within History, else the page's own (its body). */
  function focused(history: HTMLElement): string {
    const inside = history.shadowRoot!.activeElement;
    if (!inside) return document.activeElement?.tagName.toLowerCase() ?? 'none';
    return `${inside.tagName.toLowerCase()}: ${inside.textContent?.trim().slice(0, 40)}`;
  }

  it.each([
    ['one of several', 6, 2],
    ['the only one', 1, 0],
  ])(
    'keeps the focus on what stands in its place, every frame until the store has answered: %s',
    async (_, count, which) => {
      const persistence = await persistenceWith(await dailySessions(count));
      const history = await mount('bb-history', persistence);
      await userEvent.click(page.getByRole('button', { name: /^Delete .*20/ }).nth(which));
      const yes = page.getByRole('button', { name: 'Yes, delete it' });
      await expect.poll(() => history.shadowRoot!.activeElement?.textContent).toBe('Keep it');
      const frames: string[] = [];
      let watching = true;
      const watch = () => {
        frames.push(focused(history));
        if (watching) requestAnimationFrame(watch);
      };
      // Tapped as a finger does, not through the test's driver, which lets frames go by before the tap.
      (yes.element() as HTMLElement).click();
      watch();
      // However long the store takes to answer (seconds on a loaded machine, past a poll's one second).
      await firstValueFrom(
        persistence.history.state$.pipe(
          filter(({ sessions, notice }) => sessions.length === count - 1 && notice === 'Session deleted.'),
        ),
      );
      await expect
        .poll(() => focused(history))
        .toMatch(count > 1 ? /^li: Session deleted\.$/ : /^h2: History$/);
      watching = false;
      expect(frames.length).toBeGreaterThan(0);
      // The answer had the focus as the tap came (element.click() moves none), then the row's words that
      // it is being deleted, then the line in its place, or the heading where no session is left.
      const places = ['button: Keep it', 'span: Deleting…', 'li: Deleting…'];
      places.push(count > 1 ? 'li: Session deleted.' : 'h2: History');
      expect(frames.filter((frame) => !places.includes(frame))).toEqual([]);
    },
  );
});

describe('bb-history opened in the middle of a session', () => {
  it('offers the session so far as files, keeps deleting for later, and says there is nothing before it', async () => {
    const persistence = await persistenceWith([]);
    const history = document.createElement('bb-history');
    history.persistence = persistence;
    history.sessionRunning = true;
    document.body.append(history);
    await expect.element(page.getByText('This session so far')).toBeVisible();
    for (const format of ['FIT', 'CSV', 'JSON']) {
      await expect
        .element(page.getByRole('button', { name: `Save this session so far as ${format}` }))
        .toBeVisible();
    }
    await expect.element(page.getByText('No earlier sessions yet.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Delete all sessions' }).elements()).toHaveLength(0);
    // The way back to the rest is the app's, above the history, with the time the rest has left.
    expect(page.getByRole('button', { name: 'Back', exact: true }).elements()).toHaveLength(0);
  });
});

describe('bb-history opened in the middle of a session that is not being saved', () => {
  it('says the session so far is not saved, as the header does, and offers it as files', async () => {
    const persistence = await persistenceOf(() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError')),
    );
    expect(persistence.history.state.storage).toBe('memory');
    const history = document.createElement('bb-history');
    history.persistence = persistence;
    history.sessionRunning = true;
    document.body.append(history);
    await expect
      .element(page.getByText(/is not being saved/))
      .toHaveTextContent('This session so far is not being saved: take it as a file to keep it.');
    await expect
      .element(page.getByRole('button', { name: 'Save this session so far as JSON' }))
      .toBeVisible();
  });

  it('offers no CSV of earlier sessions when there are none, and names what a backup then holds', async () => {
    const persistence = await persistenceOf(
      () => Promise.reject(new DOMException('storage is off', 'SecurityError')),
      { read: () => ({ settings: {}, personalTuning: {} }), differ: () => false, apply: () => undefined },
    );
    const history = document.createElement('bb-history');
    history.persistence = persistence;
    history.sessionRunning = true;
    document.body.append(history);
    await expect.element(page.getByText('No earlier sessions yet.')).toBeVisible();
    expect(page.getByRole('button', { name: 'All sessions as CSV' }).elements()).toHaveLength(0);
    // "Everything" beside no sessions read as a file of nothing: it holds the session so far, which
    // the buttons above save too, and the settings with what was learned of how the person moves,
    // which a backup restores on another device.
    expect(page.getByRole('button', { name: 'Back up everything' }).elements()).toHaveLength(0);
    await expect
      .element(page.getByRole('button', { name: 'Back up this session and settings' }))
      .toBeEnabled();
  });
});

describe('bb-history in a browser that does not let Backbeat save', () => {
  it('says beside a greyed-out Import a file why nothing can be imported, before a file is picked', async () => {
    const persistence = await persistenceOf(() =>
      Promise.reject(new DOMException('storage is off', 'SecurityError')),
    );
    await mount('bb-history', persistence);
    // Offered, a file picked was always refused ("Nothing was imported: …"): the person went looking
    // for their backup for nothing.
    const importFile = page.getByLabelText('Import a file');
    await expect.element(importFile).toBeDisabled();
    const why =
      'Nothing can be imported while this browser does not let Backbeat save data here (storage is off or private).';
    await expect.element(page.getByText(why)).toBeVisible();
    // Read with the button, where a screen reader stops.
    await expect.element(importFile).toHaveAccessibleDescription(why);
  });

  it('lets the import in again once the store saves, and says nothing then of why it could not', async () => {
    await mount('bb-history', await persistenceWith([]));
    await expect.element(page.getByLabelText('Import a file')).toBeEnabled();
    expect(page.getByText(/^Nothing can be imported/).elements()).toHaveLength(0);
  });
});

describe('bb-history on a device whose sessions this page cannot read', () => {
  /** A store of the given name, saved by a newer Backbeat: at a version this page does not know. */
  async function savedByANewerBackbeat(name: string): Promise<void> {
    const db = await openDB(name, DB_VERSION + 1);
    db.close();
    cleanups.push(async () => void indexedDB.deleteDatabase(name));
  }

  it('says the sessions saved here come from a newer Backbeat, not that none were saved', async () => {
    const name = `bb-history-newer-${Date.now()}`;
    await savedByANewerBackbeat(name);
    const persistence = await persistenceOf(() => SessionStore.open({ name }));
    expect(persistence.history.state.problem?.kind).toBe('version');
    await mount('bb-history', persistence);
    // Years of sessions are on the device, in a layout this older page cannot read: "No sessions
    // saved yet" read as all of them lost.
    await expect
      .element(page.getByText(/^The sessions saved on this device/))
      .toHaveTextContent(
        'The sessions saved on this device were saved by a newer Backbeat, and this page cannot show them. Reload to get that version and see them.',
      );
    expect(page.getByText('No sessions saved yet.').elements()).toHaveLength(0);
  });

  it('says an older Backbeat in another tab keeps them from this one, in the middle of a session too, and shows them once it has closed', async () => {
    const name = `bb-history-blocked-${Date.now()}`;
    // An older tab that does not let go of the database when a newer one asks.
    const olderTab = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
        db.createObjectStore('sets', { keyPath: ['sessionId', 'index'] }).createIndex(
          'by-exercise',
          'exerciseId',
        );
      },
    });
    cleanups.push(async () => {
      olderTab.close();
      indexedDB.deleteDatabase(name);
    });
    const persistence = await persistenceOf((asks) => SessionStore.open({ name, ...asks }));
    expect(persistence.history.state.problem?.kind).toBe('blocked');
    const history = document.createElement('bb-history');
    history.persistence = persistence;
    history.sessionRunning = true;
    document.body.append(history);
    await expect
      .element(page.getByText(/^The sessions saved on this device/))
      .toHaveTextContent(
        'The sessions saved on this device cannot be shown while an older Backbeat open in another tab holds them. Close that tab, and they are shown here.',
      );
    expect(page.getByText('No earlier sessions yet.').elements()).toHaveLength(0);
    // No reload: the open this tab began goes on once that tab has let go.
    olderTab.close();
    await expect.element(page.getByText('No earlier sessions yet.')).toBeVisible();
    expect(page.getByText(/^The sessions saved on this device/).elements()).toHaveLength(0);
    expect(persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
  });
});

describe('bb-history over years', () => {
  it('lists sessions a page at a time, says how many there are, and shows older ones on request', async () => {
    const bundles = await dailySessions(25);
    const persistence = await persistenceWith(bundles);
    const history = await mount('bb-history', persistence);
    const items = () => history.shadowRoot!.querySelectorAll('li[data-session]').length;
    expect(items()).toBe(20);
    await expect.element(page.getByText('20 of 25 sessions shown')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Show older sessions' }));
    await expect.poll(items).toBe(25);
    await expect.element(page.getByRole('button', { name: 'Show older sessions' })).not.toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Delete all sessions' }));
    await expect.element(page.getByText('Delete all 25 sessions for good?')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Yes, delete them all' })).toBeVisible();
  });

  it('shows the progress before the list on a phone, on screen and in reading order, however long the list', async () => {
    const { innerWidth, innerHeight } = window;
    await page.viewport(360, 640);
    try {
      const persistence = await persistenceWith(await dailySessions(25));
      const history = await mount('bb-history', persistence);
      const root = history.shadowRoot!;
      // A reader jumping by headings finds Progress, its charts under it, then the sessions.
      await expect.element(page.getByRole('heading', { name: 'Progress', level: 3 })).toBeVisible();
      await expect
        .element(page.getByRole('heading', { name: 'Reps: best set of the week', level: 4 }))
        .toBeVisible();
      await expect.element(page.getByRole('heading', { name: 'Sessions', level: 3 })).toBeVisible();
      const headings = [...root.querySelectorAll('h2, h3')].map((h) => h.textContent?.trim());
      expect(headings).toEqual(['History', 'Progress', 'Sessions']);
      // The keyboard reaches every chart before the first session's buttons.
      const charts = [...root.querySelectorAll('bb-progress-chart')];
      const firstSession = root.querySelector('li[data-session]')!;
      expect(charts).toHaveLength(8);
      for (const chart of charts)
        expect(chart.compareDocumentPosition(firstSession) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      // On screen: the first chart is met within the first two screens, not below 20 session cards.
      const top = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
      expect(top(charts[0]!)).toBeLessThan(top(firstSession));
      expect(top(charts[0]!)).toBeLessThan(2 * 640);
    } finally {
      await page.viewport(innerWidth, innerHeight);
    }
  });

  it('takes a phone from its first screen to the latest session in one tap, the keyboard to the Sessions heading', async () => {
    const { innerWidth, innerHeight } = window;
    await page.viewport(360, 640);
    try {
      const history = await mount('bb-history', await persistenceWith(await dailySessions(25)));
      const root = history.shadowRoot!;
      const toSessions = page.getByRole('button', { name: 'Go to sessions' });
      await expect.element(toSessions).toBeVisible();
      // Under the History heading, before the charts: on the first screen, with the charts' seven
      // below it and the first session card some 3,000 px down.
      const top = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
      expect(top(toSessions.element())).toBeLessThan(640);
      const firstSession = root.querySelector('li[data-session]')!;
      expect(top(firstSession)).toBeGreaterThan(2 * 640);
      await userEvent.click(toSessions);
      const heading = root.querySelector('#sessions-title')!;
      expect(root.activeElement).toBe(heading);
      // The heading at the top of the screen (whole, to within the page's whole pixels of scroll), the
      // latest session under it.
      await expect.poll(() => heading.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
      expect(heading.getBoundingClientRect().top).toBeLessThan(1);
      expect(firstSession.getBoundingClientRect().bottom).toBeLessThanOrEqual(640);
      // The keyboard goes on from there: the latest session's first button, which shows its sets.
      await userEvent.tab();
      expect(root.activeElement?.getAttribute('aria-label')).toMatch(/^Sets of /);
    } finally {
      await page.viewport(innerWidth, innerHeight);
    }
  });

  it('tells the last session of a page apart from one begun in its minute on the next, before that page is shown', async () => {
    const bundles = await dailySessions(22);
    // The 20th, the first page's last, and the 21st, the next page's first, begun 30 s apart.
    const last = bundles[19]!.session.startedAt - (bundles[19]!.session.startedAt % 60_000) + 40_000;
    const twins = bundles.map((b, i) =>
      i === 19 || i === 20
        ? { ...b, session: { ...b.session, startedAt: last - (i - 19) * 30_000, utcOffsetMin: 0 } }
        : b,
    );
    const history = await mount('bb-history', await persistenceWith(twins));
    const root = history.shadowRoot!;
    const when = (id: string) => root.querySelector(`li[data-session="${id}"] .when`)?.textContent?.trim();
    const toTheSecond = (startedAt: number) =>
      new Date(startedAt).toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: 'UTC',
      });
    await expect.element(page.getByText('20 of 22 sessions shown')).toBeVisible();
    expect(when('s-19')).toBe(toTheSecond(last));
    await userEvent.click(page.getByRole('button', { name: 'Show older sessions' }));
    await expect.poll(() => when('s-20')).toBe(toTheSecond(last - 30_000));
    expect(when('s-19')).toBe(toTheSecond(last));
  });

  it('keeps the keyboard on Show older sessions while the page is read, then on the first session it added', async () => {
    const persistence = await persistenceWith(await dailySessions(25));
    const history = await mount('bb-history', persistence);
    const root = history.shadowRoot!;
    const more = page.getByRole('button', { name: 'Show older sessions' });
    (more.element() as HTMLElement).focus();
    const frames: string[] = [];
    let watching = true;
    const watch = () => {
      const inside = root.activeElement;
      frames.push(inside ? (inside.getAttribute('aria-label') ?? inside.textContent!.trim()) : 'body');
      if (watching) requestAnimationFrame(watch);
    };
    watch();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => root.querySelectorAll('li[data-session]').length).toBe(25);
    const firstAdded = root.querySelectorAll('li[data-session]')[20]!;
    const itsSets = firstAdded.querySelector('button')!;
    await expect.poll(() => root.activeElement).toBe(itsSets);
    watching = false;
    expect(itsSets.getAttribute('aria-label')).toMatch(/^Sets of /);
    expect(
      frames.filter(
        (frame) => frame !== 'Show older sessions' && frame !== itsSets.getAttribute('aria-label'),
      ),
    ).toEqual([]);
    // The keyboard goes on through that session's buttons, not past the sessions it added.
    await userEvent.tab();
    expect(root.activeElement?.getAttribute('aria-label')).toMatch(/^Export .* as FIT$/);
  });

  it('shows older sessions that began at the same moment, the same session imported twice', async () => {
    const bundles = await dailySessions(22);
    const oldest = bundles.at(-3)!.session.startedAt;
    const twins = bundles.map((b, i) =>
      i < 19 ? b : { ...b, session: { ...b.session, startedAt: oldest } },
    );
    const history = await mount('bb-history', await persistenceWith(twins));
    const items = () => history.shadowRoot!.querySelectorAll('li[data-session]').length;
    await expect.element(page.getByText('20 of 22 sessions shown')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Show older sessions' }));
    await expect.poll(items).toBe(22);
    await expect.element(page.getByRole('button', { name: 'Show older sessions' })).not.toBeInTheDocument();
  });

  it('keeps the choice of how long to keep raw motion within a phone with text at twice its size', async () => {
    // 148 px: a 180 px screen inside the app's margins.
    document.body.style.width = '148px';
    try {
      const persistence = await persistenceWith([await recordSession()]);
      const history = await mount('bb-history', persistence);
      await userEvent.click(page.getByText('Space: raw motion'));
      await expect.element(page.getByText(/takes.*over 1 session/s)).toBeVisible();
      const select = history.shadowRoot!.querySelector('select')!;
      expect(select.getBoundingClientRect().right).toBeLessThanOrEqual(
        document.body.getBoundingClientRect().right,
      );
    } finally {
      document.body.style.width = '';
    }
  });

  it('offers the space raw motion takes and its choice on targets a finger hits, 44 px tall', async () => {
    const history = await mount('bb-history', await persistenceWith([await recordSession()]));
    const space = history.shadowRoot!.querySelector('.space')!;
    await userEvent.click(page.getByText('Space: raw motion'));
    await expect.element(page.getByText(/takes.*over 1 session/s)).toBeVisible();
    await userEvent.selectOptions(space.querySelector('select')!, 'for the last 12 months');
    await expect.element(page.getByRole('button', { name: 'Keep as it is' })).toBeVisible();
    const heights = Object.fromEntries(
      [...space.querySelectorAll('summary, select, button')].map((target) => [
        (target as HTMLElement).innerText.split('\n')[0],
        Math.round(target.getBoundingClientRect().height),
      ]),
    );
    expect(
      Object.values(heights).every((height) => height >= 44),
      JSON.stringify(heights),
    ).toBe(true);
  });

  it('shows the space raw motion takes, what a shorter keep frees, and frees it on a second tap', async () => {
    const first = await recordSession();
    const old = toOtherSession({
      ...first,
      session: { ...first.session, id: 'old', startedAt: Date.now() - 400 * 86_400_000 },
    });
    const recent = toOtherSession({
      ...first,
      session: { ...first.session, id: 'recent', startedAt: Date.now() - 86_400_000 },
    });
    const persistence = await persistenceWith([old, recent]);
    const history = await mount('bb-history', persistence);
    await userEvent.click(page.getByText('Space: raw motion'));
    await expect.element(page.getByText(/takes.*over 2 sessions/s)).toBeVisible();
    const select = history.shadowRoot!.querySelector('select')!;
    await userEvent.selectOptions(select, 'for the last 12 months');
    await expect
      .element(page.getByText(/This frees .* now: the raw motion of 1 session goes for good/))
      .toBeVisible();
    expect((await persistence.pastSessions()).length).toBe(2);
    await userEvent.click(page.getByRole('button', { name: /^Free / }));
    await expect.element(page.getByText(/Removed the raw motion of 1 session/)).toBeVisible();
    await expect.element(page.getByText(/takes.*over 1 session\./s)).toBeVisible();
    await expect.element(page.getByText('Raw motion removed to free space')).toBeVisible();
    // Counts and summaries stay.
    const kept = await persistence.exportSession('old', 'json');
    const file = JSON.parse(await kept.blob.text());
    expect(file.sessions[0].motion).toEqual([]);
    expect(file.sessions[0].sets).toHaveLength(first.sets.length);
    expect((await persistence.pastSessions()).length).toBe(2);
  });

  it('keeps the chosen keep of raw motion and says it is freeing while the store frees it, then what it freed', async () => {
    const first = await recordSession();
    const old = toOtherSession({
      ...first,
      session: { ...first.session, id: 'old', startedAt: Date.now() - 400 * 86_400_000 },
    });
    const name = `bb-history-slow-${Date.now()}-${++dbCounter}`;
    const seed = await SessionStore.open({ name });
    await seed.importBundles([old]);
    seed.close();
    cleanups.push(async () => void indexedDB.deleteDatabase(name));
    // A store with much raw motion to free: its freeing answers only when the test lets it.
    let letFree = () => {};
    const freed = new Promise<void>((resolve) => {
      letFree = resolve;
    });
    const persistence = await persistenceOf(async () => {
      const store = await SessionStore.open({ name });
      const dropMotion = store.dropMotion.bind(store);
      store.dropMotion = async (id) => {
        await freed;
        return dropMotion(id);
      };
      return store;
    });
    const history = await mount('bb-history', persistence);
    await userEvent.click(page.getByText('Space: raw motion'));
    await expect.element(page.getByText(/takes.*over 1 session/s)).toBeVisible();
    const select = history.shadowRoot!.querySelector('select')!;
    await userEvent.selectOptions(select, 'for the last 12 months');
    await userEvent.click(page.getByRole('button', { name: /^Free / }));
    await expect.element(page.getByText('Freeing…')).toBeVisible();
    expect(select.selectedOptions[0]!.textContent).toBe('for the last 12 months');
    expect(page.getByText('All raw motion is kept.').elements()).toHaveLength(0);
    letFree();
    await expect.element(page.getByText(/Removed the raw motion of 1 session/)).toBeVisible();
    await expect.element(page.getByText('Freeing…')).not.toBeInTheDocument();
    expect(select.selectedOptions[0]!.textContent).toBe('for the last 12 months');
    await expect
      .element(page.getByText('Raw motion older than 12 months is removed when Backbeat opens.'))
      .toBeVisible();
  });
});

/** A snapshot's first set, begun at `startedMs` with nothing counted yet. */
function firstSetFrom(startedMs: number) {
  return {
    setNumber: 1,
    startedMs,
    count: 0,
    sides: { left: 0, right: 0 },
    lastProgressMs: startedMs,
    holdStartMs: null as number | null,
    peakDeg: null,
    formIssues: [],
  };
}

/**
 * The session as if left a minute ago: recorded sessions begin on a fixed day, and one left that long
 * ago is only offered to keep (see resumable).
 */
function leftAMinuteAgo<T extends LeftSession>(session: T): T {
  return { ...session, startedAt: Date.now() - 60_000 - (leftAtWall(session) - session.startedAt) };
}

describe('bb-storage-notice', () => {
  it('offers an interrupted session and goes away once it is kept as it is', async () => {
    const bundle = await recordSession();
    const interrupted = {
      ...bundle,
      session: leftAMinuteAgo({ ...bundle.session, status: 'active' as const, endedAt: null }),
    };
    const persistence = await persistenceWith([interrupted]);
    await mount('bb-storage-notice', persistence);
    await expect.element(page.getByText(/was interrupted/)).toBeVisible();
    await expect.element(page.getByText(/Ends the session there and saves it in your history/)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Keep it as it is' }));
    await expect.element(page.getByText(/was interrupted/)).not.toBeInTheDocument();
    await expect.poll(() => persistence.history.state.sessions[0]?.status).toBe('finished');
  });

  it('says the day of an interrupted session begun before today, and the time alone of one begun today', async () => {
    const bundle = await recordSession();
    const startedAt = Date.now() - 18 * 86_400_000;
    const old = { ...bundle.session, startedAt, status: 'active' as const, endedAt: null };
    const persistence = await persistenceWith([{ ...bundle, session: old }]);
    await mount('bb-storage-notice', persistence);
    const day = new Date(startedAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
    await expect
      .element(page.getByText(new RegExp(`^Your session from ${day}(, \\d{4})? at \\d.* was interrupted$`)))
      .toBeVisible();
    document.body.replaceChildren();

    const today = new Date();
    today.setHours(0, 1, 0, 0);
    const fresh = { ...old, startedAt: today.getTime() };
    await mount('bb-storage-notice', await persistenceWith([{ ...bundle, session: fresh }]));
    await expect
      .element(page.getByText(/^Your session from \d{1,2}:\d{2}\W*(AM)? was interrupted$/))
      .toBeVisible();
  });

  it('counts the sets before the interruption as the summary will: done, cut short, not those skipped', async () => {
    const bundle = await recordSession();
    // Of the six sets recorded, the bird dog's (the fourth, of 4 reps) ended by Skip set at 2, and
    // the last two were skipped before they counted anything.
    const sets = bundle.sets.map((set, i) =>
      i < 3
        ? set
        : i === 3
          ? { ...set, count: 2, endedBy: 'stopped' as const, skippedUnderWay: true }
          : { ...set, count: 0, holdMs: null, endedBy: 'skipped' as const },
    );
    const interrupted = {
      ...bundle,
      sets,
      session: { ...bundle.session, status: 'active' as const, endedAt: null, snapshot: null },
    };
    expect(interrupted.session.summary.sets).toBe(6);
    const persistence = await persistenceWith([interrupted]);
    await mount('bb-storage-notice', persistence);
    await expect.element(page.getByText(/was interrupted after 3 sets done, 1 cut short\./)).toBeVisible();
  });

  it('says that Keep it as it is keeps no session whose every set was skipped before it counted anything', async () => {
    const bundle = await recordSession();
    const sets = bundle.sets.map((set) => ({ ...set, count: 0, holdMs: null, endedBy: 'skipped' as const }));
    const interrupted = {
      ...bundle,
      sets,
      session: leftAMinuteAgo({
        ...bundle.session,
        status: 'active' as const,
        endedAt: null,
        snapshot: null,
      }),
    };
    const persistence = await persistenceWith([interrupted]);
    await mount('bb-storage-notice', persistence);
    await expect.element(page.getByText(/was interrupted before its first set\./)).toBeVisible();
    await expect
      .element(page.getByText('Ends the session there; with no set done, it is not kept in your history.'))
      .toBeVisible();
  });

  it('says that a hold interrupted under way starts over on Resume, and is kept as held on Keep', async () => {
    const bundle = await recordSession();
    // In the middle of the plank (the plan's second exercise), held for 19 s.
    const snapshot = {
      phase: 'set' as const,
      exerciseIndex: 1,
      set: { ...firstSetFrom(100_000), holdStartMs: 101_000 },
      restEndsMs: null,
      nowMs: 120_500,
      startedMs: 0,
      endedMs: null,
    };
    const interrupted = {
      ...bundle,
      session: leftAMinuteAgo({ ...bundle.session, status: 'active' as const, endedAt: null, snapshot }),
    };
    const persistence = await persistenceWith([interrupted]);
    await mount('bb-storage-notice', persistence);
    await expect.element(page.getByText(/in the middle of Elbow plank set 1 \(19 s held\)/)).toBeVisible();
    await expect
      .element(page.getByText(/^Goes on with Elbow plank set 1, its hold timed again from the start;/))
      .toBeVisible();
    await expect.element(page.getByText(/with the 19 s held of Elbow plank set 1\.$/)).toBeVisible();
  });

  // Still at "Go" at 141 s, the person drew in 2 s on and was not seen still again when the page went
  // at 147.5 s: the clock stood at 2 s, and the notice said "6 s held", and that Keep kept them, where
  // Keep, as Finish, keeps no hold the detectors did not see.
  it('says of a drawing-in interrupted while the person settled after "Go" the time its clock showed, and keeps no hold of it', async () => {
    const bundle = await recordSession();
    const snapshot = {
      phase: 'set' as const,
      exerciseIndex: 3,
      set: {
        ...firstSetFrom(139_000),
        goHeardMs: 141_000,
        holdStartMs: 141_000,
        settlingInMs: 143_000,
        startSeen: 'position' as const,
      },
      restEndsMs: null,
      nowMs: 147_500,
      startedMs: 0,
      endedMs: null,
    };
    const interrupted = {
      ...bundle,
      sets: bundle.sets.slice(0, 4),
      session: leftAMinuteAgo({ ...bundle.session, status: 'active' as const, endedAt: null, snapshot }),
    };
    await mount('bb-storage-notice', await persistenceWith([interrupted]));
    await expect.element(page.getByText(/in the middle of Drawing-in set 1 \(2 s held\)/)).toBeVisible();
    await expect
      .element(page.getByText(/^Goes on with Drawing-in set 1, its hold timed again from the start;/))
      .toBeVisible();
    await expect
      .element(page.getByText('Ends the session there and saves it in your history.'))
      .toBeVisible();
  });

  it('says that Resume comes back paused where the person paused, and goes on where Finish only asked', async () => {
    const bundle = await recordSession();
    // Three reps into the first Superman set, paused at 110 s.
    const paused = {
      phase: 'set' as const,
      exerciseIndex: 0,
      set: { ...firstSetFrom(100_000), count: 3 },
      restEndsMs: null,
      nowMs: 115_000,
      startedMs: 0,
      endedMs: null,
      pausedAtMs: 110_000,
    };
    const offerFor = async (snapshot: typeof paused & { pausedToAsk?: true }) => {
      const interrupted = {
        ...bundle,
        session: leftAMinuteAgo({ ...bundle.session, status: 'active' as const, endedAt: null, snapshot }),
      };
      await mount('bb-storage-notice', await persistenceWith([interrupted]));
    };
    await offerFor(paused);
    await expect
      .element(
        page.getByText(/^Comes back paused at Superman set 1 from 3 reps; the time away is not counted\.$/),
      )
      .toBeVisible();
    await offerFor({ ...paused, pausedToAsk: true });
    await expect
      .element(page.getByText(/^Goes on with Superman set 1 from 3 reps; the time away is not counted\.$/))
      .toBeVisible();
  });
});

describe('bb-storage-notice before the first set', () => {
  it('says that a session interrupted before any set was done is not kept by Keep it as it is', async () => {
    const bundle = await recordSession();
    // Waiting for the person to get into position for the first set: nothing done yet.
    const snapshot = {
      phase: 'set' as const,
      exerciseIndex: 0,
      set: { ...firstSetFrom(2000), waiting: true },
      restEndsMs: null,
      nowMs: 5000,
      startedMs: 0,
      endedMs: null,
    };
    const interrupted = {
      ...bundle,
      sets: [],
      session: leftAMinuteAgo({
        ...bundle.session,
        status: 'active' as const,
        endedAt: null,
        snapshot,
        summary: { ...bundle.session.summary, sets: 0, reps: 0, holdMs: 0 },
      }),
    };
    const persistence = await persistenceWith([interrupted]);
    await mount('bb-storage-notice', persistence);
    await expect.element(page.getByText(/was interrupted/)).toBeVisible();
    await expect
      .element(page.getByText('Ends the session there; with no set done, it is not kept in your history.'))
      .toBeVisible();
    expect(page.getByText(/saves it in your history/).elements()).toHaveLength(0);
  });
});

/** `count` sessions a day apart, the latest first, each under its own id. */
async function dailySessions(count: number) {
  const first = await recordSession();
  return Array.from({ length: count }, (_, i) =>
    toOtherSession({
      ...first,
      session: { ...first.session, id: `s-${i}`, startedAt: first.session.startedAt - i * 86_400_000 },
    }),
  );
}

function toOtherSession(bundle: Awaited<ReturnType<typeof recordSession>>) {
  const id = bundle.session.id;
  return {
    ...bundle,
    sets: bundle.sets.map((r) => ({ ...r, sessionId: id })),
    events: bundle.events.map((r) => ({ ...r, sessionId: id })),
    heartRate: bundle.heartRate.map((r) => ({ ...r, sessionId: id })),
    motion: bundle.motion.map((r) => ({ ...r, sessionId: id })),
  };
}

describe("bb-history's charts in words on a phone with its text at twice its size", () => {
  /**
   * Five weeks of sessions, one a week, the last of them yesterday: every exercise but the bat hang
   * each week, which is in the newest and three weeks before.
   */
  function fiveWeeks() {
    const week = 7 * 86_400_000;
    return [0, 1, 2, 3, 4].map((n) =>
      finishedSession(`week-${n}`, Date.now() - n * week - 86_400_000, [
        supermanSet({ count: 10 + (n % 3) }),
        supermanSet({ exerciseId: 'glute-bridge', target: 15, count: 14 + (n % 2), peakDeg: null }),
        supermanSet({ exerciseId: 'bird-dog', count: 20, sides: { left: 10, right: 10 }, peakDeg: null }),
        supermanSet({
          exerciseId: 'drawing-in',
          target: 45,
          count: 0,
          holdMs: 45_000 + n * 3000,
          peakDeg: null,
        }),
        supermanSet({
          exerciseId: 'elbow-plank',
          target: 30,
          count: 0,
          holdMs: 30_000 + n * 2000,
          peakDeg: null,
        }),
        supermanSet({ exerciseId: 'lat-pulldown', target: 12, count: 12, peakDeg: null }),
        // The bat hang in the newest week and three weeks before alone: weeks of no breath cycles between.
        ...(n % 3 === 0 ? [supermanSet({ exerciseId: 'bat-hang', target: 3, count: 3, peakDeg: null })] : []),
      ]),
    );
  }

  it('tells the newest two weeks with something in them, each date on one line, and the others on request', async () => {
    // All of them were told, the five weeks of the chart of reps in 911 px of the 320 px window, and
    // each week without a bat hang "Week of Nov 30, 2026" over "–".
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const history = await mount('bb-history', await persistenceWith(fiveWeeks()));
      const charts = [...history.shadowRoot!.querySelectorAll('bb-progress-chart')].filter(
        (chart) => !chart.shadowRoot!.querySelector('.empty'),
      );
      const reps = charts.find((chart) => chart.heading === 'Reps: best set of the week')!;
      await expect.poll(() => reps.shadowRoot!.querySelectorAll('.weeks > li').length).toBeGreaterThan(0);
      const heights: Record<string, number> = {};
      for (const chart of charts) {
        const root = chart.shadowRoot!;
        const weeks = [...root.querySelectorAll('.weeks > li')];
        heights[chart.heading] = Math.round(root.querySelector('.weeks')!.getBoundingClientRect().height);
        expect(weeks.length, chart.heading).toBeLessThanOrEqual(2);
        for (const week of weeks) {
          // This year's weeks, which all five are but in the first weeks of a year.
          const heading = week.querySelector('h5')!;
          if (!/\d{4}$/.test(heading.textContent!)) {
            expect(linesOf(heading, heading.textContent!), heading.textContent!).toBe(1);
          }
          expect([...week.querySelectorAll('li')].map((li) => li.textContent)).not.toContain('–');
        }
      }
      expect(heights['Reps: best set of the week']).toBeLessThanOrEqual(innerHeight);

      // The weeks before, newest first, under the two.
      const earlier = reps.shadowRoot!.querySelector<HTMLButtonElement>('.earlier')!;
      expect(earlier.textContent).toBe('Earlier weeks (3)');
      await userEvent.click(earlier);
      await expect.poll(() => reps.shadowRoot!.querySelectorAll('.weeks > li').length).toBe(5);
      const breaths = charts.find((chart) => chart.heading === 'Breath cycles: best set of the week')!;
      expect(breaths.shadowRoot!.querySelectorAll('.weeks > li').length).toBe(2);
      expect(breaths.shadowRoot!.querySelector('.earlier')).toBeNull();
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });
});
