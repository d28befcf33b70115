// Worker-thread entry: registers tsx (the worker is TypeScript) and loads it.
require('tsx/cjs');
require('./heapWorker.ts');
