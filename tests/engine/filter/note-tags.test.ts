import { describe, expect, it } from 'vitest';
import { frontmatterTags, inlineTags, openReviewNote, resolveConfig, loadSettings, textFacets } from '../../../src/engine';

describe("a note's tags read from its text", () => {
	it('reads the frontmatter list or string', () => {
		expect(frontmatterTags(['k8s', '#infra/net', 2024])).toEqual(['k8s', 'infra/net']);
		expect(frontmatterTags('k8s, 쿠버네티스 infra')).toEqual(['k8s', '쿠버네티스', 'infra']);
		expect(frontmatterTags(null)).toEqual([]);
	});

	it('finds #tags in the body, not in code, headings, numbers or links', () => {
		const body = ['# Heading', 'Study #쿠버네티스 and #k8s/pods today.', 'Issue #2024 and http://x.org/#anchor', '`#inline-code`', '```', '#in-fence', '```', '#last'].join('\n');
		expect(inlineTags(body)).toEqual(['쿠버네티스', 'k8s/pods', 'last']);
	});

	it("gives a review note's subject and its tags from both places", () => {
		const config = (() => {
			const resolved = resolveConfig(loadSettings(undefined).settings);
			if (!resolved.ok) throw new Error('default settings');
			return resolved.config;
		})();
		const text = '---\n❕첫 학습날: 2024-10-01\n❕과목: 쿠버네티스\ntags:\n  - k8s\n---\nbody #infra\n';
		const opened = openReviewNote(text, config);
		if (opened.kind !== 'ok') throw new Error(opened.kind);
		expect(textFacets(text, opened, config)).toEqual({ subject: '쿠버네티스', tags: ['k8s', 'infra'] });
	});
});
