/* eslint-disable no-restricted-properties -- build configuration: the dev proxy target is a setting */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { bookingShell } from "./scripts/booking-shell.ts";
import { bundleBudget } from "./scripts/bundle-budget.ts";
import { entryLoader } from "./scripts/entry-loader.ts";
import { patientChunkGroups } from "./scripts/patient-chunks.ts";
import { precompress } from "./scripts/precompress.ts";

/** Where `vite dev` forwards API calls (apps/server/src/dev.ts sets it). */
const apiUrl = process.env.FRONTDESK_API_URL ?? "http://localhost:3001";

/** What the server needs to write the booking page's first screen into index.html (ADR 0052). */
const firstScreen = bookingShell(import.meta.dirname);

export default defineConfig({
  css: { modules: { getJSON: firstScreen.collectClasses } },
  plugins: [
    react(),
    bundleBudget([
      // What a patient downloads before the booking page is interactive (issue 7: at most 150 kB gzip).
      { name: "booking", module: "src/booking/BookingPage.tsx", limitBytes: 150_000 },
      { name: "manage-booking", module: "src/manage/ManageBookingPage.tsx", limitBytes: 150_000 },
    ]),
    // The entry and the booking page's own code asked for in parallel, and later on the booking steps of links (ADR 0073).
    entryLoader([
      { module: "src/booking/BookingPage.tsx", pathPattern: "^/book/" },
      { module: "src/manage/ManageBookingPage.tsx", pathPattern: "^/booking/" },
    ]),
    firstScreen.plugin,
    precompress(),
  ],
  build: {
    target: "es2022",
    sourcemap: false,
    // Every browser that runs es2022 knows modulepreload: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: patientChunkGroups(import.meta.dirname, [
            { name: "booking", module: "src/booking/BookingPage.tsx" },
            { name: "manage", module: "src/manage/ManageBookingPage.tsx" },
          ]),
        },
      },
    },
  },
  server: {
    proxy: {
      "/trpc": { target: apiUrl },
      "/healthz": { target: apiUrl },
      "/readyz": { target: apiUrl },
      // Calendar feeds (ADR 0040): subscribed to with the public URL, served by the API.
      "/ical": { target: apiUrl },
      // The development outbox (apps/server/src/dev-mail.ts).
      "/dev/mail": { target: apiUrl },
    },
  },
});
