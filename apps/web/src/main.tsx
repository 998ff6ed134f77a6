import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClients } from "./api/trpc";
import { App } from "./App";
import { browserEnvironment } from "./environment";
import { createAppRouter } from "./router";
import "./ui/tokens.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

const clients = createApiClients();
createRoot(root).render(
  <StrictMode>
    <App router={createAppRouter(clients)} environment={browserEnvironment()} clients={clients} />
  </StrictMode>,
);
