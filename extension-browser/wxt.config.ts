import { defineConfig } from 'wxt';
import { allOptionalOrigins } from './src/crm/origins';

// `--mode e2e` builds the variant the real-browser tests load: it is granted the local fixture
// server's origin up front, because a test cannot click Chrome's permission prompt.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ esbuild: { jsx: 'automatic', jsxImportSource: 'preact' } }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : [],
    optional_host_permissions: allOptionalOrigins(),
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
