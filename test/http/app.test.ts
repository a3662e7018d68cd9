import { afterAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../helpers/runtime.js';

const { runtime, lines } = await startTestRuntime();
const { app } = runtime;
app.get('/boom', async () => {
  throw new Error('database password is hunter2');
});
app.get('/teapot', async () => {
  throw Object.assign(new Error('Tea only'), { statusCode: 418, code: 'TEAPOT' });
});
afterAll(() => runtime.close());

describe('HTTP surface', () => {
  it('GET /healthz says the process is up', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database and the migrations', async () => {
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { database: true, migrations: true } });
  });

  it('GET /metrics returns Prometheus text with process metrics and request timings', async () => {
    await app.inject('/healthz');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it('GET /docs/json returns an OpenAPI 3 document that lists the routes', async () => {
    const res = await app.inject('/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
  });

  it('hides 5xx details from the caller and logs them', async () => {
    const res = await app.inject('/boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json()).toMatchObject({ error: 'INTERNAL' });
    expect(lines.some((l) => l.includes('request failed') && l.includes('hunter2'))).toBe(true);
  });

  it('passes 4xx messages through with their code', async () => {
    expect((await app.inject('/teapot')).json()).toEqual({ error: 'TEAPOT', message: 'Tea only' });
    const missing = await app.inject('/nowhere?x=1');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'NOT_FOUND', message: 'No route for GET /nowhere' });
  });

  it('reports not ready when the database is gone', async () => {
    const { runtime: other } = await startTestRuntime();
    await other.database.close();
    const res = await other.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.database).toBe(false);
    await other.app.close();
  });
});
