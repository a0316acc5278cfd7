document.getElementById('m').textContent = chrome.i18n.getMessage('greeting', ['you']);
