// Node-only tooling (`@frontdesk/db/local`): the zero-setup local server, settings, migrations and the demo seed.
export { startServer, stopServer, provisionDatabase, localUrls, freePort, type LocalServer, type LocalUrls } from "./postgres";
export { readDatabaseEnv, LOCAL_SERVER, ConfigError, type DatabaseEnv } from "../env";
export { seedDemo, describeDemo, DEMO_PASSWORD, type SeedResult } from "../seed";
export { runMigrations, migrationsFolder } from "../migrate";
