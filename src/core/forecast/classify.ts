import type { DemandClass } from './types.js';

/** Syntetos–Boylan cut-offs. */
const ADI_CUT = 1.32;
const CV2_CUT = 0.49;

export interface Classification {
  demandClass: DemandClass;
  /** Average inter-demand interval (trading days per selling day). */
  adi: number;
  /** Squared coefficient of variation of the nonzero sizes. */
  cv2: number;
}

/** ADI / CV² classification of the weekday-adjusted trading days (closed weekdays would inflate ADI). */
export function classify(z: Float64Array): Classification {
  let nz = 0;
  let s = 0;
  let s2 = 0;
  for (const v of z) {
    if (v > 0) {
      nz++;
      s += v;
      s2 += v * v;
    }
  }
  if (nz === 0) return { demandClass: 'zero', adi: Number.POSITIVE_INFINITY, cv2: 0 };
  const adi = z.length / nz;
  const mean = s / nz;
  const cv2 = Math.max(0, s2 / nz - mean * mean) / (mean * mean);
  const frequent = adi < ADI_CUT;
  const stable = cv2 < CV2_CUT;
  const demandClass: DemandClass = frequent
    ? stable
      ? 'smooth'
      : 'erratic'
    : stable
      ? 'intermittent'
      : 'lumpy';
  return { demandClass, adi, cv2 };
}
