/**
 * Calls `then` once the page has loaded and the browser is idle: for work that must wait for the first
 * paint and must not hold up a tap. A browser without requestIdleCallback (Safari) calls it a second
 * after the load instead.
 */
export function whenIdleAfterLoad(then: () => void): void {
  const whenIdle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => then());
    else setTimeout(then, 1000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
