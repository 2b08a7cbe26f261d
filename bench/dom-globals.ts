import './register-dom';
import { setup } from 'obsidian-test-mocks/setup';

// A DOM for the plugin-side figures (onload, view rendering), then Obsidian's DOM helpers on top.
// Imported first by the benchmark so the globals exist before any mock module runs.
setup();
