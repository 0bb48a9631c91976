// The website chat: gets a Direct Line token for a conversation of its own from the server, renders Web Chat, and
// keeps the conversation for this browser tab so that a reload (or a restart of the server) picks it up again.
(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('chat-config').textContent);
  const intro = document.getElementById('intro');
  const chat = document.getElementById('chat');
  const start = document.getElementById('start');
  const status = document.getElementById('status');
  const STORAGE_KEY = 'onderwijsloket.chat';
  // Web Chat is large and loads after this script, so that the start button works at once.
  const webChatLoaded = new Promise((resolve, reject) => {
    if (window.WebChat) return resolve();
    const script = document.getElementById('webchat-script');
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('Web Chat did not load')));
  });
  const MARGIN_MS = 60 * 1000;

  const styleOptions = {
    accent: '#1d4f91',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    bubbleBackground: '#f1f3f6',
    bubbleBorderRadius: 8,
    bubbleFromUserBackground: '#1d4f91',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 8,
    bubbleMaxWidth: 640,
    subtle: '#595959',
    timestampColor: '#595959',
    hideUploadButton: true,
    sendBoxTextWrap: true,
    sendBoxButtonColor: '#1d4f91',
    sendBoxPlaceholderColor: '#595959',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d4f91',
    suggestedActionTextColor: '#1d4f91',
    suggestedActionBorderRadius: 16,
    transitionDuration: '0s',
  };

  function saved() {
    try {
      const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
      return session && session.conversationId && session.token && session.expiresAt > Date.now() + MARGIN_MS ? session : null;
    } catch {
      return null;
    }
  }

  function save(session) {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage may be off (private mode): the chat works, a reload starts afresh.
    }
  }

  async function newConversation() {
    const response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lang: config.lang }),
    });
    if (!response.ok) throw new Error(`token: ${response.status}`);
    const grant = await response.json();
    return { ...grant, expiresAt: Date.now() + grant.expiresIn * 1000 };
  }

  async function open(session, resume) {
    await webChatLoaded;
    intro.hidden = true;
    chat.hidden = false;
    const directLine = window.WebChat.createDirectLine({
      domain: session.domain,
      token: session.token,
      webSocket: true,
      ...(resume ? { conversationId: session.conversationId } : {}),
    });
    // Direct Line refreshes its token every 15 minutes: keep the newest for a reload.
    setInterval(() => {
      if (directLine.token && directLine.token !== session.token) {
        save({ ...session, token: directLine.token, expiresAt: Date.now() + 30 * 60 * 1000 });
        session.token = directLine.token;
      }
    }, 10 * 1000);
    window.WebChat.renderWebChat(
      { directLine, locale: config.locale, overrideLocalizedStrings: config.strings, styleOptions, nonce: config.nonce },
      chat,
    );
    status.textContent = '';
    const focusSendBox = () => {
      const box = chat.querySelector('[data-id="webchat-sendbox-input"], input[type="text"], textarea');
      if (box) box.focus();
      else requestAnimationFrame(focusSendBox);
    };
    focusSendBox();
  }

  start.addEventListener('click', async () => {
    start.disabled = true;
    status.textContent = config.loading;
    try {
      const session = await newConversation();
      save(session);
      await open(session, false);
    } catch {
      status.textContent = config.unavailable;
      start.disabled = false;
    }
  });

  const session = saved();
  if (session) {
    open(session, true).catch(() => {
      status.textContent = config.unavailable;
    });
  }
})();
