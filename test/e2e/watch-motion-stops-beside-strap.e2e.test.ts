// A Polar H10 and a Bangle.js worn together, the watch counting a lat pulldown until its motion
// stream stops while it stays connected (its streaming code stopped on the watch): the strap, which
// can see a lat pulldown, counts the set from there, as it does for a watch given up for lost. The
// voice, the set's line and the header say so, where the set was left to be counted with +1 beside a
// strap streaming fine. Emulated over the DevTools protocol, on the page's paused clock.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { openPhoneHearingCues, runClockUntil, startTheSet, textShown } from './app-page.ts';
import { type EmulatedBangle, emulateBangle, letGoAndClose } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { linesSaid } from './cue-spy.ts';
import { connectInTurn, devicesListed } from './devices-line.ts';
import { type EmulatedH10, emulateH10, type Vector } from './emulated-polar-h10.ts';
import { LAT_PULLDOWN_ALONE, PULL_S, wristAtThePulldown } from './simulated-wearer.ts';

/** A few seconds: long enough that a watch's pause between readings is not news, short enough to act on. */
const TOLD_WITHIN_MS = 6000;
const TOOK_OVER_LINE = 'Watch motion stopped: the strap counts from here';

describeWithShared('a watch whose motion stops beside a strap, in a lat pulldown the strap can see', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;
  let watch: EmulatedBangle;
  /** The wrist's readings for `seconds`, pulling (or still) as it goes (see wristAtThePulldown). */
  let stream: ReturnType<typeof wristAtThePulldown>;

  beforeAll(async () => {
    const vectors = readSharedJson<Vector[]>('vectors/vectors.json');
    browser = await launchChromium();
    page = await openPhoneHearingCues(browser, LAT_PULLDOWN_ALONE);
    strap = await emulateH10(browser, page, vectors, { battery: false });
    watch = await emulateBangle(browser, page, { address: 'E1:BA:00:00:00:02', name: 'Bangle.js 3c4d' });
    stream = wristAtThePulldown(page, watch);
  });

  afterAll(() => letGoAndClose(browser, watch, strap));

  const tap = (target: Locator) => target.tap();
  const heard = () => linesSaid(page);
  const count = async () => Number((await textShown(page, 'bb-set-view .face .count')) ?? 0);

  it('connects the strap and the watch, and counts the lat pulldown from the watch', async () => {
    await connectInTurn(page, tap, [
      ['Polar H10 / Verity Sense', 'Polar H10 0000E2E0 connected'],
      ['Bangle.js watch', 'Polar H10 0000E2E0 connected · Bangle.js 3c4d connected'],
    ]);
    // Its streaming code uploaded: the watch streams.
    await runClockUntil(page, async () => watch.written().length > 2, 5000, 100);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    expect(await textShown(page, 'bb-set-view h2')).toBe('Wide-grip lat pulldown');
    await startTheSet(page, tap);
    await stream(4 * PULL_S, true);
    await runClockUntil(page, async () => (await count()) >= 3, 3000, 100);
  });

  it('has the strap count the set once the watch’s motion stops, and says so in the voice, the set and the header', async () => {
    const before = (await heard()).length;
    // Nothing more from the watch, still connected: the person pulls on.
    await runClockUntil(
      page,
      async () => (await heard()).slice(before).includes(TOOK_OVER_LINE),
      TOLD_WITHIN_MS + 2000,
      250,
    );
    expect((await heard()).slice(before).join('\n')).not.toMatch(/stopped sending motion|plus one/);
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
    expect(await textShown(page, 'bb-set-view .away')).toBe('Watch motion stopped: the strap counts');
    expect(await devicesListed(page)).toEqual([
      'Polar H10 0000E2E0 connected',
      'Bangle.js 3c4d motion stopped: the strap counts',
    ]);
    await page.screenshot({ path: '/tmp/watch-motion-stopped-strap-counts.png' });
  });
});
