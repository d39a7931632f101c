import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';

/** The cases of an area with their category, for the KPIs by category (the ledger's 大类 breakdown). */
export const caseCategoryFigureStore = {
  /**
   * Every case located under `path` (the district: every case of the district, in a grid or not),
   * its category code and state: the KPI rules fold them per 大类.
   */
  async statesOfArea(ex: Executor, districtCode: string, path: string, isDistrict: boolean) {
    let q = ex.selectFrom('cases').select(['category_code', 'state']).where('district_code', '=', districtCode);
    if (!isDistrict) q = q.where(startsWith('grid_path', path));
    return q.execute();
  },
};
