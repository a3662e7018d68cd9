// The bot's own short sentences (refusals, prompts, button labels) in en and ru. Plain text: callers
// escape it (the notice template, or escapeTelegram) before it reaches Telegram's HTML parser.

import type { Locale } from '../../src/ports.js';

type Texts = {
  notLinked: string;
  linked: (company: string, role: string) => string;
  viewerCannotAct: string;
  tampered: string;
  expired: string;
  malformed: string;
  notFound: string;
  alreadyDone: (settled: string) => string;
  noDigest: string;
  confirmApprove: (qty: number, sku: string, name: string) => string;
  yes: (qty: number) => string;
  cancel: string;
  cancelled: (who: string) => string;
  confirmBelow: string;
  editPrompt: (who: string, sku: string, name: string, qty: number) => string;
  editAnswer: string;
  badQuantity: string;
  failed: string;
  done: string;
};

export const TEXTS: Readonly<Record<Locale, Texts>> = {
  en: {
    notLinked:
      'This chat is not linked to stockpilot yet, so I cannot show any company data here. Ask an admin of your company in stockpilot for a link code and send /link CODE in this chat.',
    linked: (company, role) => `Linked to ${company}. Your role: ${role}. Try /digest or /help.`,
    viewerCannotAct: 'Viewers can only look. Ask an admin for the buyer role to approve or snooze.',
    tampered: 'This button is not valid. Use the buttons of a fresh /digest.',
    expired: 'This button has expired. Send /digest for fresh buttons.',
    malformed: 'I do not recognise this button. Send /digest for fresh buttons.',
    notFound: 'I cannot find this recommendation for your company. Send /digest for fresh buttons.',
    alreadyDone: (settled) => `Already done: ${settled}`,
    noDigest: 'There is no digest yet: the first procurement run has not happened.',
    confirmApprove: (qty, sku, name) => `Approve ${qty} units of ${sku} ${name}?`,
    yes: (qty) => `✅ Yes, approve ${qty}`,
    cancel: '✖️ Cancel',
    cancelled: (who) => `Cancelled by ${who}.`,
    confirmBelow: 'Confirm below.',
    editPrompt: (who, sku, name, qty) =>
      `${who}, how many units of ${sku} ${name} should I approve? Recommended: ${qty}. Reply to this message with a number.`,
    editAnswer: 'Reply with the quantity.',
    badQuantity: 'Please reply with a whole number of units from 1 to 1000000, for example 150.',
    failed: 'Something went wrong on our side; nothing was changed. Please try again in a minute.',
    done: 'Done.',
  },
  ru: {
    notLinked:
      'Этот чат ещё не привязан к stockpilot, поэтому данные компании здесь не показываются. Попросите администратора вашей компании в stockpilot код привязки и отправьте в этот чат /link КОД.',
    linked: (company, role) =>
      `Чат привязан к компании ${company}. Ваша роль: ${role}. Попробуйте /digest или /help.`,
    viewerCannotAct: 'Наблюдатель может только смотреть. Попросите администратора дать роль закупщика.',
    tampered: 'Эта кнопка недействительна. Используйте кнопки свежей сводки /digest.',
    expired: 'Срок действия кнопки истёк. Отправьте /digest, чтобы получить новые кнопки.',
    malformed: 'Не узнаю эту кнопку. Отправьте /digest, чтобы получить новые кнопки.',
    notFound: 'Не нахожу эту рекомендацию в вашей компании. Отправьте /digest.',
    alreadyDone: (settled) => `Уже сделано: ${settled}`,
    noDigest: 'Сводки ещё нет: первый расчёт закупок ещё не выполнен.',
    confirmApprove: (qty, sku, name) => `Утвердить ${qty} шт. ${sku} ${name}?`,
    yes: (qty) => `✅ Да, утвердить ${qty}`,
    cancel: '✖️ Отмена',
    cancelled: (who) => `Отменено: ${who}.`,
    confirmBelow: 'Подтвердите ниже.',
    editPrompt: (who, sku, name, qty) =>
      `${who}, сколько штук ${sku} ${name} утвердить? Рекомендуется: ${qty}. Ответьте на это сообщение числом.`,
    editAnswer: 'Ответьте числом.',
    badQuantity: 'Ответьте целым числом штук от 1 до 1000000, например 150.',
    failed: 'У нас что-то пошло не так, ничего не изменено. Попробуйте через минуту.',
    done: 'Готово.',
  },
};

export const textsFor = (locale: Locale): Texts => TEXTS[locale];

/** Telegram's language_code for people we do not know yet; the company's language otherwise. */
export const guessLocale = (languageCode: string | undefined): Locale =>
  languageCode?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
