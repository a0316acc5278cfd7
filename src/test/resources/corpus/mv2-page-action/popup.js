chrome.tabs.query({}, (t) => { document.getElementById('n').textContent = t.length; });
