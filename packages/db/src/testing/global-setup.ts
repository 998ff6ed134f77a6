// vitest `globalSetup`: one PostgreSQL per test run, migrated, shared by every test file.
import type { TestProject } from "vitest/node";
import { startTestServer } from "./server";
import "./provided";

export default async function setup(project: TestProject) {
  const { urls, server, stop } = await startTestServer();
  project.provide("database", urls);
  project.provide("databaseServer", server);
  return stop;
}
