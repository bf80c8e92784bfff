const w = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const out: unknown[] = [];
(window as unknown as { __bench: unknown[] }).__bench = out;
w.onmessage = (e) => out.push(e.data);
