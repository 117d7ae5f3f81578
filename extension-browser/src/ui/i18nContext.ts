import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/translate';

export const I18n = createContext<Translate>((k) => k);
export const useT = () => useContext(I18n);
