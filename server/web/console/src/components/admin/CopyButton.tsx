import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n.js';

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ t, text }: { t: Translate; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
      }}
    >
      {copied ? t('copied') : t('copy')}
    </button>
  );
}
