import { PARCEL_KIND_NAMES } from '../../../../src/contracts/farmland';

export { PARCEL_KIND_NAMES };

/** Map fills: 永久基本农田 darker than the 耕地 it lies in. */
export const PARCEL_KIND_COLORS: Record<string, string> = { farmland: '#95de64', permanent_basic: '#237804' };

/** The ledger's status names (from the cases contract). */
export { CASE_STATUS_NAMES } from '../../../../src/contracts/cases';

export const CASE_POINT_COLORS = { open: '#f5222d', finished: '#8c8c8c' };
