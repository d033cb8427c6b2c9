import { describe, expect, it } from 'vitest';
import type { Detected } from '../../../tools/detect.ts';
import { TopPauseScores } from '../../../tools/top-pause-score.ts';

const found = (tops: number[], toldAfterS: number, topLeft: number[]): Detected => ({
  reps: 0,
  rep_times: [],
  rep_emitted: [],
  sides: [],
  holds: [],
  breaths: 0,
  breath_times: [],
  tops,
  top_emitted: tops.map((t) => t + toldAfterS),
  top_left: topLeft,
  set_start: null,
  wrong_position: null,
});

describe('the score of the pauses at the top of a rep', () => {
  it('pairs each labelled pause with a top event from a second before it began until it ended, and counts the rest as extra', () => {
    const scores = new TopPauseScores();
    // The first pause told 0.2 s after it began, its leaving 0.3 s after the lowering began; the
    // second missed (its event came after it ended); one event where no pause was.
    scores.add(
      'c / chest / glute-bridge',
      [
        [5, 9],
        [14, 18],
      ],
      found([5.2, 18.5, 30], 0.4, [9.3, 19, 31]),
    );
    expect(scores.rows()[1]).toEqual([
      'c / chest / glute-bridge',
      '1',
      '2',
      '1',
      '2',
      '0.20',
      '0.60',
      '0.60',
      '0.30',
    ]);
  });
});
