import { CONTACT_EMAIL, type Lang } from '../knowledge/index.js';
import type { Destination } from './routing.js';

export interface PrivacyFacts {
  retentionDays: number;
  /** Hours a website chat is kept after its last message. */
  chatHours: number;
  destinations: readonly Destination[];
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  nl: (f: PrivacyFacts) => ({
    title: 'Privacyverklaring van de chatbot van het onderwijsloket',
    sections: [
      ['Wie', [`De chatbot is de digitale assistent van het onderwijsloket van Utrecht Leert (Onderwijsregio Utrecht Stad). Vragen over je gegevens? Mail naar ${CONTACT_EMAIL}.`]],
      [
        'Als je alleen vragen stelt',
        [
          'De chatbot onthoudt per gesprek je taal, waar je vragen over gingen en de vragen die hij niet kon beantwoorden. E-mailadressen en telefoonnummers haalt hij daar eerst uit. Je naam vraagt hij niet.',
          `Een gesprek waarin ${f.retentionDays} dagen niets gebeurt, wordt gewist.`,
          `Chat je op de website? Dan bewaart de chatbot wat jij en hij typten ${f.chatHours} uur na je laatste bericht, zodat je verder kunt als je de pagina opnieuw opent. Daarna wordt het gewist.`,
          'Om misbruik te stoppen telt de chatbot hoeveel gesprekken er vanaf één internetadres beginnen. Dat adres staat alleen in het geheugen, hoogstens een uur, en wordt niet opgeslagen.',
        ],
      ],
      [
        'Als je om contact vraagt',
        [
          'Alleen als jij daarvoor toestemming geeft, geeft de chatbot door: je naam, je e-mailadres en/of telefoonnummer, hoe en wanneer je contact wilt, je vraag, wat je vertelde over je situatie (diploma, werk, wat je wilt), het advies van de chatbot en, als je dat goed vindt, een korte samenvatting van het gesprek.',
          `Dat gaat naar de ontvanger die bij je vraag hoort: ${f.destinations.map((d) => `${d.name.nl} (${d.email})`).join('; ')}.`,
          'Zij gebruiken het alleen om contact met je op te nemen en je verder te helpen. Ze krijgen je aanvraag in hun Microsoft Teams-kanaal, per e-mail of in hun ticketsysteem.',
        ],
      ],
      ['Hoe lang', [`${f.retentionDays} dagen na je aanvraag worden je naam, contactgegevens en vraag automatisch gewist. Een aanvraag die je niet afmaakt, wordt na een dag gewist.`]],
      [
        'Wissen',
        [
          `Typ in de chat "verwijder mijn gegevens". Dan wist de chatbot meteen je aanvragen en het gesprek, en haalt hij je gegevens van de kaarten in Teams. Een e-mail die al verstuurd is, kan hij niet terughalen: vraag daarvoor de ontvanger of mail naar ${CONTACT_EMAIL}.`,
        ],
      ],
      ['Logboeken', ['De logboeken van de chatbot bevatten geen berichten, namen, e-mailadressen of telefoonnummers.']],
    ] as [string, string[]][],
  }),
  en: (f: PrivacyFacts) => ({
    title: 'Privacy statement of the education desk chatbot',
    sections: [
      ['Who', [`The chatbot is the digital assistant of the education desk (onderwijsloket) of Utrecht Leert (Onderwijsregio Utrecht Stad). Questions about your data? E-mail ${CONTACT_EMAIL}.`]],
      [
        'When you only ask questions',
        [
          'Per conversation, the chatbot remembers your language, what your questions were about and the questions it could not answer, with any e-mail address or phone number taken out first. It does not ask your name.',
          `A conversation without activity for ${f.retentionDays} days is deleted.`,
          `Chatting on the website? Then the chatbot keeps what you and it typed for ${f.chatHours} hours after your last message, so you can go on when you open the page again. Then it is deleted.`,
          'To stop misuse, the chatbot counts how many chats start from one internet address. That address is kept only in memory, for an hour at most, and is not stored.',
        ],
      ],
      [
        'When you ask to be contacted',
        [
          'Only with your consent, the chatbot passes on: your name, your e-mail address and/or phone number, how and when you want to be contacted, your question, what you told about your situation (diploma, work, what you want), the chatbot\'s advice and, if you agree, a short summary of the conversation.',
          `It goes to the recipient that fits your question: ${f.destinations.map((d) => `${d.name.en} (${d.email})`).join('; ')}.`,
          'They use it only to get in touch with you and help you further. They receive your request in their Microsoft Teams channel, by e-mail or in their ticket system.',
        ],
      ],
      ['How long', [`${f.retentionDays} days after your request, your name, contact details and question are deleted automatically. A request you do not finish is deleted after one day.`]],
      [
        'Deleting',
        [
          `Type "delete my data" in the chat. The chatbot then deletes your requests and the conversation at once, and takes your details off the cards in Teams. It cannot take back an e-mail that was already sent: ask the recipient, or e-mail ${CONTACT_EMAIL}.`,
        ],
      ],
      ['Logs', ['The chatbot\'s logs contain no messages, names, e-mail addresses or phone numbers.']],
    ] as [string, string[]][],
  }),
};

/** The privacy statement the consent step links to, as a small HTML page. */
export function privacyPage(lang: Lang, facts: PrivacyFacts): string {
  const { title, sections } = TEXT[lang](facts);
  const other = lang === 'nl' ? '<a href="?lang=en" hreflang="en">English</a>' : '<a href="?lang=nl" hreflang="nl">Nederlands</a>';
  const body = sections.map(([heading, paragraphs]) => `<h2>${escape(heading)}</h2>\n${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body>
<p>${other}</p>
<h1>${escape(title)}</h1>
${body}
</body>
</html>
`;
}
