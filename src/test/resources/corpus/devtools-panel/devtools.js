chrome.devtools.panels.create('Sample', 'img/logo16.png', 'panel/panel.html');
