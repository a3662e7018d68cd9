import { describe, expect, it } from 'vitest';
import { roundOrderQuantity } from '../../../src/core/procurement/order-quantity.js';

describe('roundOrderQuantity: whole cases, at least the MOQ', () => {
  it.each([
    // net, pack, moq, expected
    [153, 12, 1, 156],
    [156, 12, 1, 156],
    [157, 12, 1, 168],
    [153, 1, 1, 153],
    [10, 1, 50, 50],
    [10, 12, 50, 60],
    [80, 12, 50, 84],
    [0, 12, 50, 0],
    [-20, 12, 50, 0],
    [1, 24, 1, 24],
    [7, 0, 1, 7],
  ])('net %i, %i per case, MOQ %i → %i', (net, pack, moq, expected) => {
    expect(roundOrderQuantity(net, pack, moq)).toBe(expected);
  });
});
