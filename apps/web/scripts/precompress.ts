// Brotli and gzip copies of every compressible file of the build, written beside it
// (`app.js.br`, `app.js.gz`), so the production server sends the smallest encoding a browser
// accepts without compressing on each request (apps/server/src/static-files.ts).
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this, the encoding's headers cost about what they save. */
const MIN_BYTES = 256;

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Writes `.br` and `.gz` beside each compressible file of `directory`; returns how many files it compressed. */
export async function precompressDirectory(directory: string): Promise<number> {
  let count = 0;
  for (const file of await filesUnder(directory)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const content = await readFile(file);
    if (content.byteLength < MIN_BYTES) continue;
    // Built once, sent many times: the slowest, smallest settings are worth it.
    await writeFile(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength } }));
    await writeFile(`${file}.gz`, gzipSync(content, { level: 9 }));
    count++;
  }
  return count;
}

/** Vite plugin: precompresses the build output once it is written. */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "frontdesk-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      // A failed build wrote nothing worth compressing (and maybe no folder at all).
      if (error) return;
      const count = await precompressDirectory(outDir);
      this.info(`precompressed ${count} files (brotli, gzip)`);
    },
  };
}
