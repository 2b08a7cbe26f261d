import { describe, expect, it, vi } from 'vitest';

let language = 'ko';
vi.mock('obsidian', async (importOriginal) => ({ ...(await importOriginal<object>()), getLanguage: () => language }));

const { stageText, t } = await import('../../src/locale');
const { useObsidianLanguage } = await import('../../src/plugin/settings');

describe('UI language', () => {
	it("follows Obsidian's language, falling back to English", () => {
		language = 'ko';
		useObsidianLanguage();
		expect(t('command.mark-done')).toBe('복습 완료 표시');
		expect(t('notice.marked', { stage: '4일', next: '7일 복습' })).toBe('4일 복습을 완료로 표시했습니다. 다음: 7일 복습.');
		expect(['badge', 'name', 'review'].map((form) => stageText({ id: 'long-term', days: 30 }, form as 'badge'))).toEqual(['장기', '장기기억', '장기기억 복습']);
		language = 'fr';
		useObsidianLanguage();
		expect(t('command.mark-done')).toBe('Mark review done');
		expect(stageText({ id: '14', days: 14 }, 'name')).toBe('14-day');
	});
});

describe('stages in words', () => {
	it('has one formatter for badges, names and reviews, in English and Korean', async () => {
		const { formatStage } = await import('../../src/locale');
		const four = { id: '4', days: 4 };
		const longTerm = { id: 'long-term', days: 30 };
		expect(['badge', 'name', 'review'].map((form) => formatStage(four, form as 'badge', 'en'))).toEqual(['4d', '4-day', '4-day review']);
		expect(['badge', 'name', 'review'].map((form) => formatStage(longTerm, form as 'badge', 'en'))).toEqual(['long-term', 'long-term', 'long-term review']);
		expect(['badge', 'name', 'review'].map((form) => formatStage(four, form as 'badge', 'ko'))).toEqual(['4일', '4일', '4일 복습']);
	});
});
