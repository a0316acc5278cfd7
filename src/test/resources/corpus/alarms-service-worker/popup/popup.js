document.getElementById('stop').onclick = () => chrome.alarms.clearAll();
