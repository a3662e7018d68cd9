// The Slack bot's own short sentences in en and ru. Plain text: callers escape them (escapeSlack or
// the notice template) before they reach Slack's mrkdwn.

import type { Locale } from '../../src/ports.js';

type Texts = {
  notLinked: string;
  linked: (company: string, role: string) => string;
  viewerCannotAct: string;
  tampered: string;
  expired: string;
  malformed: string;
  notFound: string;
  noDigest: string;
  badQuantity: string;
  editTitle: string;
  editLabel: (sku: string, name: string, qty: number) => string;
  save: string;
  cancel: string;
  failed: string;
  cannotPost: string;
};

export const SLACK_TEXTS: Readonly<Record<Locale, Texts>> = {
  en: {
    notLinked:
      'This channel is not linked to stockpilot yet, so I cannot show any company data here. Ask an admin of your company in stockpilot for a link code and run /link CODE here.',
    linked: (company, role) => `Linked to ${company}. Your role: ${role}. Try /digest or /help.`,
    viewerCannotAct: 'Viewers can only look. Ask an admin for the buyer role to approve or snooze.',
    tampered: 'This button is not valid. Use the buttons of a fresh /digest.',
    expired: 'This button has expired. Run /digest for fresh buttons.',
    malformed: 'I do not recognise this button. Run /digest for fresh buttons.',
    notFound: 'I cannot find this recommendation for your company. Run /digest for fresh buttons.',
    noDigest: 'There is no digest yet: the first procurement run has not happened.',
    badQuantity: 'Enter a whole number of units from 1 to 1000000, for example 150.',
    editTitle: 'Edit quantity',
    editLabel: (sku, name, qty) => `Units of ${sku} ${name} (recommended ${qty})`,
    save: 'Approve',
    cancel: 'Cancel',
    failed: 'Something went wrong on our side; nothing was changed. Please try again in a minute.',
    cannotPost: 'I cannot post in this channel. Invite me with /invite @stockpilot and run /digest again.',
  },
  ru: {
    notLinked:
      'Этот канал ещё не привязан к stockpilot, поэтому данные компании здесь не показываются. Попросите администратора вашей компании код привязки и выполните здесь /link КОД.',
    linked: (company, role) =>
      `Канал привязан к компании ${company}. Ваша роль: ${role}. Попробуйте /digest или /help.`,
    viewerCannotAct: 'Наблюдатель может только смотреть. Попросите администратора дать роль закупщика.',
    tampered: 'Эта кнопка недействительна. Используйте кнопки свежей сводки /digest.',
    expired: 'Срок действия кнопки истёк. Выполните /digest, чтобы получить новые кнопки.',
    malformed: 'Не узнаю эту кнопку. Выполните /digest, чтобы получить новые кнопки.',
    notFound: 'Не нахожу эту рекомендацию в вашей компании. Выполните /digest.',
    noDigest: 'Сводки ещё нет: первый расчёт закупок ещё не выполнен.',
    badQuantity: 'Введите целое число штук от 1 до 1000000, например 150.',
    editTitle: 'Изменить количество',
    editLabel: (sku, name, qty) => `Штук ${sku} ${name} (рекомендуется ${qty})`,
    save: 'Утвердить',
    cancel: 'Отмена',
    failed: 'У нас что-то пошло не так, ничего не изменено. Попробуйте через минуту.',
    cannotPost: 'Я не могу писать в этот канал. Пригласите меня: /invite @stockpilot, и повторите /digest.',
  },
};

export const slackTexts = (locale: Locale): Texts => SLACK_TEXTS[locale];
