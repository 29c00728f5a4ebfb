import { describe, expect, it } from "vitest";
import { currentDatamodel, diffSql, latestSnapshot, PROVIDERS } from "./migration-authoring";

// Runs the prisma CLI (a couple of seconds each); no database needed, but slow for the unit tests.
describe.each(PROVIDERS)("schema of %s", (provider) => {
  it("matches the snapshot of the newest migration (run npm run db:new-migration if not)", () => {
    const snapshot = latestSnapshot(provider);
    expect(snapshot).not.toBeNull();
    expect(diffSql(snapshot, currentDatamodel(provider))).toBe("");
  });

  it("would report a model added since the newest migration", () => {
    const changed = `${currentDatamodel(provider)}\nmodel DriftProbe {\n  id String @id\n}\n`;
    const sql = diffSql(latestSnapshot(provider), changed);
    expect(sql).toContain("CREATE TABLE");
    expect(sql).toContain('"DriftProbe"');
  });
});
