import { CONTACT_EMAIL, type Lang } from '../knowledge/index.js';

/** Hours a website chat is kept after its last message, so that a reload (or a restart) can pick it up again. */
export const TRANSCRIPT_HOURS = 24;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  nl: {
    title: 'Onderwijsloket Utrecht Leert',
    pageTitle: 'Chat met het onderwijsloket van Utrecht Leert',
    languages: 'Taal',
    assistant: `Je chat met de digitale assistent van het onderwijsloket. Dat is een computerprogramma, geen mens. Wil je een medewerker spreken? Typ "praat met een medewerker" in de chat, of mail naar ${CONTACT_EMAIL}.`,
    privacyTitle: 'Voordat je begint',
    privacy: [
      'De assistent gebruikt wat je typt alleen om je vraag te beantwoorden. Typ geen gegevens die je niet wilt delen.',
      `Het gesprek blijft ${TRANSCRIPT_HOURS} uur na je laatste bericht bewaard, zodat je verder kunt als je de pagina opnieuw opent. Daarna wordt het gewist. Typ "verwijder mijn gegevens" om het meteen te wissen.`,
      'Wil je dat iemand contact met je opneemt? Dan vraagt de assistent eerst of je dat goed vindt.',
    ],
    privacyLink: 'Lees de privacyverklaring',
    start: 'Start de chat',
    chat: 'Chat met de assistent',
    unavailable: `De chat werkt nu even niet. Probeer het later nog eens, of mail naar ${CONTACT_EMAIL}.`,
    loading: 'De chat wordt geladen…',
    noScript: `Voor de chat is JavaScript nodig. Je kunt ook mailen naar ${CONTACT_EMAIL}.`,
    placeholder: 'Typ je vraag',
  },
  en: {
    title: 'Onderwijsloket Utrecht Leert',
    pageTitle: 'Chat with the education desk of Utrecht Leert',
    languages: 'Language',
    assistant: `You are chatting with the digital assistant of the education desk (onderwijsloket). It is a computer program, not a person. Want to talk to a person? Type "talk to a person" in the chat, or e-mail ${CONTACT_EMAIL}.`,
    privacyTitle: 'Before you start',
    privacy: [
      'The assistant uses what you type only to answer your question. Do not type details you do not want to share.',
      `The conversation is kept for ${TRANSCRIPT_HOURS} hours after your last message, so you can go on when you open the page again. Then it is deleted. Type "delete my data" to delete it at once.`,
      'Want someone to contact you? The assistant asks for your consent first.',
    ],
    privacyLink: 'Read the privacy statement',
    start: 'Start the chat',
    chat: 'Chat with the assistant',
    unavailable: `The chat is not working right now. Please try again later, or e-mail ${CONTACT_EMAIL}.`,
    loading: 'Loading the chat…',
    noScript: `The chat needs JavaScript. You can also e-mail ${CONTACT_EMAIL}.`,
    placeholder: 'Type your question',
  },
} satisfies Record<Lang, Record<string, string | string[]>>;

export interface ChatPageOptions {
  lang: Lang;
  /** The per-response nonce that lets Web Chat's styles through the Content-Security-Policy. */
  nonce: string;
  /** Where the Web Chat bundle is served. */
  webChatScript: string;
}

/** The website chat: who you talk to, how to reach a person, a short privacy notice, and then Web Chat. */
export function chatPage({ lang, nonce, webChatScript }: ChatPageOptions): string {
  const t = TEXT[lang];
  const config = {
    lang,
    locale: lang === 'nl' ? 'nl-NL' : 'en-US',
    tokenUrl: '/webchat/token',
    nonce,
    loading: t.loading,
    unavailable: t.unavailable,
    // Web Chat's own Dutch says "u"; the loket says "je".
    strings: { TEXT_INPUT_PLACEHOLDER: t.placeholder },
  };
  const languageLink = (code: Lang, label: string) =>
    `<a href="/?lang=${code}" lang="${code}" hreflang="${code}"${code === lang ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.pageTitle)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/webchat/chat.css">
<script src="/webchat/chat.js" defer></script>
<script src="${webChatScript}" id="webchat-script" defer></script>
</head>
<body>
<header class="top">
<p class="name">${escape(t.title)}</p>
<nav aria-label="${escape(t.languages)}">${languageLink('nl', 'Nederlands')} ${languageLink('en', 'English')}</nav>
</header>
<main>
<h1 class="visually-hidden">${escape(t.pageTitle)}</h1>
<p class="assistant">${escape(t.assistant)}</p>
<section id="intro" class="intro" aria-labelledby="intro-title">
<h2 id="intro-title">${escape(t.privacyTitle)}</h2>
${t.privacy.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p><a href="/privacy?lang=${lang}" target="_blank" rel="noopener">${escape(t.privacyLink)}</a></p>
<button id="start" type="button">${escape(t.start)}</button>
<noscript><p>${escape(t.noScript)}</p></noscript>
</section>
<section id="chat" class="chat" aria-label="${escape(t.chat)}" hidden></section>
<p id="status" class="status" role="status" aria-live="polite"></p>
</main>
<script type="application/json" id="chat-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
}
