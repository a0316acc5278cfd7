document.getElementById('color').onchange = (e) => chrome.storage.sync.set({color: e.target.value});
