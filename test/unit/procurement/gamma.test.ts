import { describe, expect, it } from 'vitest';
import { gammaCdf, gammaQuantile } from '../../../src/core/procurement/gamma.js';

describe('gammaQuantile(mean, variance, p) against published values', () => {
  it.each([
    // name,                         mean, variance, p,    expected
    ['exponential θ=10, 95%', 10, 100, 0.95, 29.9573], // −10·ln 0.05
    ['χ²(4), 95%', 4, 8, 0.95, 9.4877],
    ['χ²(10), 95%', 10, 20, 0.95, 18.307],
    ['χ²(10), median', 10, 20, 0.5, 9.3418],
    ['shape 1000 ≈ normal + skew', 1000, 1000, 0.95, 1052.58],
    ['zero mean', 0, 5, 0.95, 0],
    ['zero variance', 7, 0, 0.95, 7],
  ])('%s', (_name, mean, variance, p, expected) => {
    expect(gammaQuantile(mean, variance, p)).toBeCloseTo(expected, 2);
  });

  it.each([
    [1, 2, 1 - Math.exp(-2)],
    [1, 0.1, 1 - Math.exp(-0.1)],
    [3, 0, 0],
  ])('gammaCdf(%d, %d) = %d', (shape, x, expected) => {
    expect(gammaCdf(shape, x)).toBeCloseTo(expected, 10);
  });
});
