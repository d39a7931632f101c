import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { Database } from '../../../kernel/db/db.js';
import { Conflict, NotFound } from '../../../kernel/errors.js';
import type { ResidentTagBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { residentStore } from '../store/resident.store.js';

/** The tags a district starts with (configurable afterwards; codes stay stable). */
export const DEFAULT_TAGS: readonly { code: string; name: string }[] = [
  { code: 'left_behind_elderly', name: '留守老人' },
  { code: 'living_alone_elderly', name: '独居老人' },
  { code: 'left_behind_child', name: '留守儿童' },
  { code: 'disabled', name: '残疾人' },
  { code: 'subsistence', name: '低保' },
  { code: 'extreme_poverty', name: '特困供养' },
  { code: 'veteran', name: '退役军人' },
  { code: 'key_person', name: '重点人员' },
  { code: 'returnee', name: '返乡人员' },
];

/** At every start: a district without tags gets the defaults. */
export async function ensureResidentTags(database: Database, districtCode: string): Promise<number> {
  const db = database.db;
  if ((await residentStore.tags(db, districtCode)).length) return 0;
  for (const [seq, t] of DEFAULT_TAGS.entries())
    await residentStore.insertTag(db, { district_code: districtCode, code: t.code, name: t.name, seq, active: 1 });
  return DEFAULT_TAGS.length;
}

export async function listResidentTags(deps: PopulationDeps, actor: Actor) {
  authorize(actor, 'resident.read');
  return residentStore.tags(deps.database.db, actor.districtCode);
}

/** A new tag gets the next free code `t<n>`: codes are what records keep, names may change. */
export async function createResidentTag(deps: PopulationDeps, actor: Actor, body: ResidentTagBody) {
  authorize(actor, 'resident.configure');
  return deps.database.db.transaction().execute(async (trx) => {
    const tags = await residentStore.tags(trx, actor.districtCode);
    if (tags.some((t) => t.name === body.name))
      throw new Conflict('resident.tag_name_taken', 'a tag has this name', [
        { field: 'name', code: 'resident.tag_name_taken', message: 'a tag has this name' },
      ]);
    let n = tags.length + 1;
    while (tags.some((t) => t.code === `t${n}`)) n++;
    const row = {
      district_code: actor.districtCode,
      code: `t${n}`,
      name: body.name,
      seq: Math.max(-1, ...tags.map((t) => t.seq)) + 1,
      active: body.active === false ? 0 : 1,
    };
    await residentStore.insertTag(trx, row);
    return row;
  });
}

export async function updateResidentTag(deps: PopulationDeps, actor: Actor, code: string, body: ResidentTagBody) {
  authorize(actor, 'resident.configure');
  return deps.database.db.transaction().execute(async (trx) => {
    const tags = await residentStore.tags(trx, actor.districtCode);
    const tag = tags.find((t) => t.code === code);
    if (!tag) throw new NotFound('resident_tag', code);
    if (tags.some((t) => t.name === body.name && t.code !== code))
      throw new Conflict('resident.tag_name_taken', 'a tag has this name', [
        { field: 'name', code: 'resident.tag_name_taken', message: 'a tag has this name' },
      ]);
    await residentStore.updateTag(trx, actor.districtCode, code, {
      name: body.name,
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    });
    return { ...tag, name: body.name, active: body.active === undefined ? tag.active : body.active ? 1 : 0 };
  });
}
