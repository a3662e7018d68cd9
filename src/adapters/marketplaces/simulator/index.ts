export { DEMO_EMULATOR_OPTIONS, startDemoMarketplaces } from './demo.js';
export type { EmulatorTokens, MarketplaceEmulator, MarketplaceEmulatorOptions } from './emulator.js';
export { startMarketplaceEmulator } from './emulator.js';
export type { FaultOptions } from './faults.js';
export type { EmulatorTruth } from './truth.js';
