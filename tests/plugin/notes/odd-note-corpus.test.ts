// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { clockAt, recompute, type Refusal } from '../../../src/engine';
import { problemText, t } from '../../../src/locale';
import { configWith } from '../../helpers';
import { CORPUS_NOW, CORPUS_SETTINGS, familiesOf, textCases, type TextCase } from '../../support/odd-note-corpus';
import { advance, fakeClockEachTest, loadPlugin, openInEditor, settle } from '../harness';

/**
 * The odd-note corpus (tests/support/odd-note-corpus.ts) through the plugin's writer, both ways it
 * writes: Vault.process for a note opened without an editor, and a real CodeMirror 6 editor for a note
 * shown in one (the automatic write, caret at 0 as Obsidian opens a note). Every update lands byte for
 * byte, a refusal writes nothing and tells the learner the right reason, a foreign note is left alone.
 * The byte-level cases (not UTF-8) and the file system's (links, read-only) are the CLI's: the plugin's
 * guard against lossy decoding has its own tests (commands.test.ts).
 */
const CASES = textCases();
const CONFIG = configWith(CORPUS_SETTINGS);
const withLf = (text: string) => text.replace(/\r\n?/g, '\n');
const pathOf = (i: number) => `corpus/n${String(i).padStart(3, '0')}.md`;
/** The refusal the engine gives, so the test can check the notice says that reason in the learner's words. */
const refusalOf = (c: TextCase): Refusal | null => {
	const result = recompute(c.input, CONFIG, clockAt(CORPUS_NOW));
	return result.kind === 'refused' ? result.refusal : null;
};

fakeClockEachTest(CORPUS_NOW);

/** The plugin loaded, then the corpus created in its vault (the mock's own YAML parser throws on some cases: the harness makes it shrug, as Obsidian's does). */
async function withCorpus() {
	const h = await loadPlugin({}, CORPUS_SETTINGS);
	// The mock's metadata parser checks keys for uniqueness pair by pair: 40,000 keys take it half a
	// minute. Obsidian's own cache is not what this test is about; big notes skip it.
	const cache = h.app.metadataCache as unknown as { parseFileMetadata: (this: void, file: { path: string }) => void };
	const spy = vi.mocked(cache.parseFileMetadata);
	const shrugging = spy.getMockImplementation();
	const sizes = new Map(CASES.map((c, i) => [pathOf(i), c.input.length]));
	spy.mockImplementation((file) => {
		if ((sizes.get(file.path) ?? 0) < 64 * 1024) shrugging?.(file);
	});
	// The mock's YAML library prints a warning for the corpus's custom tag (`!mine`) at every parse.
	vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
	await h.app.vault.createFolder('corpus');
	for (const [i, c] of CASES.entries()) await h.app.vault.create(pathOf(i), c.input);
	await settle();
	return h;
}

describe('the odd-note corpus through the plugin\'s writer', () => {
	it(`writes ${CASES.length} notes of ${familiesOf(CASES).size} families through Vault.process as the corpus expects, and a second open writes nothing`, async () => {
		const h = await withCorpus();
		for (let i = 0; i < CASES.length; i++) {
			h.app.workspace.trigger('file-open', h.file(pathOf(i)));
			await settle();
		}
		await advance(1000);
		const wrong: string[] = [];
		const written = new Set(h.writes.map((w) => w.path));
		for (const [i, c] of CASES.entries()) {
			const path = pathOf(i);
			const now = await h.read(path);
			const e = c.expect;
			if (e.kind === 'update' && now !== e.text) wrong.push(`${c.name}: not the expected update`);
			if (e.kind !== 'update' && (now !== c.input || written.has(path))) wrong.push(`${c.name}: written`);
			const notice = h.notices.find((n) => n.includes(`"${path}"`));
			if (e.kind === 'refused') {
				const refusal = refusalOf(c);
				if (refusal?.code !== e.code) wrong.push(`${c.name}: the engine says ${refusal?.code}, the corpus ${e.code}`);
				else if (notice !== t('notice.refused', { path, reason: problemText(refusal) })) wrong.push(`${c.name}: notice ${notice}`);
			} else if (notice) wrong.push(`${c.name}: unexpected notice ${notice}`);
		}
		expect(wrong).toEqual([]);

		const writes = h.writes.length;
		for (let i = 0; i < CASES.length; i++) h.app.workspace.trigger('file-open', h.file(pathOf(i)));
		await advance(1000);
		expect(h.writes.length).toBe(writes);
	}, 120_000);

	it('writes the same notes through a real CodeMirror editor (automatic write, out of undo), and refuses the same ones', async () => {
		const picked = CASES.map((c, i) => ({ c, path: pathOf(i) }));
		const h = await withCorpus();
		const wrong: string[] = [];
		for (const { c, path } of picked) {
			// Each note opened at the golden's minute (오늘1 holds the time of day).
			vi.setSystemTime(CORPUS_NOW);
			const open = await openInEditor(h, path);
			const shown = open.editor.getValue();
			await advance(1000, 250);
			const now = open.editor.getValue();
			const e = c.expect;
			// CodeMirror shows a note with LF line breaks whatever the file holds, as Obsidian's editor does.
			if (e.kind === 'update' && now !== withLf(e.text)) wrong.push(`${c.name}: not the expected update`);
			if (e.kind !== 'update' && now !== shown) wrong.push(`${c.name}: written`);
			if (open.editor.changes.some((change) => change.addedToHistory)) wrong.push(`${c.name}: in the undo history`);
			open.view.containerEl.remove();
		}
		expect(wrong).toEqual([]);
	}, 120_000);
});
