import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version in package.json, recorded in every manifest. */
export const PACKAGE_VERSION: string = (require('../package.json') as { version: string }).version;
