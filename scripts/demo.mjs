// `npm start`: builds the plugin, writes demo-vault/ (the seed note plus a dozen generated notes at every
// stage, one overdue and one malformed), installs the plugin into it, then runs the CLI's recompute and
// due (and calendar) on it and prints what they say. Open demo-vault/ in Obsidian to see the plugin.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const root = join(import.meta.dirname, '..');
const vault = join(root, 'demo-vault');
const configFolder = join(vault, '.obsidian');
const pluginFolder = join(configFolder, 'plugins', 'forgetting-curve');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(title) {
	process.stdout.write(`\n== ${title}\n`);
}

step('Building the plugin and the CLI');
execFileSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['esbuild.config.mjs', 'cli'], { cwd: root, stdio: 'inherit' });

step('Writing demo-vault/');
rmSync(vault, { recursive: true, force: true });
mkdirSync(join(vault, 'Reviews'), { recursive: true });
copyFileSync(join(root, 'tests', 'fixtures', 'seed-note.md'), join(vault, 'Argo CD.md'));

const pad = (n) => String(n).padStart(2, '0');
const isoDaysAgo = (days) => {
	const d = new Date();
	d.setDate(d.getDate() - days);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const CHECKBOXES = ['❤1일복습여부', '🧡4일복습여부', '💛7일복습여부', '💚14일복습여부', '🧠장기기억'];
// [title, days since first study, how many stages are done]
const NOTES = [
	['Kubernetes 파드', 0, 0],
	['Docker 네트워크', 1, 0],
	['Helm 차트', 3, 1],
	['Terraform 상태', 4, 1],
	['Prometheus 쿼리', 6, 2],
	['Istio 트래픽', 7, 2],
	['Kafka 파티션', 10, 3],
	['Redis 복제', 14, 3],
	['Linux 권한', 25, 4],
	['Git 리베이스', 30, 4],
	['TCP 혼잡 제어', 40, 5],
	['OAuth 흐름 (overdue)', 9, 1],
];
for (const [title, daysAgo, done] of NOTES) {
	const boxes = CHECKBOXES.map((key, i) => `${key}: ${i < done ? 'true' : 'false'}`);
	const text = ['---', `❕첫 학습날: ${isoDaysAgo(daysAgo)}`, `❕과목: ${title.split(' ')[0]}`, ...boxes, '---', `# ${title}`, '', '복습할 내용을 여기에 적습니다.', ''];
	writeFileSync(join(vault, 'Reviews', `${title}.md`), text.join('\n'));
}
writeFileSync(join(vault, 'Reviews', 'Malformed (duplicate key).md'), `---\n❕첫 학습날: ${isoDaysAgo(2)}\n❕과목: A\n❕과목: B\n---\nThis note has a duplicate key; Forgetting Curve refuses to touch it.\n`);

step('Installing the plugin into demo-vault/.obsidian/plugins/forgetting-curve/');
mkdirSync(pluginFolder, { recursive: true });
for (const file of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(join(root, file), join(pluginFolder, file));
const settings = { preset: 'ko-template', rateFormula: 'template' };
writeFileSync(join(pluginFolder, 'data.json'), `${JSON.stringify(settings, null, 2)}\n`);
writeFileSync(join(configFolder, 'community-plugins.json'), '["forgetting-curve"]\n');
const manifest = JSON.parse(readFileSync(join(pluginFolder, 'manifest.json'), 'utf8'));
process.stdout.write(`${manifest.name} ${manifest.version} installed; settings: ${JSON.stringify(settings)}\n`);

const cli = (...args) => spawnSync(process.execPath, [join(root, 'build', 'cli.cjs'), ...args, '--settings', join(pluginFolder, 'data.json')], { encoding: 'utf8' });

step('npm run cli -- recompute demo-vault');
const recompute = cli('recompute', vault);
process.stdout.write(recompute.stdout + recompute.stderr);
process.stdout.write(`(exit ${recompute.status}: 1 means some notes were refused, as the malformed one must be)\n`);

step('npm run cli -- due demo-vault');
const due = cli('due', vault);
process.stdout.write(due.stdout + due.stderr);

step('npm run cli -- calendar demo-vault --out "demo-vault/Forgetting Curve.ics"');
const calendar = cli('calendar', vault, '--out', join(vault, 'Forgetting Curve.ics'));
process.stdout.write(calendar.stdout + calendar.stderr);

process.stdout.write('\nOpen demo-vault/ as a vault in Obsidian to try the plugin.\n');
