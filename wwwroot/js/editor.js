// The Markdown editor of the back office, on top of plain textareas that work without JavaScript:
// - shows the <markdown-toolbar> buttons once that element is defined (it is loaded as a module just before this);
// - renders a live preview for textareas with data-live-preview, through the server's own Markdown renderer and
//   sanitiser, so the preview is exactly what the public page will show. Nothing is saved by either.
const delay = 400;

customElements.whenDefined('markdown-toolbar').then(() => {
  document.querySelectorAll('markdown-toolbar[hidden]').forEach((toolbar) => { toolbar.hidden = false; });
});

const form = document.querySelector('form.edit-form');
const token = form?.querySelector('input[name=__RequestVerificationToken]')?.value;

document.querySelectorAll('textarea[data-live-preview]').forEach((field) => {
  const panel = document.getElementById(field.dataset.livePreview);
  const output = panel?.querySelector('.markdown-editor__output');
  if (!panel || !output || !token) return;
  panel.hidden = false;
  field.closest('.markdown-editor')?.classList.add('markdown-editor--live');

  let timer = 0;
  let asked = 0;
  const render = async () => {
    const mine = ++asked;
    const url = new URL(location.href);
    url.search = '';
    url.searchParams.set('handler', 'Weergave');
    try {
      const answer = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { RequestVerificationToken: token },
        body: new URLSearchParams({ markdown: field.value }),
      });
      if (!answer.ok) throw new Error(String(answer.status));
      const html = await answer.text();
      // Only the newest answer counts: an older, slower one must not overwrite it.
      if (mine === asked) output.innerHTML = html;
    } catch {
      if (mine === asked) output.textContent = 'Het voorbeeld kon even niet worden gemaakt. Je tekst is niet verloren; opslaan werkt gewoon.';
    }
  };
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, delay);
  });
  render();
});

// "Afbeelding invoegen": put the image's Markdown where the cursor was in the text (or at the end), then return there.
document.querySelectorAll('button[data-insert-image]').forEach((button) => {
  const field = document.getElementById(button.dataset.insertInto);
  if (!field) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    // The image becomes a paragraph of its own: a blank line before and after it, never more than one.
    const before = field.value.slice(0, start);
    const after = field.value.slice(end);
    const lead = !before || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    const text = lead + button.dataset.insertImage + trail;
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.focus();
  });
});
