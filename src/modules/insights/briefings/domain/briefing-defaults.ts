import type { BriefingKind } from '../../../../contracts/briefings.js';
import type { MeasureName } from './briefing-template.js';

// The default templates, written from the measures registered now (pure). The ledger's sentences are
// written by hand in the register of the seed's reports ("截至目前，XX街道办事处……完成问题整改39个");
// every other module's measures get one sentence per module, listing label and figure. A sentence
// naming a measure that is not registered is left out, so a default never names an unknown figure;
// at each start the defaults nobody has edited are written again, picking up measures added since.

interface Sentence {
  text: string;
  codes: readonly string[];
}

const LEDGER: readonly Sentence[] = [
  {
    text:
      '{期间}，{单位}共受理问题{cases.reported}，立案{cases.accepted}，完成整改{cases.closed}，' +
      '结案率{cases.closeRate}，按期结案率{cases.onTimeCloseRate}。',
    codes: ['cases.reported', 'cases.accepted', 'cases.closed', 'cases.closeRate', 'cases.onTimeCloseRate'],
  },
  {
    text: '[按期处置率{cases.onTimeHandleRate}，返工率{cases.reworkRate}。]',
    codes: ['cases.onTimeHandleRate', 'cases.reworkRate'],
  },
  {
    text: '[截至目前，尚有在办问题{cases.open}，其中超期未处置{cases.overdueOpen}，将持续跟踪督办，确保整改到位。]',
    codes: ['cases.open', 'cases.overdueOpen'],
  },
];

/** Which modules' measures each kind of template speaks of (by the code's prefix, the module's name). */
const MODULES: Record<Exclude<BriefingKind, 'general'>, readonly string[]> = {
  ledger: ['cases'],
  reporting: ['reporting'],
  supervision: ['supervision', 'proposals', 'instructions'],
  people: ['population', 'measures', 'screening', 'venues'],
  patrols: ['patrols', 'boards', 'campaigns', 'duty', 'farmland'],
  stars: ['stars'],
};

const NAMES: Record<BriefingKind, string> = {
  ledger: '问题整改工作简报',
  reporting: '报表报送工作简报',
  supervision: '督查督办工作简报',
  people: '人口与防控工作简报',
  patrols: '巡查与阵地工作简报',
  stars: '五星支部创建工作简报',
  general: '综合工作简报',
};

const moduleOf = (code: string) => code.slice(0, code.indexOf('.'));

/** One sentence per module (its group on screen) listing each of its measures, left out when all are 0. */
function listSentences(measures: readonly MeasureName[], modules: readonly string[], skip: ReadonlySet<string>) {
  const out: string[] = [];
  for (const mod of modules) {
    const own = measures.filter((m) => moduleOf(m.code) === mod && !skip.has(m.code));
    if (!own.length) continue;
    out.push(`[${own[0]!.group}方面，${own.map((m) => `${m.label}{${m.code}}`).join('，')}。]`);
  }
  return out;
}

function ledgerSentences(measures: readonly MeasureName[]): string[] {
  const known = new Set(measures.map((m) => m.code));
  const kept = LEDGER.filter((s) => s.codes.every((c) => known.has(c)));
  const written = new Set(kept.flatMap((s) => s.codes));
  return [...kept.map((s) => s.text), ...listSentences(measures, ['cases'], written)];
}

export interface DefaultTemplate {
  /** Stable: the row a default is kept in. */
  key: string;
  name: string;
  kind: BriefingKind;
  body: string;
}

/** Every default whose measures exist now; a kind with none registered has no default yet. */
export function defaultTemplates(measures: readonly MeasureName[]): DefaultTemplate[] {
  const out: DefaultTemplate[] = [];
  const add = (kind: BriefingKind, sentences: string[]) => {
    if (sentences.length) out.push({ key: `default.${kind}`, name: NAMES[kind], kind, body: sentences.join('') });
  };
  add('ledger', ledgerSentences(measures));
  const others = Object.entries(MODULES).filter(([k]) => k !== 'ledger') as [BriefingKind, readonly string[]][];
  for (const [kind, modules] of others) {
    const list = listSentences(measures, modules, new Set());
    add(kind, list.length ? [`{期间}，{单位}各项工作有序推进。`, ...list] : []);
  }
  const rest = listSentences(
    measures,
    others.flatMap(([, m]) => m),
    new Set(),
  );
  add('general', [...ledgerSentences(measures), ...rest]);
  return out;
}
