import { UNIT_KIND_NAMES } from '../../../../src/contracts/org';
import type { Crs, UnitKind } from './api';

/** The server's own names (src/contracts/org.ts). */
export const unitKindLabel: Record<UnitKind, string> = UNIT_KIND_NAMES;

/** antd Tag colours, one per kind, so a glance at the tree tells the level. */
export const unitKindColor: Record<UnitKind, string> = {
  district: 'red',
  subdistrict: 'volcano',
  township: 'orange',
  community: 'blue',
  village: 'cyan',
  grid_large: 'geekblue',
  grid_small: 'green',
  department: 'purple',
  outside_unit: 'magenta',
  party_branch: 'gold',
};

/** What an admin is usually allowed to add under a unit; the server has the final word. */
export const childKindsOf: Record<UnitKind, UnitKind[]> = {
  district: ['subdistrict', 'township', 'department', 'outside_unit'],
  subdistrict: ['community', 'village', 'party_branch'],
  township: ['village', 'community', 'party_branch'],
  community: ['grid_large', 'grid_small', 'party_branch'],
  village: ['grid_large', 'grid_small', 'party_branch'],
  grid_large: ['grid_small'],
  grid_small: [],
  department: [],
  outside_unit: [],
  party_branch: [],
};

export const territorialKinds: UnitKind[] = [
  'district',
  'subdistrict',
  'township',
  'community',
  'village',
  'grid_large',
  'grid_small',
];

export const gridKinds: UnitKind[] = ['grid_large', 'grid_small'];

export const crsOptions: { value: Crs; label: string }[] = [
  { value: 'wgs84', label: 'WGS-84（GPS 原始坐标）' },
  { value: 'cgcs2000', label: 'CGCS2000（天地图）' },
  { value: 'gcj02', label: 'GCJ-02（高德 / 腾讯）' },
  { value: 'bd09', label: 'BD-09（百度）' },
];
