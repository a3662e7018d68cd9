export interface ExplainFacts {
  dailyDemand: number;
  leadTimeDays: number;
  reviewPeriodDays: number;
  coverageDays: number;
  cycleDemand: number;
  safetyStock: number;
  available: number;
  onOrder: number;
  netRequirement: number;
  packSize: number;
  moq: number;
  recommendedQuantity: number;
  /** Set when no order is placed today although the net requirement is positive. */
  hold?: { position: number; reorderPoint: number };
}

/** Typographic minus, as a person would write it. */
const num = (x: number): string => (x < 0 ? `−${-x}` : `${x}`);

export function formatRate(perDay: number): string {
  return `${Number(perDay.toFixed(perDay < 1 ? 2 : 1))}`;
}

/**
 * One line a person can check in their head, e.g.
 * `4.1/day × (21 lead + 7 review + 30 cover) = 238 + safety 35 − stock 80 − on order 40 = 153 → 12 per case → 156`.
 * The integers are the ones the engine used, so the arithmetic after the first `=` is exact.
 */
export function explain(f: ExplainFacts): string {
  const demand = `${formatRate(f.dailyDemand)}/day × (${f.leadTimeDays} lead + ${f.reviewPeriodDays} review + ${f.coverageDays} cover) = ${f.cycleDemand}`;
  const net = `+ safety ${f.safetyStock} − stock ${num(f.available)} − on order ${num(f.onOrder)} = ${num(f.netRequirement)}`;
  const steps: string[] = [];
  if (f.netRequirement <= 0) steps.push('no order');
  else if (f.hold) {
    steps.push(
      `no order yet: stock + on order ${num(f.hold.position)} ≥ reorder point ${f.hold.reorderPoint}`,
    );
  } else {
    if (f.moq > f.netRequirement) steps.push(`MOQ ${f.moq}`);
    if (f.packSize > 1) steps.push(`${f.packSize} per case`);
    if (steps.length > 0) steps.push(`${f.recommendedQuantity}`);
  }
  return [`${demand} ${net}`, ...steps].join(' → ');
}

export function explainWithoutForecast(available: number, onOrder: number): string {
  return `no forecast: stock ${num(available)}, on order ${num(onOrder)} — check the forecast before ordering`;
}
