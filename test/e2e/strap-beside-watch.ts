// A Polar H10 and a PineTime worn together, emulated over the DevTools protocol beside a phone that
// hears the coach's cues: the set-up of the tests of one going on without the other.
import type { Browser, Page } from 'playwright-core';
import { openPhoneHearingCues } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, pineTime } from './ble-peripheral.ts';
import { type EmulatedH10, openAppBesideH10 } from './emulated-polar-h10.ts';

export interface StrapBesideWatch {
  readonly browser: Browser;
  readonly page: Page;
  readonly strap: EmulatedH10;
  readonly watch: EmulatedPeripheral;
}

/** The app on a phone, the strap (no battery service) and the watch in reach, neither connected yet. */
export async function strapBesideStillWatch(): Promise<StrapBesideWatch> {
  const { browser, page, strap } = await openAppBesideH10(openPhoneHearingCues, { battery: false });
  // 1 g on z, the watch flat and still: it counts no rep of its own here.
  const watch = await emulatePeripheral(browser, page, pineTime('C7:00:00:00:00:01', [0, 0, 0, 0, 0, 4]));
  return { browser, page, strap, watch };
}
