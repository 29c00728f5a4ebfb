// npm run db:new-migration -- <name>
// Writes prisma/{sqlite,postgres}/migrations/<timestamp>_<name>/ for the change made to
// prisma/models.prisma since the newest migration. Review the SQL before committing it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  currentDatamodel,
  diffSql,
  latestSnapshot,
  PROVIDERS,
  SNAPSHOT_FILE,
} from "../lib/db/migration-authoring";
import { migrationsDir } from "../lib/db/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
let wrote = 0;
for (const provider of PROVIDERS) {
  const current = currentDatamodel(provider);
  const sql = diffSql(latestSnapshot(provider), current);
  if (!sql) {
    console.log(`${provider}: schema unchanged, no migration written`);
    continue;
  }
  const dir = path.join(migrationsDir(provider), folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(path.join(dir, SNAPSHOT_FILE), current);
  console.log(`${provider}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  wrote++;
}
process.exit(wrote === 0 ? 1 : 0);
