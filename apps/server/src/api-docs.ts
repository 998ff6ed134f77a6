// /docs: the REST API's reference, Swagger UI over /api/openapi.json (ADR 0027). Served from the
// installed swagger-ui-dist package, never a CDN (deployments may be offline). Its own route: the
// page, the two files it needs and one script of ours, under the web app's CSP as it is (scripts
// from our origin only, so the start-up call lives in a file, not inline).
import { readFile } from "node:fs/promises";
import { createRequire as requireFrom } from "node:module";
import path from "node:path";
import { pageSecurityHeaders } from "@frontdesk/api";
import { Hono } from "hono";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontdesk API reference</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script>
</body>
</html>
`;

const START = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });\n`;

export const isDocsPath = (pathname: string) => pathname === "/docs" || pathname.startsWith("/docs/");

/** The /docs routes, with the files read once at start-up. */
export async function createApiDocs(publicUrl: string): Promise<Hono> {
  const root = path.dirname(requireFrom(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const [bundle, css] = await Promise.all([readFile(path.join(root, "swagger-ui-bundle.js"), "utf8"), readFile(path.join(root, "swagger-ui.css"), "utf8")]);
  const docs = new Hono();
  docs.use("/docs/*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(pageSecurityHeaders({ publicUrl, scriptHashes: [], frameAncestors: [] }))) c.res.headers.set(name, value);
  });
  const cached = { "Cache-Control": "public, max-age=3600" };
  docs.get("/docs", (c) => c.redirect("/docs/", 301));
  docs.get("/docs/", (c) => c.html(PAGE));
  docs.get("/docs/swagger-ui-bundle.js", (c) => c.body(bundle, 200, { "Content-Type": "text/javascript; charset=utf-8", ...cached }));
  docs.get("/docs/swagger-ui.css", (c) => c.body(css, 200, { "Content-Type": "text/css; charset=utf-8", ...cached }));
  docs.get("/docs/start.js", (c) => c.body(START, 200, { "Content-Type": "text/javascript; charset=utf-8", ...cached }));
  return docs;
}
