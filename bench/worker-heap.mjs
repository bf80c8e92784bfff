// Reads the JS heap of the page's bench worker over the DevTools protocol (performance.memory
// does not exist in workers; measureUserAgentSpecificMemory needs cross-origin isolation).

/** Call before page.goto. `usedSize()` resolves to the bench worker's used heap in bytes, or null. */
export async function workerHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map();
  const pending = new Map();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', (e) => e.targetInfo.type === 'worker' && workers.set(e.sessionId, e.targetInfo.url));
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const call = (sessionId, method) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(null));
    });
  return {
    async usedSize() {
      for (const [sessionId, url] of workers) {
        if (!url.includes('bench.worker')) continue;
        const r = await call(sessionId, 'Runtime.getHeapUsage');
        if (r?.result) return r.result.usedSize;
      }
      return null;
    },
  };
}
