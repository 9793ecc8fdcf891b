// What a perception index means for the LKE: the WBK/WBBM minimums of IPAK (B.I.a) and IPKP (B.II.a)
// read from the current LKE rule set through the assessment module (a score threshold on the item
// or its only parent, converted back to the 0–4 index: min ÷ weight × indexMax), else the fallback
// data in rules/perception.json with its source.
import { getRuleSet } from '../assessment/index.ts';
import { PERCEPTION } from './surveys.rules.ts';

export interface IndexThresholds { WBK: number; WBBM: number; from: 'ruleset' | 'fallback'; ruleset?: string; lkeItem: string; weight?: number }

const cache = new Map<string, IndexThresholds>();

export function indexThresholds(kind: 'spak' | 'spkp', rulesetId = 'permenpanrb-90-2021'): IndexThresholds {
  const key = `${kind}:${rulesetId}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const which = kind === 'spak' ? 'ipak' : 'ipkp';
  const lkeItem = PERCEPTION.lkeItems[which];
  const fallback: IndexThresholds = { ...PERCEPTION.thresholdsFallback[which], from: 'fallback', lkeItem };
  let out = fallback;
  try {
    const rs = getRuleSet(rulesetId);
    const item = rs.items.find((i) => i.code === lkeItem);
    if (item) {
      // the item itself, or its parent when the item is the parent's only item (B.II = B.II.a)
      const nodes = [lkeItem, ...(rs.items.filter((i) => i.sub === item.sub).length === 1 ? [item.sub] : [])];
      const found: Partial<Record<'WBK' | 'WBBM', number>> = {};
      for (const pred of ['WBK', 'WBBM'] as const) {
        const c = (rs.thresholds[pred] ?? []).find((x) => x.kind === 'node' && nodes.includes(x.node));
        if (c && c.kind === 'node') found[pred] = Math.round((c.min / item.weight) * rs.indexMax * 100) / 100;
      }
      if (found.WBK !== undefined && found.WBBM !== undefined) out = { WBK: found.WBK, WBBM: found.WBBM, from: 'ruleset', ruleset: rs.id, lkeItem, weight: item.weight };
    }
  } catch { /* fallback */ }
  cache.set(key, out);
  return out;
}

/** LKE score of an index: index ÷ indexMax × weight (17,50). */
export const lkeScoreOf = (index: number, weight = 17.5, indexMax = PERCEPTION.indexMax) => (Math.min(Math.max(index, 0), indexMax) / indexMax) * weight;
