import antd from 'antd/locale/zh_CN';
import type { LocaleBundle } from '../../shared/i18n/i18n';
import { byNamespace } from '../locales';

// A glob takes a literal pattern only: one file per language.
const files = import.meta.glob<Record<string, unknown>>(
  ['../../shared/i18n/locales/zh-CN.json', '../../features/*/locales/zh-CN.json'],
  { eager: true, import: 'default' },
);

export default { namespaces: byNamespace(files), antd } satisfies LocaleBundle;
