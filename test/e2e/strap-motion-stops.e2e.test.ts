// A Polar H10 alone, its motion stream stopped in the middle of a superman set while it stays
// connected and its heart rate goes on. The person is told within seconds to count with +1, the set
// does not end for reps nothing could see, +1 takes it to its target, and the summary says the reps
// tapped while the strap's motion had stopped, not that it was out of reach. Emulated over the
// DevTools protocol, on the page's paused clock.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, PMD_DATA } from '../../src/protocol/uuids.ts';
import { describeWithShared } from '../shared.ts';
import { openPhoneHearingCues, runClockUntil, startTheSet, textShown } from './app-page.ts';
import { letGoAndClose } from './ble-peripheral.ts';
import { linesSaid } from './cue-spy.ts';
import { connectInTurn, devicesListed } from './devices-line.ts';
import { type EmulatedH10, openAppBesideH10, supermanFrames } from './emulated-polar-h10.ts';

const STOPPED_LINE = 'The strap has stopped sending motion. Count with plus one until the strap is back';

describeWithShared('a strap alone whose motion stops in the middle of a set, its connection kept', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;

  beforeAll(async () => {
    ({ browser, page, strap } = await openAppBesideH10(openPhoneHearingCues, { battery: false }));
  });

  afterAll(() => letGoAndClose(browser, strap));

  const tap = (target: Locator) => target.tap();
  const heard = () => linesSaid(page);
  const lineOf = (selector: string) => textShown(page, selector);
  const count = async () => Number((await lineOf('bb-set-view .face .count')) ?? 0);

  /** The strap's heart rate alone, once a second, for `seconds`: its motion has stopped. */
  async function heartRateAloneFor(seconds: number): Promise<void> {
    for (let s = 0; s < seconds; s++) {
      await page.clock.runFor(1000);
      await strap.send(HEART_RATE_MEASUREMENT, [0x00, 95]);
    }
  }

  it('counts the first superman set from the strap', async () => {
    await connectInTurn(page, tap, [['Polar H10 / Verity Sense', 'Polar H10 0000E2E0 connected']]);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    expect(await lineOf('bb-set-view h2')).toBe('Superman');
    await startTheSet(page, tap);
    let streamedS = 0;
    for (const frame of supermanFrames(3).frames) {
      await page.clock.runFor(Math.round((frame.atS - streamedS) * 1000));
      streamedS = frame.atS;
      await strap.send(PMD_DATA, frame.bytes);
    }
    await runClockUntil(page, async () => (await count()) === 3, 5000);
  });

  it('says within seconds that the strap has stopped, and the set waits on for +1', async () => {
    const before = (await heard()).length;
    for (let s = 0; s < 8 && !(await heard()).slice(before).includes(STOPPED_LINE); s++)
      await heartRateAloneFor(1);
    expect((await heard()).slice(before)).toEqual([STOPPED_LINE]);
    expect(await lineOf('bb-set-view .away')).toBe('Strap motion stopped: count with +1');
    expect(await devicesListed(page)).toEqual(['Polar H10 0000E2E0 motion stopped']);
    expect(await lineOf('bb-heart-rate .bpm')).toBe('95');
    // Twice the wait for a rep that ends a set: nothing could see the person stop.
    await heartRateAloneFor(30);
    expect(await lineOf('bb-set-view h2')).toBe('Superman');
    expect(await count()).toBe(3);
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
  });

  it('takes the set to its target with +1, and says in the summary that the strap’s motion had stopped', async () => {
    const plusOne = page.locator('bb-set-view').getByRole('button', { name: /^\+1/ });
    for (let rep = 4; rep <= 10; rep++) {
      await plusOne.tap();
      await heartRateAloneFor(3);
    }
    await runClockUntil(page, async () => (await page.locator('bb-rest-view').count()) > 0, 5000);
    await page.getByRole('button', { name: 'Finish' }).tap();
    await page.getByRole('button', { name: 'End session' }).tap();
    await page.locator('bb-summary h2').waitFor();
    expect(await lineOf('bb-summary .totals')).toBe('1 set · 10 reps · 1 min');
    expect(await lineOf('bb-summary bb-sets-table tr.corrected')).toBe(
      'Counted with +1, strap motion stopped: 7',
    );
    await page.screenshot({ path: '/tmp/strap-motion-stopped-summary.png', fullPage: true });
  });
});
