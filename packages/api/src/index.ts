import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createFetchHandler, type FetchHandlerOptions } from "./handler";
export { createContext, type Context, type CreateContextOptions } from "./context";
export { createCallerFactory } from "./trpc";
export { parseConfig, rateLimitsOf, resilienceOf, webhookSettingsOf, vaultOf, ConfigError, type Config } from "./config";
export { systemClock, type Clock, type Listen, type Logger, type Mailer, type MailMessage, type Metrics, type RateLimitSettings, type ServerDeps } from "./ports";
export { rewrapAllClinics, reencryptClinicBySlug } from "./encryption/rotation";
export { listClinicFlags, setOperatorFlag } from "./flags/operator";
export { clinicFlagsFor, flagsOfClinic, requireFlag, FeatureOffError } from "./flags/read";
export { listenWith } from "./realtime/change-hub";
export { queuedMailer } from "./notifications/queued-mail";
export { ServiceUnavailableError } from "./resilience/errors";
export { baseSecurityHeaders, clientAddress, frameAncestorsFor, httpsRedirect, inlineScriptHashes, pageSecurityHeaders } from "./security-headers";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { availabilityQuery } from "./booking/availability";
