// How the built index.html loads the app (ADR 0073). One inline script, at the top of <head>, owns it:
//
// - It asks for the entry and, on a lazy route's paths, that route's chunks at once, in parallel
//   with the entry (a lazy route's chunks are otherwise found only once the entry has run: a second
//   round of requests, 150 ms or more each on a phone; the staff area never downloads the booking
//   page's code, and the other way round).
// - On the booking steps the server wrote whose choices are links (ADR 0063), it waits: the patient
//   who taps at once needs no script, and on a slow phone the scripts would take the link from the
//   page the patient is looking at, compile on the main thread before its first paint, and run a
//   start-up (~0.7 s at 4x CPU) that holds the tap and replaces the links under the finger. There,
//   the scripts are asked for after the first frame, and the app starts once input has paused.
//
// The server marks a written step on <html> (data-step), the one element parsed before this script.
// Its CSP hashes the script like every inline script of index.html (inlineScriptHashes).
import type { Plugin, Rollup } from "vite";
import { measureRoute } from "./bundle-budget.ts";

export interface RoutePreload {
  /** The route module, relative to the project root, e.g. "src/booking/BookingPage.tsx". */
  module: string;
  /** A regular expression source matched against location.pathname, e.g. "^/book/". */
  pathPattern: string;
}

/** How long input must have paused on a step of links before the app starts (ms). */
export const INPUT_PAUSE_MS = 1000;

/**
 * The loader, as the page runs it: `(LOADER)(entry, routes, load, go)`, where routes are
 * [pathPattern, files] pairs, `load(entry)` imports the entry and `go(href)` replaces the page
 * (location.replace). ES5 and self-contained: it runs before any of our code, as written here.
 */
export const LOADER = `function (entry, routes, load, go) {
  var step = document.documentElement.getAttribute("data-step");
  var links = step === "service" || step === "practitioner";
  var files = [entry];
  routes.forEach(function (route) {
    if (new RegExp(route[0]).test(location.pathname)) files = files.concat(route[1]);
  });
  // On a step of links, the scripts are only fetched (into the HTTP cache): a modulepreload would
  // also compile them on the main thread, where the patient's tap waits.
  files.forEach(function (href) {
    var link = document.createElement("link");
    var css = /\\.css$/.test(href);
    link.rel = css || links ? "preload" : "modulepreload";
    if (css || links) link.setAttribute("as", css ? "style" : "script");
    link.setAttribute("crossorigin", "");
    link.href = href;
    document.head.appendChild(link);
  });
  var started = false;
  var timer;
  var later = function () {
    clearTimeout(timer);
    timer = setTimeout(start, ${INPUT_PAUSE_MS});
  };
  var start = function () {
    if (started) return;
    started = true;
    removeEventListener("pointerdown", later, true);
    removeEventListener("keydown", later, true);
    load(entry);
  };
  var afterFirstFrame = function (then) {
    requestAnimationFrame(function () {
      setTimeout(then, 0);
    });
  };
  if (step) {
    // Until the app runs, the server's language switcher opens the same step in the chosen
    // language (as the app's does: the address's lang, the history entry replaced).
    document.addEventListener("change", function (event) {
      var select = event.target;
      if (!select || select.id !== "first-screen-language") return;
      var url = new URL(location.href);
      url.searchParams.set("lang", select.value);
      go(url.href);
    });
  }
  if (links) {
    afterFirstFrame(function () {
      addEventListener("pointerdown", later, true);
      addEventListener("keydown", later, true);
      later();
    });
  } else if (step === "time") {
    // A day's times are the app's: it starts as soon as the written month has shown.
    afterFirstFrame(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else start();
}`;

/** The route's files that the entry does not already bring: its chunks and their CSS, as absolute URLs. */
export function routeFiles(bundle: Rollup.OutputBundle, route: RoutePreload, base: string): string[] {
  const measure = measureRoute(bundle, { name: route.module, module: route.module, limitBytes: Infinity });
  const entries = new Set(Object.values(bundle).flatMap((item) => (item.type === "chunk" && item.isEntry ? [item.fileName] : [])));
  const entryImports = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (chunk?.type !== "chunk" || entryImports.has(fileName)) return;
    entryImports.add(fileName);
    chunk.imports.forEach(visit);
  };
  entries.forEach(visit);
  const entryCss = new Set(
    [...entryImports].flatMap((fileName) => {
      const chunk = bundle[fileName];
      return chunk?.type === "chunk" ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
    }),
  );
  const files = new Set<string>();
  for (const fileName of measure.files) {
    const chunk = bundle[fileName];
    if (chunk?.type !== "chunk") continue;
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (!entryCss.has(css)) files.add(css);
    if (!entryImports.has(fileName)) files.add(fileName);
  }
  return [...files].sort().map((file) => `${base}${file}`);
}

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/g;

/** index.html with its one entry script replaced by the loader, right after the charset (which must come within the first kilobyte). */
export function withEntryLoader(html: string, routes: ReadonlyArray<readonly [pathPattern: string, files: string[]]>): string {
  const entries = [...html.matchAll(ENTRY_SCRIPT)];
  if (entries.length !== 1) throw new Error(`entry loader: expected one entry script in index.html, found ${entries.length}`);
  const entry = entries[0]![1]!;
  const loader = `<script>(${LOADER})(${JSON.stringify(entry)}, ${JSON.stringify(routes)}, function (src) { import(src); }, function (href) { location.replace(href); });</script>`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) throw new Error("entry loader: index.html lacks <meta charset>");
  // Before any style sheet: an inline script after one would wait for it to load.
  return html.replace(ENTRY_SCRIPT, "").replace(charset, (meta) => `${meta}\n    ${loader}`);
}

export function entryLoader(routes: RoutePreload[]): Plugin {
  let base = "/";
  return {
    name: "frontdesk-entry-loader",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.bundle) return html;
        const bundle = context.bundle;
        return withEntryLoader(
          html,
          routes.map((route) => [route.pathPattern, routeFiles(bundle, route, base)] as const),
        );
      },
    },
  };
}
