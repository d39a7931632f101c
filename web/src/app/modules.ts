/**
 * The console's feature modules. A new module exports its `NavItem[]` from its index and is
 * added here; the sider menu, the routes and the 工作台 entries pick it up from the registry.
 */
import { accountsNav } from '../modules/accounts';
import { auditNav } from '../modules/audit';
import { calendarNav } from '../modules/calendar';
import { boardsNav } from '../modules/boards';
import { campaignsNav } from '../modules/campaigns';
import { casesNav } from '../modules/cases';
import { farmlandNav } from '../modules/farmland';
import { dutyNav } from '../modules/duty';
import { homeNav } from '../modules/home';
import { inboxNav } from '../modules/inbox';
import { insightsNav } from '../modules/insights';
import { measuresNav } from '../modules/measures';
import { mobileNav } from '../modules/mobile';
import { orgNav } from '../modules/org';
import { patrolsNav } from '../modules/patrols';
import { peopleNav } from '../modules/people';
import { populationNav } from '../modules/population';
import { reportingNav } from '../modules/reporting';
import { screeningNav } from '../modules/screening';
import { starsNav } from '../modules/stars';
import { supervisionNav } from '../modules/supervision';
import { proposalsNav } from '../modules/proposals';
import { venuesNav } from '../modules/venues';
import { registerNav } from './nav';

registerNav(
  ...homeNav,
  ...insightsNav,
  ...casesNav,
  ...venuesNav,
  ...farmlandNav,
  ...boardsNav,
  ...dutyNav,
  ...measuresNav,
  ...patrolsNav,
  ...campaignsNav,
  ...starsNav,
  ...inboxNav,
  ...orgNav,
  ...peopleNav,
  ...populationNav,
  ...screeningNav,
  ...reportingNav,
  ...supervisionNav,
  ...proposalsNav,
  ...accountsNav,
  ...calendarNav,
  ...auditNav,
  ...mobileNav,
);
