import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "./server";

// The one wait for what a screen shows (findBy*, waitFor): a page's first render in a test file
// compiles its lazy chunk, which takes seconds on a loaded machine (CI, load 20-30). findBy*
// answers as soon as the element is there, so a generous limit costs nothing when all is well.
// Tests that must not pay the compile inside the test preload the page (test/render.tsx).
configure({ asyncUtilTimeout: 5_000 });

// jsdom has <dialog> but not its modal methods; the shim keeps the `open` attribute honest so
// tests see what a browser shows. (Focus containment is the browser's; the e2e tests cover it.)
if (typeof HTMLDialogElement !== "undefined" && typeof HTMLDialogElement.prototype.showModal !== "function") {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  // The booking flow keeps its draft in sessionStorage: each test starts a fresh tab.
  if (typeof window !== "undefined") window.sessionStorage.clear();
  server.resetHandlers();
});
afterAll(() => server.close());
