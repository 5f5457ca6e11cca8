import antd from 'antd/locale/en_US';
import type { LocaleBundle } from '../../shared/i18n/i18n';
import { byNamespace } from '../locales';

// A glob takes a literal pattern only: one file per language.
const files = import.meta.glob<Record<string, unknown>>(
  ['../../shared/i18n/locales/en.json', '../../features/*/locales/en.json'],
  { eager: true, import: 'default' },
);

export default { namespaces: byNamespace(files), antd } satisfies LocaleBundle;
