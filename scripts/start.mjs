// npm start: builds everything quietly (its output is shown only if the build fails), then starts
// the server with demo data on the embedded store; extra arguments go to `handoff-server start`.
import { spawn, spawnSync } from 'node:child_process';

const started = Date.now();
process.stdout.write('Building the server, the staff console and both extensions… ');
const build = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (build.status !== 0) {
  console.log('failed:\n');
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? String(build.error ?? ''));
  process.exit(build.status ?? 1);
}
console.log(`done in ${Math.round((Date.now() - started) / 1000)} s.\n`);

const server = spawn(process.execPath, ['server/bin/handoff-server.js', 'start', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches the server itself (same process group); forwarding it too would interrupt the
// server's orderly stop. So wait for it, and pass on only a SIGTERM sent to this process.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
