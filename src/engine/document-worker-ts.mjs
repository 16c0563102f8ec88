// Runs document-worker.ts in a worker thread where the TypeScript sources are used (tests, or a
// run without dist/): worker threads do not inherit tsx's loader, so it is registered here.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./document-worker.ts', import.meta.url);
export default worker.default;
