import { describe, expect, it, vi } from 'vitest';

let language = 'ko';
vi.mock('obsidian', async (importOriginal) => ({ ...(await importOriginal<object>()), getLanguage: () => language }));

const { t, useObsidianLanguage } = await import('../../src/plugin/i18n');

describe('UI language', () => {
	it("follows Obsidian's language, falling back to English", () => {
		language = 'ko';
		useObsidianLanguage();
		expect(t('command.mark-done')).toBe('복습 완료 표시');
		expect(t('notice.marked', { stage: '4일', next: '7일 복습' })).toBe('4일 복습을 완료로 표시했습니다. 다음: 7일 복습.');
		language = 'fr';
		useObsidianLanguage();
		expect(t('command.mark-done')).toBe('Mark review done');
		expect(t('stage.days', { days: 14 })).toBe('14-day');
	});
});
