import { GlobalRegistrator } from '@happy-dom/global-registrator';

// Its own module, imported before anything that touches `document` when it loads.
GlobalRegistrator.register();
