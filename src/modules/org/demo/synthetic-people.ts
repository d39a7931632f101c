/**
 * Deterministic synthetic people for the demo: common surnames × given-name characters from a
 * seeded PRNG. Names of real people in the seed article are blocked, and any name the article
 * contains is skipped (the test checks the whole article).
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建文辉力永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';

/** People named in the seed article: never used for demo data. */
export const SEED_PERSON_NAMES = ['刘德君', '胡友涛', '李娜', '陈心宇', '夏立文', '王卫东', '杨凤臣', '杨敏', '王艳', '李伟', '孟涛', '张兴龙', '韩志刚', '周璞', '程立雪', '闻有强'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  name: string;
  phone: string;
}

export function syntheticPeople(seed = 411602, blockText = ''): { next(): SyntheticPerson } {
  const rnd = mulberry32(seed);
  const pick = (s: string) => s[Math.floor(rnd() * s.length)];
  const used = new Set<string>();
  const blocked = new Set(SEED_PERSON_NAMES);
  const prefixes = ['139', '138', '137', '136', '135', '158', '159', '188', '187', '150', '151', '152', '182', '183', '157'];
  return {
    next() {
      for (;;) {
        // Three characters: two-character names too often occur inside ordinary words of the article.
        const name = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
        if (blocked.has(name) || used.has(name) || (blockText && blockText.includes(name))) continue;
        used.add(name);
        const phone = prefixes[Math.floor(rnd() * prefixes.length)] + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
        return { name, phone };
      }
    },
  };
}
