/**
 * The console's feature modules. A new module exports its `NavItem[]` from its index and is
 * added here; the sider menu, the routes and the 工作台 entries pick it up from the registry.
 */
import { accountsNav } from '../modules/accounts';
import { auditNav } from '../modules/audit';
import { calendarNav } from '../modules/calendar';
import { homeNav } from '../modules/home';
import { orgNav } from '../modules/org';
import { peopleNav } from '../modules/people';
import { registerNav } from './nav';

registerNav(...homeNav, ...orgNav, ...peopleNav, ...accountsNav, ...calendarNav, ...auditNav);
