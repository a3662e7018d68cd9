import type { ProcurementInput } from './input.js';

export interface LeadTime {
  days: number;
  source: 'product' | 'supplier' | 'default';
}

const usable = (days: number | null | undefined): days is number =>
  typeof days === 'number' && Number.isFinite(days) && days >= 0;

/** The most specific known lead time: product, then supplier, then the company default. */
export function resolveLeadTime(leadTime: ProcurementInput['leadTime']): LeadTime {
  if (usable(leadTime.productDays)) return { days: Math.round(leadTime.productDays), source: 'product' };
  if (usable(leadTime.supplierDays)) return { days: Math.round(leadTime.supplierDays), source: 'supplier' };
  return { days: Math.max(0, Math.round(leadTime.defaultDays)), source: 'default' };
}
