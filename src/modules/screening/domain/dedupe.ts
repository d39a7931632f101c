// One person, one entry per campaign (SPEC §6 "the same person registered by two units is recognised
// and merged"): reports are keyed by ID number; a second report, from the same or another unit,
// attaches its unit to the entry instead of adding a row. Pure; the store keeps the same rule with a
// unique (campaign, ID number) index and the reporting units' table.

export interface Report {
  idNumber: string;
  unitId: string;
}

export interface FoldedEntry {
  idNumber: string;
  /** Every unit that reported the person, sorted. */
  units: string[];
}

/** The entries a set of reports makes: one per ID number, with every reporting unit once. */
export function foldReports(reports: readonly Report[]): FoldedEntry[] {
  const byId = new Map<string, Set<string>>();
  for (const r of reports) {
    const units = byId.get(r.idNumber) ?? new Set<string>();
    units.add(r.unitId);
    byId.set(r.idNumber, units);
  }
  return [...byId.entries()]
    .map(([idNumber, units]) => ({ idNumber, units: [...units].sort() }))
    .sort((a, b) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0));
}

/** What one more report does to the entries so far: a new entry, a unit attached, or nothing new. */
export function reportEffect(
  existing: ReadonlyMap<string, ReadonlySet<string>>,
  r: Report,
): 'new_entry' | 'attach_unit' | 'already_reported' {
  const units = existing.get(r.idNumber);
  if (!units) return 'new_entry';
  return units.has(r.unitId) ? 'already_reported' : 'attach_unit';
}
