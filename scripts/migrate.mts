// npm run db:migrate: apply pending migrations to DATABASE_URL (or the embedded SQLite file).
// The server does this by itself on start; this is for deploy pipelines and for checking.
import { resolveDatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";

const result = await migrate(resolveDatabaseConfig());
console.log(
  result.applied.length
    ? `${result.provider}: applied ${result.applied.join(", ")}`
    : `${result.provider}: up to date`,
);
