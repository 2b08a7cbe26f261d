import type { StageId } from '../schedule';

/** One computed frontmatter field: its key and the template that renders its value. */
export interface FieldSpec {
	key: string;
	template: string;
	/** "number" writes a numeric result as a YAML number (e.g. 26); default "text" writes a string. */
	type?: 'text' | 'number';
}

/**
 * A preset is data: the input keys a note carries (first-study date, one checkbox per stage), the
 * computed fields in the order they are written, and the date locale.
 */
export interface Preset {
	id: string;
	name: string;
	locale: string;
	firstStudyKey: string;
	checkboxKeys: Record<StageId, string>;
	/** The learner's own key naming the note's subject, shown in the due list; not computed. */
	subjectKey?: string;
	fields: FieldSpec[];
}

const KO_DATE = "'@'yyyy'년' M'월' d'일'";

/** Our first users' Notion template, exactly as `tests/fixtures/seed-note.md` keeps it. */
const KO_TEMPLATE: Preset = {
	id: 'ko-template',
	name: '한국어 (Notion template)',
	locale: 'ko',
	firstStudyKey: '❕첫 학습날',
	subjectKey: '❕과목',
	checkboxKeys: {
		'1': '❤1일복습여부',
		'4': '🧡4일복습여부',
		'7': '💛7일복습여부',
		'14': '💚14일복습여부',
		'long-term': '🧠장기기억',
	},
	fields: [
		{ key: '🛑첫날', template: '✍첫날 : {{first|yyyy/MM/dd}}' },
		{ key: '🛑오늘', template: '⏰오늘 : {{today|yyyy/MM/dd}}' },
		{ key: '🛑첫학습후 몇일째?', template: '첫 학습 후 ❤{{days}}일째❤' },
		{ key: '🛑4일후', template: '🥉4일뒤 : {{due:4|yyyy/MM/dd}}' },
		{ key: '🛑7일후', template: '🥈7일뒤 : {{due:7|yyyy/MM/dd}}' },
		{ key: '🛑14일후', template: '🥇14일뒤 : {{due:14|yyyy/MM/dd}}' },
		{ key: '4일후', template: `{{due:4|${KO_DATE}}}` },
		{ key: '4일후(text)', template: '{{due:4|yyyy/MM/dd}}' },
		{ key: '7일후', template: `{{due:7|${KO_DATE}}}` },
		{ key: '7일후(text)', template: '{{due:7|yyyy/MM/dd}}' },
		{ key: '14일후', template: `{{due:14|${KO_DATE}}}` },
		{ key: '14일후(text)', template: '{{due:14|yyyy/MM/dd}}' },
		{ key: '오늘1', template: `{{now|${KO_DATE} a h:mm}}` },
		{ key: '오늘2', template: '{{today|yyyy/MM/dd}}' },
		{ key: '첫학습날text', template: '{{first|yyyy/MM/dd}}' },
		{ key: '오늘과 첫학습날 사이', template: '{{days}}' },
		{ key: '사이', template: '{{days}}' },
		{ key: '1일차복습여부1,0', template: '{{done:1}}' },
		{ key: '4일차복습여부1,0', template: '{{done:4}}' },
		{ key: '7일차복습여부1,0', template: '{{done:7}}' },
		{ key: '장기기억저장여부1,0', template: '{{done:long-term}}' },
		{ key: '학습률', template: '{{rate}}' },
		{ key: '진행바', template: '{{bar}}' },
	],
};

/** English keys and ISO dates, so Obsidian's Properties and Dataview read the dates as dates. */
const EN: Preset = {
	id: 'en',
	name: 'English',
	locale: 'en-US',
	firstStudyKey: 'first study',
	subjectKey: 'subject',
	checkboxKeys: {
		'1': 'review 1d done',
		'4': 'review 4d done',
		'7': 'review 7d done',
		'14': 'review 14d done',
		'long-term': 'long-term memory',
	},
	fields: [
		{ key: 'review 1d', template: '{{due:1}}' },
		{ key: 'review 4d', template: '{{due:4}}' },
		{ key: 'review 7d', template: '{{due:7}}' },
		{ key: 'review 14d', template: '{{due:14}}' },
		{ key: 'long-term review', template: '{{due:long-term}}' },
		{ key: 'next review', template: '{{next}}' },
		{ key: 'days since first study', template: '{{days}}', type: 'number' },
		{ key: 'learning rate', template: '{{rate}}', type: 'number' },
		{ key: 'progress', template: '{{bar}}' },
	],
};

export const PRESETS: Record<string, Preset> = { [KO_TEMPLATE.id]: KO_TEMPLATE, [EN.id]: EN };

export const DEFAULT_PRESET_ID = KO_TEMPLATE.id;
