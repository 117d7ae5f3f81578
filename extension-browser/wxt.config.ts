import { defineConfig } from 'wxt';
import { allOptionalOrigins } from './src/crm/origins';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  zip: { artifactTemplate: 'handoff-{{version}}-{{browser}}.zip', sourcesTemplate: 'handoff-{{version}}-sources.zip' },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The e2e build is granted up front what an agent grants with a click (a site, or screenshots via the
    // toolbar's activeTab), because a test can click neither Chrome's permission prompt nor its toolbar.
    host_permissions: mode === 'e2e' ? ['<all_urls>'] : [],
    optional_host_permissions: [...allOptionalOrigins(), '<all_urls>'],
    action: { default_title: '__MSG_openPanel__' },
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+H' } } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+H' } } }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'handoff@handoff.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
