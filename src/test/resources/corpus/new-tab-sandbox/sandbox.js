window.addEventListener('message', (e) => e.source.postMessage('rendered', e.origin));
