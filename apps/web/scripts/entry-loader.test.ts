import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { INPUT_PAUSE_MS, LOADER, withEntryLoader } from "./entry-loader";

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Frontdesk</title>
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-B2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe("withEntryLoader", () => {
  it("replaces the entry script with the loader, after the charset and before the style sheet", () => {
    const html = withEntryLoader(INDEX, [["^/book/", ["/assets/booking-C3.js"]]]);
    expect(html).not.toContain('<script type="module"');
    const loader = html.indexOf(`<script>(${LOADER})("/assets/index-A1.js", [["^/book/",["/assets/booking-C3.js"]]], function (src) { import(src); }, function (href) { location.replace(href); });</script>`);
    expect(loader).toBeGreaterThan(html.indexOf('<meta charset="UTF-8" />'));
    expect(loader).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
  });

  it("refuses an index.html without exactly one entry script, or without a charset", () => {
    expect(() => withEntryLoader(INDEX.replace(/<script type="module"[^\n]*\n/, ""), [])).toThrow("expected one entry script in index.html, found 0");
    const twice = INDEX.replace("</head>", '<script type="module" crossorigin src="/assets/other.js"></script></head>');
    expect(() => withEntryLoader(twice, [])).toThrow("found 2");
    expect(() => withEntryLoader(INDEX.replace('<meta charset="UTF-8" />', ""), [])).toThrow("lacks <meta charset>");
  });
});

describe("the loader in the page", () => {
  const run = (step: string | null) => {
    if (step) document.documentElement.setAttribute("data-step", step);
    const load = vi.fn();
    const go = vi.fn();
    // jsdom's page is at "/": the route pattern below matches it, the other does not.
    const routes = [
      ["^/$", ["/assets/route.js", "/assets/route.css"]],
      ["^/staff/", ["/assets/staff.js"]],
    ];
    // The loader ships as source text; the test runs that very text.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above
    const loader = new Function("entry", "routes", "load", "go", `(${LOADER})(entry, routes, load, go);`) as (entry: string, routes: unknown, load: (src: string) => void, go: (href: string) => void) => void;
    loader("/assets/index.js", routes, load, go);
    return { load, go };
  };
  const links = () => [...document.head.querySelectorAll("link")].map((link) => `${link.rel} ${link.getAttribute("as") ?? "-"} ${link.getAttribute("href")}`);
  const press = (type: "pointerdown" | "keydown") => window.dispatchEvent(new Event(type, { bubbles: true }));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame"] });
  });
  afterEach(() => {
    vi.useRealTimers();
    document.documentElement.removeAttribute("data-step");
    document.head.querySelectorAll("link").forEach((link) => link.remove());
    document.body.replaceChildren();
  });

  /** The server's language switcher (apps/server/src/booking-shell.ts), changed to `value`. */
  const switchLanguage = (value: string, id = "first-screen-language") => {
    document.body.innerHTML = `<select id="${id}"><option value="fr" selected>Français</option><option value="de">Deutsch</option></select>`;
    const select = document.querySelector("select")!;
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };

  it("on a written step, before the app runs: the server's language switcher opens the same address in the chosen language", () => {
    window.history.replaceState(null, "", "/?step=practitioner&service=s1&lang=fr");
    const { go } = run("practitioner");
    switchLanguage("de");
    expect(go).toHaveBeenCalledExactlyOnceWith(`${location.origin}/?step=practitioner&service=s1&lang=de`);
    // Another select (the app's own switcher has its own id) is not the loader's.
    switchLanguage("de", "r1");
    expect(go).toHaveBeenCalledTimes(1);
    window.history.replaceState(null, "", "/");
    vi.advanceTimersByTime(INPUT_PAUSE_MS + 20);
  });

  it("anywhere but a written step: preloads the entry and the route's files, and starts the app at once", () => {
    const { load } = run(null);
    expect(links()).toEqual(["modulepreload - /assets/index.js", "modulepreload - /assets/route.js", "preload style /assets/route.css"]);
    expect(load).toHaveBeenCalledExactlyOnceWith("/assets/index.js");
  });

  it("on the written time step: starts the app once the month has shown (after the first frame)", () => {
    const { load } = run("time");
    expect(links()).toContain("modulepreload - /assets/index.js");
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(load).toHaveBeenCalledExactlyOnceWith("/assets/index.js");
  });

  it.each(["service", "practitioner"])("on the written %s step: only fetches the scripts, and starts the app once input has paused", (step) => {
    const { load } = run(step);
    // Fetched, not compiled: no modulepreload.
    expect(links()).toEqual(["preload script /assets/index.js", "preload script /assets/route.js", "preload style /assets/route.css"]);
    vi.advanceTimersByTime(20);
    vi.advanceTimersByTime(INPUT_PAUSE_MS - 200);
    press("pointerdown");
    vi.advanceTimersByTime(INPUT_PAUSE_MS - 100);
    press("keydown");
    vi.advanceTimersByTime(INPUT_PAUSE_MS - 1);
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(load).toHaveBeenCalledExactlyOnceWith("/assets/index.js");
    // Started once: later input does not start it again.
    press("pointerdown");
    vi.advanceTimersByTime(INPUT_PAUSE_MS * 2);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
