// A worker for `pnpm bench` (edge.bench.ts): one argon2id hash per request, by the implementation
// asked for, so the load generator can time hashing inside workerd from outside (workerd's clock
// stands still while a request computes).
import { webArgon2Hasher } from "@frontdesk/auth/argon2-web";
import { argon2id } from "hash-wasm";

const PARAMS = { parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32 } as const;

export default {
  async fetch(request: Request): Promise<Response> {
    const impl = new URL(request.url).searchParams.get("impl");
    try {
      if (impl === "js") await webArgon2Hasher.hash("correct horse battery");
      else if (impl === "wasm") await argon2id({ ...PARAMS, password: "correct horse battery", salt: crypto.getRandomValues(new Uint8Array(16)), outputType: "encoded" });
      return new Response(impl ?? "none");
    } catch (error) {
      return new Response(error instanceof Error ? error.message : String(error), { status: 500 });
    }
  },
};
