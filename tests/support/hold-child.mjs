// Preloaded (NODE_OPTIONS=--import) by tests/e2e/child-process.test.ts: in the child that
// bin/policycoder.js re-launches, writes the child's pid to POLICYCODER_TEST_PID_FILE and keeps the
// child alive after its work, standing in for a long run, so the test can kill the parent meanwhile.
import { writeFileSync } from 'node:fs';

if (process.env.POLICYCODER_CHILD === '1' && process.env.POLICYCODER_TEST_PID_FILE) {
  writeFileSync(process.env.POLICYCODER_TEST_PID_FILE, String(process.pid));
  setInterval(() => {}, 1000);
}
