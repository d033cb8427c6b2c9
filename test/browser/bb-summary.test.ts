import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { drawingInBrokenByAPause, strapDroppedSession, supermanSet } from '../set-record.ts';
import '../../src/ui/bb-summary.ts';
import { describeHrv } from '../../src/ui/bb-set-heart-rates.ts';
import { summarise } from '../../src/ui/bb-summary.ts';
import { exerciseById } from '../../src/workout/program.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionAction,
  type SetRecord,
} from '../../src/workout/session.ts';
import { defaultPlan } from '../../src/workout/session-state.ts';
import { devicesCount } from '../devices-sensed.ts';
import { cellsOfRows } from './accessibility-tree.ts';
import { linesOf } from './lines.ts';
import { layOutAsTheApp } from './mount.ts';

const record = supermanSet;

afterEach(() => document.body.replaceChildren());

/** The program's plan, its lat pulldown at the 25 kg a person logged. */
function planWithLoggedWeight() {
  return defaultPlan().map((planned) =>
    planned.exercise.weighted ? { ...planned, dosage: { ...planned.dosage, weightKg: 25 } } : planned,
  );
}

/**
 * The summary of a superman, a glute bridge, a bird dog and a lat pulldown, one set of each counted to
 * ten in eight minutes at 83, 94, 87 and 96 bpm on average, the heart rate dropping in the rest after
 * each set by `drops` (null where none was measured), with the RMSSD before and after the session.
 */
function fourSetsWithTheirHeartRates(
  drops: readonly (number | null)[],
  rmssd: { beforeMs: number | null; afterMs: number | null },
): HTMLElementTagNameMap['bb-summary'] {
  const summary = document.createElement('bb-summary');
  summary.records = (['superman', 'glute-bridge', 'bird-dog', 'lat-pulldown'] as const).map((exerciseId, i) =>
    record({ exerciseId, setNumber: 1, target: 10, count: 10, startedMs: (i + 1) * 100_000 }),
  );
  summary.durationMs = 8 * 60_000;
  const stats = (avgBpm: number) => ({ avgBpm, maxBpm: avgBpm + 7, minBpm: avgBpm - 5, samples: 40 });
  const drop = (dropBpm: number) => ({ peakBpm: 110, endBpm: 110 - dropBpm, dropBpm, afterMs: 60_000 });
  summary.heart = {
    sets: [stats(83), stats(94), stats(87), stats(96)],
    recoveries: drops.map((dropBpm) => (dropBpm === null ? null : drop(dropBpm))),
    rmssdBeforeMs: rmssd.beforeMs,
    rmssdAfterMs: rmssd.afterMs,
  };
  return summary;
}

/** A plank of 20 s of its 30 begun with the strap out of reach, its hold timed by hand and stopped. */
function plankTimedByHandWithoutTheStrap(more: Partial<SetRecord> = {}): SetRecord {
  return record({
    exerciseId: 'elbow-plank',
    target: 30,
    count: 0,
    holdMs: 20_400,
    peakDeg: null,
    endedBy: 'stopped',
    deviceAway: true,
    ...more,
  });
}

/** The summary, on the page, of a minute's session counted by a chest strap, of `records`. */
function minuteWithStrapSummary(records: SetRecord[]): HTMLElementTagNameMap['bb-summary'] {
  const summary = document.createElement('bb-summary');
  summary.records = records;
  summary.durationMs = 60_000;
  summary.devicePlacement = 'chest';
  document.body.append(summary);
  return summary;
}

/**
 * The words of each row of the summary's table of sets, cell by cell, once it is drawn, those hidden
 * from sight included: a set's last cell ends with its notes, as a screen reader reads them there,
 * where the eye reads each on a row of its own under the set.
 */
async function rowsOf(summary: HTMLElementTagNameMap['bb-summary']): Promise<string[][]> {
  await summary.updateComplete;
  const table = summary.shadowRoot!.querySelector('bb-sets-table')!;
  await table.updateComplete;
  return [...table.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
  );
}

/** The notes on rows of their own under the sets of the summary's table, as the eye reads them. */
function notesShown(summary: Element): string[] {
  const table = summary.shadowRoot!.querySelector('bb-sets-table')!;
  return [...table.shadowRoot!.querySelectorAll('tr.note, tr.form')]
    .filter((row) => row.checkVisibility())
    .map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
}

/** What axe finds wrong in `element`, but its colours: they are index.html's, which this page has not. */
async function violationsIn(element: Element): Promise<string[]> {
  const audit = await axe.run(element, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  return audit.violations.map((violation) => violation.id);
}

/** The box the table of sets scrolls in. */
/** The table's rows under a set that say its count was put right or counted by hand. */
function correctedNotes(summary: Element): (string | undefined)[] {
  const table = summary.shadowRoot?.querySelector('bb-sets-table');
  return [...(table?.shadowRoot?.querySelectorAll('tr.corrected') ?? [])].map((row) =>
    row.textContent?.trim(),
  );
}

function setsBox(summary: Element): HTMLElement {
  return summary.shadowRoot!.querySelector('bb-sets-table')!.shadowRoot!.querySelector<HTMLElement>('.sets')!;
}

function inAppMain(element: HTMLElement): HTMLElement {
  const main = document.createElement('main');
  main.style.padding = '0 1rem';
  main.append(element);
  document.body.append(main);
  return main;
}

/** How many lines `text` takes inside `element`, written in one text node or across several. */
function linesAcrossNodes(element: Element, text: string): number {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const at = nodes
    .map((node) => node.data)
    .join('')
    .indexOf(text);
  if (at < 0) throw new Error(`${text} is not written in the element`);
  // The node, and the offset in it, of a character of the element's whole text.
  const place = (index: number): [Text, number] => {
    for (const node of nodes) {
      if (index <= node.data.length) return [node, index];
      index -= node.data.length;
    }
    throw new Error(`${index} is past the end of the element's text`);
  };
  const range = document.createRange();
  range.setStart(...place(at));
  range.setEnd(...place(at + text.length));
  const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
  return new Set(tops).size;
}

describe('bb-summary', () => {
  it('sums reps, breaths and hold time, leaving out what did not happen', () => {
    expect(summarise([record({})], 61_000)).toBe('1 set · 10 reps · 1 min');
    // As History will say it of the same session.
    expect(summarise([record({})], 25_000)).toBe('1 set · 10 reps · under a minute');
    expect(
      summarise(
        [
          record({ count: 9 }),
          record({ exerciseId: 'bat-hang', count: 4, target: 4 }),
          record({ exerciseId: 'elbow-plank', count: 0, holdMs: 67_400, target: 30 }),
        ],
        20 * 60_000,
      ),
    ).toBe('3 sets · 9 reps · 4 breaths · 1 min 7 s held · 20 min');
    // A set skipped before it counted anything is said to be; one skipped after two reps is a set.
    expect(
      summarise(
        [record({}), record({ count: 0, endedBy: 'skipped' }), record({ count: 2, endedBy: 'skipped' })],
        61_000,
      ),
    ).toBe('2 done, 1 skipped · 12 reps · 1 min');
    // Ended by a tap short of its target (here Finish): cut short, not done.
    expect(
      summarise([record({}), record({ count: 4, endedBy: 'stopped', finishedUnderWay: true })], 61_000),
    ).toBe('1 done, 1 cut short · 14 reps · 1 min');
    // Whole seconds held, as the set's timer showed them.
    expect(summarise([record({ exerciseId: 'elbow-plank', count: 0, holdMs: 32_600 })], 61_000)).toBe(
      '1 set · 32 s held · 1 min',
    );
  });

  it("tells a bird dog per side as History's line of the session does, apart from the other reps", () => {
    const birdDog = (count: number) => record({ exerciseId: 'bird-dog', count, target: 20 });
    expect(summarise([record({}), birdDog(20), birdDog(15)], 5 * 60_000)).toBe(
      '3 sets · 10 reps · Bird dog 18 right, 17 left · 5 min',
    );
    expect(summarise([birdDog(20)], 61_000)).toBe('1 set · Bird dog 10 each side · 1 min');
  });

  it('totals the holds as the sum of the whole seconds each row shows', () => {
    const plank = (holdMs: number) => record({ exerciseId: 'elbow-plank', count: 0, holdMs, target: 30 });
    // Rows of 47 s, 47 s and 44 s: 2 min 18 s, though the milliseconds add up to 139.7 s.
    expect(summarise([plank(47_600), plank(47_600), plank(44_500)], 5 * 60_000)).toBe(
      '3 sets · 2 min 18 s held · 5 min',
    );
  });

  // As a person left it after Finish: superman 1 done, 2 skipped before it began, 3 skipped at 2 reps,
  // the glute bridge skipped, the drawing-in ended with End hold at 20 of 45 s, the bird dog under way.
  it('says a session Finish ended early was, and names the exercises it never reached', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({}),
      record({ setNumber: 2, count: 0, endedBy: 'skipped', neverBegun: true }),
      record({ setNumber: 3, count: 2, endedBy: 'stopped', skippedUnderWay: true }),
      record({ exerciseId: 'glute-bridge', target: 15, count: 0, endedBy: 'skipped', neverBegun: true }),
      record({
        exerciseId: 'drawing-in',
        target: 45,
        count: 0,
        holdMs: 20_699,
        endedBy: 'stopped',
        endedByHand: true,
      }),
      record({ exerciseId: 'bird-dog', target: 20, count: 5, endedBy: 'stopped', finishedUnderWay: true }),
    ];
    summary.plan = defaultPlan();
    summary.finishedShort = true;
    summary.durationMs = 4 * 60_000;
    const restore = await layOutAsTheApp(360, 640);
    try {
      inAppMain(summary);
      const early = page.getByText('Not reached: Bat hang, Wide-grip lat pulldown, Elbow plank.');
      await expect.element(early).toBeVisible();
      await expect.element(page.getByRole('heading', { name: 'Ended early' })).toBeVisible();
      await expect.element(page.getByText(/^1 done, 3 cut short, 2 skipped/)).toBeVisible();
      // Ended in the superman's second set, the names kept whole on a phone, not "Wide-" over "grip".
      summary.records = [
        record({ count: 2, endedBy: 'stopped', skippedUnderWay: true }),
        record({ setNumber: 2, count: 0, endedBy: 'skipped', neverBegun: true }),
      ];
      const sooner = page.getByText(/^Not reached: Glute bridge, /);
      await expect.element(sooner).toBeVisible();
      expect(linesAcrossNodes(sooner.element(), 'Wide-grip')).toBe(1);
    } finally {
      await restore();
    }
    // Its plan run through, every set kept, a session says nothing of ending early.
    summary.plan = [{ ...defaultPlan()[0]!, dosage: { ...defaultPlan()[0]!.dosage, sets: 3 } }];
    summary.records = [record({}), record({ setNumber: 2 }), record({ setNumber: 3 })];
    summary.finishedShort = false;
    await summary.updateComplete;
    expect(summary.shadowRoot!.textContent).not.toContain('Ended early');
    expect(summary.shadowRoot!.textContent).not.toContain('Not reached');
    expect(summary.shadowRoot!.querySelector('h2')!.textContent).toBe('Session done');
    // Every set of its plan reached, the last cut short by Finish: ended early, as the voice says.
    summary.records = [
      record({}),
      record({ setNumber: 2 }),
      record({ setNumber: 3, count: 4, endedBy: 'stopped', finishedUnderWay: true }),
    ];
    summary.finishedShort = true;
    await summary.updateComplete;
    expect(summary.shadowRoot!.querySelector('h2')!.textContent).toBe('Ended early');
    expect(summary.shadowRoot!.textContent).not.toContain('Not reached');
  });

  it('says under a set a tap ended short of its target that it was cut short, in four columns and at 180 px', async () => {
    const records = [
      record({ count: 3, endedBy: 'stopped', skippedUnderWay: true }),
      // Reps that stopped coming ended it by itself: nothing to say of it.
      record({ setNumber: 2, count: 7, endedBy: 'stopped' }),
      record({
        exerciseId: 'drawing-in',
        holdMs: 20_700,
        count: 0,
        target: 45,
        endedBy: 'stopped',
        endedByHand: true,
      }),
    ];
    const summary = document.createElement('bb-summary');
    summary.records = records;
    document.body.append(summary);
    const rows = page.getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent(/^Superman 1 3 10, Cut short$/);
    await expect.element(rows.nth(2)).toHaveTextContent(/^Superman 2 7 10$/);
    await expect.element(rows.nth(3)).toHaveTextContent(/^Drawing-in 1 20 s 45 s, Cut short$/);
    expect(rows.elements()).toHaveLength(4);
    expect(notesShown(summary)).toEqual(['Cut short', 'Cut short']);
    document.body.replaceChildren();
    const restore = await layOutAsTheApp(180, 320);
    try {
      const narrow = document.createElement('bb-summary');
      narrow.records = records;
      inAppMain(narrow);
      await expect.element(rows.nth(1)).toHaveTextContent(/^Superman set 1 3 of 10, Cut short$/);
      expect(notesShown(narrow)).toEqual(['Cut short', 'Cut short']);
      const box = setsBox(narrow);
      await expect.poll(() => box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      const note = narrow.shadowRoot!.querySelector('bb-sets-table')!.shadowRoot!.querySelector('tr.ended')!;
      expect(linesAcrossNodes(note, 'Cut short')).toBe(1);
    } finally {
      await restore();
    }
  });

  it("reads a set's notes in its row, not each as a row of one cell, and shows them under it, in four columns and in two (180 px)", async () => {
    const records = [
      record({ count: 3, endedBy: 'stopped', endedByHand: true, formIssues: ['over-extension'] }),
      record({ setNumber: 2, count: 0, endedBy: 'skipped' }),
      drawingInBrokenByAPause(),
    ];
    const wide = document.createElement('bb-summary');
    wide.records = records;
    document.body.append(wide);
    // The space before each comma is Chromium's, where the words hidden from sight leave the line.
    await expect.poll(cellsOfRows).toEqual([
      ['Exercise', 'Set', 'Done', 'Target'],
      ['Superman', '1', '3', '10 , Cut short; Form: lower back over-extended'],
      ['Superman', '2', 'skipped', '10'],
      ['Drawing-in', '1', '45 s', '45 s , With a pause'],
    ]);
    expect(notesShown(wide)).toEqual(['Cut short', 'Form: lower back over-extended', 'With a pause']);
    expect(await violationsIn(wide)).toEqual([]);
    document.body.replaceChildren();
    const restore = await layOutAsTheApp(180, 320);
    try {
      const narrow = document.createElement('bb-summary');
      narrow.records = records;
      inAppMain(narrow);
      await expect.poll(cellsOfRows).toEqual([
        ['Exercise', 'Done of target'],
        ['Superman set 1', '3 of 10 , Cut short; Form: lower back over-extended'],
        ['Superman set 2', 'skipped'],
        ['Drawing-in set 1', '45 s of 45 s , With a pause'],
      ]);
      expect(notesShown(narrow)).toEqual(['Cut short', 'Form: lower back over-extended', 'With a pause']);
      expect(await violationsIn(narrow)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('keeps each of its totals whole on a line with text at twice its size (180 px wide)', async () => {
    const cut = record({ setNumber: 2, count: 3, endedBy: 'stopped', endedByHand: true });
    const restore = await layOutAsTheApp(180, 320);
    try {
      for (const [records, fact] of [
        [[record({}), cut], '1 cut short'],
        [[cut], '1 set cut short'],
      ] as const) {
        const summary = document.createElement('bb-summary');
        summary.records = records;
        inAppMain(summary);
        await summary.updateComplete;
        const totals = summary.shadowRoot!.querySelector('.totals')!;
        expect(totals.textContent).toContain(fact);
        expect(linesAcrossNodes(totals, fact), fact).toBe(1);
        expect(linesAcrossNodes(totals, `${fact} ·`), `${fact} ·`).toBe(1);
        // Within the line, not spilling past the page's margin beside it.
        for (const each of totals.querySelectorAll('.fact'))
          expect(each.getBoundingClientRect().right, each.textContent!).toBeLessThanOrEqual(
            totals.getBoundingClientRect().right,
          );
        document.body.replaceChildren();
      }
    } finally {
      await restore();
    }
  });

  it('lists every set with what was done against its target', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({ count: 8 }),
      record({ exerciseId: 'drawing-in', holdMs: 45_000, count: 0, target: 45 }),
      record({
        exerciseId: 'elbow-plank',
        setNumber: 1,
        holdMs: 0,
        count: 0,
        target: 30,
        endedBy: 'skipped',
      }),
    ];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    await expect.element(page.getByRole('heading', { name: 'Session done' })).toBeVisible();
    const rows = page.getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent('Superman 1 8 10');
    await expect.element(rows.nth(2)).toHaveTextContent('Drawing-in 1 45 s 45 s');
    await expect.element(rows.nth(3)).toHaveTextContent('Elbow plank 1 skipped 30 s');
    // Each column's heading lines up with its numbers, on the right.
    const align = (cell: Element) => getComputedStyle(cell).textAlign;
    const heads = page.getByRole('columnheader').elements();
    const cells = rows.nth(1).getByRole('cell').elements();
    expect(heads.map(align)).toEqual(cells.map(align));
  });

  it('says a bird dog set each side, as the voice, its ring and its rest counted it, in four columns and in two', async () => {
    const birdDogs = () => {
      const summary = document.createElement('bb-summary');
      summary.records = [
        record({ exerciseId: 'bird-dog', target: 20, count: 13, endedBy: 'stopped' }),
        record({ exerciseId: 'bird-dog', setNumber: 2, target: 20, count: 20 }),
        record({ exerciseId: 'bird-dog', setNumber: 3, target: 15, count: 15 }),
      ];
      summary.durationMs = 5 * 60_000;
      return summary;
    };
    document.body.append(birdDogs());
    const rows = page.getByRole('row');
    await expect.element(rows.nth(3)).toBeVisible();
    await expect.element(rows.nth(1)).toHaveTextContent('Bird dog 1 7 right, 6 left 10 each side');
    await expect.element(rows.nth(2)).toHaveTextContent('Bird dog 2 10 each side 10 each side');
    await expect.element(rows.nth(3)).toHaveTextContent('Bird dog 3 8 right, 7 left 8 right, 7 left');
    document.body.replaceChildren();

    const restore = await layOutAsTheApp(180, 320);
    try {
      inAppMain(birdDogs());
      await expect.element(page.getByRole('row').nth(3)).toBeVisible();
      const cells = (row: number) =>
        page
          .getByRole('row')
          .nth(row)
          .getByRole('cell')
          .elements()
          .map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
      await expect.poll(() => cells(1)).toEqual(['Bird dog set 1', '7 of 10 right, 6 of 10 left']);
      expect(cells(2)).toEqual(['Bird dog set 2', '10 of 10 each side']);
      expect(cells(3)).toEqual(['Bird dog set 3', '8 of 8 right, 7 of 7 left']);
      const box = setsBox(document.querySelector('bb-summary')!);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    } finally {
      await restore();
    }
  });

  it("keeps each side's count with its side on a laptop, where the four columns wrap a bird dog's count", async () => {
    const restore = await layOutAsTheApp(1366, 768);
    try {
      const summary = document.createElement('bb-summary');
      summary.plan = planWithLoggedWeight();
      summary.records = [
        record({ exerciseId: 'bird-dog', target: 20, count: 19, endedBy: 'stopped' }),
        record({ exerciseId: 'lat-pulldown', target: 12, count: 12 }),
      ];
      summary.durationMs = 5 * 60_000;
      inAppMain(summary);
      const rows = page.getByRole('row');
      await expect.element(rows.nth(1)).toHaveTextContent('Bird dog 1 10 right, 9 left 10 each side');
      const [, , done, target] = rows.nth(1).getByRole('cell').elements();
      // The column is narrower than its words: they wrap, but between the sides, not within one.
      expect(linesAcrossNodes(done!, '10 right, 9 left')).toBe(2);
      expect(linesAcrossNodes(done!, '9 left')).toBe(1);
      expect(linesAcrossNodes(done!, '10 right')).toBe(1);
      expect(linesAcrossNodes(target!, '10 each side')).toBe(1);
    } finally {
      await restore();
    }
  });

  it('says the weight a set was done with, not for a set skipped before it began', async () => {
    const summary = document.createElement('bb-summary');
    summary.plan = planWithLoggedWeight();
    summary.records = [
      record({}),
      record({ exerciseId: 'lat-pulldown', target: 12, count: 12, endedBy: 'target' }),
      record({ exerciseId: 'lat-pulldown', setNumber: 2, target: 12, count: 0, endedBy: 'skipped' }),
    ];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    const rows = page.getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent(/^Superman 1 10 10$/);
    await expect.element(rows.nth(2)).toHaveTextContent('Wide-grip lat pulldown at 25 kg 1 12 12');
    await expect.element(rows.nth(3)).toHaveTextContent(/^Wide-grip lat pulldown 2 skipped 12$/);
  });

  it.each([360, 320])(
    'keeps a hyphenated exercise name on one line in the table of a %d px phone, within the screen',
    async (width) => {
      const restore = await layOutAsTheApp(width, 640);
      try {
        const skipped = { count: 0, endedBy: 'skipped' } as const;
        const summary = document.createElement('bb-summary');
        summary.plan = defaultPlan();
        summary.records = [
          record({ exerciseId: 'drawing-in', holdMs: 0, target: 45, ...skipped }),
          record({ exerciseId: 'lat-pulldown', target: 12, count: 12, endedBy: 'target' }),
          record({ exerciseId: 'elbow-plank', holdMs: 0, target: 30, ...skipped }),
        ];
        summary.durationMs = 5 * 60_000;
        const main = inAppMain(summary);
        await expect.element(page.getByRole('row').nth(3)).toBeVisible();
        for (const word of ['Drawing-in', 'Wide-grip']) {
          const cell = page.getByRole('cell', { name: new RegExp(word) }).element();
          expect(linesOf(cell, word), word).toBe(1);
        }
        // Within main's margin on the right too, as on the left: not pressed against the screen's edge.
        const contentRight =
          main.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(main).paddingRight);
        expect(page.getByRole('table').element().getBoundingClientRect().right).toBeLessThanOrEqual(
          contentRight,
        );
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      } finally {
        await restore();
      }
    },
  );

  it.each([
    ['a 360 px phone', 360, 640],
    ['a 360 px phone with its text at twice its size', 180, 320],
    ['a laptop', 1366, 768],
  ])(
    'keeps the words of each column apart from the next on %s, "skipped" and the headings too',
    async (_, width, height) => {
      const restore = await layOutAsTheApp(width, height);
      try {
        const summary = document.createElement('bb-summary');
        summary.plan = defaultPlan();
        summary.records = [
          record({ count: 0, endedBy: 'skipped' }),
          record({ setNumber: 2, count: 10 }),
          record({ exerciseId: 'drawing-in', holdMs: 0, count: 0, target: 45, endedBy: 'skipped' }),
          record({ exerciseId: 'lat-pulldown', target: 12, count: 12, endedBy: 'target' }),
        ];
        summary.durationMs = 5 * 60_000;
        inAppMain(summary);
        await expect.element(page.getByRole('row').nth(4)).toBeVisible();
        const table = page.getByRole('table').element();
        // Three quarters of the type's size or more, some three spaces: at a glance two columns, where
        // one space read "Done Target" as one heading and "1 skipped" as one cell.
        const least = 0.75 * Number.parseFloat(getComputedStyle(table).fontSize);
        const text = (cell: Element) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return {
            left: Math.min(...rects.map((r) => r.left)),
            right: Math.max(...rects.map((r) => r.right)),
            top: Math.min(...rects.map((r) => r.top)),
            bottom: Math.max(...rects.map((r) => r.bottom)),
          };
        };
        for (const row of table.querySelectorAll('tr')) {
          const cells = [...row.children];
          for (let i = 1; i < cells.length; i++) {
            const words = `${cells[i - 1]!.textContent!.trim()} | ${cells[i]!.textContent!.trim()}`;
            // A row wrapped with text at twice its size: the cell on a line under the one before it.
            if (text(cells[i]!).top >= text(cells[i - 1]!).bottom) continue;
            expect(text(cells[i]!).left - text(cells[i - 1]!).right, words).toBeGreaterThanOrEqual(least);
          }
        }
      } finally {
        await restore();
      }
    },
  );

  it('wraps rather than scroll sideways with text at twice its size on a 360 px phone (180 px wide)', async () => {
    const restore = await layOutAsTheApp(180, 320);
    try {
      const summary = summaryOfFourExercises();
      const main = inAppMain(summary);
      await expect.element(page.getByRole('row').nth(4)).toBeVisible();
      const contentRight =
        main.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(main).paddingRight);
      // The table alone may scroll sideways, in a box of its own within the screen.
      for (const part of summary.shadowRoot!.querySelectorAll('h2, .totals, button, bb-sets-table')) {
        expect(part.getBoundingClientRect().right, part.textContent!.trim()).toBeLessThanOrEqual(
          contentRight,
        );
      }
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
      // A keyboard can scroll it too.
      const audit = await axe.run(summary, { runOnly: ['scrollable-region-focusable'] });
      expect(audit.violations.map((v) => v.id)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('reads each set and what was done of its target without a sideways swipe with text at twice its size (180 px wide)', async () => {
    const restore = await layOutAsTheApp(180, 320);
    try {
      const summary = document.createElement('bb-summary');
      summary.plan = planWithLoggedWeight();
      summary.records = [
        record({ count: 8 }),
        record({ setNumber: 2, count: 0, endedBy: 'skipped' }),
        record({ exerciseId: 'drawing-in', holdMs: 45_000, count: 0, target: 45 }),
        record({ exerciseId: 'lat-pulldown', target: 12, count: 12, endedBy: 'target' }),
        record({ exerciseId: 'elbow-plank', holdMs: 152_000, count: 0, target: 30 }),
      ];
      summary.durationMs = 25 * 60_000;
      inAppMain(summary);
      await expect.element(page.getByRole('row').nth(5)).toBeVisible();
      const box = setsBox(summary);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      expect(page.getByText('More columns: scroll sideways →').query()).toBeNull();
      // Two columns, their headings what their cells hold: the set's number joins its exercise, and
      // the target joins what was done, "8 of 10".
      const heads = page.getByRole('columnheader').elements();
      expect(heads.map((head) => head.textContent!.trim())).toEqual(['Exercise', 'Done of target']);
      const cells = (row: number) =>
        page
          .getByRole('row')
          .nth(row)
          .getByRole('cell')
          .elements()
          .map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
      expect(cells(1)).toEqual(['Superman set 1', '8 of 10']);
      expect(cells(2)).toEqual(['Superman set 2', 'skipped']);
      expect(cells(3)).toEqual(['Drawing-in set 1', '45 s of 45 s']);
      expect(cells(4)).toEqual(['Wide-grip lat pulldown set 1 at 25 kg', '12 of 12']);
      expect(cells(5)).toEqual(['Elbow plank set 1', '2 min 32 s of 30 s']);
    } finally {
      await restore();
    }
  });

  it('says what a bat hang counted, breaths, where a number alone read as reps; reps are left bare', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({ count: 8 }),
      record({ exerciseId: 'bat-hang', count: 3, target: 4 }),
      record({ exerciseId: 'bat-hang', setNumber: 2, count: 1, target: 1 }),
    ];
    summary.durationMs = 10 * 60_000;
    document.body.append(summary);
    expect(await rowsOf(summary)).toEqual([
      ['Superman', '1', '8', '10'],
      ['Bat hang', '1', '3', '4 breaths'],
      ['Bat hang', '2', '1', '1 breath'],
    ]);
    // With text at twice its size, the target joins what was done, and its unit with it.
    const restore = await layOutAsTheApp(180, 320);
    try {
      await expect
        .poll(async () => await rowsOf(summary))
        .toEqual([
          ['Superman set 1', '8 of 10'],
          ['Bat hang set 1', '3 of 4 breaths'],
          ['Bat hang set 2', '1 of 1 breath'],
        ]);
    } finally {
      await restore();
    }
  });

  it.each([
    ['a 360 px phone with its text at twice its size', 180, 320],
    ['a 360 px phone with its text at 1.75 times its size', 206, 366],
    ['a window 240 px wide', 240, 427],
    ['a 360 px phone with its text at 1.4 times its size', 256, 456],
    ['a window 260 px wide', 260, 460],
    ['a window 280 px wide', 280, 498],
    ['a window 300 px wide', 300, 533],
    ['a window 312 px wide', 312, 555],
    ['a 320 px phone', 320, 568],
    ['a 360 px phone', 360, 640],
    ['a laptop', 1366, 768],
  ])('fits its table of sets in its box on %s, with no sideways scroll', async (_, width, height) => {
    const restore = await layOutAsTheApp(width, height);
    try {
      const summary = summaryOfFourExercises();
      inAppMain(summary);
      await expect.element(page.getByRole('row').nth(4)).toBeVisible();
      const box = setsBox(summary);
      await expect.poll(() => box.scrollWidth - box.clientWidth).toBeLessThanOrEqual(0);
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      expect(page.getByText('More columns: scroll sideways →').query()).toBeNull();
      // A phone at its usual text size and a laptop have room for the four columns, and keep them.
      if (width >= 360) {
        const heads = page.getByRole('columnheader').elements();
        expect(heads.map((head) => head.textContent!.trim())).toEqual(['Exercise', 'Set', 'Done', 'Target']);
      }
    } finally {
      await restore();
    }
  });

  it('says how long the session stood still for a strap out of reach, and under the set how long it counted nothing', async () => {
    const { sets, session } = strapDroppedSession('dropped', Date.now());
    const pauses = session.snapshot!.pauses!;
    // 102 s and 72 s in the first set, 18 s in the rest after it; a pause of the person's own is none.
    expect(summarise(sets, 71_100, [...pauses, { atMs: 300_000, ms: 9000 }], 'chest')).toBe(
      '2 sets · 20 reps · 1 min · strap out of reach 3 min 12 s',
    );
    expect(summarise(sets, 71_100, pauses, 'wrist')).toBe(
      '2 sets · 20 reps · 1 min · watch out of reach 3 min 12 s',
    );
    expect(summarise(sets, 71_100, [{ atMs: 300_000, ms: 9000 }])).toBe('2 sets · 20 reps · 1 min');
    const summary = document.createElement('bb-summary');
    summary.records = sets;
    summary.durationMs = 71_100;
    summary.pauses = pauses;
    summary.devicePlacement = 'chest';
    document.body.append(summary);
    expect(await rowsOf(summary)).toEqual([
      [
        'Superman',
        '1',
        '10',
        '10, Strap out of reach twice: 2 min 54 s not counted; Counted with +1, strap out of reach: 1',
      ],
      ['Strap out of reach twice: 2 min 54 s not counted'],
      ['Counted with +1, strap out of reach: 1'],
      ['Superman', '2', '10', '10'],
    ]);
    expect(summary.shadowRoot!.querySelector('.totals')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '2 sets · 20 reps · 1 min · strap out of reach 3 min 12 s',
    );
  });

  it('says under a set that went on without its strap that it did, where its reps tapped with +1 do not already', async () => {
    const summary = minuteWithStrapSummary([
      // A plank begun with the strap given up on in the rest before it, its hold timed by hand.
      plankTimedByHandWithoutTheStrap(),
      record({
        setNumber: 1,
        count: 4,
        corrections: 2,
        deviceAway: true,
        countedAway: 2,
        endedBy: 'stopped',
      }),
    ]);
    expect(await rowsOf(summary)).toEqual([
      ['Elbow plank', '1', '20 s', '30 s, Strap out of reach during the set'],
      ['Strap out of reach during the set'],
      ['Superman', '1', '4', '10, Counted with +1, strap out of reach: 2'],
      ['Counted with +1, strap out of reach: 2'],
    ]);
  });

  it('says under a set whose strap stayed connected, its motion stopped, that its motion stopped, not that it was out of reach', async () => {
    const summary = minuteWithStrapSummary([
      plankTimedByHandWithoutTheStrap({ deviceStopped: true }),
      record({
        setNumber: 1,
        count: 10,
        corrections: 7,
        deviceAway: true,
        deviceStopped: true,
        countedAway: 7,
      }),
    ]);
    expect(await rowsOf(summary)).toEqual([
      ['Elbow plank', '1', '20 s', '30 s, Strap motion stopped during the set'],
      ['Strap motion stopped during the set'],
      ['Superman', '1', '10', '10, Counted with +1, strap motion stopped: 7'],
      ['Counted with +1, strap motion stopped: 7'],
    ]);
  });

  it('says under a set the watch took over from a strap given up for lost from which rep it counted', async () => {
    const summary = minuteWithStrapSummary([
      record({
        count: 10,
        deviceAway: true,
        takenOver: { from: 'chest', placement: 'wrist', how: 'lost', countBefore: 3, heldMsBefore: null },
      }),
      record({ setNumber: 2, count: 10 }),
    ]);
    expect(await rowsOf(summary)).toEqual([
      ['Superman', '1', '10', '10, Strap out of reach during the set; The watch counted from rep 4'],
      ['Strap out of reach during the set'],
      ['The watch counted from rep 4'],
      ['Superman', '2', '10', '10'],
    ]);
  });

  /**
   * The summary of a session recorded with a chest strap whose device dropped twice in a set, each drop
   * kept as that of the device worn at `placement` where one is given, in the app's main column.
   */
  function strapDroppedSummary(placement?: 'wrist') {
    const { sets, session } = strapDroppedSession('dropped', Date.now());
    const summary = document.createElement('bb-summary');
    summary.records = sets;
    summary.durationMs = 71_100;
    const pauses = session.snapshot!.pauses!;
    summary.pauses = placement ? pauses.map((pause) => ({ ...pause, placement })) : pauses;
    summary.devicePlacement = 'chest';
    return { summary, main: inAppMain(summary) };
  }

  it.each([
    [360, 640],
    [180, 320],
  ])(
    'keeps the words of a strap out of reach within a %i px phone, each time whole',
    async (width, height) => {
      const restore = await layOutAsTheApp(width, height);
      try {
        const { summary, main } = strapDroppedSummary();
        await summary.updateComplete;
        const table = summary.shadowRoot!.querySelector('bb-sets-table')!;
        await expect.poll(() => table.shadowRoot!.querySelector('tr.dropped td')).not.toBeNull();
        const note = table.shadowRoot!.querySelector('tr.dropped td')!;
        const totals = summary.shadowRoot!.querySelector('.totals')!;
        expect(linesOf(totals, '3 min 12 s')).toBe(1);
        expect(linesOf(note, '2 min 54 s')).toBe(1);
        const edge = main.getBoundingClientRect().right;
        for (const box of [totals.getBoundingClientRect(), note.getBoundingClientRect()])
          expect(box.right).toBeLessThanOrEqual(edge + 0.5);
        expect(setsBox(summary).scrollWidth).toBeLessThanOrEqual(setsBox(summary).clientWidth);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      } finally {
        await restore();
      }
    },
  );

  it.each([
    [360, 640],
    [180, 320],
  ])(
    'says the watch a drop kept beside a strap, each of its words whole within a %i px phone',
    async (width, height) => {
      const restore = await layOutAsTheApp(width, height);
      try {
        // An H10 and a watch recorded as one source worn on the chest: the drops say which it was.
        const { summary, main } = strapDroppedSummary('wrist');
        expect(await rowsOf(summary)).toContainEqual(['Watch out of reach twice: 2 min 54 s not counted']);
        expect(await rowsOf(summary)).toContainEqual(['Counted with +1, watch out of reach: 1']);
        const totals = summary.shadowRoot!.querySelector('.totals')!;
        expect(totals.textContent!.replace(/\s+/g, ' ').trim()).toBe(
          '2 sets · 20 reps · 1 min · watch out of reach 3 min 12 s',
        );
        const table = summary.shadowRoot!.querySelector('bb-sets-table')!;
        const notes = [...table.shadowRoot!.querySelectorAll('tr.dropped td, tr.corrected td')];
        expect(linesOf(totals, '3 min 12 s')).toBe(1);
        expect(linesOf(notes[0]!, '2 min 54 s')).toBe(1);
        expect(linesOf(notes[1]!, 'reach: 1')).toBe(1);
        const edge = main.getBoundingClientRect().right;
        for (const box of [totals, ...notes].map((el) => el.getBoundingClientRect()))
          expect(box.right).toBeLessThanOrEqual(edge + 0.5);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      } finally {
        await restore();
      }
    },
  );

  it('says of reps counted with +1 while the device was out of reach that they were, not that a miscount was put right', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({
        count: 5,
        corrections: 3,
        deviceAway: true,
        countedAway: 3,
        endedBy: 'stopped',
        finishedUnderWay: true,
      }),
      record({ setNumber: 2, count: 10, corrections: 1, endedBy: 'target' }),
      // A +1 with the device there, 2 more once it was away.
      record({
        setNumber: 3,
        count: 10,
        corrections: 3,
        deviceAway: true,
        countedAway: 2,
        endedBy: 'target',
      }),
    ];
    summary.durationMs = 60_000;
    document.body.append(summary);
    const notes = () => correctedNotes(summary);
    await expect
      .poll(notes)
      .toEqual([
        'Counted with +1, device out of reach: 3',
        'Put right by hand: +1',
        'Counted with +1, device out of reach: 2. Put right by hand: +1',
      ]);
  });

  it('keeps the number of reps counted with +1 or put right with its words on a phone, "reach: 3" on one line', async () => {
    const restore = await layOutAsTheApp(360, 640);
    try {
      const summary = document.createElement('bb-summary');
      summary.records = [
        record({ count: 5, corrections: 3, deviceAway: true, countedAway: 3, endedBy: 'stopped' }),
        record({
          setNumber: 2,
          count: 10,
          corrections: 3,
          deviceAway: true,
          countedAway: 2,
          endedBy: 'target',
        }),
      ];
      summary.durationMs = 60_000;
      const main = inAppMain(summary);
      const notes = () => [
        ...(summary.shadowRoot
          ?.querySelector('bb-sets-table')
          ?.shadowRoot?.querySelectorAll('tr.corrected') ?? []),
      ];
      await expect.poll(() => notes().length).toBe(2);
      // However wide the phone, and within History's card, narrower still: at 360 px the "3" of
      // "Counted with +1, device out of reach: 3" stood alone on the line under its words.
      for (let widthPx = 260; widthPx <= 360; widthPx += 4) {
        main.style.width = `${widthPx}px`;
        const [first, second] = notes();
        for (const [row, figure] of [
          [first!, 'reach: 3'],
          [second!, 'reach: 2'],
          [second!, 'hand: +1'],
        ] as const)
          expect(linesAcrossNodes(row, figure), `${widthPx} px: ${row.textContent}`).toBe(1);
      }
    } finally {
      await restore();
    }
  });

  it('reads the number of reps counted with +1, by hand or put right apart from its words, "hand: +1"', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({ count: 9, corrections: 1 }),
      record({ setNumber: 2, count: 4, corrections: 4, countedByHand: 4 }),
      record({ setNumber: 3, count: 10, corrections: 2, deviceAway: true, countedAway: 1 }),
    ];
    document.body.append(summary);
    // The space before each comma is Chromium's, where the words hidden from sight leave the line.
    await expect.poll(cellsOfRows).toEqual([
      ['Exercise', 'Set', 'Done', 'Target'],
      ['Superman', '1', '9', '10 , Put right by hand: +1'],
      ['Superman', '2', '4', '10 , Counted by hand: 4'],
      ['Superman', '3', '10', '10 , Counted with +1, device out of reach: 1. Put right by hand: +1'],
    ]);
  });

  it('says of a miscount put right while the device was there that it was, though the device was away later in the set', async () => {
    // Two reps seen, a third put right with +1 while the strap was there, the strap out of reach and
    // back after it, no tap meanwhile.
    const ended = (
      [
        devicesCount(['superman']),
        { type: 'start', nowMs: 0 },
        { type: 'go-heard', nowMs: 1000 },
        { type: 'motion', event: { type: 'rep', tMs: 4000, emittedMs: 4200, startMs: 1500, peakDeg: 15 } },
        { type: 'motion', event: { type: 'rep', tMs: 7000, emittedMs: 7200, startMs: 4500, peakDeg: 15 } },
        { type: 'adjust', delta: 1, nowMs: 9000 },
        { type: 'motion-reach', away: ['superman'], nowMs: 12_000 },
        { type: 'motion-reach', away: [], nowMs: 14_000 },
        { type: 'finish', nowMs: 20_000 },
      ] as SessionAction[]
    ).reduce(
      reduceSession,
      initialSessionState([
        { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 45 } },
      ]),
    );
    const summary = document.createElement('bb-summary');
    summary.records = ended.completed;
    summary.durationMs = 20_000;
    document.body.append(summary);
    const notes = () => correctedNotes(summary);
    await expect.poll(notes).toEqual(['Put right by hand: +1']);
  });

  it('says of a set counted by hand from the start, no device seeing it, that it was, not that a miscount was put right', async () => {
    // A watch counts the superman, not the glute bridge: its reps are tapped with +1 as the ring asks,
    // one forgotten and tapped in the rest after; the superman after it put right with +1.
    const ended = (
      [
        devicesCount(['superman']),
        { type: 'start', nowMs: 0 },
        { type: 'go-heard', nowMs: 1000 },
        { type: 'adjust', delta: 1, nowMs: 6000 },
        { type: 'adjust', delta: 1, nowMs: 12_000 },
        { type: 'adjust', delta: 1, nowMs: 18_000 },
        { type: 'skip', nowMs: 26_000 },
        { type: 'adjust', delta: 1, nowMs: 28_000 },
        { type: 'skip', nowMs: 40_000 },
        { type: 'go-heard', nowMs: 41_000 },
        {
          type: 'motion',
          event: { type: 'rep', tMs: 44_000, emittedMs: 44_200, startMs: 41_500, peakDeg: 15 },
        },
        { type: 'adjust', delta: 1, nowMs: 47_000 },
        { type: 'finish', nowMs: 50_000 },
      ] as SessionAction[]
    ).reduce(
      reduceSession,
      initialSessionState([
        { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
        { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 45 } },
      ]),
    );
    expect(ended.completed.map((set) => set.count)).toEqual([4, 2]);
    const summary = document.createElement('bb-summary');
    summary.records = ended.completed;
    summary.durationMs = 50_000;
    document.body.append(summary);
    const notes = () => correctedNotes(summary);
    await expect.poll(notes).toEqual(['Counted by hand: 4', 'Put right by hand: +1']);
  });

  it('says what the session’s corrections taught the counting from now on, and only when they taught something', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [record({ count: 4, corrections: 1 })];
    summary.durationMs = 60_000;
    summary.learned = [{ exerciseId: 'superman', tuning: { rangeScale: 0.6, holdLeaveScale: 1 } }];
    document.body.append(summary);
    const note = page.getByText(
      'Learned from your corrections: superman reps count from 60 % of the movement the program expects. Forget it in Settings.',
    );
    await expect.element(note).toBeVisible();
    summary.learned = [];
    await expect.element(note).not.toBeInTheDocument();
  });

  it('says that no set was done, for a session whose every set was skipped before it counted anything', async () => {
    const summary = document.createElement('bb-summary');
    const skipped = { count: 0, endedBy: 'skipped', peakDeg: null } as const;
    summary.records = [supermanSet(skipped), supermanSet({ ...skipped, setNumber: 2 })];
    summary.durationMs = 20_000;
    document.body.append(summary);
    await expect
      .element(page.getByText('No sets were done (2 skipped), so this session is not kept in your history.'))
      .toBeVisible();
    expect(page.getByRole('group', { name: 'Save this session:' }).elements()).toHaveLength(0);
  });

  it('says that no set was done, for a session finished before its first set began', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [];
    summary.durationMs = 20_000;
    document.body.append(summary);
    await expect
      .element(page.getByText('No sets were done, so this session is not kept in your history.'))
      .toBeVisible();
    expect(page.getByRole('table').elements()).toHaveLength(0);
    // Nothing to save; the way on is still there.
    expect(page.getByRole('group', { name: 'Save this session:' }).elements()).toHaveLength(0);
    await expect.element(page.getByRole('button', { name: 'New session' })).toBeVisible();
  });

  it('lists the form problems of each set under it, and reads a set kept without them', async () => {
    const summary = document.createElement('bb-summary');
    const { formIssues: _none, ...kept } = record({ setNumber: 3 });
    summary.records = [
      record({ formIssues: ['over-extension'] }),
      record({ exerciseId: 'bird-dog', target: 20, count: 20, formIssues: ['tabletop-lost'] }),
      record({ setNumber: 2 }),
      kept as SetRecord,
      record({
        exerciseId: 'elbow-plank',
        holdMs: 47_000,
        count: 0,
        target: 30,
        endedBy: 'form',
        formIssues: ['plank-sag'],
      }),
    ];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    const rows = page.getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent('Superman 1 10 10, Form: lower back over-extended');
    await expect
      .element(rows.nth(2))
      .toHaveTextContent('Bird dog 1 10 each side 10 each side, Form: tabletop lost');
    await expect.element(rows.nth(3)).toHaveTextContent(/^Superman 2 10 10$/);
    await expect.element(rows.nth(4)).toHaveTextContent(/^Superman 3 10 10$/);
    await expect.element(rows.nth(5)).toHaveTextContent('Elbow plank 1 47 s 30 s, Form: hips sagged');
    expect(rows.elements()).toHaveLength(6);
    expect(notesShown(summary)).toEqual([
      'Form: lower back over-extended',
      'Form: tabletop lost',
      'Form: hips sagged',
    ]);
  });

  it("says under a plank's set why its goal was what it was, as its set screen and the voice did", async () => {
    const summary = document.createElement('bb-summary');
    const plank = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 53, restS: 60 } };
    summary.plan = [{ ...plank, firstHoldLastTimeS: 48 }];
    const held = (setNumber: number, target: number, holdMs: number) =>
      record({ exerciseId: 'elbow-plank', setNumber, target, holdMs, count: 0, endedBy: 'form' });
    summary.records = [held(1, 53, 55_200), held(2, 60, 40_000), held(3, 50, 30_000)];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    const rows = page.getByRole('row');
    await expect
      .element(rows.nth(1))
      .toHaveTextContent('Elbow plank 1 55 s 53 s, Goal: 5 s past your first plank last time');
    await expect
      .element(rows.nth(2))
      .toHaveTextContent('Elbow plank 2 40 s 60 s, Goal: 5 s past your last hold');
    // A goal set by hand has no reason to give.
    await expect.element(rows.nth(3)).toHaveTextContent(/^Elbow plank 3 30 s 50 s$/);
    expect(rows.elements()).toHaveLength(4);
    expect(notesShown(summary)).toEqual([
      'Goal: 5 s past your first plank last time',
      'Goal: 5 s past your last hold',
    ]);
  });

  it('offers the session as FIT, CSV and JSON, the history and a new session', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [record({})];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    const sent: string[] = [];
    summary.addEventListener('bb-export', (event) => sent.push(event.detail.format));
    summary.addEventListener('bb-show-history', () => sent.push('history'));
    summary.addEventListener('bb-new-session', () => sent.push('new'));
    for (const format of ['FIT', 'CSV', 'JSON']) {
      await page.getByRole('button', { name: `Save this session as ${format}` }).click();
    }
    await page.getByRole('button', { name: 'See all your sessions' }).click();
    await page.getByRole('button', { name: 'New session' }).click();
    expect(sent).toEqual(['fit', 'csv', 'json', 'history', 'new']);
  });

  it('says under its three files what each is for, on a 360 px phone and to a screen reader', async () => {
    // "FIT CSV JSON" alone left a person to guess, and a CSV taken as the backup holds no heart rate
    // and cannot be imported again.
    const restore = await layOutAsTheApp(360, 640, '0 1rem');
    try {
      const summary = document.createElement('bb-summary');
      summary.records = [record({ count: 10 })];
      summary.durationMs = 5 * 60_000;
      document.body.append(summary);
      const kinds =
        'FIT for Garmin Connect or Strava, CSV for a spreadsheet, JSON for everything: the one file Backbeat imports again.';
      await expect.element(page.getByText(kinds)).toBeVisible();
      await expect
        .element(page.getByRole('group', { name: 'Save this session:' }))
        .toHaveAccessibleDescription(kinds);
      const json = page
        .getByRole('button', { name: 'Save this session as JSON' })
        .element()
        .getBoundingClientRect();
      const note = page.getByText(kinds).element().getBoundingClientRect();
      expect(note.top).toBeGreaterThanOrEqual(json.bottom);
      expect(note.right).toBeLessThanOrEqual(360);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
    } finally {
      await restore();
    }
  });

  it('says a session deleted since it ended was deleted, and offers no file of it nor a correction to it', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [record({ count: 7, endedBy: 'stopped' })];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    await expect.element(page.getByRole('button', { name: 'Save this session as JSON' })).toBeVisible();
    summary.deleted = true;
    await summary.updateComplete;
    await expect
      .element(
        page.getByText(
          'You deleted this session from your history: it is not kept, and there is no file of it to save.',
        ),
      )
      .toBeVisible();
    expect(page.getByRole('button', { name: /^Save this session/ }).elements()).toHaveLength(0);
    expect(page.getByRole('group', { name: /counted wrong\?$/ }).elements()).toHaveLength(0);
    // What was done stays on screen, and what comes next.
    await expect.element(page.getByRole('row').nth(1)).toHaveTextContent(/^Superman 1 7 10$/);
    await expect.element(page.getByRole('button', { name: 'New session' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'See all your sessions' })).toBeVisible();
  });

  it("offers −1 and +1 for the session's last set, which had no rest to put it right in, not for a hold", async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({ exerciseId: 'drawing-in', holdMs: 30_000, count: 0, target: 30 }),
      record({ setNumber: 2, count: 7, endedBy: 'stopped' }),
    ];
    summary.durationMs = 5 * 60_000;
    document.body.append(summary);
    const deltas: number[] = [];
    summary.addEventListener('bb-adjust', (event) => deltas.push(event.detail.delta));
    // The set is named on screen: after Finish mid-set it need not be the row the eye ends on.
    const fix = page.getByRole('group', { name: 'Superman, set 2 counted wrong?' });
    await expect.element(fix).toBeVisible();
    await expect.element(fix).toHaveTextContent(/^\s*Superman, set 2 counted wrong\?\s*−1\s*\+1\s*$/);
    await page.getByRole('button', { name: '+1 rep on Superman, set 2' }).click();
    await page.getByRole('button', { name: '−1 rep on Superman, set 2' }).click();
    expect(deltas).toEqual([1, -1]);

    // The one set done: not down to nothing, which would leave a saved session with no set done.
    summary.records = [record({ count: 1, endedBy: 'stopped' })];
    await summary.updateComplete;
    await expect.element(page.getByRole('button', { name: '−1 rep on Superman, set 1' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: '+1 rep on Superman, set 1' })).toBeEnabled();
    // A hold's time is the detectors' alone.
    summary.records = [record({ exerciseId: 'elbow-plank', holdMs: 47_000, count: 0, target: 30 })];
    await summary.updateComplete;
    expect(page.getByRole('group', { name: /counted wrong\?$/ }).elements()).toHaveLength(0);
    // Begun, then skipped with nothing counted: reps the detectors missed can still be added.
    const skipped = { setNumber: 2, count: 0, endedBy: 'skipped' } as const;
    summary.records = [record({}), record(skipped)];
    await summary.updateComplete;
    await expect.element(page.getByRole('button', { name: '+1 rep on Superman, set 2' })).toBeEnabled();
    await expect.element(page.getByRole('button', { name: '−1 rep on Superman, set 2' })).toBeDisabled();
    // Skipped while it waited for the person, never begun: +1 would make it a set done.
    summary.records = [record({}), record({ ...skipped, neverBegun: true })];
    await summary.updateComplete;
    await expect.element(page.getByRole('row').nth(2)).toHaveTextContent(/^Superman 2 skipped 10$/);
    expect(page.getByRole('group', { name: /counted wrong\?$/ }).elements()).toHaveLength(0);
    // Under way, nothing counted, when Finish ended the session: ended undone, as Finish's question said.
    summary.records = [record({}), record(skipped)];
    summary.finishedShort = true;
    await summary.updateComplete;
    await expect.element(page.getByRole('row').nth(2)).toHaveTextContent(/^Superman 2 skipped 10$/);
    expect(page.getByRole('group', { name: /counted wrong\?$/ }).elements()).toHaveLength(0);
    // Finished with reps counted: they are put right, down to none and back.
    summary.records = [record({}), record({ ...skipped, finishedUnderWay: true })];
    await summary.updateComplete;
    await expect.element(page.getByRole('button', { name: '+1 rep on Superman, set 2' })).toBeEnabled();
  });

  it.each([
    ['lat-pulldown', 3, 'Wide-grip lat pulldown, set 3'],
    ['glute-bridge', 1, 'Glute bridge, set 1'],
  ] as const)(
    'names %s set %d to put right within a 360 px phone with its text at twice its size (180 px wide)',
    async (exerciseId, setNumber, which) => {
      const restore = await layOutAsTheApp(180, 320);
      try {
        const summary = document.createElement('bb-summary');
        summary.plan = defaultPlan();
        summary.records = [record({ exerciseId, setNumber, target: 12, count: 9, endedBy: 'stopped' })];
        summary.durationMs = 5 * 60_000;
        const main = inAppMain(summary);
        const fix = page.getByRole('group', { name: `${which} counted wrong?` });
        await expect.element(fix).toBeVisible();
        // A few lines of a phone, each a whole part of the question: not "set" on one and its number
        // on the next, nor "wrong?" alone.
        const title = summary.shadowRoot!.querySelector('#fix-title')!;
        for (const part of [which.split(' ')[0]!, `set ${setNumber}`, 'counted wrong?']) {
          expect(linesAcrossNodes(title, part), part).toBe(1);
        }
        const contentRight =
          main.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(main).paddingRight);
        for (const part of fix.element().querySelectorAll('span, button')) {
          expect(part.getBoundingClientRect().right, part.textContent!).toBeLessThanOrEqual(contentRight);
        }
        await expect.element(page.getByRole('button', { name: `−1 rep on ${which}` })).toBeVisible();
      } finally {
        await restore();
      }
    },
  );

  it('gives no heart rate for a set never begun, and tells one skipped once begun as skipped', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [
      record({}),
      record({
        setNumber: 2,
        count: 0,
        endedBy: 'skipped',
        startedMs: 85_000,
        endedMs: 87_000,
        neverBegun: true,
      }),
      record({ setNumber: 3, count: 0, endedBy: 'skipped', startedMs: 120_000, endedMs: 150_000 }),
    ];
    summary.durationMs = 5 * 60_000;
    const stats = { avgBpm: 84, maxBpm: 97, minBpm: 70, samples: 40 };
    summary.heart = {
      sets: [
        stats,
        { avgBpm: 77, maxBpm: 77, minBpm: 77, samples: 2 },
        { avgBpm: 102, maxBpm: 115, minBpm: 90, samples: 30 },
      ],
      recoveries: [null, null, null],
      rmssdBeforeMs: null,
      rmssdAfterMs: null,
    };
    document.body.append(summary);
    const items = page.getByRole('listitem');
    await expect.element(items.first()).toHaveTextContent('Superman 1: 84 bpm average, 97 at most');
    // Skipped after Go: the person may have worked through most of it, and the table says skipped too.
    await expect
      .element(items.nth(1))
      .toHaveTextContent('Superman 3 (skipped): 102 bpm average, 115 at most');
    expect(items.elements()).toHaveLength(2);
    // With only a set never begun, there is no heart rate to tell of.
    summary.records = [summary.records[1]!];
    summary.heart = { ...summary.heart, sets: [summary.heart.sets[1]!], recoveries: [null] };
    await expect.element(page.getByRole('heading', { name: 'Heart rate' })).not.toBeInTheDocument();
  });

  it('says the drop of the heart rate in the rest after each set, in bpm, and when there was none', async () => {
    const summary = document.createElement('bb-summary');
    summary.records = [record({}), record({ setNumber: 2 }), record({ setNumber: 3 })];
    summary.durationMs = 5 * 60_000;
    const stats = { avgBpm: 84, maxBpm: 97, minBpm: 70, samples: 40 };
    const recovery = (dropBpm: number) => ({ peakBpm: 97, endBpm: 97 - dropBpm, dropBpm, afterMs: 60_000 });
    summary.heart = {
      sets: [stats, stats, stats],
      recoveries: [recovery(21.6), recovery(0.3), recovery(-3)],
      rmssdBeforeMs: null,
      rmssdAfterMs: null,
    };
    document.body.append(summary);
    const items = page.getByRole('listitem');
    // On a phone the line wraps after "84 bpm average,", and "97 at most, then −22 in the rest" under it
    // named no unit for the drop.
    await expect
      .element(items.nth(0))
      .toHaveTextContent('Superman 1: 84 bpm average, 97 at most, −22 bpm in the rest');
    await expect
      .element(items.nth(1))
      .toHaveTextContent('Superman 2: 84 bpm average, 97 at most, no drop in the rest');
    await expect
      .element(items.nth(2))
      .toHaveTextContent('Superman 3: 84 bpm average, 97 at most, no drop in the rest');
  });

  it('keeps each heart rate with its bpm on a phone, where the line of a lat pulldown set wraps', async () => {
    const restore = await layOutAsTheApp(360, 640);
    try {
      const summary = document.createElement('bb-summary');
      summary.plan = planWithLoggedWeight();
      summary.records = [1, 2, 3].map((setNumber) =>
        record({
          exerciseId: 'lat-pulldown',
          setNumber,
          target: 12,
          count: 12,
          startedMs: setNumber * 100_000,
        }),
      );
      summary.durationMs = 5 * 60_000;
      const stats = (avgBpm: number) => ({ avgBpm, maxBpm: avgBpm + 2, minBpm: avgBpm - 5, samples: 40 });
      summary.heart = {
        sets: [stats(87), stats(101), stats(103)],
        recoveries: [null, null, null],
        rmssdBeforeMs: null,
        rmssdAfterMs: null,
      };
      const main = inAppMain(summary);
      const items = page.getByRole('listitem');
      await expect.element(items.nth(2)).toBeVisible();
      // However wide the phone, and within History's card, narrower still.
      for (let widthPx = 260; widthPx <= 360; widthPx += 4) {
        main.style.width = `${widthPx}px`;
        for (const [i, bpm] of [87, 101, 103].entries()) {
          const item = items.nth(i).element();
          expect(linesAcrossNodes(item, `${bpm} bpm`), `${widthPx} px: ${item.textContent}`).toBe(1);
          expect(linesAcrossNodes(item, `${bpm + 2} at most`), `${widthPx} px: ${item.textContent}`).toBe(1);
        }
      }
    } finally {
      await restore();
    }
  });

  it('keeps a rest\'s drop in heart rate with its words on a phone, "−17 bpm in the rest" on one line', async () => {
    const restore = await layOutAsTheApp(360, 640);
    try {
      const summary = fourSetsWithTheirHeartRates([21, 22, 17, 34], { beforeMs: null, afterMs: null });
      summary.plan = planWithLoggedWeight();
      const main = inAppMain(summary);
      const items = page.getByRole('listitem');
      await expect.element(items.nth(3)).toBeVisible();
      // However wide the phone, and within History's card, narrower still: where a bird dog's line in
      // History broke "then −17 in the" over "rest".
      for (let widthPx = 260; widthPx <= 360; widthPx += 4) {
        main.style.width = `${widthPx}px`;
        for (const [i, dropBpm] of [21, 22, 17, 34].entries()) {
          const item = items.nth(i).element();
          expect(
            linesAcrossNodes(item, `−${dropBpm} bpm in the rest`),
            `${widthPx} px: ${item.textContent}`,
          ).toBe(1);
        }
      }
      // In the main of a 360 px phone (328 px) the line wraps once, after the average: "then −2 bpm"
      // took a third line and left "81 at most," alone on the second, as bare a number as the drop was.
      main.style.width = '328px';
      for (const [i, [maxBpm, dropBpm]] of [
        [90, 21],
        [101, 22],
        [94, 17],
      ].entries()) {
        const item = items.nth(i).element();
        expect(linesOf(item, `${maxBpm} at most, −${dropBpm} bpm in the rest`), item.textContent!).toBe(1);
      }
    } finally {
      await restore();
    }
  });

  it('keeps the comma after "at most" on its line, so that no line of a set\'s heart rate begins with one', async () => {
    const restore = await layOutAsTheApp(420, 640);
    try {
      const summary = fourSetsWithTheirHeartRates([21, -2, 17, 34], { beforeMs: null, afterMs: null });
      summary.plan = planWithLoggedWeight();
      const main = inAppMain(summary);
      const items = page.getByRole('listitem');
      await expect.element(items.nth(3)).toBeVisible();
      // In History's card on a 360 px phone a lat pulldown's line read "101 bpm average, 103 at most"
      // over ", then no drop in the rest".
      for (let widthPx = 200; widthPx <= 420; widthPx += 2) {
        main.style.width = `${widthPx}px`;
        for (let i = 0; i < 4; i++) {
          const item = items.nth(i).element();
          expect(linesAcrossNodes(item, 'at most,'), `${widthPx} px: ${item.textContent}`).toBe(1);
        }
      }
    } finally {
      await restore();
    }
  });

  it('keeps each drop with its bpm and each number with its unit, with text at twice its size (180 px wide)', async () => {
    const restore = await layOutAsTheApp(180, 320);
    try {
      const summary = fourSetsWithTheirHeartRates([21, -2, 17, null], { beforeMs: 32, afterMs: 41 });
      inAppMain(summary);
      const items = page.getByRole('listitem');
      await expect.element(items.nth(3)).toBeVisible();
      const said = [
        ['Superman 1:', '−21 bpm', 'in the rest'],
        ['Glute bridge 1:', 'no drop', 'in the rest'],
        ['Bird dog 1:', '−17 bpm', 'in the rest'],
        ['pulldown 1:', '103 at most'],
      ];
      for (const [i, parts] of said.entries()) {
        const item = items.nth(i).element();
        // ", then" was a line of its own, over "−21 in the" and "rest"; "Glute bridge" over "1: 94 bpm".
        for (const part of parts) expect(linesOf(item, part), `${part} in ${item.textContent}`).toBe(1);
      }
      const variability = page.getByText(/^Heart-rate variability \(RMSSD\)/).element();
      // "the session, 41" over "ms after it".
      for (const part of ['32 ms', '41 ms']) expect(linesOf(variability, part), part).toBe(1);
    } finally {
      await restore();
    }
  });

  it('says what RMSSD is, and before and after what it was read', () => {
    expect(describeHrv({ sets: [], recoveries: [], rmssdBeforeMs: 32.4, rmssdAfterMs: 41 })).toBe(
      'Heart-rate variability (RMSSD) at rest: 32 ms before the session, 41 ms after it',
    );
    expect(describeHrv({ sets: [], recoveries: [], rmssdBeforeMs: null, rmssdAfterMs: 23 })).toBe(
      'Heart-rate variability (RMSSD) at rest: 23 ms after the session',
    );
  });
});

/** A 25 min session of four exercises, reps and holds, laid out as the app would. */
function summaryOfFourExercises(): HTMLElementTagNameMap['bb-summary'] {
  const summary = document.createElement('bb-summary');
  summary.plan = defaultPlan();
  summary.records = [
    record({ count: 10 }),
    record({ exerciseId: 'drawing-in', holdMs: 45_000, count: 0, target: 45 }),
    record({ exerciseId: 'lat-pulldown', target: 12, count: 12, endedBy: 'target' }),
    record({ exerciseId: 'elbow-plank', holdMs: 152_000, count: 0, target: 30 }),
  ];
  summary.durationMs = 25 * 60_000;
  return summary;
}
