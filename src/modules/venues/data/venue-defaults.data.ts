/** The venue types a new district starts with; codes are stable, names the admin may change. */
export const DEFAULT_VENUE_TYPES: readonly { code: string; name: string }[] = [
  { code: 'shop', name: '商铺' },
  { code: 'market', name: '农贸市场' },
  { code: 'supermarket', name: '超市' },
  { code: 'hotel', name: '宾馆酒店' },
  { code: 'catering', name: '餐饮' },
  { code: 'school', name: '学校' },
  { code: 'clinic', name: '诊所卫生室' },
  { code: 'netcafe', name: '网吧' },
  { code: 'entertainment', name: '娱乐场所' },
  { code: 'other', name: '其他' },
];

/** The checklist a new district starts with (扫码、测温、戴口罩 of the seed, plus 消毒 and 通风). */
export const DEFAULT_CHECK_ITEMS: readonly { code: string; name: string }[] = [
  { code: 'scan', name: '扫码登记' },
  { code: 'temperature', name: '测温' },
  { code: 'mask', name: '佩戴口罩' },
  { code: 'disinfection', name: '消毒记录' },
  { code: 'ventilation', name: '通风' },
];
