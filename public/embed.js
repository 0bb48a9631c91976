// Embeds the chat of the onderwijsloket on another site (utrechtleert.nl):
//   <script src="https://<bot>/embed.js" data-lang="nl" async></script>
// adds a button at the bottom right that opens the chat page of the bot in a panel. The page is loaded only when
// someone opens the chat, so the host site stays fast.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const lang = script.dataset.lang === 'en' || (!script.dataset.lang && /^en\b/i.test(document.documentElement.lang)) ? 'en' : 'nl';
  const text = {
    nl: { open: 'Chat met het onderwijsloket', close: 'Sluit de chat', title: 'Chat met het onderwijsloket van Utrecht Leert' },
    en: { open: 'Chat with the education desk', close: 'Close the chat', title: 'Chat with the education desk of Utrecht Leert' },
  }[lang];

  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.open;
  button.setAttribute('aria-expanded', 'false');
  Object.assign(button.style, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000', padding: '0.75rem 1.25rem', font: 'inherit',
    fontFamily: 'system-ui, sans-serif', fontWeight: '700', color: '#ffffff', background: '#1d4f91', border: '2px solid #ffffff',
    borderRadius: '999px',
    boxShadow: '0 2px 8px rgba(0,0,0,0.3)', cursor: 'pointer',
  });

  const panel = document.createElement('div');
  panel.id = 'onderwijsloket-chat';
  panel.hidden = true;
  panel.style.display = 'none';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', text.title);
  Object.assign(panel.style, {
    position: 'fixed', right: '1rem', bottom: '4.5rem', zIndex: '2147483000', width: 'min(26rem, calc(100vw - 2rem))',
    height: 'min(40rem, calc(100vh - 6rem))', background: '#ffffff', border: '1px solid #c4c9d1', borderRadius: '8px',
    boxShadow: '0 4px 16px rgba(0,0,0,0.3)', overflow: 'hidden', flexDirection: 'column',
  });
  button.setAttribute('aria-controls', panel.id);

  const bar = document.createElement('div');
  Object.assign(bar.style, { display: 'flex', justifyContent: 'flex-end', background: '#1d4f91' });
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = text.close;
  Object.assign(close.style, {
    padding: '0.5rem 0.75rem', font: '1rem system-ui, sans-serif', color: '#ffffff', background: 'transparent', border: '0',
    textDecoration: 'underline', cursor: 'pointer',
  });
  bar.append(close);

  let frame;
  const setOpen = (open) => {
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = `${origin}/?lang=${lang}`;
      frame.title = text.title;
      Object.assign(frame.style, { flex: '1', width: '100%', border: '0' });
      panel.append(frame);
    }
    panel.hidden = !open;
    panel.style.display = open ? 'flex' : 'none';
    button.setAttribute('aria-expanded', String(open));
    (open ? frame : button).focus();
  };
  button.addEventListener('click', () => setOpen(panel.hidden));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });

  panel.append(bar);
  document.body.append(panel, button);
})();
