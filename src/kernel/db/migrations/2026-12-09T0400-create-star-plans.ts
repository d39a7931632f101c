import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// "五星"支部 battle maps (作战图) and action teams (聚力团), issue 14 items 2–3. A battle map is a branch's
// plan for a year: the stars it goes for and its measures. A measure is a supervision task (the task
// keeps status, milestones, progress reports with evidence and notices); this table only says which
// star it serves, who owns it and which team takes it on. A team belongs to one branch or several,
// with its members (cadre accounts, 包联 units, volunteers), the grids it covers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('star_plans')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // JSON string[]: the keys of the stars the branch goes for (创星目标).
    .addColumn('stars', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('star_plans_branch_year', ['branch_id', 'year'])
    .execute();
  await db.schema.createIndex('star_plans_scope').on('star_plans').columns(['district_code', 'year', 'branch_path']).execute();

  await db.schema
    .createTable('star_teams')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('leader_name', 'varchar(30)', (c) => c.notNull())
    .addColumn('leader_account_id', 'varchar(36)')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('star_team_branches')
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('star_teams.id'))
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_team_branches_pk', ['team_id', 'branch_id'])
    .execute();
  await db.schema.createIndex('star_team_branches_path').on('star_team_branches').column('branch_path').execute();
  await db.schema
    .createTable('star_team_members')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('star_teams.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'account' (a cadre's account), 'unit' (a 包联 unit) or 'volunteer' (by name).
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(36)')
    .addColumn('unit_id', 'varchar(36)')
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('phone', 'varchar(20)')
    // 'party_member' (党员), 'grid_worker' (网格员) or 'team_member' (聚力团成员).
    .addColumn('role', 'varchar(14)', (c) => c.notNull())
    // The grid the member answers for, one of the team's grids.
    .addColumn('grid_id', 'varchar(36)')
    .execute();
  await db.schema.createIndex('star_team_members_team').on('star_team_members').columns(['team_id', 'seq']).execute();
  await db.schema
    .createTable('star_team_grids')
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('star_teams.id'))
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_team_grids_pk', ['team_id', 'grid_id'])
    .execute();

  await db.schema
    .createTable('star_plan_measures')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('plan_id', 'varchar(36)', (c) => c.notNull().references('star_plans.id'))
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('star_key', 'varchar(32)', (c) => c.notNull())
    // The supervision task that carries the measure (status, milestones, reports, evidence).
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().unique())
    .addColumn('owner_name', 'varchar(30)', (c) => c.notNull())
    .addColumn('owner_account_id', 'varchar(36)')
    // The action team that takes the measure on, if any.
    .addColumn('team_id', 'varchar(36)', (c) => c.references('star_teams.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('star_plan_measures_plan').on('star_plan_measures').columns(['plan_id', 'seq']).execute();
  await db.schema.createIndex('star_plan_measures_team').on('star_plan_measures').column('team_id').execute();
}
