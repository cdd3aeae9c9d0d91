// Prints every problem dockerfile-utils finds in the Dockerfiles given, as "file:line: message",
// and exits 1 when there is any. Warnings count: an image definition should have none.
import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';

let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const diagnostic of validate(readFileSync(file, 'utf8'))) {
    problems++;
    console.log(`${file}:${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  }
}
console.log(problems === 0 ? 'no problems' : `${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
