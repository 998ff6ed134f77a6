// `pnpm --filter @frontdesk/api openapi`: writes the OpenAPI document and the TypeScript types an
// independent generator (openapi-typescript) makes from it. The outside-client test is built on
// those types alone; a test fails when they are not what the current procedures produce.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatedClientTypes } from "./types";

const here = path.dirname(fileURLToPath(import.meta.url));
await writeFile(path.join(here, "schema.d.ts"), await generatedClientTypes());
process.stdout.write("openapi/schema.d.ts written\n");
