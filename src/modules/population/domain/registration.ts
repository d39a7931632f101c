// One person, one record across the district (SPEC §6): a second entry with the same ID number joins
// the first record instead of making another. Pure rules of what an entry does to the record.

/** The facts of a resident that an entry may bring. */
export interface ResidentFacts {
  name: string;
  phone: string | null;
  tags: readonly string[];
  note: string | null;
  /** Where the entry places the person (household or grid). */
  householdId: string | null;
  gridId: string;
}

export type Registration =
  | { kind: 'create' }
  /** Same person, same name: fill what the record lacks, move when the entry places them elsewhere. */
  | { kind: 'merge'; patch: ResidentPatchFacts }
  /** Same ID number, another name: one of them is mistyped; a person decides before anything changes. */
  | { kind: 'review' };

export interface ResidentPatchFacts {
  phone?: string;
  tags?: string[];
  note?: string;
  /** The person lives elsewhere now: a move, kept in the history. */
  moveTo?: { householdId: string | null; gridId: string };
  /** A person marked gone (迁出) is found living somewhere: back on the register. */
  reactivate?: true;
}

/** Names are compared as people write them: spaces and the middle dot's variants do not count. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u00b7\u2022\u30fb.·]/g, '').toLowerCase();
  return norm(a) === norm(b);
}

export function registrationOf(
  existing: (ResidentFacts & { status: string }) | null,
  entry: ResidentFacts,
): Registration {
  if (!existing) return { kind: 'create' };
  if (!sameName(existing.name, entry.name)) return { kind: 'review' };
  return { kind: 'merge', patch: mergeFacts(existing, entry) };
}

/**
 * What an entry adds to a record of the same person: a phone or note the record lacks, tags it lacks
 * (never removes one), and the entry's place when it differs. The record's own values win otherwise.
 */
export function mergeFacts(existing: ResidentFacts & { status: string }, entry: ResidentFacts): ResidentPatchFacts {
  const patch: ResidentPatchFacts = {};
  if (!existing.phone && entry.phone) patch.phone = entry.phone;
  if (!existing.note && entry.note) patch.note = entry.note;
  const added = entry.tags.filter((t) => !existing.tags.includes(t));
  if (added.length) patch.tags = [...existing.tags, ...added];
  const moved = entry.householdId
    ? entry.householdId !== existing.householdId
    : entry.gridId !== existing.gridId && !existing.householdId;
  if (moved) patch.moveTo = { householdId: entry.householdId, gridId: entry.gridId };
  if (existing.status === 'left') patch.reactivate = true;
  return patch;
}

export function isEmptyPatch(p: ResidentPatchFacts): boolean {
  return Object.keys(p).length === 0;
}
