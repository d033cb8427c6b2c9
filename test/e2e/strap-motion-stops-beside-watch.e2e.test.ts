// A Polar H10 and a PineTime worn together, the strap's motion stream stopped in the middle of a
// superman set while it stays connected and its heart rate goes on: the watch, which can see a
// superman, counts the set from there, as it does for a strap given up for lost. The voice says so
// once, the set's line and the header name the watch, the heart rate stays on the screen, and the
// set's record tells from which rep the watch counted. The strap's motion back in the middle of that
// set counts none of its reps. Emulated over the DevTools protocol, on the page's paused clock.
import { expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, PMD_DATA } from '../../src/protocol/uuids.ts';
import { describeWithShared } from '../shared.ts';
import { runClockUntil } from './app-page.ts';
import { devicesLine } from './devices-line.ts';
import { supermanFrames } from './emulated-polar-h10.ts';
import { connectBothAndBeginTheSuperman, strapBesideStillWatchForTheFile } from './strap-beside-watch.ts';

const TOOK_OVER_LINE = 'Strap motion stopped: the watch counts from here';

describeWithShared('a strap whose motion stops beside a watch, in a set the watch can see', () => {
  const { page, strap, heard, lineOf, count } = strapBesideStillWatchForTheFile();
  const plusOne = () => page().locator('bb-set-view').getByRole('button', { name: /^\+1/ });

  /**
   * The strap's motion from `fromS` to `toS` of a simulated person's three supermans, streamed as the
   * page's clock reaches each frame, with its heart rate every other frame.
   */
  async function supermansFromTheStrap(fromS = 0, toS = Number.POSITIVE_INFINITY): Promise<void> {
    let streamedS = fromS;
    let sent = 0;
    for (const frame of supermanFrames(3).frames.filter((f) => f.atS >= fromS && f.atS <= toS)) {
      await page().clock.runFor(Math.round((frame.atS - streamedS) * 1000));
      streamedS = frame.atS;
      await strap().send(PMD_DATA, frame.bytes);
      if (sent++ % 2 === 0) await strap().send(HEART_RATE_MEASUREMENT, [0x00, 90]);
    }
  }

  /** The strap's heart rate alone, once a second, until `done`, for at most `maxS` seconds. */
  async function heartRateAloneUntil(done: () => Promise<boolean>, maxS: number): Promise<void> {
    for (let s = 0; s < maxS && !(await done()); s++) await heartRateAloneFor(1);
    expect(await done()).toBe(true);
  }

  /** The strap's heart rate alone, once a second, for `seconds`. */
  async function heartRateAloneFor(seconds: number): Promise<void> {
    for (let s = 0; s < seconds; s++) {
      await page().clock.runFor(1000);
      await strap().send(HEART_RATE_MEASUREMENT, [0x00, 95]);
    }
  }

  it('connects the strap and the watch, and counts the first superman set from the strap', async () => {
    await connectBothAndBeginTheSuperman(page());
    await supermansFromTheStrap();
    await runClockUntil(page(), async () => (await count()) === 3, 5000);
  });

  it('has the watch count on once the strap’s motion stops, says so once, and keeps the heart rate', async () => {
    const before = (await heard()).length;
    const toldTakeOver = async () => (await heard()).slice(before).includes(TOOK_OVER_LINE);
    await heartRateAloneUntil(toldTakeOver, 8);
    // A few seconds more, long past the moment any going is news.
    await heartRateAloneFor(4);
    // The strap's going told once, where "Strap motion stopped: keep going" came 2 s after it.
    expect((await heard()).slice(before).filter((line) => line.startsWith('Strap'))).toEqual([
      TOOK_OVER_LINE,
    ]);
    expect(await page().locator('bb-set-view .paused').count()).toBe(0);
    expect(await lineOf('bb-set-view .away')).toBe('Strap motion stopped: the watch counts');
    expect(await devicesLine(page()).textContent()).toBe('No strap motion · InfiniTime connected');
    expect(await lineOf('bb-heart-rate .bpm')).toBe('95');
    await page().screenshot({ path: '/tmp/strap-motion-stopped-watch-counts.png' });

    // A rep the watch did not see is counted with +1, from the three the strap had.
    await plusOne().tap();
    await runClockUntil(page(), async () => (await count()) === 4, 1000, 100);
  });

  it('counts none of the strap’s reps in that set once its motion is back, and keeps in the record from which rep the watch counted', async () => {
    const before = (await heard()).length;
    // The person in the middle of their supermans as the strap streams again.
    await supermansFromTheStrap(5, 14);
    await runClockUntil(page(), async () => (await lineOf('bb-set-view .away')) === null, 3000, 100);
    expect(await devicesLine(page()).textContent()).toBe(
      'Polar H10 0000E2E0 connected · InfiniTime connected',
    );
    expect(await count()).toBe(4);
    expect((await heard()).slice(before).join('\n')).not.toMatch(/strap|watch/i);

    await page().getByRole('button', { name: 'Skip set' }).tap();
    await runClockUntil(page(), async () => (await page().locator('bb-rest-view').count()) > 0, 5000);
    await page().getByRole('button', { name: 'Finish' }).tap();
    await page().getByRole('button', { name: 'End session' }).tap();
    await page().locator('bb-summary h2').waitFor();
    // Skipped, counted by the watch from the rep after the strap's three, and the +1 tapped then a
    // miscount of the watch's: no word of the strap out of reach, which it never was.
    const notes = await page().locator('bb-summary bb-sets-table tr.note').allTextContents();
    expect(notes.map((note) => note.replace(/\s+/g, ' ').trim())).toEqual([
      'Cut short',
      'The watch counted from rep 4',
      'Put right by hand: +1',
    ]);
  });
});
