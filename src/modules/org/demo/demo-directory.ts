import { communityCodes, DEMO_SUBDISTRICTS, subdistrictCode } from './demo-district.js';

// The demo district's non-territorial units: plausible names, no boundaries.

export interface DemoNamedUnit {
  kind: 'department' | 'outside_unit' | 'party_branch' | 'cppcc';
  name: string;
  /** What people call it in a dispatch list, e.g. 城管局. */
  shortName?: string;
  /** party_branch: the 12-digit code of the community or village it belongs to. */
  parentCode?: string;
}

const dept = (name: string, shortName: string): DemoNamedUnit => ({ kind: 'department', name, shortName });
const outside = (name: string, shortName: string): DemoNamedUnit => ({ kind: 'outside_unit', name, shortName });

/** 区直部门: the usual responsible units for grid cases, plus the offices the seed article mentions. */
export const demoDepartments: readonly DemoNamedUnit[] = [
  dept('川汇区城市管理局', '城管局'),
  dept('川汇区住房和城乡建设局', '住建局'),
  dept('周口市生态环境局川汇分局', '生态环境分局'),
  dept('周口市自然资源和规划局川汇分局', '自然资源局'),
  dept('川汇区卫生健康委员会', '卫健委'),
  dept('周口市公安局川汇分局', '公安分局'),
  dept('川汇区交通运输局', '交通运输局'),
  dept('川汇区市场监督管理局', '市场监管局'),
  dept('川汇区农业农村局', '农业农村局'),
  dept('川汇区民政局', '民政局'),
  dept('川汇区水利局', '水利局'),
  dept('川汇区应急管理局', '应急管理局'),
  dept('川汇区教育体育局', '教体局'),
  dept('中共川汇区委办公室', '区委办'),
  dept('川汇区人民政府办公室', '区政府办'),
  dept('川汇区创建全国文明城市工作指挥部办公室', '创文办'),
  dept('川汇区疫情防控指挥部办公室', '疫情防控指挥部'),
  // The police station and the clinic of 陈州街道: the 民警 and the 医生 of 四包一 home measures work there.
  dept('周口市公安局川汇分局陈州派出所', '陈州派出所'),
  dept('川汇区陈州街道社区卫生服务中心', '陈州卫生服务中心'),
];

/** 驻区单位 that cases are dispatched to (overhead cables, power, water, gas …). */
export const demoOutsideUnits: readonly DemoNamedUnit[] = [
  outside('周口电信川汇分公司', '电信'),
  outside('中国联通周口市分公司', '联通'),
  outside('中国移动周口分公司', '移动'),
  outside('国网周口供电公司', '供电'),
  outside('周口市供水有限公司', '供水'),
  outside('周口市燃气有限公司', '燃气'),
  outside('周口广电网络公司', '广电'),
];

/** 政协: the district committee of the CPPCC (proposals, consultation plan, democratic supervisors). */
export const demoCppcc: DemoNamedUnit = { kind: 'cppcc', name: '政协川汇区委员会', shortName: '区政协' };

/** One party branch per community (北关社区党支部) or village (孙嘴村党支部, as villages say). */
export const demoPartyBranches: readonly DemoNamedUnit[] = DEMO_SUBDISTRICTS.flatMap((spec, si) => {
  const codes = communityCodes(spec, subdistrictCode(si));
  return spec.communities.map((cs, ci): DemoNamedUnit => ({
    kind: 'party_branch',
    name: `${cs.kind === 'village' ? cs.name.replace(/行政村$/, '村') : cs.name}党支部`,
    parentCode: codes[ci],
  }));
});
