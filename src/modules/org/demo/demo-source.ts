import { demoCppcc, demoDepartments, demoOutsideUnits, demoPartyBranches } from './demo-directory.js';
import { generateDemoDistrict, type DemoUnit } from './demo-district.js';
import { loadOutline } from './load-outline.js';
import { createPeopleGenerator } from '../../../kernel/demo/synthetic-names.js';

export type { DemoUnit } from './demo-district.js';

/** Everything the demo seed inserts, generated from the district outline shipped in assets/geo. */
export function loadDemoSource(outlineFile: string) {
  const district: DemoUnit = generateDemoDistrict(loadOutline(outlineFile));
  return {
    district,
    // 政协 is not a government department, but of the unit kinds it fits there best: a non-territorial unit under the district.
    departments: [...demoDepartments, demoCppcc].map((d) => ({ name: d.name })),
    outsideUnits: demoOutsideUnits.map((d) => ({ name: d.name })),
    partyBranches: demoPartyBranches.map((b) => ({ name: b.name, parentCode: b.parentCode! })),
    people: () => createPeopleGenerator(),
  };
}
