import type { FastifyPluginAsync } from 'fastify';
import { toCsv } from '../../../lib/csv.js';
import type { Category, RecommendationView } from '../../../ports.js';
import { requireCompany } from '../../plugins/api-auth.js';
import type { ApiDeps } from './index.js';
import { companyOr404, companyParams, DATE } from './params.js';

const CATEGORIES: readonly Category[] = ['ORDER_TODAY', 'ALREADY_ORDERED', 'ATTENTION_REQUIRED', 'NORMAL'];
const COLUMNS: readonly (keyof RecommendationView)[] = [
  'sellerSku',
  'name',
  'category',
  'reasons',
  'availableStock',
  'inTransit',
  'onOrder',
  'dailyDemand',
  'runwayDays',
  'stockOutDate',
  'orderByDate',
  'leadTimeDays',
  'safetyStock',
  'reorderPoint',
  'recommendedQty',
  'supplierName',
  'explanation',
];

export const recommendationRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  app.get<{
    Params: { id: string };
    Querystring: { date?: string; category?: string; format?: 'json' | 'csv' };
  }>(
    '/companies/:id/recommendations',
    {
      schema: {
        summary: "A day's recommendations (latest day by default), filtered by category; CSV with format=csv",
        tags: ['procurement'],
        security: [{ bearer: [] }],
        params: companyParams,
        querystring: {
          type: 'object',
          properties: {
            date: DATE,
            category: { type: 'string', description: `comma-separated: ${CATEGORIES.join(', ')}` },
            format: { type: 'string', enum: ['json', 'csv'] },
          },
        },
      },
    },
    async (req, reply) => {
      const company = await companyOr404(deps.companies, req.params.id, req);
      requireCompany(req, company);
      const categories = req.query.category?.split(',').map((c) => c.trim().toUpperCase()) ?? [];
      const unknown = categories.filter((c) => !CATEGORIES.includes(c as Category));
      if (unknown.length > 0) {
        return reply.code(400).send({
          error: 'VALIDATION_FAILED',
          message: `category: unknown ${unknown.join(', ')}; expected some of ${CATEGORIES.join(', ')}`,
        });
      }
      const date = req.query.date ?? (await deps.recommendations.latestRunDate(company.id));
      const rows = date
        ? await deps.recommendations.list(company.id, date, { categories: categories as Category[] })
        : [];
      if (req.query.format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="recommendations-${company.slug}-${date ?? 'none'}.csv"`,
        );
        return toCsv(
          COLUMNS.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)),
          rows.map((r) => COLUMNS.map((c) => r[c])),
        );
      }
      return { companyId: company.id, date: date ?? null, count: rows.length, recommendations: rows };
    },
  );
};
