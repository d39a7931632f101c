/**
 * Case categories shipped with CivicGrid. The event part follows the structure of GB/T 30428.2
 * (数字化城市管理信息系统 第2部分：管理部件和事件): two-digit 大类 codes and four-digit 小类 codes under
 * them, with the 大类 市容环境 (01), 宣传广告 (02), 施工管理 (03), 突发事件 (04), 街面秩序 (05). The
 * names and order of the 小类 are transcribed from the standard's event table as best we could
 * without the text at hand: check them against the edition in force before relying on the codes
 * for data exchange, and correct them here (admins can also edit them in the console).
 * Local categories from the seed article use 大类 codes 50 and above, so they never collide.
 *
 * Time limits (处置时限) are defaults for a district; admins edit them. 'hours' and 'days' are
 * working hours and working days of the official calendar.
 */
export interface CategorySeed {
  code: string;
  name: string;
  /** Only on 小类: the handling time limit. */
  limit?: { value: number; unit: 'hours' | 'days' };
  /** Name of the default responsible unit (matched against the demo's departments and outside units). */
  defaultUnit?: string;
  /** Radius for duplicate suggestions, metres (default 250). */
  duplicateRadius?: number;
}

export interface CategoryGroupSeed {
  code: string;
  name: string;
  source: 'gbt30428' | 'local';
  items: CategorySeed[];
}

const CG = '川汇区城市管理局';
const ZJ = '川汇区住房和城乡建设局';

export const CATEGORY_SEED: CategoryGroupSeed[] = [
  {
    code: '01', name: '市容环境', source: 'gbt30428',
    items: [
      { code: '0101', name: '私搭乱建', limit: { value: 5, unit: 'days' }, defaultUnit: CG },
      { code: '0102', name: '暴露垃圾', limit: { value: 4, unit: 'hours' }, defaultUnit: CG, duplicateRadius: 100 },
      { code: '0103', name: '积存垃圾渣土', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '0104', name: '道路不洁', limit: { value: 4, unit: 'hours' }, defaultUnit: CG, duplicateRadius: 150 },
      { code: '0105', name: '水域不洁', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '0106', name: '绿地脏乱', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '0107', name: '废弃车辆', limit: { value: 3, unit: 'days' }, defaultUnit: '周口市公安局川汇分局' },
      { code: '0108', name: '废弃家具设备', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '0109', name: '非装饰性树挂', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '0110', name: '露天烧烤', limit: { value: 2, unit: 'hours' }, defaultUnit: CG },
      { code: '0111', name: '焚烧垃圾树叶', limit: { value: 2, unit: 'hours' }, defaultUnit: '周口市生态环境局川汇分局' },
    ],
  },
  {
    code: '02', name: '宣传广告', source: 'gbt30428',
    items: [
      { code: '0201', name: '非法小广告', limit: { value: 1, unit: 'days' }, defaultUnit: CG, duplicateRadius: 100 },
      { code: '0202', name: '违章张贴悬挂广告牌匾', limit: { value: 3, unit: 'days' }, defaultUnit: CG },
      { code: '0203', name: '占道广告牌', limit: { value: 2, unit: 'days' }, defaultUnit: CG },
      { code: '0204', name: '街头散发广告', limit: { value: 4, unit: 'hours' }, defaultUnit: CG },
      { code: '0205', name: '广告牌匾破损', limit: { value: 3, unit: 'days' }, defaultUnit: CG },
    ],
  },
  {
    code: '03', name: '施工管理', source: 'gbt30428',
    items: [
      { code: '0301', name: '施工扰民', limit: { value: 4, unit: 'hours' }, defaultUnit: ZJ },
      { code: '0302', name: '工地扬尘', limit: { value: 1, unit: 'days' }, defaultUnit: '周口市生态环境局川汇分局' },
      { code: '0303', name: '道路遗撒', limit: { value: 4, unit: 'hours' }, defaultUnit: CG },
      { code: '0304', name: '施工占道', limit: { value: 1, unit: 'days' }, defaultUnit: ZJ },
      { code: '0305', name: '无证施工', limit: { value: 2, unit: 'days' }, defaultUnit: ZJ },
    ],
  },
  {
    code: '04', name: '突发事件', source: 'gbt30428',
    items: [
      { code: '0401', name: '路面塌陷', limit: { value: 2, unit: 'hours' }, defaultUnit: ZJ },
      { code: '0402', name: '自来水管破裂', limit: { value: 2, unit: 'hours' }, defaultUnit: '周口市供水有限公司' },
      { code: '0403', name: '燃气管道破裂', limit: { value: 1, unit: 'hours' }, defaultUnit: '周口市燃气有限公司' },
      { code: '0404', name: '下水道堵塞或破损', limit: { value: 4, unit: 'hours' }, defaultUnit: ZJ },
      { code: '0405', name: '道路积水', limit: { value: 4, unit: 'hours' }, defaultUnit: ZJ },
      { code: '0406', name: '供电线路故障', limit: { value: 2, unit: 'hours' }, defaultUnit: '国网周口供电公司' },
    ],
  },
  {
    code: '05', name: '街面秩序', source: 'gbt30428',
    items: [
      { code: '0501', name: '无照经营游商', limit: { value: 4, unit: 'hours' }, defaultUnit: CG },
      { code: '0502', name: '占道经营', limit: { value: 4, unit: 'hours' }, defaultUnit: CG, duplicateRadius: 150 },
      { code: '0503', name: '店外经营', limit: { value: 4, unit: 'hours' }, defaultUnit: CG },
      { code: '0504', name: '机动车乱停放', limit: { value: 2, unit: 'hours' }, defaultUnit: '周口市公安局川汇分局' },
      { code: '0505', name: '非机动车乱停放', limit: { value: 4, unit: 'hours' }, defaultUnit: CG },
      { code: '0506', name: '乱堆物堆料', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '0507', name: '流浪乞讨', limit: { value: 1, unit: 'days' }, defaultUnit: '川汇区民政局' },
    ],
  },
  {
    code: '51', name: '线缆管理', source: 'local',
    items: [
      { code: '5101', name: '空中线缆杂乱', limit: { value: 5, unit: 'days' }, defaultUnit: '周口电信川汇分公司' },
      { code: '5102', name: '飞线充电', limit: { value: 1, unit: 'days' }, defaultUnit: '国网周口供电公司', duplicateRadius: 100 },
      { code: '5103', name: '通信线缆垂落', limit: { value: 2, unit: 'days' }, defaultUnit: '中国联通周口市分公司' },
    ],
  },
  {
    code: '52', name: '耕地保护', source: 'local',
    items: [
      { code: '5201', name: '违法占用耕地', limit: { value: 3, unit: 'days' }, defaultUnit: '周口市自然资源和规划局川汇分局', duplicateRadius: 500 },
      { code: '5202', name: '耕地撂荒', limit: { value: 10, unit: 'days' }, defaultUnit: '川汇区农业农村局', duplicateRadius: 500 },
    ],
  },
  {
    code: '53', name: '疫情防控', source: 'local',
    items: [
      { code: '5301', name: '疫情防控场所措施不落实', limit: { value: 4, unit: 'hours' }, defaultUnit: '川汇区卫生健康委员会' },
      { code: '5302', name: '未扫码测温', limit: { value: 2, unit: 'hours' }, defaultUnit: '川汇区卫生健康委员会' },
    ],
  },
  {
    code: '54', name: '文明创建', source: 'local',
    items: [
      { code: '5401', name: '公益广告缺失破损', limit: { value: 3, unit: 'days' }, defaultUnit: CG },
      { code: '5402', name: '背街小巷环境脏乱', limit: { value: 1, unit: 'days' }, defaultUnit: CG },
      { code: '5403', name: '墙体乱涂乱画', limit: { value: 2, unit: 'days' }, defaultUnit: CG },
    ],
  },
];
