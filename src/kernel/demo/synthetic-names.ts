/**
 * Deterministic synthetic people for the demo: Chinese names from common surnames and given-name
 * characters, and mobile numbers, both drawn from a seeded PRNG. No real person's name may appear:
 * the people named in the seed article are blocked, and so is every part of their names a shorter
 * draw could produce (王卫 from 王卫东). The character lists were chosen so that no other two- or
 * three-character run of the article is a name this generator can make; the test checks that
 * exhaustively against the article whenever it is at hand.
 */

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';

export const GIVEN_CHARACTERS =
  '伟刚勇毅俊峰强军东辉永健广良山仁波贵福龙元胜祥才武利飞彬富顺杰涛昌康星岩茂林坚彪博诚敬震振壮豪邦绍松善厚庆磊友裕河哲江超浩亮谦亨翰朗伯宏鸣朋斌梁栋维启伦翔旭鹏泽晨辰树炎泰盛' +
  '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳云莲环雪荣爱霞香月媛艳瑞佳嘉琼勤珍贞莉桂叶璐晶妍茜秋珊锦青倩婷婉瑾颖露瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦岚婕馨韵卿澜毓悦昭冰爽茗羽欣滢筠竹凝晓欢枫芸菲亚宜舒影丽阳妮宝睿雯萱彦宇雨洋忠曼紫逸贤';

/**
 * People named in the seed article (reporters, officials, residents), and 刘方平, a village named
 * there after a person. Never produced, nor the two-character start of any of them.
 */
export const SEED_PERSON_NAMES: readonly string[] = [
  '韩志刚',
  '刘德君',
  '胡友涛',
  '李娜',
  '陈心宇',
  '夏立文',
  '王卫东',
  '杨凤臣',
  '杨敏',
  '王艳',
  '李伟',
  '孟涛',
  '张兴龙',
  '王建国',
  '张朝霞',
  '马力克',
  '樊兴领',
  '尹同寅',
  '周璞',
  '程立雪',
  '李新爱',
  '闻有强',
  '刘方平',
];

const BLOCKED: ReadonlySet<string> = new Set(SEED_PERSON_NAMES.flatMap((n) => [n, n.slice(0, 2)]));

/** Whether `name` is one of the seed's people or could be mistaken for one. */
export function isBlockedName(name: string): boolean {
  return BLOCKED.has(name);
}

export const DEFAULT_SEED = 411602;

/** mulberry32: small, fast and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mobile prefixes of the three carriers; the 8 digits after them are random. */
const MOBILE_PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '150',
  '151',
  '152',
  '158',
  '159',
  '187',
  '188',
  '133',
  '153',
  '189',
  '130',
  '131',
  '155',
  '186',
];

export interface SyntheticPerson {
  name: string;
  /** 11-digit mobile number, e.g. 13912345678. */
  mobile: string;
}

/**
 * An endless, deterministic source of distinct people: the same seed always gives the same
 * sequence. About one name in five has a one-character given name.
 */
export function createPeopleGenerator(seed = DEFAULT_SEED): { next(): SyntheticPerson } {
  const rnd = seededRandom(seed);
  const pick = (chars: string) => chars[Math.floor(rnd() * chars.length)];
  const names = new Set<string>();
  const mobiles = new Set<string>();
  const nextName = (): string => {
    for (;;) {
      const name = pick(SURNAMES) + pick(GIVEN_CHARACTERS) + (rnd() < 0.2 ? '' : pick(GIVEN_CHARACTERS));
      if (!BLOCKED.has(name) && !names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const nextMobile = (): string => {
    for (;;) {
      const prefix = MOBILE_PREFIXES[Math.floor(rnd() * MOBILE_PREFIXES.length)];
      const mobile = prefix + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
      if (!mobiles.has(mobile)) {
        mobiles.add(mobile);
        return mobile;
      }
    }
  };
  return { next: () => ({ name: nextName(), mobile: nextMobile() }) };
}

/** The first `count` people of `createPeopleGenerator(seed)`. */
export function syntheticPeople(count: number, seed = DEFAULT_SEED): SyntheticPerson[] {
  const gen = createPeopleGenerator(seed);
  return Array.from({ length: count }, () => gen.next());
}
