chrome.storage.session.get('lastWord', ({lastWord}) => { document.getElementById('definition').textContent = lastWord || ''; });
