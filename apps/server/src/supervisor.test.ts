import { describe, expect, it } from "vitest";
import { containedFault } from "./supervisor";

const withStack = (error: Error, stack: string) => Object.assign(error, { stack: `${error.name}: ${error.message}\n${stack}` });
const withCode = (error: Error, code: string) => Object.assign(error, { code });

describe("containedFault", () => {
  it.each([
    ["postgres.js's crash on a closed socket, from source", withStack(new TypeError("Cannot read properties of null (reading 'write')"), "    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)")],
    ["the same crash in the bundle (function names kept)", withStack(new TypeError("Cannot read properties of null (reading 'write')"), "    at Immediate.nextWrite (file:///app/dist/node.js:41234:22)")],
    ["a PostgresError nobody awaited", Object.assign(new Error("terminating connection due to administrator command"), { name: "PostgresError", code: "57P01" })],
    ["a connection the driver closed", withCode(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), "CONNECTION_CLOSED")],
    ["a connect timeout", withCode(new Error("write CONNECT_TIMEOUT 127.0.0.1:5432"), "CONNECT_TIMEOUT")],
  ])("contains %s as a database driver fault", (_, error) => {
    expect(containedFault(error)).toBe("database driver");
  });

  it.each([
    ["a reset socket", withCode(new Error("read ECONNRESET"), "ECONNRESET")],
    ["a body the client abandoned", new Error("aborted")],
  ])("contains %s as a client socket fault", (_, error) => {
    expect(containedFault(error)).toBe("client socket");
  });

  it.each([
    ["a bug of ours", withStack(new TypeError("Cannot read properties of undefined (reading 'id')"), "    at bookAppointment (file:///app/dist/node.js:100:1)")],
    ["a string thrown", "boom"],
    ["a rejection with nothing", undefined],
  ])("does not contain %s: the process exits", (_, error) => {
    expect(containedFault(error)).toBeUndefined();
  });
});
