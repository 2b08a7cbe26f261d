import { type App, normalizePath, Notice } from 'obsidian';
import { type HistoryEntry, historyLine, type Journals, localTimestamp, readJournals, type ReviewAction } from '../../engine';
import { t } from '../../locale';

/** This device's id, in the vault's local storage: never synced, so each device writes its own file. */
const DEVICE_ID_KEY = 'forgetting-curve-device-id';

/**
 * The review journal: `<plugin folder>/history/<device id>.jsonl`, one line appended per mark done,
 * undo, snooze, start and rename. Appends go one at a time, in order; a failed append is told once
 * and never stops the action that caused it. Reading merges every device's file; a broken line is
 * skipped and told once per file.
 */
export class ReviewHistory {
	private readonly folder: string;
	private writing: Promise<void> = Promise.resolve();
	private folderReady = false;
	/** Whether this device's file was looked at for a cut last line, once per session. */
	private fileChecked = false;
	private failureShown = false;
	private readonly reportedBroken = new Map<string, number>();
	private readonly appendedListeners = new Set<() => void>();

	constructor(
		private readonly app: App,
		pluginFolder: string,
		private readonly now: () => Date,
	) {
		this.folder = normalizePath(`${pluginFolder}/history`);
	}

	/** This device's journal file. */
	get file(): string {
		return `${this.folder}/${this.deviceId()}.jsonl`;
	}

	review(action: ReviewAction, path: string, stage: number | string, due: string): Promise<void> {
		return this.append({ at: localTimestamp(this.now()), path, stage, due, action });
	}

	renamed(from: string, path: string): Promise<void> {
		return this.append({ at: localTimestamp(this.now()), action: 'rename', from, path });
	}

	/** Called after each of this device's appends; returns the unsubscribe. */
	onAppended(listener: () => void): () => void {
		this.appendedListeners.add(listener);
		return () => this.appendedListeners.delete(listener);
	}

	/** Resolves once every append asked for so far is on disk (or has failed). */
	flushed(): Promise<void> {
		return this.writing;
	}

	/** Every device's journal (journal.ts). */
	/** Every device's journal text, by device id (this device's appends written first). */
	async readTexts(): Promise<Map<string, string>> {
		await this.flushed();
		const adapter = this.app.vault.adapter;
		const texts = new Map<string, string>();
		if (await adapter.exists(this.folder)) {
			const listing = await adapter.list(this.folder);
			for (const file of listing.files.filter((f) => f.endsWith('.jsonl'))) {
				texts.set(file.slice(file.lastIndexOf('/') + 1, -'.jsonl'.length), await adapter.read(file));
			}
		}
		return texts;
	}

	/** Every device's journal in columns; `texts` when the caller has read them already (readTexts). */
	async readAll(texts?: Map<string, string>): Promise<Journals> {
		const journals = readJournals(texts ?? (await this.readTexts()));
		for (const device of journals.devices) {
			const broken = device.brokenLines.length;
			// Told once per file and count: a second look at the same file stays quiet.
			if (broken > 0 && this.reportedBroken.get(device.id) !== broken) {
				this.reportedBroken.set(device.id, broken);
				new Notice(t('notice.history-broken', { count: broken, file: `${device.id}.jsonl` }));
			}
		}
		return journals;
	}

	private append(entry: HistoryEntry): Promise<void> {
		const line = historyLine(entry);
		this.writing = this.writing.then(async () => {
			try {
				const adapter = this.app.vault.adapter;
				if (!this.folderReady) {
					if (!(await adapter.exists(this.folder))) await adapter.mkdir(this.folder);
					this.folderReady = true;
				}
				// A file cut mid-line (a crash, a sync that stopped halfway) would swallow the new line
				// into the broken one: the first append of a session starts on a line of its own.
				const cut = !this.fileChecked && (await this.endsMidLine(this.file));
				this.fileChecked = true;
				await adapter.append(this.file, cut ? `\n${line}` : line);
				for (const listener of this.appendedListeners) listener();
			} catch (e) {
				if (!this.failureShown) new Notice(t('notice.history-failed', { reason: (e as Error).message }));
				this.failureShown = true;
			}
		});
		return this.writing;
	}

	private async endsMidLine(file: string): Promise<boolean> {
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(file))) return false;
		const text = await adapter.read(file);
		return text.length > 0 && !text.endsWith('\n');
	}

	private deviceId(): string {
		const stored: unknown = this.app.loadLocalStorage(DEVICE_ID_KEY);
		if (typeof stored === 'string' && /^[\w-]{6,64}$/.test(stored)) return stored;
		const id = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
		this.app.saveLocalStorage(DEVICE_ID_KEY, id);
		return id;
	}
}
