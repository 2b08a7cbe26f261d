import { Plugin } from 'obsidian';
import { loadSettings, type ForgettingCurveSettings } from './engine';

export default class ForgettingCurvePlugin extends Plugin {
	override settings: ForgettingCurveSettings = loadSettings(undefined).settings;

	override async onload(): Promise<void> {
		this.settings = loadSettings(await this.loadData()).settings;
	}
}
