import { css, type ReactiveController, type ReactiveElement } from 'lit';
import { type LineBox, largestFittingScale, reachPastBox } from './ring-fit.ts';

/**
 * Words that stand in the room of others: an `.in-room` box holds the words whose room is kept, unseen
 * (`.room`), and the words shown in it (`.fitted`), one over the other, so that the box is as tall as
 * the room wherever the words shown fit it (see FitInRoomController), and nothing round it moves.
 */
export const inRoomStyles = css`
  /*
   * As wide as the screen's column lets it, whatever the words: a box as wide as its widest words made
   * the room as wide as the words shown, which their fitting changed, and the fitting ran again.
   */
  .in-room {
    display: grid;
    align-self: stretch;
    justify-self: stretch;
  }
  .in-room > .room,
  .in-room > .fitted {
    grid-area: 1 / 1;
  }
  /* The room's own height, not the cell's, which taller words shown would stretch it to. */
  .in-room > .room {
    visibility: hidden;
    align-self: start;
  }
  .in-room > .fitted {
    align-self: center;
    zoom: var(--bb-room-fit, 1);
  }
`;

/**
 * Makes the words shown in each `.in-room` box of its host (see inRoomStyles) as much smaller as it
 * takes for every line of them to stay inside the room (no less than half, smaller than that no
 * longer reads from the mat): measured, as only the laid-out lines say where the words wrap. Fitted
 * after every render, and again as the room changes size with the window.
 */
export class FitInRoomController implements ReactiveController {
  private readonly sizeObserver = new ResizeObserver(() => this.fit());
  private observed: readonly Element[] = [];

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    const rooms = this.boxes().map(({ room }) => room);
    if (rooms.length !== this.observed.length || rooms.some((room, i) => room !== this.observed[i])) {
      this.sizeObserver.disconnect();
      for (const room of rooms) this.sizeObserver.observe(room);
      this.observed = rooms;
    }
    this.fit();
  }

  hostDisconnected(): void {
    this.sizeObserver.disconnect();
    this.observed = [];
  }

  private boxes(): { room: HTMLElement; fitted: HTMLElement }[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('.in-room')].flatMap((box) => {
      const room = box.querySelector<HTMLElement>(':scope > .room');
      const fitted = box.querySelector<HTMLElement>(':scope > .fitted');
      return room && fitted ? [{ room, fitted }] : [];
    });
  }

  private fit(): void {
    const range = document.createRange();
    for (const { room, fitted } of this.boxes()) {
      const reachAt = (scale: number) => {
        fitted.style.setProperty('--bb-room-fit', String(scale));
        range.selectNodeContents(fitted);
        const lines: LineBox[] = [...range.getClientRects()].filter((line) => line.width > 0);
        return reachPastBox(lines, room.getBoundingClientRect());
      };
      const scale = room.getBoundingClientRect().width > 0 ? largestFittingScale(reachAt) : 1;
      fitted.style.setProperty('--bb-room-fit', String(scale));
    }
  }
}
