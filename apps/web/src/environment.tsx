// What the app asks of the world outside React: the patient's zone, the clock, fresh ids. One
// provider, so that tests pin them and nothing reads the browser's clock or zone behind their back.
import { createContext, useContext, type ReactNode } from "react";

export interface Environment {
  patientTimeZone: string;
  now: () => Date;
  /** A fresh idempotency key for each booking attempt. */
  newKey: () => string;
}

/** The browser's zone: the one place the app asks. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export const browserEnvironment = (): Environment => ({
  patientTimeZone: browserTimeZone(),
  now: () => new Date(),
  newKey: () => crypto.randomUUID(),
});

const EnvironmentContext = createContext<Environment | null>(null);

export function EnvironmentProvider({ value, children }: { value: Environment; children: ReactNode }) {
  return <EnvironmentContext.Provider value={value}>{children}</EnvironmentContext.Provider>;
}

export function useEnvironment(): Environment {
  const value = useContext(EnvironmentContext);
  if (!value) throw new Error("useEnvironment outside EnvironmentProvider");
  return value;
}
