import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWhenHandsOff } from "./takeover";

describe("the app's takeover of the server's first screen", () => {
  let render: ReturnType<typeof vi.fn<() => void>>;
  const pointer = (type: "pointerdown" | "pointerup" | "pointercancel") => document.body.dispatchEvent(new Event(type, { bubbles: true }));
  /** A click on a link, as the browser dispatches it; `own` is the link's own handler, as a client-side link has. */
  const clickLink = (attributes: Record<string, string>, own?: (event: MouseEvent) => void) => {
    const link = document.createElement("a");
    for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
    link.textContent = "Consultation";
    if (own) link.addEventListener("click", own);
    document.body.append(link);
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
  };
  // jsdom does not navigate: the window (last on the click's way up) stops the default action.
  const noNavigation = (event: Event) => event.preventDefault();

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    window.addEventListener("click", noNavigation);
    render = vi.fn<() => void>();
  });
  afterEach(() => {
    window.removeEventListener("click", noNavigation);
    document.body.replaceChildren();
    vi.useRealTimers();
  });

  it("renders as soon as the app is ready when nobody is touching the page", () => {
    renderWhenHandsOff(render)();
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("waits while a pointer is down, then lets its click through first", () => {
    const ready = renderWhenHandsOff(render);
    pointer("pointerdown");
    ready();
    vi.advanceTimersByTime(5_000);
    expect(render).not.toHaveBeenCalled();
    pointer("pointerup");
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(render).toHaveBeenCalledTimes(1);
    // Once: later taps change nothing.
    pointer("pointerdown");
    pointer("pointerup");
    vi.advanceTimersByTime(1_000);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("a cancelled pointer (a scroll) counts as hands off", () => {
    const ready = renderWhenHandsOff(render);
    pointer("pointerdown");
    pointer("pointercancel");
    ready();
    vi.advanceTimersByTime(100);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("does not render a page the patient is leaving by one of its links, unless it is still there seconds later", () => {
    const ready = renderWhenHandsOff(render);
    clickLink({ href: "/book/demo-paris?step=practitioner&service=s1" });
    ready();
    vi.advanceTimersByTime(2_999);
    expect(render).not.toHaveBeenCalled();
    // The navigation failed, or the page came back from the back-forward cache: the app takes over.
    vi.advanceTimersByTime(1);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["a link the app handles itself", { href: "/book/demo-paris?step=practitioner" }, noNavigation],
    ["a telephone link", { href: "tel:+33142000000" }, undefined],
    ["a link that opens another window", { href: "/book/demo-paris/my", target: "_blank" }, undefined],
    ["a link to another site", { href: "https://maps.example.org/?q=Paris" }, undefined],
    ["the skip link (same page)", { href: "#main" }, undefined],
  ])("renders at once after %s, which does not leave the page", (_, attributes, own) => {
    const ready = renderWhenHandsOff(render);
    clickLink(attributes, own);
    ready();
    expect(render).toHaveBeenCalledTimes(1);
  });
});
