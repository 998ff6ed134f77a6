import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { browserEnvironment } from "./environment";
import { createAppRouter } from "./router";
import "./ui/tokens.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

createRoot(root).render(
  <StrictMode>
    <App router={createAppRouter()} environment={browserEnvironment()} />
  </StrictMode>,
);
