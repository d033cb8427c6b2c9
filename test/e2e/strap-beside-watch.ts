// A Polar H10 and a PineTime worn together, emulated over the DevTools protocol beside a phone that
// hears the coach's cues: the set-up of the tests of one going on without the other.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { openPhoneHearingCues, startTheSet, textShown } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, letGoAndClose, pineTime } from './ble-peripheral.ts';
import { linesSaid } from './cue-spy.ts';
import { connectInTurn } from './devices-line.ts';
import { type EmulatedH10, openAppBesideH10 } from './emulated-polar-h10.ts';

interface StrapBesideWatch {
  readonly browser: Browser;
  readonly page: Page;
  readonly strap: EmulatedH10;
  readonly watch: EmulatedPeripheral;
}

/** The app on a phone, the strap (no battery service) and the watch in reach, neither connected yet. */
async function strapBesideStillWatch(): Promise<StrapBesideWatch> {
  const { browser, page, strap } = await openAppBesideH10(openPhoneHearingCues, { battery: false });
  // 1 g on z, the watch flat and still: it counts no rep of its own here.
  try {
    const watch = await emulatePeripheral(browser, page, pineTime('C7:00:00:00:00:01', [0, 0, 0, 0, 0, 4]));
    return { browser, page, strap, watch };
  } catch (error) {
    await letGoAndClose(browser, strap);
    throw error;
  }
}

/** The strap beside the still watch of one test file, and what its tests read off the phone. */
export interface StrapBesideWatchOfTheFile {
  page(): Page;
  strap(): EmulatedH10;
  /** The lines the voice has said so far. */
  heard(): Promise<string[]>;
  /** The text of the first element the selector finds, null if there is none. */
  lineOf(selector: string): Promise<string | null>;
  /** The set's count on its screen, 0 while none is shown. */
  count(): Promise<number>;
}

/**
 * The strap beside the still watch for all of a test file's tests, set up before the first and let
 * go after the last, both emulations ended before Chromium closes.
 */
export function strapBesideStillWatchForTheFile(): StrapBesideWatchOfTheFile {
  let worn: StrapBesideWatch | undefined;
  beforeAll(async () => {
    worn = await strapBesideStillWatch();
  });
  afterAll(() => letGoAndClose(worn?.browser, worn?.watch, worn?.strap));
  const made = (): StrapBesideWatch => {
    if (!worn) throw new Error('The strap and the watch are set up before the first test of the file');
    return worn;
  };
  const page = () => made().page;
  const lineOf = (selector: string) => textShown(page(), selector);
  return {
    page,
    strap: () => made().strap,
    heard: () => linesSaid(page()),
    lineOf,
    count: async () => Number((await lineOf('bb-set-view .face .count')) ?? 0),
  };
}

/** Connects the strap, then the watch, from the devices line, and begins the first set, a superman's. */
export async function connectBothAndBeginTheSuperman(page: Page): Promise<void> {
  const tap = (target: Locator) => target.tap();
  await connectInTurn(page, tap, [
    ['Polar H10 / Verity Sense', 'Polar H10 0000E2E0 connected'],
    ['PineTime watch', 'Polar H10 0000E2E0 connected · InfiniTime connected'],
  ]);
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  expect(await textShown(page, 'bb-set-view h2')).toBe('Superman');
  await startTheSet(page, tap);
}
