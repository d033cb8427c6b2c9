import { css, html, LitElement, svg } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { type LineBox, largestFittingScale, largestGrowth, reachPastCircle } from './ring-fit.ts';

/**
 * The inside of the band, as a share of the ring's width, less a hundredth of the width between the
 * words and the band: the circle's radius is 45 of its 100, its stroke 6.
 */
const WORDS_RADIUS = 0.41;

/**
 * How much a lone line under the number may grow (see fitWords): half again, as a rep's timed pause
 * ("Hold 3") stands over the target it takes the place of.
 */
const LONE_LINE_GROWS_TO = 1.5;

/**
 * A ring that fills as a set progresses, with the big number in its middle: the first element put in
 * it, at the size its screen gives it, and under it the words that follow (the target, the arm, why
 * it paused), made smaller where they would cross the band.
 */
@customElement('bb-progress-ring')
export class BbProgressRing extends LitElement {
  static override styles = css`
    /*
     * The box the screen gives the ring: a square of --bb-ring-size, unless the screen sizes it
     * otherwise (a phone gives it the height its other rows leave). The circle is the largest that
     * fits in it, and the numbers inside size themselves by it (container units, cqmin).
     */
    :host {
      display: grid;
      place-items: center;
      container-type: size;
      width: var(--bb-ring-size, min(70vmin, 26rem));
      height: var(--bb-ring-size, min(70vmin, 26rem));
    }
    .ring {
      position: relative;
      display: grid;
      place-items: center;
      width: min(100cqw, 100cqh);
      aspect-ratio: 1;
    }
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      transform: rotate(-90deg);
    }
    .track {
      stroke: var(--bb-ring-track, #2a3340);
    }
    .fill {
      stroke: var(--bb-ring-fill, #4ade80);
      transition: stroke-dashoffset 0.3s ease-out;
    }
    /* The count is the news, not the sweep to it. */
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
    .centre {
      position: relative;
      text-align: center;
      line-height: 1;
    }
    /*
     * The screens size the words by the ring, but a size that reads on one ring crossed the band on
     * another: a 128 px ring (180×320) put "of 10 each side" 12 px over it. See fitWords.
     */
    ::slotted(:not(:first-child)) {
      zoom: var(--bb-ring-words-zoom, 1);
    }
    /*
     * Words put in the slot "below" hang under the others, taking none of the height the ring centres:
     * what is above them stays where it was as they come and go. Fitted to the band on their own,
     * after the others, so that they change the size of nothing else either. Where the screen hides
     * some of the others as they come (visibility: hidden, their room kept), over the first of those
     * (see fitWords).
     */
    .below {
      position: absolute;
      top: 100%;
      left: 50%;
      transform: translateX(-50%);
      width: max-content;
    }
    ::slotted([slot='below']) {
      zoom: var(--bb-ring-below-zoom, 1);
    }
    /*
     * A line that may grow (data-grows), alone under the number: scaled, not sized, into the room under
     * it, so that the number and everything round the ring stay where they were (see fitWords).
     */
    ::slotted([data-grows]) {
      transform: scale(var(--bb-ring-grow, 1));
      transform-origin: top center;
    }
  `;

  @property({ type: Number }) value = 0;
  @property({ type: Number }) max = 1;
  /** What the bar measures, for screen readers ("Reps", "Hold seconds"). */
  @property() label = '';
  /** The value as words, e.g. "7 of 10 reps". */
  @property({ attribute: 'value-text' }) valueText = '';

  @query('.ring') private ringBox!: HTMLElement;
  @query('.centre') private centreBox!: HTMLElement;
  @query('slot:not([name])') private slotElement!: HTMLSlotElement;
  @query('slot[name="below"]') private belowSlot!: HTMLSlotElement;
  @query('.below') private belowBox!: HTMLElement;
  // Words change in place (the arm, a count to "10") and the ring with the screen: either can take
  // them over the band.
  private readonly wordsObserver = new MutationObserver(() => this.fitWords());
  private readonly sizeObserver = new ResizeObserver(() => this.fitWords());

  override connectedCallback() {
    super.connectedCallback();
    this.wordsObserver.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class'],
    });
    if (this.hasUpdated) this.sizeObserver.observe(this.ringBox);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.wordsObserver.disconnect();
    this.sizeObserver.disconnect();
  }

  override firstUpdated() {
    this.sizeObserver.observe(this.ringBox);
    // A screen shown paused has its words under or over the others from the first: placed now, not
    // once the size is first observed, before which "out of reach" hung 15 px past the band at 180×320.
    if (this.belowSlot.assignedElements().length > 0) this.fitWords();
  }

  /**
   * The words under the number, as large as their screen sets them where that keeps every letter
   * inside the band, otherwise as much smaller as it takes (no less than half), and a line alone
   * there that may grow as much larger as the band lets it: measured, as only the laid-out lines say
   * how wide the words are and where the count leaves them. The number keeps its size, the one thing
   * read from across the room.
   */
  private fitWords() {
    if (!this.hasUpdated) return;
    // The number too: taller words push it up into the band (a count of 10 over "Paused" and the words).
    const shown = this.slotElement.assignedElements();
    const below = this.belowSlot.assignedElements();
    const box = this.ringBox.getBoundingClientRect();
    const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    const radius = box.width * WORDS_RADIUS;
    const range = document.createRange();
    const reach = (elements: readonly Element[], zoom: string) => (scale: number) => {
      this.centreBox.style.setProperty(zoom, String(scale));
      const lines: LineBox[] = [];
      for (const element of elements) {
        range.selectNodeContents(element);
        for (const line of range.getClientRects()) if (line.width > 0) lines.push(line);
      }
      return reachPastCircle(lines, centre, radius);
    };
    const fitToBand = (elements: readonly Element[], zoom: string, hasWords: boolean) => {
      const scale = hasWords && box.width > 0 ? largestFittingScale(reach(elements, zoom)) : 1;
      this.centreBox.style.setProperty(zoom, String(scale));
    };
    // Measured at its own size, as the line laid out: grown after, where it is the one line.
    this.centreBox.style.setProperty('--bb-ring-grow', '1');
    fitToBand(shown, '--bb-ring-words-zoom', shown.length > 1);
    // Over the lines they stand in for, measured once those are fitted: a margin in rem under them
    // was as tall as one line at one size only, and at another took "Paused" over the count.
    const hidden =
      below.length > 0 ? shown.slice(1).find((e) => getComputedStyle(e).visibility === 'hidden') : undefined;
    this.belowBox.style.top = hidden
      ? `${hidden.getBoundingClientRect().top - this.centreBox.getBoundingClientRect().top}px`
      : '';
    // Under the others as they are fitted: where they leave room for them.
    fitToBand(below, '--bb-ring-below-zoom', below.length > 0);
    // A line alone under the number ("goal 30 s") stood at a size chosen to leave room for two or
    // three, 19 px on a 360×640 phone, small to read from the mat: it grows into the room under it
    // as far as the band lets it. Not with words hung under it ("Paused"), which take that room.
    const lone = shown.length === 2 && below.length === 0 && shown[1].hasAttribute('data-grows');
    if (lone && box.width > 0)
      this.centreBox.style.setProperty(
        '--bb-ring-grow',
        String(largestGrowth(reach([shown[1]], '--bb-ring-grow'), LONE_LINE_GROWS_TO)),
      );
  }

  override render() {
    const radius = 45;
    const circumference = 2 * Math.PI * radius;
    const fraction = this.max > 0 ? Math.min(1, Math.max(0, this.value / this.max)) : 0;
    return html`<div class="ring">
      <div
        role="progressbar"
        aria-label=${this.label}
        aria-valuemin="0"
        aria-valuemax=${this.max}
        aria-valuenow=${Math.min(this.value, this.max)}
        aria-valuetext=${this.valueText || `${this.value} of ${this.max}`}
        style="position:absolute;inset:0"
      ></div>
      <svg viewBox="0 0 100 100" aria-hidden="true">
        ${svg`<circle class="track" cx="50" cy="50" r=${radius} fill="none" stroke-width="6"></circle>
        <circle class="fill" cx="50" cy="50" r=${radius} fill="none" stroke-width="6" stroke-linecap="round"
          stroke-dasharray=${circumference} stroke-dashoffset=${circumference * (1 - fraction)}></circle>`}
      </svg>
      <div class="centre"><slot></slot><div class="below"><slot name="below"></slot></div></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-progress-ring': BbProgressRing;
  }
}
