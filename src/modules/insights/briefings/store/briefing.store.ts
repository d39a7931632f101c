import type { Executor } from '../../../../kernel/db/db.js';
import { startsWith } from '../../../../kernel/db/dialect.js';
import type { BriefingTable, BriefingTemplateTable, BriefingVersionTable } from '../../../../kernel/db/schema.js';

/** Briefing templates, briefings and their issued versions: queries only. */
export const briefingStore = {
  async templates(ex: Executor, districtCode: string): Promise<BriefingTemplateTable[]> {
    return ex
      .selectFrom('briefing_templates')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  async template(ex: Executor, districtCode: string, id: string): Promise<BriefingTemplateTable | undefined> {
    return ex
      .selectFrom('briefing_templates')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  async insertTemplate(ex: Executor, row: BriefingTemplateTable): Promise<void> {
    await ex.insertInto('briefing_templates').values(row).execute();
  },
  async updateTemplate(ex: Executor, id: string, set: Partial<BriefingTemplateTable>): Promise<void> {
    await ex.updateTable('briefing_templates').set(set).where('id', '=', id).execute();
  },
  async insert(ex: Executor, row: BriefingTable): Promise<void> {
    await ex.insertInto('briefings').values(row).execute();
  },
  async update(ex: Executor, id: string, set: Partial<BriefingTable>): Promise<void> {
    await ex.updateTable('briefings').set(set).where('id', '=', id).execute();
  },
  async findById(ex: Executor, id: string): Promise<BriefingTable | undefined> {
    return ex.selectFrom('briefings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /**
   * Newest first under a path: the issued ones, and the drafts of the caller's drafting office (those
   * the caller drafted or about the caller's own unit) when the caller writes briefings.
   */
  async list(
    ex: Executor,
    f: { districtCode: string; path: string; drafter: { accountId: string; unitPath: string } | null },
  ): Promise<Omit<BriefingTable, 'text' | 'figures'>[]> {
    let q = ex
      .selectFrom('briefings')
      .select([
        'id',
        'district_code',
        'template_id',
        'template_name',
        'title',
        'unit_id',
        'unit_path',
        'unit_name',
        'unit_kind',
        'period_from',
        'period_to',
        'as_of',
        'state',
        'issued_version',
        'created_by',
        'created_by_name',
        'created_at',
        'updated_at',
        'issued_at',
      ])
      .where('district_code', '=', f.districtCode)
      .where(startsWith('unit_path', f.path));
    const d = f.drafter;
    q = d
      ? q.where((eb) =>
          eb.or([eb('issued_version', '>', 0), eb('created_by', '=', d.accountId), eb('unit_path', '=', d.unitPath)]),
        )
      : q.where('issued_version', '>', 0);
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  },
  async insertVersion(ex: Executor, row: BriefingVersionTable): Promise<void> {
    await ex.insertInto('briefing_versions').values(row).execute();
  },
  async versions(ex: Executor, briefingId: string): Promise<BriefingVersionTable[]> {
    return ex
      .selectFrom('briefing_versions')
      .selectAll()
      .where('briefing_id', '=', briefingId)
      .orderBy('version')
      .execute();
  },
  async version(ex: Executor, briefingId: string, version: number): Promise<BriefingVersionTable | undefined> {
    return ex
      .selectFrom('briefing_versions')
      .selectAll()
      .where('briefing_id', '=', briefingId)
      .where('version', '=', version)
      .executeTakeFirst();
  },
};
