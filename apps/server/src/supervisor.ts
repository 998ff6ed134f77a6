// The last line of defence for the server process: an error nobody caught, thrown from the
// database driver's connection layer or from a client's socket, is logged as one JSON line and
// the process keeps serving. Anything else is a bug of ours: logged, then the process exits so
// that its supervisor (systemd, Kubernetes) starts a clean one. ADR 0018.
import type { Logger } from "@frontdesk/api";

/** postgres.js's connection-layer codes, and the socket errors beneath them. */
const CONNECTION_CODES = /^(CONNECTION_(CLOSED|ENDED|DESTROYED)|CONNECT_TIMEOUT|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ERR_STREAM_PREMATURE_CLOSE)$/;
/** postgres.js's connection code, by file (source runs) or by function name (the bundle keeps names). */
const DRIVER_FRAMES = /postgres[\\/](cjs[\\/]|cf[\\/])?src[\\/]connection\.js|at (Immediate\.)?nextWrite |at (Socket\.)?(closed|connectTimedOut|ErrorResponse) /;

export type FaultKind = "database driver" | "client socket";

/** Which contained kind of fault `error` is, or undefined for one that should end the process. */
export function containedFault(error: unknown): FaultKind | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  // A PostgresError carries a SQLSTATE; one nobody awaited is a query the driver gave up on.
  if (error.name === "PostgresError") return "database driver";
  if (DRIVER_FRAMES.test(error.stack ?? "")) return "database driver";
  if (typeof code === "string" && CONNECTION_CODES.test(code)) return code.startsWith("CONNECT") ? "database driver" : "client socket";
  if (error.message === "aborted") return "client socket";
  return undefined;
}

/** What may be logged about such an error: kind and codes, never the message (it can quote data). */
function describe(error: unknown) {
  if (!(error instanceof Error)) return { kind: typeof error };
  const code = (error as { code?: unknown }).code;
  return { kind: error.name, ...(typeof code === "string" ? { code } : {}), frames: error.stack?.split("\n").slice(1, 4).map((line) => line.trim()) };
}

export function superviseProcess(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const onFault = (source: "uncaughtException" | "unhandledRejection") => (error: unknown) => {
    const kind = containedFault(error);
    if (kind) {
      // Client sockets go away all the time; a driver fault is worth a look but changes nothing.
      const fields = { source, fault: kind, error: describe(error) };
      if (kind === "client socket") logger.info(fields, "fault contained, still serving");
      else logger.warn(fields, "fault contained, still serving");
      return;
    }
    logger.error({ source, error: describe(error) }, "unexpected error: exiting");
    exit(1);
  };
  process.on("uncaughtException", onFault("uncaughtException"));
  process.on("unhandledRejection", onFault("unhandledRejection"));
}
