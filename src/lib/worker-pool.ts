import { availableParallelism } from 'node:os';
import { type ResourceLimits, Worker } from 'node:worker_threads';

// A small pool of worker threads for CPU-bound batches (forecasting). Each task is one message;
// a worker that dies fails only its own task and is replaced.

export type WorkerPool<TIn, TOut> = {
  run(task: TIn): Promise<TOut>;
  readonly size: number;
  close(): Promise<void>;
};

type Pending<TOut> = { resolve: (v: TOut) => void; reject: (e: Error) => void };
type Slot<TIn, TOut> = { worker: Worker; busy?: { task: TIn } & Pending<TOut> };

/**
 * `script` is a module URL; a .ts script (running from sources) is loaded through tsx. `limits`
 * bound each worker's heap: a worker that would pass them dies (its task fails) instead of growing
 * the process.
 */
export function createWorkerPool<TIn, TOut>(
  script: URL,
  size = availableParallelism(),
  limits?: ResourceLimits,
): WorkerPool<TIn, TOut> {
  const execArgv = script.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const queue: ({ task: TIn } & Pending<TOut>)[] = [];
  const slots: Slot<TIn, TOut>[] = [];
  let closed = false;

  const spawn = (): Slot<TIn, TOut> => {
    const slot: Slot<TIn, TOut> = {
      worker: new Worker(script, { execArgv, ...(limits ? { resourceLimits: limits } : {}) }),
    };
    slot.worker.on('message', (out: TOut) => {
      const job = slot.busy;
      slot.busy = undefined;
      job?.resolve(out);
      pump();
    });
    slot.worker.on('error', (err) => {
      slot.busy?.reject(err);
      slot.busy = undefined;
    });
    slot.worker.on('exit', (code) => {
      slot.busy?.reject(new Error(`worker exited with code ${code}`));
      slot.busy = undefined;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    });
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const job = queue.shift();
      if (!job) return;
      slot.busy = job;
      slot.worker.postMessage(job.task);
    }
  };

  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());

  return {
    size: Math.max(1, size),
    run(task) {
      if (closed) return Promise.reject(new Error('worker pool is closed'));
      return new Promise<TOut>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('worker pool closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
