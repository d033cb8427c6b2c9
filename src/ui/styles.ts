import { css, html, nothing, svg, unsafeCSS } from 'lit';
import type { PauseReason } from '../workout/session-state.ts';
import { sendCommand } from './events.ts';
import { FACT_SEPARATOR, pauseReasonText, unbreakableRuns } from './format.ts';
import { meantForTheButtonBefore } from './taps-meant-before.ts';

/** Buttons big enough to hit from the mat, in the app's colours. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-size: 1.25rem;
    font-weight: 600;
    min-height: 3.5rem;
    min-width: 3.5rem;
    padding: 0.5rem 1.25rem;
    border-radius: 0.75rem;
    border: 2px solid var(--bb-border, #3b4656);
    background: var(--bb-button, #1c2430);
    color: var(--bb-text, #f5f7fa);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--bb-accent, #4ade80);
  }
  /* A details' summary ("How to do it", "Numbers") is a button too, and rings like one. */
  button:focus-visible,
  summary:focus-visible {
    outline: 4px solid var(--bb-focus, #facc15);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--bb-accent, #4ade80);
    border-color: var(--bb-accent, #4ade80);
    color: var(--bb-on-accent, #06210f);
  }
  button.quiet {
    background: transparent;
  }
  /* A button that does nothing now must not look like one that does: a tap on it would seem lost. */
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: not-allowed;
  }
  button:disabled:hover,
  button[aria-disabled='true']:hover {
    border-color: var(--bb-border, #3b4656);
  }
`;

/** Fields and menus that sit beside the buttons. */
export const fieldStyles = css`
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--bb-button, #1c2430);
    border: 2px solid var(--bb-border, #3b4656);
    border-radius: 0.5rem;
    min-height: 2.75rem;
    padding: 0 0.5rem;
    /* A long choice narrows the menu rather than sticking out of its box. */
    max-width: 100%;
  }
`;

/** The declarations that leave an element to screen readers only, for a rule of its own. */
export const hiddenFromSight = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** Text for screen readers only. */
export const visuallyHidden = css`
  .visually-hidden {
    ${hiddenFromSight}
  }
`;

/** A screen's heading, focused by the app when the screen changes under a keyboard (see bb-app), not by the person. */
export const headingFocusedByApp = css`
  h2:focus {
    outline: none;
  }
`;

/**
 * A button that opens a JSON file: a label, styled by its screen as its `className`, round a file input
 * hidden from sight. The label's words are for the eye: a screen reader reads the input, given the
 * same name, once, where it read the words as a text and then the button they name.
 */
export function jsonFileButton(
  words: string,
  className: string,
  onChange: (event: Event) => void,
  disabled = false,
  /** The id of the words that say why it is disabled, read with it. */
  describedBy: string | null = null,
) {
  return html`<label class=${className}><span aria-hidden="true">${words}</span>
    <input class="visually-hidden" type="file" aria-label=${words} aria-describedby=${describedBy ?? nothing} accept=".json,application/json" @change=${onChange} ?disabled=${disabled} />
  </label>`;
}

/**
 * A text that wraps between its words but not inside a name, a number with its unit or a range (see
 * unbreakableRuns): "Drawing-in" never splits into "Drawing-" over "in" in a narrow column, nor
 * "10–12 reps" into "10–" over "12 reps". The words are left as they are (no non-breaking hyphen or
 * space), so screen readers and find in page read them as written. Styled by `unbrokenStyles`.
 */
export function unbroken(text: string) {
  return unbreakableRuns(text).map((part, i) =>
    i % 2 === 1 ? html`<span class="unbroken">${part}</span>` : part,
  );
}

/**
 * A line of facts, "3 min · 6 sets · Bird dog 2 each side · 44 s held", that breaks between its facts:
 * each starts a line of its own rather than split, "Bird dog 2" over "each side". One wider than the
 * whole line (text at twice its size) breaks within it, only where unbroken lets it. The dot between
 * two ends the line of the fact before it: a line begun with it reads as a list. Styled by
 * `factStyles`.
 */
export function factsLine(text: string) {
  const facts = text.split(FACT_SEPARATOR);
  const [dot, between] = [FACT_SEPARATOR.trimEnd(), FACT_SEPARATOR.slice(FACT_SEPARATOR.trimEnd().length)];
  return facts.map((fact, i) =>
    i < facts.length - 1
      ? html`<span class="fact">${unbroken(fact)}<span class="unbroken">${dot}</span></span>${between}`
      : html`<span class="fact">${unbroken(fact)}</span>`,
  );
}

/**
 * A summary laid out as flex loses the browser's disclosure marker: this one says that it opens, and
 * whether it is open. To the eye only (its alternative text is none): a screen reader says both of
 * the summary itself, and read, the arrow came before its words, "▸ How to do it".
 */
export const disclosureMarker = css`
  summary::before {
    content: '▸' / '';
  }
  details[open] > summary::before {
    content: '▾' / '';
  }
`;

export const unbrokenStyles = css`
  .unbroken {
    white-space: nowrap;
  }
`;

/**
 * A list of cards, a bordered box to each item, its parts one under another: History's sessions and
 * Settings' exercises, written alike here so that the two screens space their cards and what is in
 * them the same.
 */
export const cardListStyles = css`
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .cards > li {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--bb-border, #3b4656);
    border-radius: 0.75rem;
  }
`;

/** Each fact a block of its own in the line, as wide as the fact or the whole line: see factsLine. */
export const factStyles = css`
  ${unbrokenStyles}
  .fact {
    display: inline-block;
  }
`;

/**
 * A window this narrow is a phone with its text at twice its size (180 px of a 360 px phone): there the
 * header keeps to the heart rate, the screens' buttons and one line of the devices, so the screen under
 * it (a set's count, History's Back and heading) starts on the first screen.
 */
export const NARROW = '(max-width: 15rem)';

/** Media query for a phone with its text at twice its size (see NARROW). */
export const narrow = unsafeCSS(NARROW);

/**
 * A phone with its text at twice its size and no taller than a 360×640 one (180×320): under the
 * session's header (100 px there) the window has room for the set's ring and one row of buttons, and
 * no more.
 */
export const narrowAndShort = unsafeCSS(`${NARROW} and (max-height: 27rem)`);

/**
 * A phone's window held upright, as bb-app lays its header out: the screens' buttons beside the heart
 * rate, the devices on a row of their own under them.
 */
export const UPRIGHT_PHONE = '(max-width: 40rem)';

/**
 * A window wider than tall and low: a phone on its side. Its few hundred pixels of height hold a set
 * or a rest only with the header on one row and little room between the rows.
 */
export const LOW_LANDSCAPE = '(orientation: landscape) and (max-height: 30rem)';

/** Media query for a phone on its side (see LOW_LANDSCAPE). */
export const lowLandscape = unsafeCSS(LOW_LANDSCAPE);

/**
 * A phone's window, upright (the header wraps its devices under the heart rate, see bb-app) or on its
 * side: a button more in a session's header takes its room from the set's count.
 */
export const PHONE_SCREEN = `${UPRIGHT_PHONE}, ${LOW_LANDSCAPE}`;

/**
 * Media query for where the set and rest screens put the ring beside their words (see screenLayout):
 * a window wider than tall, either wide (a laptop) or low (a phone on its side).
 */
export const sideBySide = unsafeCSS(`(orientation: landscape) and (min-width: 48rem), ${LOW_LANDSCAPE}`);

/**
 * The set and rest screens. On a phone held upright, one column as tall as the window leaves it
 * (bb-app stretches the screen to fill what is under the header), in which the ring takes the height
 * the other rows leave: however their words wrap, the controls below it stay on screen. On a screen
 * wider than tall (a laptop, a phone on its side), the ring on the left and the words and controls
 * beside it, so nothing falls below the fold; each screen places its own rows 2 to 6 of the right-hand
 * column, and rows 1 and 7 centre them beside the ring.
 */
export const screenLayout = css`
  ${headingFocusedByApp}
  :host {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    width: 100%;
    text-align: center;
  }
  :host > * {
    margin-block: 0.25rem;
  }
  :host > bb-progress-ring {
    align-self: stretch;
    width: auto;
    height: auto;
    flex: 1 1 0;
    /*
     * Still a ring to read on a window too short for everything (the page scrolls then); small enough
     * that a rest's two rows of controls stay on a 360×640 phone under two notices, after a set cut
     * short whose words take a second line. A screen that keeps a line's room under the ring
     * (--bb-room-under-ring) counts half of it in that floor, the space round the ring giving the other
     * half (see bb-rest-view): the rest's room on top of the floor took Finish to 650 px of that window.
     * The whole of it took the ring to 92 px, where "left" no longer fitted the band at its size.
     */
    min-height: calc(7rem - var(--bb-room-under-ring, 0rem) / 2);
    /* No wider than the screen, and no bigger than the numbers need. */
    max-height: min(100vw - 2rem, 26rem);
  }
  h2 {
    font-size: clamp(1.75rem, 7vmin, 3.5rem);
    line-height: 1.15;
  }
  .meta {
    font-size: clamp(1.2rem, 4vmin, 2rem);
    color: var(--bb-muted, #b6c2d1);
  }
  /* Inside the ring, the numbers grow and shrink with it (cqmin: a hundredth of its diameter). */
  .face {
    font-size: min(35cqmin, 10rem);
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  /* A clock (1:05) has twice the characters of a count: smaller, to stay inside the ring. */
  .face.clock {
    font-size: min(28cqmin, 8rem);
  }
  .face .suffix {
    font-size: 0.4em;
    font-weight: 700;
    margin-left: 0.1em;
  }
  .unit {
    font-size: clamp(1rem, 7.5cqmin, 2rem);
    color: var(--bb-muted, #b6c2d1);
  }
  /* Read from the mat, a glance away: half again the size of the words under the count. */
  .paused {
    margin-top: 0.4rem;
    font-size: clamp(1.5rem, 11cqmin, 3rem);
    font-weight: 800;
    color: var(--bb-warn, #fbbf24);
  }
  /*
   * Paused for a device, "Paused" and why over the target's lines, which keep their room unseen (see
   * pausedMark): the count stays where it was, where "Paused" and why under the target took it up
   * half their height (31 px on a 360×640 phone, 38 px on a laptop) and at 180×320 the count down to
   * 24cqmin. The target is said again on Resume.
   */
  .unit:has(~ .pause-reason[slot]) {
    visibility: hidden;
  }
  .paused[slot]:has(+ .pause-reason) {
    margin-top: 0;
  }
  @container (max-width: 10rem) {
    /*
     * Paused by the person, the target too (said before the pause and again on Resume): with the count
     * and "Paused" it fitted the band only at 9.8 px, too small to read from the mat. "Paused" (hung
     * over the count's words, see pausedMark) takes the target's line, which keeps its room unseen,
     * so that the count stays where it was.
     */
    .unit:has(~ .paused[slot]) {
      visibility: hidden;
    }
    .paused[slot] {
      margin-top: 0;
    }
    /*
     * Paused for a device, why alone, in the colour and weight of "Paused", on two lines ("out of /
     * reach"): with "Paused" over it, both fitted the band only at 10 px or less, too small to read
     * from the mat. Resume, filled under the ring, says the session is paused.
     */
    .paused[slot]:has(+ .pause-reason) {
      display: none;
    }
    .pause-reason {
      max-width: 60cqmin;
      margin-inline: auto;
      font-weight: 800;
      color: var(--bb-warn, #fbbf24);
    }
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: center;
  }
  .controls button {
    white-space: nowrap;
  }
  /*
   * Pause and Resume are one box, as wide as the wider word, in both: Resume 20–22 px wider moved the
   * buttons of its row, and on a laptop took Finish onto a row of its own, the screen under it 64 px
   * down, as the finger that had tapped Pause came down again.
   */
  .controls .pause {
    display: inline-grid;
    place-items: center;
  }
  .pause > span,
  .pause::before,
  .pause::after {
    grid-area: 1 / 1;
  }
  .pause::before {
    content: 'Pause' / '';
    visibility: hidden;
  }
  .pause::after {
    content: 'Resume' / '';
    visibility: hidden;
  }
  /* A speaker, as big as the words of the buttons beside it are tall, in a square as wide as them. */
  .controls .mute {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding-inline: 0.5rem;
  }
  .mute svg {
    width: 1.75em;
    height: 1.75em;
    flex: none;
  }
  /* Muted reads from the mat as the notices do: a crossed speaker on the warning's colours. */
  .mute[aria-pressed='true'] {
    background: var(--bb-problem-bg, #3b2a0a);
    border-color: var(--bb-warn, #fbbf24);
  }
  /* In forced colours every border is the same colour: a muted Mute's is thicker. */
  @media (forced-colors: active) {
    .mute[aria-pressed='true'] {
      border-width: 5px;
    }
  }
  /* A small phone keeps three buttons on a row, and a phone on its side the rest's on one. */
  @media (max-width: 24rem), ${lowLandscape} {
    .controls button {
      font-size: 1.1rem;
      padding-inline: 0.75rem;
    }
  }
  @media ${sideBySide} {
    :host {
      display: grid;
      grid-template-columns: auto minmax(18rem, 36rem);
      grid-template-rows: 1fr repeat(5, auto) 1fr;
      column-gap: 3rem;
      align-content: center;
      justify-content: center;
      justify-items: center;
      --bb-ring-size: min(70vmin, 26rem, calc(100dvh - 11rem));
    }
    :host > * {
      grid-column: 2;
    }
    :host > bb-progress-ring {
      grid-column: 1;
      grid-row: 1 / -1;
      align-self: center;
      /* Words scrolled to beside it (an open "How to do it") leave the count in sight. */
      position: sticky;
      top: 0;
      width: var(--bb-ring-size);
      height: var(--bb-ring-size);
      min-height: 0;
      max-height: none;
    }
  }
  /*
   * On a phone on its side the ring is as tall as the screen (bb-app gives it the height under the
   * header: 100cqh, less the ring's margins), as long as the words beside it keep a column of 22rem,
   * wide enough for the rest's three buttons on one row. Should the words still not fit, they run
   * off the bottom, where the page scrolls to them, rather than under the header.
   */
  @media ${lowLandscape} {
    :host {
      container-type: size;
      grid-template-columns: auto minmax(0, 36rem);
      column-gap: 1.5rem;
      align-content: safe center;
      --bb-ring-size: min(100cqh - 0.25rem, 100cqw - 1.5rem - 22rem);
    }
    :host > * {
      margin-block: 0.125rem;
    }
    /*
     * Centred in the screen's height, not in the rows beside it: words taller than that height (a
     * line of a device gone on without, under a set counted with +1) took the rows past it, and the
     * ring, centred on them, down with each line, 23 px for a line on two.
     */
    :host {
      --bb-ring-top: calc((100cqh - var(--bb-ring-size)) / 2);
    }
    :host > bb-progress-ring {
      align-self: start;
      margin-top: var(--bb-ring-top);
    }
  }
`;

/** The big number in the ring of a screen laid out by screenLayout: a count, seconds (45 s) or a clock. */
export function ringFace(digits: string, suffix: string) {
  return html`<div class=${digits.includes(':') ? 'face clock' : 'face'} aria-hidden="true"><span class="count">${digits}</span>${suffix ? html`<span class="suffix">${suffix}</span>` : nothing}</div>`;
}

/** "Paused" in the ring of a screen laid out by screenLayout, and why when the app paused for a device. */
export function pausedMark(reason: PauseReason | null) {
  // "Paused" hangs under the count's words (see BbProgressRing), where it took its room from them
  // and the count went up half a line of it (7 px on a 360×640 phone, 26 on a laptop) as the finger
  // lifted from Pause. The app's pause, which no tap made, says why under it, the two over the target.
  if (!reason) return html`<div class="paused" slot="below" aria-hidden="true">Paused</div>`;
  return html`<div class="paused" slot="below" aria-hidden="true">Paused</div>
    <div class="unit pause-reason" slot="below" aria-hidden="true">${pauseReasonText(reason)}</div>`;
}

/**
 * Pause, which turns into Resume in place on a screen laid out by screenLayout: one button, so that
 * a keyboard's or screen reader's focus stays on it, as it would not on a button put in another's place.
 * A tap on Pause just after it was Resume is let go (see PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS), and
 * `onLetGo`, where given, says so.
 */
export function pauseButton(host: HTMLElement, paused: boolean, onLetGo?: () => void) {
  const last = shownPause.get(host);
  const resumedAtMs = last?.paused && !paused ? performance.now() : (last?.resumedAtMs ?? -Infinity);
  shownPause.set(host, { paused, resumedAtMs });
  const toggle = () => {
    if (paused) return sendCommand(host, 'bb-resume');
    if (meantForTheButtonBefore(performance.now() - resumedAtMs)) return onLetGo?.();
    sendCommand(host, 'bb-pause');
  };
  const word = paused ? 'Resume' : 'Pause';
  // Named by its word alone: the unseen words that keep its width are the eye's (see .pause).
  return html`<button class=${paused ? 'pause primary' : 'pause'} aria-label=${word} @click=${toggle}><span>${word}</span></button>`;
}

/**
 * Mute, pressed while the voice and tones are off, on a screen laid out by screenLayout: the same
 * setting as Settings' (kept, and followed by other tabs), in reach of a finger mid-set. Vibration
 * goes on, as it does when muted in Settings. Its name stays "Mute" and its pressed state says which;
 * on screen a speaker, crossed out while muted: a word would take the row's room, and the screen's
 * rows are counted (a set and a rest fit a 360×640 phone).
 */
export function muteButton(host: HTMLElement, muted: boolean) {
  return html`<button class="mute" aria-label="Mute" aria-pressed=${muted ? 'true' : 'false'}
    @click=${() => sendCommand(host, 'bb-set-muted', { muted: !muted })}>${speakerIcon(muted)}</button>`;
}

/**
 * Add a strap, offered by the set or the rest paused by the person on a phone (see
 * strapOfferedOnScreen): the chooser of a Bluetooth strap, as the header's "Connect a Bluetooth
 * strap" opens it. One name on both screens, in words short enough for the rest's row, where it takes
 * the place of Start now beside Resume: "Connect a strap", which the set said, pushed Resume aside
 * there, and a second tap where Pause was came on the strap. Each screen sizes it for its row: the set
 * as tall as How to do it beside it, the rest as the buttons of its controls.
 */
export function connectStrapButton(host: HTMLElement) {
  return html`<button class="connect-strap" aria-label="Add a strap" @click=${() => sendCommand(host, 'bb-connect-bluetooth')}><span>Add a strap</span></button>`;
}

/** A speaker sounding, or crossed out: the state of Mute at a glance, whatever the language. */
function speakerIcon(muted: boolean) {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${svg`<path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />`}
    ${
      muted
        ? svg`<path class="crossed" d="M16 9l6 6M22 9l-6 6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />`
        : svg`<path class="sounding" d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`
    }
  </svg>`;
}

/** What each screen's Pause button last showed, and when it last turned from Resume. */
const shownPause = new WeakMap<HTMLElement, { paused: boolean; resumedAtMs: number }>();

/**
 * The bar over a screen opened from the start screen (History, Settings): its ways out on a line of
 * their own, as large as the header's, and the heading under them.
 */
export const screenTitleStyles = css`
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .title button {
    font-size: 1.1rem;
    min-height: 2.75rem;
    padding-inline: 0.9rem;
  }
  .title h2 {
    flex-basis: 100%;
  }
`;

/** The way back to the start screen, named as every screen names it. */
export function backButton(onClick: () => void) {
  return html`<button type="button" class="quiet" @click=${onClick}><span aria-hidden="true">← </span>Back</button>`;
}
