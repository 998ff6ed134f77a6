// The booking page's JavaScript budget, measured on the real build output: the entry chunk, the
// route's lazy chunk, and every chunk either of them imports statically (what the browser must
// download before the page is interactive), compressed as the production server sends it: brotli,
// written at build time (scripts/precompress.ts). Gzip is reported too. The build fails over the limit.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin, Rollup } from "vite";

export interface RouteBudget {
  /** A name for the report, e.g. "booking". */
  name: string;
  /** The route module's path, relative to the project root, e.g. "src/booking/BookingPage.tsx". */
  module: string;
  /** At most this many bytes of JavaScript on the wire (brotli, as served). */
  limitBytes: number;
}

export interface RouteMeasure {
  name: string;
  files: string[];
  gzipBytes: number;
  brotliBytes: number;
  rawBytes: number;
  limitBytes: number;
}

type ChunkLike = Pick<Rollup.OutputChunk, "type" | "fileName" | "code" | "imports" | "isEntry" | "facadeModuleId"> & { moduleIds?: readonly string[] };
type BundleLike = Record<string, ChunkLike | { type: "asset"; fileName: string }>;

function chunksOf(bundle: BundleLike): Map<string, ChunkLike> {
  const chunks = new Map<string, ChunkLike>();
  for (const item of Object.values(bundle)) if (item.type === "chunk") chunks.set(item.fileName, item);
  return chunks;
}

/** The JavaScript a first visit to the route downloads: entries and the route chunk, with their static imports. */
export function measureRoute(bundle: BundleLike, budget: RouteBudget): RouteMeasure {
  const chunks = chunksOf(bundle);
  const normalised = budget.module.replaceAll("\\", "/");
  const isRouteModule = (id: string | null | undefined) => id?.replaceAll("\\", "/").endsWith(normalised) ?? false;
  // The route's file: the chunk it is the facade of, or the group chunk it was put in (scripts/patient-chunks.ts).
  const roots = [...chunks.values()].filter((chunk) => chunk.isEntry || isRouteModule(chunk.facadeModuleId) || (chunk.moduleIds ?? []).some(isRouteModule));
  if (!roots.some((chunk) => !chunk.isEntry)) {
    throw new Error(`bundle budget: no chunk for ${budget.module} (is the route still lazy-loaded?)`);
  }
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const root of roots) visit(root.fileName);
  let gzipBytes = 0;
  let brotliBytes = 0;
  let rawBytes = 0;
  for (const fileName of seen) {
    const code = chunks.get(fileName)?.code ?? "";
    rawBytes += Buffer.byteLength(code);
    gzipBytes += gzipSync(code).byteLength;
    // Quality 9, not the 11 the build ships: seconds faster, and a few per cent larger, so the
    // budget errs on the safe side.
    brotliBytes += brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).byteLength;
  }
  return { name: budget.name, files: [...seen].sort(), gzipBytes, brotliBytes, rawBytes, limitBytes: budget.limitBytes };
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** Vite plugin: writes `bundle-report.json` beside the build and fails the build over any budget. */
export function bundleBudget(budgets: RouteBudget[]): Plugin {
  return {
    name: "frontdesk-bundle-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const measures = budgets.map((budget) => measureRoute(bundle as BundleLike, budget));
      this.emitFile({ type: "asset", fileName: "bundle-report.json", source: `${JSON.stringify(measures, null, 2)}\n` });
      for (const m of measures) {
        this.info(`${m.name}: ${formatKilobytes(m.brotliBytes)} brotli JavaScript (budget ${formatKilobytes(m.limitBytes)}; ${formatKilobytes(m.gzipBytes)} gzip), ${m.files.length} files`);
      }
      const over = measures.filter((m) => m.brotliBytes > m.limitBytes);
      if (over.length > 0) {
        this.error(
          over.map((m) => `bundle budget exceeded: ${m.name} is ${formatKilobytes(m.brotliBytes)} brotli, budget ${formatKilobytes(m.limitBytes)}`).join("\n"),
        );
      }
    },
  };
}
