import { describe, expect, it } from 'vitest';
import { classifyQuery, type IdentifierKind } from '../../../bots/commands/classify-query.js';
import { closestMatches, similarity } from '../../../bots/commands/closest-matches.js';

describe('classifyQuery', () => {
  it.each<[string, IdentifierKind[]]>([
    ['4601234567890', ['barcode', 'sellerSku', 'ozonOfferId']],
    ['012345678905', ['barcode', 'sellerSku', 'ozonOfferId']],
    ['14601234567897', ['barcode', 'sellerSku', 'ozonOfferId']],
    ['12345678', ['wbNmId', 'ozonSku', 'barcode', 'sellerSku', 'ozonOfferId']],
    ['123456789', ['wbNmId', 'ozonSku', 'sellerSku', 'ozonOfferId']],
    ['1234567890', ['wbNmId', 'ozonSku', 'sellerSku', 'ozonOfferId']],
    ['42', ['wbNmId', 'ozonSku', 'sellerSku', 'ozonOfferId']],
    ['1234567890123456', ['sellerSku', 'ozonOfferId']],
    ['SKU-42', ['sellerSku', 'ozonOfferId']],
    ['mug-blue-350', ['sellerSku', 'ozonOfferId']],
    ['  460123  ', ['wbNmId', 'ozonSku', 'sellerSku', 'ozonOfferId']],
    ['', []],
  ])('%j → %j', (query, kinds) => {
    expect(classifyQuery(query)).toEqual(kinds);
  });
});

describe('closestMatches', () => {
  const skus = ['SKU-42', 'SKU-43', 'SKU-142', 'PLATE-1', 'Кружка-синяя', 'BOWL-XL'];

  it.each<[string, number, string[]]>([
    ['SKU42', 2, ['SKU-42', 'SKU-142']],
    ['sku-24', 1, ['SKU-42']],
    ['plate1', 3, ['PLATE-1']],
    ['кружка', 3, ['Кружка-синяя']],
    ['zzzzzz', 3, []],
    ['', 3, []],
    ['SKU-42', 0, []],
  ])('%j (k=%i) → %j', (query, k, expected) => {
    expect(closestMatches(query, skus, k).map((m) => m.value)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['SKU-42', 'SKU-42', 1],
    ['SKU-42', 'sku 42', 1],
    ['abc', 'xyz', 0],
  ])('similarity(%j, %j) = %d', (a, b, score) => {
    expect(similarity(a, b)).toBe(score);
  });

  it('stays fast over a large catalogue', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `SKU-${i}`);
    const started = performance.now();
    expect(closestMatches('SKU-4242', many, 5)[0]?.value).toBe('SKU-4242');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
