import type { Migration } from 'kysely';
import * as createOrg from './2026-11-29T0300-create-org.js';
import * as createCases from './2026-11-29T0400-create-cases.js';
import * as createWebhooks from './2026-11-29T0500-create-webhooks.js';
import * as createOpen311 from './2026-11-29T0600-create-open311.js';
import * as caseSearch from './2026-11-29T0700-case-search.js';
import * as caseKpiRollup from './2026-11-29T0800-case-kpi-rollup.js';
import * as createReporting from './2026-11-29T0900-create-reporting.js';
import * as caseLedgerIndexes from './2026-11-29T1000-case-ledger-indexes.js';
import * as reportQueries from './2026-11-29T1100-report-queries.js';
import * as reportRollups from './2026-11-29T1200-report-rollups.js';
import * as caseLedgerSpeed from './2026-11-29T1250-case-ledger-speed.js';
import * as createSupervision from './2026-11-29T1300-create-supervision.js';
import * as createProposals from './2026-11-29T1400-create-proposals.js';
import * as caseReportWriteCost from './2026-11-29T1500-case-report-write-cost.js';
import * as idempotencyKeys from './2026-11-29T1510-idempotency-keys.js';
import * as proposalReminders from './2026-11-29T1520-proposal-reminders.js';
import * as caseKpiDays from './2026-12-06T1100-case-kpi-days.js';
import * as caseLedgerReportOrder from './2026-12-06T1300-case-ledger-report-order.js';
import * as proposalCategories from './2026-12-06T1500-proposal-categories.js';
import * as createInstructions from './2026-12-06T1600-create-instructions.js';
import * as createPopulation from './2026-12-07T1000-create-population.js';
import * as createVenues from './2026-12-07T1100-create-venues.js';
import * as populationCoverageRollup from './2026-12-07T1200-population-coverage-rollup.js';
import * as createScreening from './2026-12-07T1300-create-screening.js';
import * as createMeasures from './2026-12-07T1400-create-measures.js';
import * as reportFigures from './2026-12-07T1500-report-figures.js';
import * as createDuty from './2026-12-08T0100-create-duty.js';
import * as createPatrols from './2026-12-08T0200-create-patrols.js';
import * as createCampaigns from './2026-12-08T0300-create-campaigns.js';
import * as createFarmland from './2026-12-08T0400-create-farmland.js';
import * as createStars from './2026-12-09T0100-create-stars.js';
import * as createStarRatings from './2026-12-09T0300-create-star-ratings.js';
import * as createStarPlans from './2026-12-09T0400-create-star-plans.js';
import * as createStarCycle from './2026-12-09T0500-create-star-cycle.js';
import * as createBriefings from './2026-12-10T0100-create-briefings.js';
import * as caseKpiDaysByDay from './2026-12-10T0300-case-kpi-days-by-day.js';
import * as caseClosedAt from './2026-12-10T0500-case-closed-at.js';
import * as casesOpenByGrid from './2026-12-11T0100-cases-open-by-grid.js';
import * as caseDueColumns from './2026-12-12T0100-case-due-columns.js';
import * as caseKpiMonths from './2026-12-12T0200-case-kpi-months.js';
import * as tasksByStatusLead from './2026-12-12T0500-tasks-by-status-lead.js';
import * as unitsLifeSpans from './2026-12-12T0600-units-life-spans.js';
import * as unitSpanCounts from './2026-12-13T0010-unit-span-counts.js';
import * as assessmentDaysMilestones from './2026-12-13T0020-assessment-days-milestones.js';
import * as loginThrottles from './2026-12-13T0400-login-throttles.js';
import * as filesAttachedAt from './2026-12-13T0600-files-attached-at.js';
import * as createBoards from './2026-12-08T0410-create-boards.js';

/** Every migration, by its frozen name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T0300-create-org': createOrg,
  '2026-11-29T0400-create-cases': createCases,
  '2026-11-29T0500-create-webhooks': createWebhooks,
  '2026-11-29T0600-create-open311': createOpen311,
  '2026-11-29T0700-case-search': caseSearch,
  '2026-11-29T0800-case-kpi-rollup': caseKpiRollup,
  '2026-11-29T0900-create-reporting': createReporting,
  '2026-11-29T1000-case-ledger-indexes': caseLedgerIndexes,
  '2026-11-29T1100-report-queries': reportQueries,
  '2026-11-29T1200-report-rollups': reportRollups,
  '2026-11-29T1250-case-ledger-speed': caseLedgerSpeed,
  '2026-11-29T1300-create-supervision': createSupervision,
  '2026-11-29T1400-create-proposals': createProposals,
  '2026-11-29T1500-case-report-write-cost': caseReportWriteCost,
  '2026-11-29T1510-idempotency-keys': idempotencyKeys,
  '2026-11-29T1520-proposal-reminders': proposalReminders,
  '2026-12-06T1100-case-kpi-days': caseKpiDays,
  '2026-12-06T1300-case-ledger-report-order': caseLedgerReportOrder,
  '2026-12-06T1500-proposal-categories': proposalCategories,
  '2026-12-06T1600-create-instructions': createInstructions,
  '2026-12-07T1000-create-population': createPopulation,
  '2026-12-07T1100-create-venues': createVenues,
  '2026-12-07T1200-population-coverage-rollup': populationCoverageRollup,
  '2026-12-07T1300-create-screening': createScreening,
  '2026-12-07T1400-create-measures': createMeasures,
  '2026-12-07T1500-report-figures': reportFigures,
  '2026-12-08T0100-create-duty': createDuty,
  '2026-12-08T0200-create-patrols': createPatrols,
  '2026-12-08T0300-create-campaigns': createCampaigns,
  '2026-12-08T0400-create-farmland': createFarmland,
  '2026-12-08T0410-create-boards': createBoards,
  '2026-12-09T0100-create-stars': createStars,
  '2026-12-09T0300-create-star-ratings': createStarRatings,
  '2026-12-09T0400-create-star-plans': createStarPlans,
  '2026-12-09T0500-create-star-cycle': createStarCycle,
  '2026-12-10T0100-create-briefings': createBriefings,
  '2026-12-10T0300-case-kpi-days-by-day': caseKpiDaysByDay,
  '2026-12-10T0500-case-closed-at': caseClosedAt,
  '2026-12-11T0100-cases-open-by-grid': casesOpenByGrid,
  '2026-12-12T0100-case-due-columns': caseDueColumns,
  '2026-12-12T0200-case-kpi-months': caseKpiMonths,
  '2026-12-12T0500-tasks-by-status-lead': tasksByStatusLead,
  '2026-12-12T0600-units-life-spans': unitsLifeSpans,
  '2026-12-13T0010-unit-span-counts': unitSpanCounts,
  '2026-12-13T0020-assessment-days-milestones': assessmentDaysMilestones,
  '2026-12-13T0400-login-throttles': loginThrottles,
  '2026-12-13T0600-files-attached-at': filesAttachedAt,
};
