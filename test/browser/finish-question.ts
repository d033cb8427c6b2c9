import { expect } from 'vitest';
import { page } from 'vitest/browser';

/**
 * Taps Finish on a screen paused with Resume on it and then Keep going, and checks that the question
 * took Resume off the screen and that the line of what to do says `whileAsking` over the question and
 * `afterKeepGoing` once it is gone.
 */
export async function finishAskedOverResumeThenKeepGoing(
  whileAsking: string,
  afterKeepGoing: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect.element(page.getByRole('button', { name: 'Keep going' })).toBeVisible();
  expect(page.getByRole('button', { name: 'Resume' }).elements()).toHaveLength(0);
  await expect.element(page.getByText(whileAsking)).toBeVisible();
  await page.getByRole('button', { name: 'Keep going' }).click();
  await expect.element(page.getByText(afterKeepGoing)).toBeVisible();
}
