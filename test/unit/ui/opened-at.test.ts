import { describe, expect, it } from 'vitest';
import { leastScroll, scrollBackToFace, scrollToOpen, scrollToShow } from '../../../src/ui/opened-at.ts';

// A phone's screen of 640 px, then the same layout on one with its text at twice its size (320 px).
const PHONE = { top: 0, bottom: 640 };
const SMALL = { top: 0, bottom: 320 };

describe('where a screen opened for one of its parts scrolls to', () => {
  it('does not scroll when the heading and the whole part are already in view', () => {
    expect(
      scrollToShow(PHONE, { top: 296, bottom: 329 }, { top: 440, bottom: 640 }, { top: 440, bottom: 484 }),
    ).toBe(0);
  });

  it('scrolls the least that brings the heading and the whole part into view, down or up', () => {
    // The part ends 200 px below the fold: the heading, 300 px above its end, stays on screen.
    expect(
      scrollToShow(PHONE, { top: 540, bottom: 573 }, { top: 600, bottom: 840 }, { top: 600, bottom: 644 }),
    ).toBe(200);
    // Scrolled past the heading: back up to it, and no further.
    expect(
      scrollToShow(PHONE, { top: -50, bottom: -17 }, { top: 100, bottom: 300 }, { top: 100, bottom: 144 }),
    ).toBe(-50);
  });

  it('puts the heading at the top when the part is too long to show under it, its first control in view', () => {
    // From History's heading to the end of its backup buttons is 489 px on a 320 px screen: the heading
    // at the top leaves Back up everything, 270 px down, wholly in view.
    const heading = { top: -169, bottom: -136 };
    const backUp = { top: 45, bottom: 101 };
    expect(scrollToShow(SMALL, heading, { top: 45, bottom: 320 }, backUp)).toBe(-169);
    // The same, the page scrolled to its top: the heading 540 px down.
    expect(
      scrollToShow(SMALL, { top: 540, bottom: 573 }, { top: 754, bottom: 1029 }, { top: 754, bottom: 810 }),
    ).toBe(540);
  });

  it('shows the control asked for, not the heading, when the two cannot both be on screen', () => {
    const heading = { top: 10, bottom: 43 };
    // 400 px of words between them: the control comes just into view at the bottom.
    expect(scrollToShow(SMALL, heading, { top: 453, bottom: 728 }, { top: 453, bottom: 509 })).toBe(189);
  });

  it('scrolls in whole pixels, never leaving an edge a fraction of a pixel out of view', () => {
    // Laid out at fractions of a pixel, the heading 472.2 px down: scrolling 472 leaves it at 0.2.
    const heading = { top: 472.21875, bottom: 505.21875 };
    expect(scrollToShow(SMALL, heading, { top: 529.2, bottom: 804.2 }, { top: 529.2, bottom: 587.2 })).toBe(
      472,
    );
    expect(
      scrollToShow(
        PHONE,
        { top: 540.5, bottom: 573.5 },
        { top: 600, bottom: 840.25 },
        { top: 600, bottom: 644 },
      ),
    ).toBe(201);
    expect(
      scrollToShow(
        PHONE,
        { top: -49.5, bottom: -16.5 },
        { top: 100, bottom: 300 },
        { top: 100, bottom: 144 },
      ),
    ).toBe(-50);
  });
});

describe('where a screen opened at the top of the page scrolls to', () => {
  it('does not scroll where its heading shows under the header: a phone, a laptop', () => {
    // History on a 360 px phone: the header ends above its heading, 296 px down.
    expect(scrollToOpen(PHONE, { top: 284, bottom: 900 }, { top: 296, bottom: 329 })).toBe(0);
    // The heading's last line on the screen's last pixel is still in view.
    expect(scrollToOpen(SMALL, { top: 280, bottom: 900 }, { top: 287, bottom: 320 })).toBe(0);
  });

  it('puts the screen at the top where the header fills the screen: text at twice its size', () => {
    // History at 180×320: the header is 528 px tall, the heading 12 px below the screen's top edge.
    expect(scrollToOpen(SMALL, { top: 528.4, bottom: 1400 }, { top: 540.4, bottom: 573.4 })).toBe(528);
    // The heading cut by the screen's bottom edge is not in view either.
    expect(scrollToOpen(SMALL, { top: 300, bottom: 900 }, { top: 310, bottom: 343 })).toBe(300);
  });

  it('puts the heading itself at the top where what is above it in the screen would push it out', () => {
    // History opened in a rest: the way back to the rest above it, taller than the screen.
    expect(scrollToOpen(SMALL, { top: 500, bottom: 1800 }, { top: 830, bottom: 863 })).toBe(830);
  });
});

describe('a box scrolled just into view', () => {
  it('does not scroll when it is in view', () => {
    expect(leastScroll(SMALL, { top: 10, bottom: 220 })).toBe(0);
  });

  it('brings a box above the screen down to its top, one below up to its bottom, in whole pixels', () => {
    // A device's problem told above what the page showed: 440.6 px above the screen's top.
    expect(leastScroll(SMALL, { top: -440.6, bottom: -227.6 })).toBe(-441);
    // One below, its bottom 0.4 px past the screen's edge: that fraction too comes into view.
    expect(leastScroll(SMALL, { top: 107.4, bottom: 320.4 })).toBe(1);
  });
});

describe('where a set or a rest scrolls to once a question over its controls is taken back by a tap', () => {
  it('does not scroll where the count shows whole', () => {
    // A 360 px phone: the page fits, its top in view.
    expect(scrollBackToFace(PHONE, 0, { top: 150, bottom: 400 })).toBe(0);
    // Text at twice its size, scrolled down a little: the ring still whole under the window's top.
    expect(scrollBackToFace(SMALL, -20, { top: 80, bottom: 208 })).toBe(0);
  });

  it('shows the page from its top, the heart rate, down to the count where both fit', () => {
    // 180×320, left where Finish is: the header at −197 to −97 px, the ring at −97 to 31.
    expect(scrollBackToFace(SMALL, -197, { top: -97, bottom: 31 })).toBe(-197);
    // Above, in fractions of a pixel: the page's top comes wholly into view.
    expect(scrollBackToFace(SMALL, -196.6, { top: -96.6, bottom: 31.4 })).toBe(-197);
  });

  it('shows the count alone where the page above it leaves it no room', () => {
    // A header of 250 px over a ring of 128: the ring's top at the window's top.
    expect(scrollBackToFace(SMALL, -400, { top: -150, bottom: -22 })).toBe(-150);
  });
});
