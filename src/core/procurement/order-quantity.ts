/** Units to order for a net requirement: nothing when covered, else at least the MOQ, in whole
 * cases (the MOQ itself is rounded up to whole cases too, since a supplier ships cases). */
export function roundOrderQuantity(net: number, packSize = 1, moq = 1): number {
  if (net <= 0) return 0;
  const pack = Math.max(1, Math.round(packSize));
  return Math.ceil(Math.max(net, moq) / pack) * pack;
}
