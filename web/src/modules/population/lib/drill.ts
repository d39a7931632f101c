/**
 * The coverage table's drill-down: a path of units from the reader's scope down (区 → 街道 → 社区 →
 * 网格). Clicking a row goes one level down; a grid has no rows below, so clicking one picks it for
 * the 走访缺口 and 走访记录 lists instead. The breadcrumb goes back up.
 */
export interface DrillUnit {
  id: string;
  name: string;
  kind: string;
}

export interface DrillState {
  /** From the top (the scope the report opened on, id undefined = the reader's own scope) down. */
  path: { id: string | undefined; name: string }[];
  /** A grid picked for its gaps and visits. */
  grid: DrillUnit | null;
}

export function isGrid(kind: string): boolean {
  return kind === 'grid_small';
}

export function startDrill(topName: string): DrillState {
  return { path: [{ id: undefined, name: topName }], grid: null };
}

/** The unit whose coverage report to ask for (undefined: the reader's own scope). */
export function currentUnit(s: DrillState): string | undefined {
  return s.path[s.path.length - 1]?.id;
}

/** A row clicked: down into it, or, for a small grid, pick it. */
export function drillInto(s: DrillState, row: DrillUnit): DrillState {
  if (isGrid(row.kind)) return { ...s, grid: row };
  return { path: [...s.path, { id: row.id, name: row.name }], grid: null };
}

/** The breadcrumb's `index`-th entry clicked: back up to it. */
export function drillUp(s: DrillState, index: number): DrillState {
  if (index < 0 || index >= s.path.length - 1) return s;
  return { path: s.path.slice(0, index + 1), grid: null };
}

/** The top entry gets its real name once the first report names the scope. */
export function nameTop(s: DrillState, name: string): DrillState {
  if (s.path[0]?.name === name) return s;
  return { ...s, path: [{ ...s.path[0], name }, ...s.path.slice(1)] };
}
