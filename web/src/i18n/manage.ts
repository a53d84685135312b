// The manager and admin pages' messages, merged into the UI's languages when the first of those
// pages loads (importing this module is enough).
import { i18n } from './index';
import en from './manage.en';
import zhCN from './manage.zh-CN';

i18n.global.mergeLocaleMessage('en', en);
i18n.global.mergeLocaleMessage('zh-CN', zhCN);
