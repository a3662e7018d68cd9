import type { FastifyPluginAsync } from 'fastify';
import { JOB_NAMES, type JobName, localClock } from '../../../jobs/table.js';
import { ValidationError } from '../../../lib/errors.js';
import { requireCompany } from '../../plugins/api-auth.js';
import type { ApiDeps } from './index.js';
import { companyOr404, companyParams } from './params.js';

export const jobRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  app.post<{ Params: { id: string; job: string } }>(
    '/companies/:id/jobs/:job',
    {
      schema: {
        summary: `Start a job now (${JOB_NAMES.join(', ')}); it runs in the background and is recorded in job_runs`,
        tags: ['jobs'],
        security: [{ bearer: [] }],
        params: {
          type: 'object',
          required: ['id', 'job'],
          properties: { id: companyParams.properties.id, job: { type: 'string' } },
        },
      },
    },
    async (req, reply) => {
      const company = await companyOr404(deps.companies, req.params.id, req);
      requireCompany(req, company, 'write');
      const job = req.params.job as JobName;
      if (!JOB_NAMES.includes(job)) throw new ValidationError(`job: expected one of ${JOB_NAMES.join(', ')}`);
      const runDate = localClock(company.timezone, new Date()).date;
      void deps.runJob(company, job, runDate, 'api');
      reply.code(202);
      return { status: 'started', job, runDate };
    },
  );
};
