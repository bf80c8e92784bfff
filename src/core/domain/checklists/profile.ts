import { AppError } from '../../errors.ts';
import { SCENARIOS, type Bilingual, type Scenario } from './types.ts';

/**
 * How customer data leaves the firm: none; a transfer because of merger, division, dissolution
 * or bankruptcy (PIPL art. 22, notice); an equity sale (same processor, no transfer); another
 * provision to a recipient (PIPL art. 23, separate consent).
 */
export type TransferRoute = 'none' | 'pipl22' | 'equity-sale' | 'consent23';

export const TRANSFER_ROUTES: readonly TransferRoute[] = ['none', 'pipl22', 'equity-sale', 'consent23'];

/** The facts about one vault's firm that decide which checklist items apply. */
export interface FirmProfile {
  scenarios: Scenario[];
  firmName: string;
  euCustomers: boolean;
  paperRecords: boolean;
  /** Outsourced processors (IT, cloud, call centre, archive storage, shredding) hold data. */
  processors: boolean;
  transferRoute: TransferRoute;
  /** The acquirer, successor or other party; required unless transferRoute is 'none'. */
  recipient?: string;
  /** Customer data stored abroad or reachable from abroad. */
  crossBorder: boolean;
  /** Distinct natural persons whose data the firm holds. */
  peopleCount: number;
}

export type ProfileField = keyof FirmProfile;

export interface ProfileProblem {
  field: ProfileField;
  code: 'REQUIRED' | 'INVALID_VALUE' | 'DUPLICATE';
  message: Bilingual;
}

const FLAGS = ['euCustomers', 'paperRecords', 'processors', 'crossBorder'] as const;

const FLAG_NAMES: Record<(typeof FLAGS)[number], Bilingual> = {
  euCustomers: { zh: '是否有欧盟客户', en: 'EU customers' },
  paperRecords: { zh: '是否有纸质资料', en: 'paper records' },
  processors: { zh: '是否有受托处理方', en: 'outsourced processors' },
  crossBorder: { zh: '是否存在境外存储或访问', en: 'cross-border storage or access' },
};

function problem(field: ProfileField, code: ProfileProblem['code'], zh: string, en: string): ProfileProblem {
  return { field, code, message: { zh, en } };
}

/** Every problem with a candidate profile, in field order; an empty list means it is valid. */
export function validateProfile(p: unknown): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const o = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;

  const sc = o.scenarios;
  if (!Array.isArray(sc) || sc.length === 0) {
    out.push(problem('scenarios', 'REQUIRED', '请至少选择一个场景（PF、BT、SD、AV）。', 'Choose at least one scenario (PF, BT, SD or AV).'));
  } else if (sc.some((s) => !SCENARIOS.includes(s as Scenario))) {
    out.push(problem('scenarios', 'INVALID_VALUE', '场景只能为PF、BT、SD、AV，请重新选择。', 'Scenarios must be PF, BT, SD or AV; choose again.'));
  } else if (new Set(sc).size !== sc.length) {
    out.push(problem('scenarios', 'DUPLICATE', '同一场景只能选择一次，请删除重复项。', 'Each scenario may be chosen once; remove the duplicate.'));
  }

  if (typeof o.firmName !== 'string' || o.firmName.trim() === '') {
    out.push(problem('firmName', 'REQUIRED', '请填写机构名称。', 'Enter the firm name.'));
  }

  for (const f of FLAGS) {
    if (typeof o[f] !== 'boolean') {
      out.push(problem(f, 'REQUIRED', `请回答“${FLAG_NAMES[f].zh}”（是或否）。`, `Answer yes or no for ${FLAG_NAMES[f].en}.`));
    }
  }

  const route = o.transferRoute;
  if (!TRANSFER_ROUTES.includes(route as TransferRoute)) {
    out.push(problem('transferRoute', 'REQUIRED', '请选择转移路径（无转移、第二十二条转移、股权转让或第二十三条单独同意）。', 'Choose a transfer route: none, PIPL art. 22 transfer, equity sale or art. 23 consent.'));
  } else if (route !== 'none' && (typeof o.recipient !== 'string' || o.recipient.trim() === '')) {
    out.push(problem('recipient', 'REQUIRED', '已选择转移路径，请填写接收方（受让方或承接方）名称；如无转移，请将路径改为“无转移”。', 'A transfer route is chosen: enter the recipient (acquirer or successor), or set the route to none.'));
  }

  const n = o.peopleCount;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    out.push(problem('peopleCount', 'INVALID_VALUE', '请填写所持个人信息涉及的人数（不小于0的整数）。', 'Enter the number of people whose data you hold, a whole number of 0 or more.'));
  }
  return out;
}

/**
 * Returns the profile when valid; otherwise throws AppError INVALID_INPUT whose details carry
 * the first problem's `field` and all `problems`, and whose message is that problem's English text.
 */
export function assertValidProfile(p: unknown): FirmProfile {
  const problems = validateProfile(p);
  const first = problems[0];
  if (first) {
    throw new AppError('INVALID_INPUT', first.message.en, { details: { field: first.field, problems } });
  }
  return p as FirmProfile;
}
