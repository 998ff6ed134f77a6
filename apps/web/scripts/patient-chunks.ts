// How the build cuts the JavaScript into files (ADR 0052). Left to itself, the bundler makes one
// file per set of routes sharing a module: 27 files for the booking page, each costing a request
// on one of the browser's six connections (150 ms apart on a slow phone) and its headers. Here:
// - everything the entry needs statically is one file (every page loads it anyway);
// - each patient route's own code, and the code those routes share, one file each;
// - staff screens keep the default cut: they never enter the patient pages' files, so a patient
//   downloads no staff code, while a staff screen may load a patient file it shares a module with.
import path from "node:path";

export interface PatientRoute {
  /** A short name for the route's file, e.g. "booking". */
  name: string;
  /** The route module, relative to the project root, e.g. "src/booking/BookingPage.tsx". */
  module: string;
}

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/**
 * The app's own modules that `root` imports statically, itself included. Packages are left out:
 * through a barrel file (packages/domain's index) the module graph reaches modules the tree-shaken
 * output never uses; the bundler adds what a captured module really uses.
 */
function staticClosure(graph: ModuleGraph, root: string, sourceRoot: string): Set<string> {
  const seen = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []).filter((imported) => imported.startsWith(sourceRoot)));
  }
  return seen;
}

/** rolldown's `output.codeSplitting.groups` for the patient routes (vite: build.rolldownOptions.output). */
export function patientChunkGroups(projectRoot: string, routes: PatientRoute[]) {
  const sourceRoot = path.resolve(projectRoot, "src") + path.sep;
  let closures: Array<{ name: string; modules: Set<string> }> | undefined;
  const routesUsing = (id: string, graph: ModuleGraph) => {
    closures ??= routes.map((route) => ({ name: route.name, modules: staticClosure(graph, path.resolve(projectRoot, route.module), sourceRoot) }));
    return closures.filter((closure) => closure.modules.has(id)).map((closure) => closure.name);
  };
  return [
    // What the entry imports statically is downloaded on every first visit: one file.
    { name: "app", tags: ["$initial" as const], priority: 4 },
    // react-query's hooks beyond the entry's (every screen uses some): one file, not one per hook.
    { name: "query", test: /[\\/]node_modules[\\/]@tanstack[\\/](react-query|query-core)[\\/]/, priority: 2 },
    // Shared by several patient routes: one file, before a route's own group takes it with its page.
    { name: (id: string, graph: ModuleGraph) => (routesUsing(id, graph).length > 1 ? "patient" : null), priority: 3, includeDependenciesRecursively: false },
    // A patient route's own modules: one file per route.
    {
      name: (id: string, graph: ModuleGraph) => {
        const users = routesUsing(id, graph);
        return users.length === 1 ? users[0]! : null;
      },
      priority: 1,
      includeDependenciesRecursively: false,
    },
  ];
}
