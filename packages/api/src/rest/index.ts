// The REST API as the Node entry point plugs it into the fetch handler (FetchHandlerOptions.rest).
// Kept out of the handler's imports: trpc-to-openapi reads Node's http and zlib, which the edge
// runtime lacks (check-worker.ts), so the edge serves tRPC only.
import type { RestApi } from "../ports";
import { createOpenApiDocument } from "./document";
import { answerRest } from "./handler";

export { createOpenApiDocument } from "./document";
export { REST_PREFIX } from "./prefix";

export const restApi: RestApi = { answer: answerRest, document: createOpenApiDocument };
