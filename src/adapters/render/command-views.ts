// View models of the chat commands (bots/commands builds them): /stock, /runway, /orders, /help.

import type { Category, PoStatus } from '../../ports.js';

/** /stock with one product found. */
export type StockView = {
  sellerSku: string;
  name: string;
  barcodes: string[];
  wbNmId: number | null;
  ozonSku: number | null;
  ozonOfferId: string | null;
  stock: number;
  stockTakenAt: string | null;
  unitsLast30Days: number;
  timezone: string;
  recommendation: {
    category: Category;
    runwayDays: number | null;
    stockOutDate: string | null;
    recommendedQty: number;
    reasons: string[];
  } | null;
};

/** /stock without a single answer: several matches, "did you mean", or nothing like it. */
export type StockChoicesView = {
  query: string;
  mode: 'several' | 'did-you-mean' | 'nothing';
  choices: { sellerSku: string; name: string; stock: number }[];
  /** How many matched in all (several), when more than are listed. */
  moreCount: number;
};

export type RunwayView = {
  runDate: string | null;
  lines: {
    sellerSku: string;
    name: string;
    runwayDays: number | null;
    stockOutDate: string | null;
    category: Category;
  }[];
};

export type OrdersView = {
  orders: {
    number: number;
    supplierName: string | null;
    status: PoStatus;
    expectedAt: string | null;
    totalUnits: number;
    lineCount: number;
  }[];
  moreCount: number;
};

export type HelpView = {
  /** Whether this chat is linked to a company yet (otherwise help explains how). */
  linked: boolean;
};

/** A short plain message: a refusal, a parse error, a confirmation. */
export type NoticeView = { message: string };
