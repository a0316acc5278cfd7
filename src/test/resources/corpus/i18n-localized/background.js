chrome.runtime.onInstalled.addListener(() => chrome.contextMenus.create({id: 't', title: chrome.i18n.getMessage('actionTitle'), contexts: ['selection']}));
