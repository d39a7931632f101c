/**
 * The console's feature modules. A new module exports its `NavItem[]` from its index and is
 * added here; the sider menu, the routes and the 工作台 entries pick it up from the registry.
 */
import { accountsNav } from '../modules/accounts';
import { auditNav } from '../modules/audit';
import { calendarNav } from '../modules/calendar';
import { campaignsNav } from '../modules/campaigns';
import { casesNav } from '../modules/cases';
import { homeNav } from '../modules/home';
import { inboxNav } from '../modules/inbox';
import { measuresNav } from '../modules/measures';
import { mobileNav } from '../modules/mobile';
import { orgNav } from '../modules/org';
import { peopleNav } from '../modules/people';
import { populationNav } from '../modules/population';
import { reportingNav } from '../modules/reporting';
import { screeningNav } from '../modules/screening';
import { supervisionNav } from '../modules/supervision';
import { proposalsNav } from '../modules/proposals';
import { venuesNav } from '../modules/venues';
import { registerNav } from './nav';

registerNav(
  ...homeNav,
  ...casesNav,
  ...venuesNav,
  ...measuresNav,
  ...campaignsNav,
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
