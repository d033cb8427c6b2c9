/**
 * A field's new value can lay a form out anew (a note under it goes, a correction comes) as the field
 * loses the focus, which is when the person presses what they meant to tap next: the page moved under
 * the finger between its press and its release, and the tap landed on nothing (Mute, 70 px under the
 * lat pulldown's weight, stayed off as the weight's note went). Laid out once the press has ended,
 * its click has gone where it was aimed.
 */

let mouseDown = false;
let watching = false;

/**
 * Starts following the mouse's (or pen's) presses, once. A touch is not followed: its pointerup comes
 * before the mouse events it makes, which the browser dispatches one after the other in one task.
 */
export function watchPresses(): void {
  if (watching) return;
  watching = true;
  const follow = (event: PointerEvent) => {
    if (event.pointerType !== 'touch') mouseDown = event.type === 'pointerdown';
  };
  for (const type of ['pointerdown', 'pointerup', 'pointercancel'] as const)
    window.addEventListener(type, follow, { capture: true });
}

/** Resolves after the press under way, if any, has ended and the click it makes has been dispatched. */
export async function pressEnded(): Promise<void> {
  if (mouseDown)
    await new Promise<void>((resolve) => {
      // A release the page may not see (over a menu's list the browser draws, or outside the window)
      // ends the wait at the person's next key or the window losing the focus, not never.
      const ends = ['pointerup', 'pointercancel', 'keydown', 'blur'] as const;
      const ended = (event: Event) => {
        // The field's own blur, captured on its way down, is not the window's.
        if (event.type === 'blur' && event.target !== window) return;
        mouseDown = false;
        for (const type of ends) window.removeEventListener(type, ended, true);
        resolve();
      };
      for (const type of ends) window.addEventListener(type, ended, true);
    });
  // A task of its own, after the mouseup and click dispatched with the release (a message, which a
  // test's fake clock leaves running, where a timer would wait on it).
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
