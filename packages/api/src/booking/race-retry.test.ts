import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { toTRPCError } from "../errors";
import { ServiceUnavailableError } from "../resilience/errors";
import { RaceLostError, withRaceRetry } from "./race-retry";

/** An error as Drizzle throws it: the Postgres error, with its SQLSTATE, as the cause. */
const postgresError = (code: string) => new Error("Failed query", { cause: Object.assign(new Error("from postgres"), { code }) });

describe("withRaceRetry", () => {
  it.each(["40P01", "40001", "55P03"])("runs a transaction that lost a race with %s again", async (code) => {
    let calls = 0;
    const result = await withRaceRetry(() => (++calls < 3 ? Promise.reject(postgresError(code)) : Promise.resolve("booked")));
    expect([result, calls]).toEqual(["booked", 3]);
  });

  it("gives up after three attempts with a RaceLostError, which answers CONFLICT", async () => {
    let calls = 0;
    const error = await withRaceRetry(() => {
      calls++;
      return Promise.reject(postgresError("40P01"));
    }).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(RaceLostError);
    expect(toTRPCError(error, "req").code).toBe("CONFLICT");
  });

  it("passes every other failure through untouched, at once", async () => {
    let calls = 0;
    const exclusion = postgresError("23P01");
    await expect(
      withRaceRetry(() => {
        calls++;
        return Promise.reject(exclusion);
      }),
    ).rejects.toBe(exclusion);
    expect(calls).toBe(1);
  });
});

describe("the error mapping for outages", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a connection closed by the driver", Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" })],
    ["a server shutting down (57P01)", postgresError("57P01")],
    ["a server starting up (57P03)", postgresError("57P03")],
    ["an overloaded process", new ServiceUnavailableError("overloaded")],
    ["a passed deadline", new ServiceUnavailableError("deadline")],
  ])("answers %s with SERVICE_UNAVAILABLE and a message without internals", (_, error) => {
    const mapped = toTRPCError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }), "req");
    expect(mapped.code).toBe("SERVICE_UNAVAILABLE");
    expect(mapped.message).toMatch(/try again in a moment/);
    expect(mapped.message).not.toMatch(/ECONN|CONNECTION_|57P|5432/);
  });

  it("still answers a bug with INTERNAL_SERVER_ERROR", () => {
    expect(toTRPCError(new TypeError("x is undefined"), "req").code).toBe("INTERNAL_SERVER_ERROR");
  });
});
