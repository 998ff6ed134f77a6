// The app replaces the server's first screen (ADR 0052, 0063) with its own, which looks the same.
// A tap is a pointerdown, a pointerup and a click: if the markup is replaced between them, the
// click lands on neither the server's link nor the app's button, and the tap is lost. And once the
// patient has followed a link, the page is on its way out: rendering it would only take the phone's
// CPU from the next page. So the takeover waits for hands off and for a link's navigation (ADR 0073).

/** After a pointer goes up: long enough for its click to be dispatched first. */
const AFTER_POINTER_UP_MS = 100;
/** After a link to another page of ours is followed: the next document has normally replaced this one by then. */
const AFTER_LEAVING_MS = 3000;

function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || (link.target !== "" && link.target !== "_self") || link.hasAttribute("download")) return false;
  const to = new URL(link.href, location.href);
  return to.origin === location.origin && (to.pathname !== location.pathname || to.search !== location.search);
}

/**
 * Starts watching the patient's pointer and links now (call it as early as the entry runs), and
 * returns `ready`: call it when the app can render; `render` then runs as soon as no pointer is
 * down and no link is being followed.
 */
export function renderWhenHandsOff(render: () => void, now: () => number = () => performance.now()): () => void {
  let pointerDown = false;
  let notBefore = 0;
  let ready = false;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hold = (ms: number) => {
    notBefore = Math.max(notBefore, now() + ms);
  };
  const onPointerDown = () => {
    pointerDown = true;
  };
  const onPointerUp = () => {
    pointerDown = false;
    hold(AFTER_POINTER_UP_MS);
    attempt();
  };
  const onClick = (event: MouseEvent) => {
    if (leavesThePage(event)) hold(AFTER_LEAVING_MS);
  };
  const listeners = [
    ["pointerdown", onPointerDown, true],
    ["pointerup", onPointerUp, true],
    ["pointercancel", onPointerUp, true],
    // Bubbling, so that a handler that prevents the link's default has run.
    ["click", onClick, false],
  ] as const;
  for (const [type, listener, capture] of listeners) document.addEventListener(type, listener as EventListener, capture);
  function attempt() {
    if (done || !ready || pointerDown) return;
    clearTimeout(timer);
    const wait = notBefore - now();
    if (wait > 0) {
      timer = setTimeout(attempt, wait);
      return;
    }
    done = true;
    for (const [type, listener, capture] of listeners) document.removeEventListener(type, listener as EventListener, capture);
    render();
  }
  return () => {
    ready = true;
    attempt();
  };
}
