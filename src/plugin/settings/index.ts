/** The settings tab and data.json's loading. The feature's one door: other features import only what is named here. */
export { keepDamagedCopy, loadPluginData, pluginFolder } from './plugin-data';
export { ForgettingCurveSettingTab, type SettingsHost } from './settings-tab';
export { useObsidianLanguage } from './obsidian-language';
