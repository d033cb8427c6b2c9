// A Polar H10 and a PineTime worn together, the strap out of reach in the middle of a superman set,
// which a wrist can see: once the strap has been away a few seconds the watch counts it from there,
// the set goes on unpaused, the voice says so in a line and the set screen names the watch; given up
// for lost at the end of its minute of reconnecting, it changes none of that. The strap back in the
// middle of that set counts none of its reps; it counts the next set. Emulated over the DevTools
// protocol, on the page's paused clock, so that the minute passes in seconds.
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { HANDED_OVER_AFTER_MS } from '../../src/app/device-streams.ts';
import { PMD_DATA } from '../../src/protocol/uuids.ts';
import { RECONNECT_WINDOW_MS } from '../../src/sensors/ble/gatt-session.ts';
import { describeWithShared } from '../shared.ts';
import { runClockUntil, startTheSet } from './app-page.ts';
import { devicesLine, devicesListed } from './devices-line.ts';
import { supermanFrames } from './emulated-polar-h10.ts';
import { connectBothAndBeginTheSuperman, strapBesideStillWatchForTheFile } from './strap-beside-watch.ts';

const TOOK_OVER_LINE = 'Strap out of reach: the watch counts from here';

describeWithShared('a strap out of reach beside a watch, in a set the watch can see', () => {
  const { page, strap, heard, lineOf, count } = strapBesideStillWatchForTheFile();
  const tap = (target: Locator) => target.tap();
  const pageNow = () => page().evaluate(() => Date.now());

  /** A simulated person's three supermans, streamed by the strap as the page's clock reaches each frame. */
  async function threeSupermansFromTheStrap(): Promise<void> {
    let streamedS = 0;
    for (const frame of supermanFrames(3).frames) {
      await page().clock.runFor(Math.round((frame.atS - streamedS) * 1000));
      streamedS = frame.atS;
      await strap().send(PMD_DATA, frame.bytes);
    }
  }

  it('connects the strap and the watch, and begins the first superman set', async () => {
    await connectBothAndBeginTheSuperman(page());
  });

  it('has the watch count the set once the strap has been out of reach a few seconds, says so, and names it on the set screen', async () => {
    const before = (await heard()).length;
    const droppedAtMs = await pageNow();
    await strap().goOutOfReach();
    await runClockUntil(
      page(),
      async () => (await heard()).slice(before).includes(TOOK_OVER_LINE),
      HANDED_OVER_AFTER_MS + 2000,
    );
    expect(await pageNow()).toBeLessThan(droppedAtMs + HANDED_OVER_AFTER_MS + 1000);
    await runClockUntil(
      page(),
      async () => (await page().locator('bb-set-view .paused').count()) === 0,
      5000,
    );
    expect(await lineOf('bb-set-view h2')).toBe('Superman');
    expect(await lineOf('bb-set-view .away')).toBe('Strap out of reach: the watch counts');
    // The header's one line, which the strap reconnecting leaves as it is, says the same of the strap.
    expect(await devicesLine(page()).textContent()).toBe(
      'Polar H10 0000E2E0 out of reach: the watch counts · InfiniTime connected',
    );
    expect((await heard()).slice(before).join('\n')).not.toMatch(/until the strap is back/);
    await page().screenshot({ path: '/tmp/strap-away-watch-counts.png' });
  });

  it('goes on with the watch once the strap is given up for lost, and names it so on the set screen', async () => {
    const before = (await heard()).length;
    const notice = page().locator('bb-device-panel summary.problem-line');
    await runClockUntil(
      page(),
      async () => (await notice.count()) > 0 && (await notice.innerText()).includes('did not come back'),
      RECONNECT_WINDOW_MS,
      2000,
    );
    expect(await page().locator('bb-set-view .paused').count()).toBe(0);
    expect((await heard()).slice(before).join('\n')).not.toMatch(/strap|paused/i);
    expect(await lineOf('bb-set-view h2')).toBe('Superman');
    expect(await lineOf('bb-set-view .away')).toBe('Strap out of reach: the watch counts');
    // The header says the same of the strap as the set does, where it said "keep going" beside it.
    expect(await devicesListed(page())).toEqual([
      'Polar H10 0000E2E0 out of reach: the watch counts',
      'InfiniTime connected',
    ]);
    await page().screenshot({ path: '/tmp/strap-lost-watch-counts.png' });
    // The notice of the strap out of reach, opened, tells the same, and still how to have it back.
    await notice.tap();
    await runClockUntil(
      page(),
      () => page().locator('bb-device-panel details.glance[open]').isVisible(),
      2000,
    );
    expect(await notice.innerText()).toContain(
      'Out of reach: Polar H10 0000E2E0 did not come back, and the watch counts in its place. Wake it or move closer',
    );
    await expect.poll(() => page().getByRole('button', { name: 'Reconnect' }).isVisible()).toBe(true);
    await notice.tap();
    await runClockUntil(
      page(),
      async () => !(await page().locator('bb-device-panel details.glance[open]').isVisible()),
      2000,
    );
  });

  it('counts none of the strap’s reps in that set once the strap is back, and counts them in the next set', async () => {
    strap().comeBackInReach();
    // Both connected again, the header on a phone in a session is again the one line a tap opens.
    await runClockUntil(
      page(),
      async () =>
        (await devicesLine(page()).textContent()) === 'Polar H10 0000E2E0 connected · InfiniTime connected',
      60_000,
    );
    expect(await page().locator('bb-set-view .away').count()).toBe(0);
    const countBefore = await count();
    await threeSupermansFromTheStrap();
    await page().clock.runFor(2000);
    expect(await count()).toBe(countBefore);

    await page().getByRole('button', { name: /^\+1/ }).tap();
    await page().getByRole('button', { name: 'Skip set' }).tap();
    await runClockUntil(page(), async () => (await page().locator('bb-rest-view').count()) > 0, 5000);
    await page().getByRole('button', { name: 'Start now' }).tap();
    await runClockUntil(page(), async () => (await lineOf('bb-set-view h2')) === 'Superman', 5000);
    await startTheSet(page(), tap);
    await threeSupermansFromTheStrap();
    await runClockUntil(page(), async () => (await count()) === 3, 5000);
  });
});
