/** Reading and writing a note's frontmatter byte for byte: the block, the YAML reader and its budget, the splicer and its verification, keys, refusals. The feature's one door: other features import only what is named here. */
export { readFlatFrontmatter, type FlatFrontmatter } from './flat-frontmatter';
export { findFrontmatter, type FrontmatterBlock } from './frontmatter-block';
export { planUpdates, readBackProblem, verifyWrite, type FieldUpdate } from './frontmatter-writer';
export { findPair, listOrPlainValue, parseFrontmatter, plainValue } from './frontmatter-yaml';
export { canonicalKey, frontmatterLookup, lookupKey } from './keys';
export { READ_BUDGET, overBudget } from './read-budget';
export { describedValue, refusal, settingsProblem, unreadable, type ProblemParams, type Refusal, type RefusalCode, type SettingsProblem, type SettingsProblemCode, type UnsafeWhy, type ValueKind } from './refusal';
export { applyEdits, type TextEdit } from './text-edits';
export { decodeNote, firstInvalidByte } from './utf8';
export { keySource, scalarSource, type ScalarValue } from './yaml-scalar';
