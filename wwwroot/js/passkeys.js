// Passkeys (WebAuthn) for the back office. Progressive enhancement: a form marked data-passkey="create" or "get" stays
// hidden without JavaScript or WebAuthn, and the password forms work as they are. With both, submitting the form
// first asks the server for options, lets the browser make or use a passkey, puts the result in the hidden
// "credential" field and then submits the form normally, so the server answers with an ordinary page.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !window.fetch || !navigator.credentials) return;

  function decode(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function decodeIds(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: decode(c.id) }); });
  }

  // The server's JSON (WebAuthn's JSON form, binary fields as base64url) into what the browser API takes.
  function creationOptions(json) {
    json.challenge = decode(json.challenge);
    json.user.id = decode(json.user.id);
    json.excludeCredentials = decodeIds(json.excludeCredentials);
    return json;
  }

  function requestOptions(json) {
    json.challenge = decode(json.challenge);
    json.allowCredentials = decodeIds(json.allowCredentials);
    return json;
  }

  // The browser's credential into WebAuthn's JSON form, which ASP.NET Core Identity reads.
  function credentialJson(credential) {
    var response = credential.response;
    var out = {
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: encode(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      out.response.attestationObject = encode(response.attestationObject);
      out.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      out.response.authenticatorData = encode(response.authenticatorData);
      out.response.signature = encode(response.signature);
      out.response.userHandle = response.userHandle ? encode(response.userHandle) : null;
    }
    return JSON.stringify(out);
  }

  function optionsUrl(form) {
    var url = new URL(form.action, location.href);
    url.searchParams.set('handler', form.getAttribute('data-passkey-options'));
    return url.toString();
  }

  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var creating = form.getAttribute('data-passkey') === 'create';
    var status = form.querySelector('.passkey-status');
    var field = form.querySelector('input[name=credential]');
    var busy = false;
    form.hidden = false;
    document.querySelectorAll('[data-passkey-fallback]').forEach(function (el) { el.hidden = true; });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      status.textContent = creating ? 'Volg de stappen van je browser of telefoon om de passkey te maken.' : 'Kies je passkey in het venster van je browser of telefoon.';
      var token = form.querySelector('input[name=__RequestVerificationToken]').value;
      fetch(optionsUrl(form), { method: 'POST', credentials: 'same-origin', headers: { RequestVerificationToken: token } })
        .then(function (answer) {
          if (!answer.ok) throw new Error('options ' + answer.status);
          return answer.json();
        })
        .then(function (json) {
          return creating
            ? navigator.credentials.create({ publicKey: creationOptions(json) })
            : navigator.credentials.get({ publicKey: requestOptions(json) });
        })
        .then(function (credential) {
          field.value = credentialJson(credential);
          status.textContent = 'Even geduld…';
          form.submit();
        })
        .catch(function () {
          busy = false;
          status.textContent = creating
            ? 'Het maken van de passkey is gestopt of niet gelukt. Probeer het opnieuw.'
            : 'Inloggen met een passkey is gestopt of niet gelukt. Probeer het opnieuw, of log in met je wachtwoord.';
        });
    });
  });
})();
