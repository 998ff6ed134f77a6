// A lazy route's chunks are found only once the app's entry has run: a second round of requests,
// 150 ms or more each on a phone. This plugin writes into index.html a small inline script that,
// on that route's paths only, asks for the route's scripts and styles at once, in parallel with the
// entry (the staff area never downloads the booking page's code, and the other way round).
import type { Plugin, Rollup } from "vite";
import { measureRoute } from "./bundle-budget.ts";

export interface RoutePreload {
  /** The route module, relative to the project root, e.g. "src/booking/BookingPage.tsx". */
  module: string;
  /** A regular expression source matched against location.pathname, e.g. "^/book/". */
  pathPattern: string;
}

/** The route's files that the entry does not already preload: its chunks and their CSS, as absolute URLs. */
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
  const entryCss = new Set([...entryImports].flatMap((fileName) => {
    const chunk = bundle[fileName];
    return chunk?.type === "chunk" ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
  }));
  const files = new Set<string>();
  for (const fileName of measure.files) {
    const chunk = bundle[fileName];
    if (chunk?.type !== "chunk") continue;
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (!entryCss.has(css)) files.add(css);
    if (!entryImports.has(fileName)) files.add(fileName);
  }
  return [...files].sort().map((file) => `${base}${file}`);
}

export function routePreload(routes: RoutePreload[]): Plugin {
  let base = "/";
  return {
    name: "frontdesk-route-preload",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        if (!context.bundle) return [];
        const bundle = context.bundle;
        return routes.map((route) => ({
          tag: "script",
          // First in <head>: an inline script after a style sheet would wait for it to load.
          injectTo: "head-prepend" as const,
          children: `if(new RegExp(${JSON.stringify(route.pathPattern)}).test(location.pathname))${JSON.stringify(routeFiles(bundle, route, base))}.forEach(function(h){var l=document.createElement("link");if(/\\.css$/.test(h)){l.rel="preload";l.as="style"}else l.rel="modulepreload";l.href=h;document.head.appendChild(l)})`,
        }));
      },
    },
  };
}
