// The OpenAPI 3.1 document of the REST API, generated from the procedures' meta, input and output
// schemas (ADR 0027): it cannot drift from what the server does.
import { apiErrorView, REASONS } from "@frontdesk/domain";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { appRouter } from "../root";
import { REST_PREFIX } from "./prefix";


const DESCRIPTION = `Frontdesk's REST API, generated from the same procedures the web app calls.

Authenticate with an API key a clinic admin created: \`Authorization: Bearer fdk_…\`. The key's clinic is
the clinic every call works in; its scopes decide which calls it may make. Cookies are ignored here.
The booking routes (tag Booking) need no key.

Every error answers \`{ "error": { "code", "reason", "message", "fieldErrors"?, "details"?, "requestId" } }\`.
Branch on \`reason\`: ${Object.keys(REASONS).join(", ")}.`;

/** Every failure answer points at the one Error schema, whatever the generator put there. */
function withOneErrorShape(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(path)) {
      const responses = (operation as { responses?: Record<string, { description?: string; content?: unknown }> }).responses;
      if (!responses) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        response.content = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
      }
      // Any call may be refused for its rate or a database away: say so once per operation.
      responses["429"] ??= { description: "Too many requests (reason RATE_LIMITED); retry after Retry-After" };
      responses["503"] ??= { description: "Briefly unavailable (reason SERVICE_UNAVAILABLE); retry after Retry-After" };
      for (const status of ["429", "503"]) responses[status]!.content = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
    }
  }
  return document;
}

export function createOpenApiDocument(publicUrl: string): OpenAPIObject {
  return withOneErrorShape(
    generateOpenApiDocument(appRouter, {
      title: "Frontdesk API",
      description: DESCRIPTION,
      version: "1.0.0",
      openApiVersion: "3.1.0",
      baseUrl: `${publicUrl}${REST_PREFIX}`,
      docsUrl: `${publicUrl}/docs`,
      tags: ["Booking", "Calendar", "Appointments", "Patients", "Practitioners", "Services", "Schedules", "Clinic", "Waitlist"],
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key of the clinic: fdk_<clinic id>_<secret>" },
      },
      defs: { Error: apiErrorView },
    }),
  );
}
