// The journey test: a first visit to the summary by real taps on a 412×915 phone and a 360×640 phone
// and by clicks on a 1366×768 laptop (the journey itself and its checks are in journey.ts). Its
// screenshots are the ones in docs/. Then every set of the session in turn, skipped as it falls due,
// so that each exercise's screens are held to the same checks.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_DIR } from '../shared.ts';
import { launchChromium } from './chromium.ts';
import {
  JOURNEY_SCREENS,
  JOURNEY_SIZES,
  type JourneyOptions,
  openJourneyPage,
  SIDEWAYS_PHONE_SIZES,
  skipThroughSession,
  walkJourney,
} from './journey.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(Object.entries(JOURNEY_SIZES))('a first visit to the summary on a %s', (_, size) => {
  it('reaches every screen by taps on buttons in reach, and counts as the simulated person moved', async () => {
    const options: JourneyOptions = {
      baseUrl: inject('baseUrl'),
      size,
      screenshots: join(PROJECT_DIR, 'docs'),
    };
    const page = await openJourneyPage(browser, options);
    const journey = await walkJourney(page, options);

    expect(journey.screens).toEqual([...JOURNEY_SCREENS]);
    // The person lay on their back first and was told so; they turned over, the set began, and of
    // the ten reps they did, one fewer by hand (+1, −1, −1) and a pause of six seconds: nine counted.
    expect(journey.wrongPosition).toBe('You seem to be on your back. Lie face down.');
    expect(journey.firstSet.performed).toBe('Virtual person: resting after 10 reps');
    expect(journey.firstSet.shown).toBe('Superman, set 1: 9 of 10 reps');
    // Paused, the person stood still and the screen kept the count and its target.
    expect(journey.pause.after).toEqual(journey.pause.before);
    expect(journey.pause.before.unit).toBe('of 10 reps');
    // Finish came 15 s into the drawing-in hold of 45 s: that set is cut short by it, not done.
    expect(journey.finishQuestion).toMatch(
      /^End the session\? [1-9] sets? done, 1 cut short(, \d+ skipped)?$/,
    );
    expect(journey.summary).toMatch(
      /^\d+ done, 1 cut short(, \d+ skipped)? · \d+ reps · \d+ s held · \d+ min$/,
    );
    // The question and the summary count the same sets done, the same cut short and the same skipped.
    const [, done, skipped = '0'] =
      /(\d+) sets? done, 1 cut short(?:, (\d+) skipped)?/.exec(journey.finishQuestion) ?? [];
    const [, doneAfter, skippedAfter = '0'] =
      /^(\d+) done, 1 cut short(?:, (\d+) skipped)?/.exec(journey.summary) ?? [];
    expect(doneAfter).toBe(done);
    expect(skippedAfter).toBe(skipped);
    expect(journey.downloads).toEqual([
      'backbeat-2026-11-23-0800.fit',
      'backbeat-2026-11-23-0800.csv',
      'backbeat-2026-11-23-0800.json',
    ]);
  }, 300_000);
});

describe.each(Object.entries({ ...JOURNEY_SIZES, ...SIDEWAYS_PHONE_SIZES }))(
  'every set of a session on a %s',
  (_, size) => {
    it('fits every set, waiting or begun, and every rest in the window, their buttons in reach', async () => {
      const page = await openJourneyPage(browser, {
        baseUrl: inject('baseUrl'),
        size,
        screenshots: join(PROJECT_DIR, 'docs'),
      });
      const sets = await skipThroughSession(page, size);
      expect(sets.map((due) => due.set)).toEqual([
        'Superman, set 1 of 3',
        'Superman, set 2 of 3',
        'Superman, set 3 of 3',
        'Glute bridge, set 1 of 1',
        'Drawing-in, set 1 of 1',
        'Bird dog, set 1 of 1',
        'Bat hang, set 1 of 2',
        'Bat hang, set 2 of 2',
        'Wide-grip lat pulldown, set 1 of 3',
        'Wide-grip lat pulldown, set 2 of 3',
        'Wide-grip lat pulldown, set 3 of 3',
        'Elbow plank, set 1 of 3',
        'Elbow plank, set 2 of 3',
        'Elbow plank, set 3 of 3',
      ]);
      // The longest words a waiting set shows were among those checked: the hands-and-knees position
      // with its warning, and the plank's.
      expect(sets.filter((due) => due.wrongPositionShown).map((due) => due.set)).toEqual(
        expect.arrayContaining(['Superman, set 1 of 3', 'Drawing-in, set 1 of 1', 'Elbow plank, set 1 of 3']),
      );
      await page.context().close();
    }, 300_000);
  },
);
