import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvironmentProvider } from "../../environment";
import { testEnvironment } from "../../test/fixtures";
import { useClinicNow } from "./clinic-clock";

describe("the clinic's clock", () => {
  afterEach(() => vi.useRealTimers());

  it("reads the environment's clock in the clinic's zone and moves on at each new minute", () => {
    vi.useFakeTimers();
    let instant = new Date("2026-03-03T09:30:20Z"); // 10:30:20 in Paris, 01:30 in Los Angeles
    const environment = testEnvironment({ now: () => instant });
    const wrapper = ({ children }: { children: ReactNode }) => <EnvironmentProvider value={environment}>{children}</EnvironmentProvider>;
    const { result } = renderHook(() => useClinicNow("Europe/Paris"), { wrapper });
    expect(result.current).toMatchObject({ date: "2026-03-03", minutes: 10 * 60 + 30 });

    instant = new Date("2026-03-03T09:30:59Z");
    act(() => void vi.advanceTimersByTime(30_000));
    expect(result.current.minutes).toBe(10 * 60 + 30);

    instant = new Date("2026-03-03T09:31:01Z");
    act(() => void vi.advanceTimersByTime(15_000));
    expect(result.current.minutes).toBe(10 * 60 + 31);

    // Past midnight in Paris: a new day there, still the evening before in Los Angeles.
    instant = new Date("2026-03-03T23:00:01Z");
    act(() => void vi.advanceTimersByTime(60_000));
    expect(result.current).toMatchObject({ date: "2026-03-04", minutes: 0 });
  });
});
