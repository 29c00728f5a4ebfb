// Vitest's default order, except that a project may list the order of its files: vitest runs
// unknown files (a clean clone has no timings cached) in the order it found them, and the
// integration files that run two at a time are paired by hand (see vitest.config.mts).
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** A sequencer that runs `order[project]`'s files (paths from the root) first, in that order. */
export function listedOrderSequencer(order: Record<string, readonly string[]>) {
  return class ListedOrderSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const rank = (spec: TestSpecification) => {
        const listed = order[spec.project.name];
        if (!listed) return 0;
        const index = listed.indexOf(path.relative(spec.project.config.root, spec.moduleId));
        return index === -1 ? listed.length : index;
      };
      // The default sort keeps a project's files together: order each run of them by rank.
      const byProject: TestSpecification[][] = [];
      for (const spec of sorted) {
        const last = byProject.at(-1);
        if (last?.[0]?.project === spec.project) last.push(spec);
        else byProject.push([spec]);
      }
      return byProject.flatMap((run) => run.sort((a, b) => rank(a) - rank(b)));
    }
  };
}
