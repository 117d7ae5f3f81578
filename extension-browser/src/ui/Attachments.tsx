import { browser } from 'wxt/browser';
import type { CaptureDraft } from '../capture/formState';
import { useT } from './i18nContext';

/** The capture's attachments: each removable, a screenshot button, and the permission screenshots may need. */
export function Attachments(props: {
  attachments: CaptureDraft['attachments'];
  onChange: (attachments: CaptureDraft['attachments']) => void;
  onScreenshot: () => void;
  /** Outside a toolbar-opened tab there is no activeTab grant: offer the optional permission (needs a click). */
  needPermission: boolean;
  onPermission: () => void;
}) {
  const t = useT();
  return (
    <div class="attachments">
      {props.attachments.map((a, i) => (
        <span key={a.name} class="attachment">
          {a.name}{' '}
          <button type="button" aria-label={t('remove')} onClick={() => props.onChange(props.attachments.filter((_, j) => j !== i))}>
            ✕
          </button>
        </span>
      ))}
      <button type="button" class="take-screenshot" onClick={props.onScreenshot}>
        {t('screenshot')}
      </button>
      {props.needPermission && (
        <button
          type="button"
          class="allow-screenshots"
          onClick={() =>
            void browser.permissions.request({ origins: ['<all_urls>'] }).then((ok) => {
              if (ok) props.onPermission();
            })
          }
        >
          {t('allowScreenshots')}
        </button>
      )}
    </div>
  );
}
