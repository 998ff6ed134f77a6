// The Node versions the production build supports, checked when it starts (`pnpm start`,
// `pnpm start:worker`) so that an unsupported runtime stops with a clear message instead of
// failing later in a dependency. The same range is `engines.node` in package.json.
// 20.19+ runs everything (the machines' Node); 24 LTS is the one production should run (CI tests
// the server on it); 22.12+ is the other maintained line.
export const SUPPORTED_NODE = "^20.19.0 || ^22.12.0 || ^24.0.0";

const FLOORS: Record<number, number> = { 20: 19, 22: 12, 24: 0 };

export function isSupportedNode(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const floor = FLOORS[Number(match[1])];
  return floor !== undefined && Number(match[2]) >= floor;
}

/** Throws, naming the supported versions, when this process runs on another. */
export function assertSupportedNode(version: string = process.version): void {
  if (!isSupportedNode(version)) throw new Error(`Node ${version} is not supported: Frontdesk runs on Node ${SUPPORTED_NODE} (24 LTS recommended)`);
}
