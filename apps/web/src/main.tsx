import { StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { createApiClients } from "./api/trpc";
import { App } from "./App";
import { browserEnvironment } from "./environment";
import { createAppRouter } from "./router";
import { renderWhenHandsOff } from "./takeover";
import "./ui/tokens.css";
// The server writes the booking page's first screen with the brand's classes too (ADR 0052), before
// any route chunk arrives: their sheet ships with the entry's CSS, as the booking page's does.
import "./booking/brand.module.css";
// And the time step's month (ADR 0063): its sheet is the booking route's otherwise, applied only once that chunk runs.
import "./booking/slots.module.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

const clients = createApiClients();
const router = createAppRouter(clients);
const reactRoot = createRoot(root);
// At once, not in React's next task: between the decision and the new markup no tap can land.
const render = () =>
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App router={router} environment={browserEnvironment()} clients={clients} />
      </StrictMode>,
    ),
  );
// The server wrote the booking page's first screen into #root (ADR 0052). React replaces whatever
// #root holds on its first render, so it renders once the route has its clinic, catalogue and code:
// the patient sees the same screen throughout, never a loading state in between. And never under
// the patient's finger, nor on a page the patient is leaving by one of its links (takeover.ts).
if (root.dataset.firstScreen) {
  const ready = renderWhenHandsOff(render);
  void router.load().finally(ready);
} else render();
