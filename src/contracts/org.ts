import { z } from 'zod';

// Schemas shared by the server (validation, OpenAPI) and the web console (form types).

export const UNIT_KINDS = [
  'district',
  'subdistrict',
  'township',
  'community',
  'village',
  'grid_large',
  'grid_small',
  'department',
  'outside_unit',
  'party_branch',
] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  district: '区',
  subdistrict: '街道',
  township: '乡镇',
  community: '社区',
  village: '行政村',
  grid_large: '大网格',
  grid_small: '小网格',
  department: '区直部门',
  outside_unit: '驻区单位',
  party_branch: '党支部',
};

export const ROLE_CODES = [
  'admin',
  'district_leader',
  'supervision_office',
  'proposal_office',
  'subdistrict_staff',
  'community_worker',
  'grid_worker',
  'unit_handler',
  'democratic_supervisor',
  'volunteer',
  /** 民警: owns people under home measures (四包一) and follows them up. */
  'police_officer',
  /** 医生: owns people under home measures (四包一) and follows them up. */
  'doctor',
] as const;
export const RoleCode = z.enum(ROLE_CODES);
export type RoleCode = z.infer<typeof RoleCode>;

export const Crs = z.enum(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);
export type Crs = z.infer<typeof Crs>;

const name = z.string().trim().min(1, '不能为空').max(100, '最长 100 个字符');
const code = z.string().trim().min(1).max(20);

export const Unit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: UnitKind,
  code: z.string().nullable(),
  name: z.string(),
  districtCode: z.string(),
  status: z.enum(['active', 'retired']),
  hasBoundary: z.boolean(),
  childCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.object({ items: z.array(Unit) });
export type UnitList = z.infer<typeof UnitList>;

export const CreateUnitBody = z.strictObject({
  parentId: z.uuid(),
  kind: UnitKind,
  name,
  /** Official code (GB/T 2260, 12-digit statistical code, or 15-digit unit-grid code), checked against the parent's. */
  code: code.optional(),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .strictObject({ name: name.optional(), code: code.nullable().optional() })
  .refine((b) => b.name !== undefined || b.code !== undefined, { message: '至少修改一项（name 或 code）' });
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const MoveUnitBody = z.strictObject({ parentId: z.uuid() });

export const ListUnitsQuery = z.strictObject({
  parentId: z.uuid().optional(),
  kind: UnitKind.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  includeRetired: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

const position = z.array(z.number()).min(2).max(3);
export const Geometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.any()),
});
export const BoundaryFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: z.unknown(),
});
export const BoundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(BoundaryFeature).min(1, '至少包含一个要素').max(20000),
});
export const CrsQuery = z.strictObject({ crs: Crs.optional() });
void position;

/** A unit's own boundary, as GeoJSON (WGS-84). */
export const UnitBoundary = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object({
    id: z.string(),
    name: z.string(),
    kind: UnitKind,
    code: z.string().nullable(),
    updatedAt: z.string(),
  }),
  geometry: Geometry,
});
export type UnitBoundary = z.infer<typeof UnitBoundary>;

/** The boundaries of a unit's active children, as GeoJSON (WGS-84). */
export const ChildBoundaries = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ id: z.string(), name: z.string(), kind: UnitKind, code: z.string().nullable() }),
      geometry: Geometry,
    }),
  ),
});
export type ChildBoundaries = z.infer<typeof ChildBoundaries>;

/** `level=grids`: every active small grid under the unit instead of its children (the map of all grids). */
export const ChildBoundariesQuery = z.strictObject({ level: z.enum(['children', 'grids']).optional() });

export const ImportBoundariesReply = z.object({ updated: z.number().int() });
export type ImportBoundariesReply = z.infer<typeof ImportBoundariesReply>;

export const LocateQuery = z.strictObject({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  crs: Crs.optional(),
});

export const LocateReply = z.object({
  /** The point in WGS-84. */
  point: z.object({ lng: z.number(), lat: z.number() }),
  found: z.boolean(),
  /** Whether the grid lies in the caller's data scope. */
  inScope: z.boolean(),
  grid: Unit.nullable(),
  ancestors: z.array(Unit),
});
export type LocateReply = z.infer<typeof LocateReply>;

export const PersonKind = z.enum(['staff', 'grid_worker', 'volunteer']);
export type PersonKind = z.infer<typeof PersonKind>;
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '手机号应为 11 位，座机如 0394-8123456');

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  kind: PersonKind,
  unitId: z.string(),
  unitName: z.string(),
  phone: z.string().nullable(),
  phoneMasked: z.boolean(),
  gridIds: z.array(z.string()),
  accountId: z.string().nullable(),
  status: z.enum(['active', 'retired']),
});
export type Person = z.infer<typeof Person>;
export const PersonList = z.object({ items: z.array(Person) });
export type PersonList = z.infer<typeof PersonList>;

/** A unit with its ancestors (root first) and, for grids, its grid workers. */
export const UnitDetail = Unit.extend({ ancestors: z.array(Unit), gridWorkers: z.array(Person) });
export type UnitDetail = z.infer<typeof UnitDetail>;

export const CreatePersonBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  kind: PersonKind,
  unitId: z.uuid(),
  phone: phone.nullable().optional(),
  gridIds: z.array(z.uuid()).max(50).optional(),
});
export const UpdatePersonBody = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  kind: PersonKind.optional(),
  unitId: z.uuid().optional(),
  phone: phone.nullable().optional(),
  gridIds: z.array(z.uuid()).max(50).optional(),
  status: z.enum(['active', 'retired']).optional(),
});
export const ListPeopleQuery = z.strictObject({
  unitId: z.uuid().optional(),
  kind: PersonKind.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(RoleCode),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  personId: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;
export const AccountList = z.object({ items: z.array(Account) });
export type AccountList = z.infer<typeof AccountList>;
/** The temporary password is shown this once. */
export const CreatedAccount = z.object({ account: Account, temporaryPassword: z.string() });
export type CreatedAccount = z.infer<typeof CreatedAccount>;
export const TemporaryPassword = z.object({ temporaryPassword: z.string() });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;

const username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,49}$/, '用户名为 3–50 位小写字母、数字、下划线，以字母开头');
export const CreateAccountBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(50),
  unitId: z.uuid(),
  roles: z.array(RoleCode).min(1, '至少选择一个角色'),
  personId: z.uuid().nullable().optional(),
});
export const UpdateAccountBody = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  unitId: z.uuid().optional(),
  roles: z.array(RoleCode).min(1).optional(),
  disabled: z.boolean().optional(),
});
export const ListAccountsQuery = z.strictObject({
  unitId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
});

export const LoginBody = z.strictObject({ username: z.string().min(1).max(50), password: z.string().min(1).max(200) });
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(RoleCode),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;
export const LoginReply = z.object({ account: Me });
export type LoginReply = z.infer<typeof LoginReply>;

export const RoleList = z.object({
  items: z.array(z.object({ code: RoleCode, name: z.string(), permissions: z.array(z.string()) })),
});
export type RoleList = z.infer<typeof RoleList>;

/** How long an API token lives when the body does not say, and the longest it may (days). */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working: 1 … 365, 90 when absent. */
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS),
});
export type CreateTokenBody = z.input<typeof CreateTokenBody>;
/** The token is shown this once. */
export const IssuedToken = z.object({ token: z.string(), name: z.string(), expiresAt: z.string() });
export type IssuedToken = z.infer<typeof IssuedToken>;
export const TokenView = z.object({
  /** The first 16 hex digits of the token's hash: what DELETE /auth/tokens/:id takes. */
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** After this instant the token is refused (401). */
  expiresAt: z.string(),
});
export type TokenView = z.infer<typeof TokenView>;
export const TokenList = z.object({ items: z.array(TokenView) });
export type TokenList = z.infer<typeof TokenList>;
