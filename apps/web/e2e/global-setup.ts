// Starts the stack (e2e/stack.ts) in a child process and hands its URL to the tests.
/* eslint-disable no-restricted-properties -- test tooling: hands the stack URL to the test workers */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface StackInfo {
  url: string;
  adminUrl: string;
  appUrl: string;
  mailDir: string;
  /** The built web app, for a second server of the same stack (edge.spec.ts serves it from workerd). */
  webDir: string;
}

export default async function globalSetup() {
  const stackScript = fileURLToPath(new URL("./stack.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", stackScript], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const info = await new Promise<StackInfo>((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error("e2e stack: not ready after 120 s")), 120_000);
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as StackInfo);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e stack exited with ${code} before it was ready`));
    });
  });
  // Playwright passes environment set here on to the test workers.
  process.env.FRONTDESK_E2E_URL = info.url;
  process.env.FRONTDESK_E2E_ADMIN_URL = info.adminUrl;
  process.env.FRONTDESK_E2E_MAIL_DIR = info.mailDir;
  process.env.FRONTDESK_E2E_APP_URL = info.appUrl;
  process.env.FRONTDESK_E2E_WEB_DIR = info.webDir;

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
}
