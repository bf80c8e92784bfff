import type { FirmProfile, TransferRoute } from './profile.ts';
import type { Bilingual, Scenario } from './types.ts';

/**
 * A declarative test on the firm profile. Data, not code, so the UI can say why an item
 * applies or not. An item's `appliesWhen` list holds when every condition in it holds.
 */
export type Condition =
  | { kind: 'flag'; flag: 'euCustomers' | 'paperRecords' | 'processors' | 'crossBorder' }
  | { kind: 'route'; routes: readonly TransferRoute[] }
  | { kind: 'peopleAtLeast'; count: number }
  | { kind: 'peopleOver'; count: number }
  | { kind: 'scenario'; scenarios: readonly Scenario[] }
  | { kind: 'any'; of: readonly Condition[] };

/** Routes under which personal information actually moves to another processor. */
export const MOVING_ROUTES: readonly TransferRoute[] = ['pipl22', 'consent23'];
/** Every route except 'none'. */
export const ANY_ROUTE: readonly TransferRoute[] = ['pipl22', 'equity-sale', 'consent23'];

export const when = {
  eu: { kind: 'flag', flag: 'euCustomers' },
  paper: { kind: 'flag', flag: 'paperRecords' },
  processors: { kind: 'flag', flag: 'processors' },
  crossBorder: { kind: 'flag', flag: 'crossBorder' },
  anyRoute: { kind: 'route', routes: ANY_ROUTE },
  dataMoves: { kind: 'route', routes: MOVING_ROUTES },
} as const satisfies Record<string, Condition>;

/** PIPL art. 55(3)-(4): data is provided to a recipient, entrusted to a processor or sent abroad. */
export const PROVIDES_OR_ENTRUSTS: Condition = { kind: 'any', of: [when.dataMoves, when.processors, when.crossBorder] };

/** True when the profile satisfies the condition. */
export function holds(c: Condition, p: FirmProfile): boolean {
  switch (c.kind) {
    case 'flag':
      return p[c.flag];
    case 'route':
      return c.routes.includes(p.transferRoute);
    case 'peopleAtLeast':
      return p.peopleCount >= c.count;
    case 'peopleOver':
      return p.peopleCount > c.count;
    case 'scenario':
      return c.scenarios.some((s) => p.scenarios.includes(s));
    case 'any':
      return c.of.some((x) => holds(x, p));
  }
}

const FLAG_TEXT: Record<Extract<Condition, { kind: 'flag' }>['flag'], Bilingual> = {
  euCustomers: { zh: '有欧盟客户', en: 'EU customers present' },
  paperRecords: { zh: '有纸质资料', en: 'paper records held' },
  processors: { zh: '有受托处理方', en: 'outsourced processors used' },
  crossBorder: { zh: '存在境外存储或访问', en: 'data stored or accessed abroad' },
};

const ROUTE_TEXT: Record<TransferRoute, Bilingual> = {
  none: { zh: '无转移', en: 'no transfer' },
  pipl22: { zh: '第二十二条转移', en: 'PIPL art. 22 transfer' },
  'equity-sale': { zh: '股权转让', en: 'equity sale' },
  consent23: { zh: '第二十三条单独同意', en: 'art. 23 disclosure with consent' },
};

/** A short bilingual description of the condition, e.g. for "applies because …". */
export function describeCondition(c: Condition): Bilingual {
  switch (c.kind) {
    case 'flag':
      return FLAG_TEXT[c.flag];
    case 'route':
      return {
        zh: `转移路径为${c.routes.map((r) => ROUTE_TEXT[r].zh).join('或')}`,
        en: `transfer route is ${c.routes.map((r) => ROUTE_TEXT[r].en).join(' or ')}`,
      };
    case 'peopleAtLeast':
      return { zh: `涉及${c.count.toLocaleString('en-US')}人以上`, en: `${c.count.toLocaleString('en-US')} people or more` };
    case 'peopleOver':
      return { zh: `涉及超过${c.count.toLocaleString('en-US')}人`, en: `more than ${c.count.toLocaleString('en-US')} people` };
    case 'scenario':
      return { zh: `所选场景含${c.scenarios.join('、')}之一`, en: `scenario includes ${c.scenarios.join(' or ')}` };
    case 'any': {
      const parts = c.of.map(describeCondition);
      return { zh: parts.map((x) => x.zh).join('，或'), en: parts.map((x) => x.en).join(', or ') };
    }
  }
}
