var s = document.createElement('script'); s.src = chrome.extension.getURL('inject.js'); document.head.appendChild(s);
